// Reading and writing the interchange format (docs/events.md): one JSON object per line.

extension Event {
    static let envelopeFields = ["id", "type", "child", "occurred", "recorded", "data", "corrects", "source", "by"]

    /// Reads one line of the interchange format. Every problem of the envelope is reported, then the first problem
    /// of `data` and any unknown `data` fields.
    public static func parse(jsonLine bytes: UnsafeBufferPointer<UInt8>) -> Result<Event, InvalidEvent> {
        // Most lines are valid and plain: read them in place. Any other is read again through the tree below,
        // which alone decides what is wrong with a line and says so.
        if let event = parseScanned(bytes) { return .success(event) }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            return .failure(InvalidEvent([EventProblem(message: "not JSON: \(error)")]))
        }
        return parse(json: json)
    }

    public static func parse(jsonLine text: String) -> Result<Event, InvalidEvent> {
        var text = text
        return text.withUTF8 { parse(jsonLine: $0) }
    }

    public static func parse(json: JSONValue) -> Result<Event, InvalidEvent> {
        guard case .object(let members) = json else {
            return .failure(InvalidEvent([EventProblem(message: "an event must be a JSON object, found \(json.kind)")]))
        }
        var problems: [EventProblem] = []
        var id: EventID?
        var type: EventType?
        var child: ChildID?
        var occurred: CalendarDate?
        var recorded: Timestamp?
        var data: [JSONMember]?
        var corrects: EventID?
        var source: String?
        var by: String?

        func take<T: FieldValue>(_ field: String, _ value: JSONValue) -> T? {
            switch T.from(json: value) {
            case .success(let v): return v
            case .failure(let p):
                problems.append(EventProblem(field: field, message: p.message))
                return nil
            }
        }
        func text(_ field: String, _ value: JSONValue) -> String? {
            guard case .string(let s) = value else {
                problems.append(EventProblem(field: field, message: "expected a string, found \(value.kind)"))
                return nil
            }
            guard !s.isEmpty, s.utf8.count <= 64 else {
                problems.append(EventProblem(field: field, message: "must be 1–64 characters long"))
                return nil
            }
            return s
        }

        for member in members {
            if case .null = member.value, Self.envelopeFields.contains(member.key) { continue }
            switch member.key {
            case "id": id = take("id", member.value)
            case "child": child = take("child", member.value)
            case "occurred": occurred = take("occurred", member.value)
            case "corrects": corrects = take("corrects", member.value)
            case "source": source = text("source", member.value)
            case "by": by = text("by", member.value)
            case "type":
                guard case .string(let s) = member.value else {
                    problems.append(
                        EventProblem(field: "type", message: "expected a string, found \(member.value.kind)"))
                    continue
                }
                type = EventType(name: s)
                if type == nil {
                    let shown = s.count <= 40 ? s : String(s.prefix(40)) + "…"
                    problems.append(EventProblem(field: "type", message: "\"\(shown)\" is not an event type"))
                }
            case "recorded":
                guard case .string(let s) = member.value, let t = Timestamp(s) else {
                    var outOfRange: String?
                    if case .string(let s) = member.value { outOfRange = Timestamp.rangeProblem(in: s) }
                    problems.append(
                        EventProblem(
                            field: "recorded",
                            message: outOfRange
                                ?? "is not an RFC 3339 timestamp with an offset (2024-05-02T09:10:00Z)"))
                    continue
                }
                recorded = t
            case "data":
                guard case .object(let m) = member.value else {
                    problems.append(
                        EventProblem(field: "data", message: "expected an object, found \(member.value.kind)"))
                    continue
                }
                data = m
            default:
                problems.append(
                    EventProblem(
                        field: member.key,
                        message:
                            "is not a field of the event envelope (allowed: \(envelopeFields.joined(separator: ", ")))"
                    ))
            }
        }
        let present = Set(members.filter { $0.value != .null }.map(\.key))
        for required in ["id", "type", "child", "occurred", "data"] where !present.contains(required) {
            problems.append(EventProblem(field: required, message: "is required"))
        }

        var body: EventBody?
        if let type, let data {
            var reader = JSONFieldReader(data)
            var hasReadEveryField = false
            do {
                let b = try EventBody.read(type, from: &reader)
                hasReadEveryField = true
                if let p = b.problem { problems.append(p) } else { body = b }
            } catch let failure as JSONFieldReader.Failure {
                problems.append(failure.problem)
            } catch {
                problems.append(EventProblem(field: "data", message: "\(error)"))
            }
            // Reading stops at the first field missing or unreadable, before the fields after it are asked for:
            // only when every field was asked for is one never asked for not a field of the type.
            for unknown in reader.unknownFields() where hasReadEveryField {
                problems.append(EventProblem(field: "data." + unknown, message: "is not a field of \(type.name)"))
            }
        }
        if let id, let corrects, id == corrects {
            problems.append(EventProblem(field: "corrects", message: "an event cannot correct itself"))
        }
        if let child, case .childMerged(let into)? = body, into == child {
            problems.append(EventProblem(field: "data.into", message: "a child cannot be merged into itself"))
        }
        guard problems.isEmpty, let id, let child, let occurred, let body else {
            return .failure(InvalidEvent(problems))
        }
        return .success(
            Event(
                id: id, child: child, occurred: occurred, recorded: recorded, body: body, corrects: corrects,
                source: source, by: by))
    }

    /// Reads a valid line of the common form (strings without escapes) without building a JSON tree; nil for
    /// any other line, valid or not. Every value goes through the same `FieldValue.from(json:)` and the same
    /// parsers of dates, timestamps and type names as in `parse(json:)`, so an event read here is the event read
    /// there: this is a shortcut to the same answer, not a second reader of the format.
    static func parseScanned(_ bytes: UnsafeBufferPointer<UInt8>) -> Event? {
        withUnsafeTemporaryAllocation(of: ScannedMember.self, capacity: 2 * scannedMembers) { storage in
            var envelope = ScannedObject(storage: UnsafeMutableBufferPointer(rebasing: storage[0..<scannedMembers]))
            var data = ScannedObject(storage: UnsafeMutableBufferPointer(rebasing: storage[scannedMembers...]))
            var json = JSONParser(bytes: bytes)
            json.skipWhitespace()
            guard json.scanObject(&envelope, inner: &data, allowsInner: true) else { return nil }
            json.skipWhitespace()
            guard json.index == bytes.count else { return nil }
            return event(envelope: envelope.members, data: data.members, in: json)
        }
    }

    /// More members than any valid envelope or `data` has (9 and 8): a longer object has an unknown or a
    /// repeated field, and is left to the slow path.
    static let scannedMembers = 16

    /// The event a scanned line holds, or nil where `parse(json:)` would report a problem.
    static func event(
        envelope: UnsafeBufferPointer<ScannedMember>, data: UnsafeBufferPointer<ScannedMember>, in json: JSONParser
    ) -> Event? {
        func value<T: FieldValue>(_ member: ScannedMember) -> T? {
            guard let value = json.value(of: member), case .success(let v) = T.from(json: value) else { return nil }
            return v
        }
        func bytes(_ member: ScannedMember) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: json.bytes[member.value])
        }
        var id: EventID?
        var type: EventType?
        var child: ChildID?
        var occurred: CalendarDate?
        var recorded: Timestamp?
        var corrects: EventID?
        var source: String?
        var by: String?
        var hasData = false
        for member in envelope {
            guard let field = EnvelopeField(member.key, in: json) else { return nil }
            if member.kind == .null { continue }
            // Each value is read as `parse(json:)` reads it; where that would report a problem, give up.
            switch field {
            case .id:
                guard let v: EventID = value(member) else { return nil }
                id = v
            case .child:
                guard let v: ChildID = value(member) else { return nil }
                child = v
            case .corrects:
                guard let v: EventID = value(member) else { return nil }
                corrects = v
            case .type:
                guard member.kind == .string, let v = EventType(nameBytes: bytes(member)) else { return nil }
                type = v
            case .occurred:
                guard member.kind == .string, let v = CalendarDate(isoBytes: bytes(member)) else { return nil }
                occurred = v
            case .recorded:
                guard member.kind == .string, let v = Timestamp(rfc3339: bytes(member)) else { return nil }
                recorded = v
            case .source, .by:
                // Scanned strings have no escapes: the text's length is the string's.
                guard member.kind == .string, !member.value.isEmpty, member.value.count <= 64 else { return nil }
                if field == .source { source = json.string(member.value) } else { by = json.string(member.value) }
            case .data:
                guard member.kind == .object else { return nil }
                hasData = true
            }
        }
        guard let id, let type, let child, let occurred, hasData else { return nil }
        if let corrects, corrects == id { return nil }
        var reader = ScannedFieldReader(json: json, members: data)
        guard let body = try? EventBody.read(type, from: &reader), body.problem == nil, reader.hasUsedEveryMember
        else { return nil }
        if case .childMerged(let into) = body, into == child { return nil }
        return Event(
            id: id, child: child, occurred: occurred, recorded: recorded, body: body, corrects: corrects,
            source: source, by: by)
    }

    /// The fields of the envelope, known from the bytes of a key.
    enum EnvelopeField {
        case id, type, child, occurred, recorded, data, corrects, source, by

        init?(_ key: Range<Int>, in json: JSONParser) {
            switch key.count {
            case 2 where json.holds(key, "id" as StaticString): self = .id
            case 2 where json.holds(key, "by" as StaticString): self = .by
            case 4 where json.holds(key, "type" as StaticString): self = .type
            case 4 where json.holds(key, "data" as StaticString): self = .data
            case 5 where json.holds(key, "child" as StaticString): self = .child
            case 6 where json.holds(key, "source" as StaticString): self = .source
            case 8 where json.holds(key, "occurred" as StaticString): self = .occurred
            case 8 where json.holds(key, "recorded" as StaticString): self = .recorded
            case 8 where json.holds(key, "corrects" as StaticString): self = .corrects
            default: return nil
            }
        }
    }

    /// The canonical JSON of the event: envelope fields in the spec's order, then `data` fields in the spec's
    /// order, absent optional fields left out, no spaces. The same event always gives the same bytes.
    public func canonicalJSON() -> [UInt8] {
        var w = JSONFieldWriter(json: JSONWriter())
        w.json.beginObject()
        w.required("id", id)
        w.json.key("type")
        w.json.string(type.name)
        w.required("child", child)
        w.required("occurred", occurred)
        if let recorded {
            w.json.key("recorded")
            w.json.timestamp(recorded)
        }
        w.json.key("data")
        w.json.beginObject()
        body.write(to: &w)
        w.json.endObject()
        w.optional("corrects", corrects)
        if let source { w.required("source", source) }
        if let by { w.required("by", by) }
        w.json.endObject()
        return w.json.bytes
    }

    public var canonicalJSONString: String { String(decoding: canonicalJSON(), as: UTF8.self) }
}

extension EventType {
    /// The type named by these bytes, as `init?(name:)` finds it, without making a string of them.
    init?(nameBytes: UnsafeBufferPointer<UInt8>) {
        guard nameBytes.count < Self.namesByLength.count else { return nil }
        for (name, type) in Self.namesByLength[nameBytes.count] where name.elementsEqual(nameBytes) {
            self = type
            return
        }
        return nil
    }

    /// `names` as bytes, grouped by length, so that a lookup compares a few candidates at most.
    static let namesByLength: [[(name: [UInt8], type: EventType)]] = {
        var table = Array(repeating: [([UInt8], EventType)](), count: 1 + names.map(\.utf8.count).max()!)
        for type in allCases { table[type.name.utf8.count].append((Array(type.name.utf8), type)) }
        return table
    }()
}
