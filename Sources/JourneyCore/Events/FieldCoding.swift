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
