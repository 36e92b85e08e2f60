// The stored form of an event: compact, and cheap to decode on replay (no JSON, no field names).
//
//   type u8 · flags u8 (1 recorded, 2 corrects, 4 source, 8 by) · id · child · occurred i32
//   · [recorded: nanoseconds i64, offset minutes i16, fraction digits u8] · [corrects] · [source] · [by] · data
//
// Strings are a LEB128 length and UTF-8; `data` is the type's fields in the order of EventBody+Fields.swift,
// each optional one behind a presence byte. The type, the id and the child come first so that a scan that
// needs only those stops early.

extension Event {
    public func write(binary w: inout BinaryWriter) {
        w.byte(type.rawValue)
        var flags: UInt8 = 0
        if recorded != nil { flags |= 1 }
        if corrects != nil { flags |= 2 }
        if source != nil { flags |= 4 }
        if by != nil { flags |= 8 }
        w.byte(flags)
        w.string(id.rawValue)
        w.string(child.rawValue)
        w.fixed(occurred.dayNumber)
        if let recorded {
            w.fixed(recorded.nanoseconds)
            w.fixed(recorded.offsetMinutes)
            w.byte(recorded.fractionDigits)
        }
        if let corrects { w.string(corrects.rawValue) }
        if let source { w.string(source) }
        if let by { w.string(by) }
        var fields = BinaryFieldWriter(binary: w)
        w = BinaryWriter(capacity: 0)  // hand the buffer over without copying it
        body.write(to: &fields)
        w = fields.binary
    }

    public static func read(binary r: inout BinaryReader) throws(BinaryReader.Damage) -> Event {
        let head = try readHeader(binary: &r)
        var fields = BinaryFieldReader(binary: r)
        let body: EventBody
        do {
            body = try EventBody.read(head.type, from: &fields)
        } catch let damage as BinaryReader.Damage {
            throw damage
        } catch {
            throw BinaryReader.Damage("\(error)")
        }
        r = fields.binary
        return Event(
            id: head.id, child: head.child, occurred: head.occurred, recorded: head.recorded, body: body,
            corrects: head.corrects, source: head.source, by: head.by)
    }

    /// What a stored event holds before its type's fields: all a count of a log's events by type, child and date
    /// needs (`LogStatistics`), read without making the fields.
    public struct Header: Sendable {
        public var type: EventType
        public var id: EventID
        public var child: ChildID
        public var occurred: CalendarDate
        public var recorded: Timestamp?
        public var corrects: EventID?
        public var source: String?
        public var by: String?
    }

    /// Reads a stored event up to its type's fields, which follow.
    public static func readHeader(binary r: inout BinaryReader) throws(BinaryReader.Damage) -> Header {
        guard let type = EventType(rawValue: try r.byte()) else { throw BinaryReader.Damage("unknown event type") }
        let flags = try r.byte()
        let id = EventID(try r.string())
        let child = ChildID(try r.string())
        let occurred = CalendarDate(dayNumber: try r.fixed(Int32.self))
        var recorded: Timestamp?
        if flags & 1 != 0 {
            let nanos = try r.fixed(Int64.self)
            let offset = try r.fixed(Int16.self)
            let digits = try r.byte()
            guard Timestamp.isValid(nanoseconds: nanos, offsetMinutes: offset, fractionDigits: digits) else {
                throw BinaryReader.Damage(
                    "a recorded time outside the years 1678 to 2261, or with an impossible offset")
            }
            recorded = Timestamp(nanoseconds: nanos, offsetMinutes: offset, fractionDigits: digits)
        }
        return Header(
            type: type, id: id, child: child, occurred: occurred, recorded: recorded,
            corrects: flags & 2 != 0 ? EventID(try r.string()) : nil,
            source: flags & 4 != 0 ? try r.string() : nil,
            by: flags & 8 != 0 ? try r.string() : nil)
    }

    /// Reads only the child of a stored event, as its UTF-8 bytes (valid while `r`'s are): what a scan for a few
    /// children's events compares, without making a string of every event's id and child.
    public static func childBytes(binary r: inout BinaryReader) throws(BinaryReader.Damage) -> UnsafeRawBufferPointer {
        guard EventType(rawValue: try r.byte()) != nil else { throw BinaryReader.Damage("unknown event type") }
        _ = try r.byte()
        try r.skipString()
        return try r.bytes()
    }

    /// Reads only the type, the id and the child of a stored event.
    public static func readKey(binary r: inout BinaryReader) throws(BinaryReader.Damage) -> (
        type: EventType, id: EventID, child: ChildID
    ) {
        guard let type = EventType(rawValue: try r.byte()) else { throw BinaryReader.Damage("unknown event type") }
        _ = try r.byte()
        let id = EventID(try r.string())
        let child = ChildID(try r.string())
        return (type, id, child)
    }
}
