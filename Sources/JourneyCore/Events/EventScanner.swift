/// Reads a stored event (the form of Event+Binary.swift) in place, for a projection that needs a few numbers of
/// each event rather than the event: identifiers come as their `stableHash`, codes as their index, and nothing is
/// allocated. Replaying millions of events, making their strings would cost more than folding them.
///
/// The header is read on `init`. The fields of `data` must then be read in the order EventBody+Fields.swift gives
/// for the type (the order `Event.read(binary:)` reads them), each with the method for its kind, and `finish()`
/// called to check that nothing is left. A value that cannot be is damage, as in `Event.read(binary:)`.
///
/// Every method is `@inlinable`, as `BinaryReader`'s are: callers are in other modules, and the generic ones
/// must be specialized there.
public struct EventScanner {
    public let type: EventType
    /// The event's id, hashed (`Identifier.stableHash`).
    public let idHash: UInt64
    /// The child's id, as UTF-8, valid while the stored bytes are.
    public let child: UnsafeRawBufferPointer
    /// `occurred`, as a day number (`CalendarDate.dayNumber`).
    public let occurred: Int32
    /// `recorded`, in nanoseconds since 1970 UTC; `nil` when the event has none.
    public let recorded: Int64?
    /// The id hash of the event that `corrects` names; 0 when it names none.
    public let correctsHash: UInt64
    @usableFromInline var r: BinaryReader

    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer) throws(BinaryReader.Damage) {
        r = BinaryReader(bytes)
        guard let type = EventType(rawValue: try r.byte()) else { throw BinaryReader.Damage("unknown event type") }
        self.type = type
        let flags = try r.byte()
        idHash = StableHash.of(try r.bytes())
        child = try r.bytes()
        occurred = try r.fixed(Int32.self)
        if flags & 1 != 0 {
            let nanoseconds = try r.fixed(Int64.self)
            let offset = try r.fixed(Int16.self)
            let digits = try r.byte()
            // As `Event.read(binary:)` refuses them: a time that would overflow where it is printed is damage.
            guard Timestamp.isValid(nanoseconds: nanoseconds, offsetMinutes: offset, fractionDigits: digits) else {
                throw BinaryReader.Damage(
                    "a recorded time outside the years 1678 to 2261, or with an impossible offset")
            }
            recorded = nanoseconds
        } else {
            recorded = nil
        }
        correctsHash = flags & 2 != 0 ? StableHash.of(try r.bytes()) : 0
        if flags & 4 != 0 { try r.skipString() }
        if flags & 8 != 0 { try r.skipString() }
    }

    /// Whether the optional field that comes next is present (its presence byte, read).
    @inlinable
    public mutating func isPresent() throws(BinaryReader.Damage) -> Bool {
        try r.byte() != 0
    }

    /// A required identifier, hashed.
    @inlinable
    public mutating func identifier() throws(BinaryReader.Damage) -> UInt64 {
        StableHash.of(try r.bytes())
    }

    /// An optional identifier, hashed; 0 when absent.
    @inlinable
    public mutating func optionalIdentifier() throws(BinaryReader.Damage) -> UInt64 {
        try isPresent() ? try identifier() : 0
    }

    /// A required code, as its index in `List`.
    @inlinable
    public mutating func code<List: CodeList>(_: List.Type) throws(BinaryReader.Damage) -> UInt8 {
        let i = try r.byte()
        guard Int(i) < List.codes.count else { throw BinaryReader.Damage("a code is out of range") }
        return i
    }

    /// An optional code, as its index in `List` + 1; 0 when absent.
    @inlinable
    public mutating func optionalCode<List: CodeList>(_ list: List.Type) throws(BinaryReader.Damage) -> UInt8 {
        try isPresent() ? try code(list) + 1 : 0
    }

    /// An optional list of codes of `List`, each index given to `body`; false when the list is absent.
    @inlinable
    public mutating func optionalCodes<List: CodeList>(
        _ list: List.Type, _ body: (UInt8) -> Void
    ) throws(BinaryReader.Damage) -> Bool {
        guard try isPresent() else { return false }
        let n = try r.varint()
        guard n <= 255 else { throw BinaryReader.Damage("a list is too long") }
        for _ in 0..<n { body(try code(list)) }
        return true
    }

    @inlinable
    public mutating func bool() throws(BinaryReader.Damage) -> Bool {
        try r.byte() != 0
    }

    /// An optional Boolean: 0 when absent, 1 for false, 2 for true.
    @inlinable
    public mutating func optionalBool() throws(BinaryReader.Damage) -> UInt8 {
        try isPresent() ? (try bool() ? 2 : 1) : 0
    }

    /// An optional date, as a day number.
    @inlinable
    public mutating func optionalDate() throws(BinaryReader.Damage) -> Int32? {
        try isPresent() ? try r.fixed(Int32.self) : nil
    }

    /// A required whole number: 0 to `Int.max`, as `Event.read(binary:)` reads it (more is damage).
    @inlinable
    public mutating func count() throws(BinaryReader.Damage) -> UInt64 {
        let n = try r.varint()
        guard n <= UInt64(Int.max) else { throw BinaryReader.Damage("a count is too large") }
        return n
    }

    /// An optional whole number: 0 to `Int.max`, as `Event.read(binary:)` reads it (more is damage).
    @inlinable
    public mutating func optionalCount() throws(BinaryReader.Damage) -> UInt64? {
        guard try isPresent() else { return nil }
        let n = try r.varint()
        guard n <= UInt64(Int.max) else { throw BinaryReader.Damage("a count is too large") }
        return n
    }

    /// An optional measure.
    @inlinable
    public mutating func optionalMeasure() throws(BinaryReader.Damage) -> Double? {
        try isPresent() ? Double(bitPattern: try r.fixed(UInt64.self)) : nil
    }

    /// Free text, made into a string: for the few fields a projection keeps as text (a team, a worker, a ward).
    @inlinable
    public mutating func text() throws(BinaryReader.Damage) -> String {
        try r.string()
    }

    /// Free text as its UTF-8 bytes, in place, without making the string: valid while the stored bytes are.
    @inlinable
    public mutating func textBytes() throws(BinaryReader.Damage) -> UnsafeRawBufferPointer {
        try r.bytes()
    }

    @inlinable
    public mutating func optionalText() throws(BinaryReader.Damage) -> String? {
        try isPresent() ? try r.string() : nil
    }

    /// Passes over a required field of free text without reading it.
    @inlinable
    public mutating func skipText() throws(BinaryReader.Damage) {
        try r.skipString()
    }

    /// Passes over an optional field of free text (or an optional identifier) without reading it.
    @inlinable
    public mutating func skipOptionalText() throws(BinaryReader.Damage) {
        if try isPresent() { try r.skipString() }
    }

    /// Checks that every field was read.
    @inlinable
    public func finish() throws(BinaryReader.Damage) {
        guard r.isAtEnd else { throw BinaryReader.Damage("an event record has bytes after its event") }
    }
}
