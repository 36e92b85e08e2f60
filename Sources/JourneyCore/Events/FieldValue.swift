/// A value that can be a field of an event's `data`: how it is read from JSON, written as canonical JSON, and
/// stored in binary.
public protocol FieldValue: Hashable, Sendable {
    /// The value a JSON value stands for, or a message saying why it cannot be one.
    static func from(json: JSONValue) -> Result<Self, FieldProblem>
    func write(json: inout JSONWriter)
    static func read(binary: inout BinaryReader) throws(BinaryReader.Damage) -> Self
    func write(binary: inout BinaryWriter)
}

/// Why a field's value is not acceptable, without naming the field (the reader adds it).
public struct FieldProblem: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension Identifier: FieldValue {
    public static func from(json: JSONValue) -> Result<Self, FieldProblem> {
        guard case .string(let s) = json else { return .failure(FieldProblem("expected a string, found \(json.kind)")) }
        if let problem = problem(with: s) { return .failure(FieldProblem(problem)) }
        return .success(Self(s))
    }
    public func write(json: inout JSONWriter) { json.string(rawValue) }
    public static func read(binary: inout BinaryReader) throws(BinaryReader.Damage) -> Self {
        Self(try binary.string())
    }
    public func write(binary: inout BinaryWriter) { binary.string(rawValue) }
}

extension Code: FieldValue {
    public static func from(json: JSONValue) -> Result<Self, FieldProblem> {
        guard case .string(let s) = json else {
            return .failure(FieldProblem("expected \(List.name) in a string, found \(json.kind)"))
        }
        guard let code = Self(s) else { return .failure(FieldProblem(problem(with: s))) }
        return .success(code)
    }
    public func write(json: inout JSONWriter) { json.string(rawValue) }
    public static func read(binary: inout BinaryReader) throws(BinaryReader.Damage) -> Self {
        let i = try binary.byte()
        guard let code = Self(index: i) else { throw BinaryReader.Damage("a code is out of range") }
        return code
    }
    public func write(binary: inout BinaryWriter) { binary.byte(index) }
}

extension CalendarDate: FieldValue {
    public static func from(json: JSONValue) -> Result<Self, FieldProblem> {
        // The value is not repeated: dates such as birth dates are personal data.
        // `withUTF8` reads the string in place: `CalendarDate(_:)` would copy it into an array first.
        guard case .string(var s) = json, let d = s.withUTF8({ CalendarDate(isoBytes: $0) }) else {
            return .failure(FieldProblem("is not a date in the form YYYY-MM-DD"))
        }
        return .success(d)
    }
    public func write(json: inout JSONWriter) { json.date(self) }
    public static func read(binary: inout BinaryReader) throws(BinaryReader.Damage) -> Self {
        CalendarDate(dayNumber: try binary.fixed(Int32.self))
    }
    public func write(binary: inout BinaryWriter) { binary.fixed(dayNumber) }
}

extension Bool: FieldValue {
    public static func from(json: JSONValue) -> Result<Self, FieldProblem> {
        guard case .bool(let b) = json else {
            return .failure(FieldProblem("expected true or false, found \(json.kind)"))
        }
        return .success(b)
    }
    public func write(json: inout JSONWriter) { json.bool(self) }
    public static func read(binary: inout BinaryReader) throws(BinaryReader.Damage) -> Self {
        try binary.byte() != 0
    }
    public func write(binary: inout BinaryWriter) { binary.byte(self ? 1 : 0) }
}

/// Counts in the format (`previousPlans`) are whole numbers, 0 or more.
extension Int: FieldValue {
    public static func from(json: JSONValue) -> Result<Self, FieldProblem> {
        guard case .number(let text) = json, let n = Int(text), n >= 0 else {
            return .failure(FieldProblem("expected a whole number, 0 or more"))
        }
        return .success(n)
    }
    public func write(json: inout JSONWriter) { json.int(self) }
    public static func read(binary: inout BinaryReader) throws(BinaryReader.Damage) -> Self {
        let n = try binary.varint()
        guard n <= UInt64(Int.max) else { throw BinaryReader.Damage("a count is too large") }
        return Int(n)
    }
    public func write(binary: inout BinaryWriter) { binary.varint(UInt64(self)) }
}

/// Measures in the format (`distanceMiles`) are numbers, 0 or more.
extension Double: FieldValue {
    public static func from(json: JSONValue) -> Result<Self, FieldProblem> {
        guard case .number(let text) = json, let d = Double(text), d.isFinite, d >= 0 else {
            return .failure(FieldProblem("expected a number, 0 or more"))
        }
        return .success(d)
    }
    public func write(json: inout JSONWriter) { json.double(self) }
    public static func read(binary: inout BinaryReader) throws(BinaryReader.Damage) -> Self {
        Double(bitPattern: try binary.fixed(UInt64.self))
    }
    public func write(binary: inout BinaryWriter) { binary.fixed(bitPattern) }
}

/// Free text (a team, a worker, a postcode, a reason): 1–256 UTF-8 bytes.
extension String: FieldValue {
    public static let maximumFieldLength = 256

    public static func from(json: JSONValue) -> Result<Self, FieldProblem> {
        guard case .string(let s) = json else { return .failure(FieldProblem("expected a string, found \(json.kind)")) }
        guard !s.isEmpty, s.utf8.count <= maximumFieldLength else {
            return .failure(FieldProblem("must be 1–\(maximumFieldLength) characters long"))
        }
        return .success(s)
    }
    public func write(json: inout JSONWriter) { json.string(self) }
    public static func read(binary: inout BinaryReader) throws(BinaryReader.Damage) -> Self { try binary.string() }
    public func write(binary: inout BinaryWriter) { binary.string(self) }
}

/// A list of codes (`disabilities`, `factors`): each must be in the list, none twice.
extension Array: FieldValue where Element: FieldValue {
    public static func from(json: JSONValue) -> Result<Self, FieldProblem> {
        guard case .array(let items) = json else {
            return .failure(FieldProblem("expected an array, found \(json.kind)"))
        }
        var out: [Element] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            switch Element.from(json: item) {
            case .success(let v):
                if out.contains(v) { return .failure(FieldProblem("item \(i + 1) repeats an earlier item")) }
                out.append(v)
            case .failure(let p): return .failure(FieldProblem("item \(i + 1): \(p.message)"))
            }
        }
        return .success(out)
    }
    public func write(json: inout JSONWriter) {
        json.beginArray()
        for v in self { v.write(json: &json) }
        json.endArray()
    }
    public static func read(binary: inout BinaryReader) throws(BinaryReader.Damage) -> Self {
        let count = try binary.varint()
        guard count <= 255 else { throw BinaryReader.Damage("a list is too long") }
        let n = Int(count)
        var out: [Element] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try Element.read(binary: &binary)) }
        return out
    }
    public func write(binary: inout BinaryWriter) {
        binary.varint(UInt64(count))
        for v in self { v.write(binary: &binary) }
    }
}
