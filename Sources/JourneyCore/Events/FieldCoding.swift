/// Reads the fields of an event's `data` by name, in the order the format lists them. One description of each
/// event type (`EventBody.read(_:from:)`) serves the JSON reader and the binary reader alike.
public protocol FieldReader {
    mutating func required<T: FieldValue>(_ name: String) throws -> T
    mutating func optional<T: FieldValue>(_ name: String) throws -> T?
}

/// Writes the fields of an event's `data`, by name, in the format's order.
public protocol FieldWriter {
    mutating func required<T: FieldValue>(_ name: String, _ value: T)
    mutating func optional<T: FieldValue>(_ name: String, _ value: T?)
}

/// Reads `data` fields from a parsed JSON object, remembering which were used so that unknown fields are caught.
struct JSONFieldReader: FieldReader {
    /// A field that is missing or not acceptable; `field` is the path (`data.source`).
    struct Failure: Error {
        var problem: EventProblem
    }

    let members: [JSONMember]
    var used: [Bool]

    init(_ members: [JSONMember]) {
        self.members = members
        used = Array(repeating: false, count: members.count)
    }

    mutating func find(_ name: String) -> JSONValue? {
        for i in members.indices where members[i].key == name {
            used[i] = true
            if case .null = members[i].value { return nil }  // null and absent mean the same
            return members[i].value
        }
        return nil
    }

    mutating func required<T: FieldValue>(_ name: String) throws -> T {
        guard let json = find(name) else {
            throw Failure(problem: EventProblem(field: "data." + name, message: "is required"))
        }
        return try value(json, name)
    }

    mutating func optional<T: FieldValue>(_ name: String) throws -> T? {
        guard let json = find(name) else { return nil }
        return try value(json, name) as T
    }

    func value<T: FieldValue>(_ json: JSONValue, _ name: String) throws -> T {
        switch T.from(json: json) {
        case .success(let v): return v
        case .failure(let p): throw Failure(problem: EventProblem(field: "data." + name, message: p.message))
        }
    }

    /// Fields present but never asked for: not part of the type.
    func unknownFields() -> [String] {
        members.indices.filter { !used[$0] }.map { members[$0].key }
    }
}

/// Reads `data` fields from an object scanned in place (JSONParser+Scan.swift): the fast path of
/// `JSONFieldReader`. Where that reader would report a problem, this one throws `Declined`, and the line is read
/// again the slow way so that the problem is reported in its words.
struct ScannedFieldReader: FieldReader {
    struct Declined: Error {}

    let json: JSONParser
    let members: UnsafeBufferPointer<ScannedMember>
    /// Bit i: member i was asked for. A scanned object has at most 32 members.
    var used: UInt32 = 0
    /// Where the next search starts: fields are asked for in the format's order, and are usually written in it.
    var next = 0

    init(json: JSONParser, members: UnsafeBufferPointer<ScannedMember>) {
        precondition(members.count <= 32, "more members than the reader can track")
        self.json = json
        self.members = members
    }

    mutating func find(_ name: String) -> ScannedMember? {
        var i = next
        for _ in 0..<members.count {
            if json.holds(members[i].key, name) {
                used |= 1 << UInt32(i)
                next = i + 1 == members.count ? 0 : i + 1
                return members[i].kind == .null ? nil : members[i]  // null and absent mean the same
            }
            i = i + 1 == members.count ? 0 : i + 1
        }
        return nil
    }

    mutating func required<T: FieldValue>(_ name: String) throws -> T {
        guard let member = find(name) else { throw Declined() }
        return try value(member)
    }

    mutating func optional<T: FieldValue>(_ name: String) throws -> T? {
        guard let member = find(name) else { return nil }
        return try value(member) as T
    }

    func value<T: FieldValue>(_ member: ScannedMember) throws -> T {
        guard let value = json.value(of: member), case .success(let v) = T.from(json: value) else { throw Declined() }
        return v
    }

    /// Whether every member was asked for: any other is not a field of the type.
    var hasUsedEveryMember: Bool { used.nonzeroBitCount == members.count }
}

struct JSONFieldWriter: FieldWriter {
    var json: JSONWriter

    mutating func required<T: FieldValue>(_ name: String, _ value: T) {
        json.key(name)
        value.write(json: &json)
    }

    mutating func optional<T: FieldValue>(_ name: String, _ value: T?) {
        guard let value else { return }
        required(name, value)
    }
}

struct BinaryFieldReader: FieldReader {
    var binary: BinaryReader

    mutating func required<T: FieldValue>(_ name: String) throws -> T {
        try T.read(binary: &binary)
    }

    mutating func optional<T: FieldValue>(_ name: String) throws -> T? {
        try binary.byte() == 0 ? nil : T.read(binary: &binary)
    }
}

struct BinaryFieldWriter: FieldWriter {
    var binary: BinaryWriter

    mutating func required<T: FieldValue>(_ name: String, _ value: T) {
        value.write(binary: &binary)
    }

    mutating func optional<T: FieldValue>(_ name: String, _ value: T?) {
        if let value {
            binary.byte(1)
            value.write(binary: &binary)
        } else {
            binary.byte(0)
        }
    }
}
