// Reading and writing the interchange format (shared/spec/events.md): one JSON object per line.

extension Event {
    static let envelopeFields = ["id", "type", "child", "occurred", "recorded", "data", "corrects", "source", "by"]

    /// Reads one line of the interchange format. Every problem of the envelope is reported, then the first problem
    /// of `data` and any unknown `data` fields.
    public static func parse(jsonLine bytes: UnsafeBufferPointer<UInt8>) -> Result<Event, InvalidEvent> {
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
                    problems.append(EventProblem(field: "type", message: "expected a string, found \(member.value.kind)"))
                    continue
                }
                type = EventType(name: s)
                if type == nil {
                    let shown = s.count <= 40 ? s : String(s.prefix(40)) + "…"
                    problems.append(EventProblem(field: "type", message: "\"\(shown)\" is not an event type"))
                }
            case "recorded":
                guard case .string(let s) = member.value, let t = Timestamp(s) else {
                    problems.append(
                        EventProblem(
                            field: "recorded",
                            message: "is not an RFC 3339 timestamp with an offset (2024-05-02T09:10:00Z)"))
                    continue
                }
                recorded = t
            case "data":
                guard case .object(let m) = member.value else {
                    problems.append(EventProblem(field: "data", message: "expected an object, found \(member.value.kind)"))
                    continue
                }
                data = m
            default:
                problems.append(
                    EventProblem(
                        field: member.key,
                        message: "is not a field of the event envelope (allowed: \(envelopeFields.joined(separator: ", ")))"
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
            do {
                let b = try EventBody.read(type, from: &reader)
                if let p = b.problem { problems.append(p) } else { body = b }
            } catch let failure as JSONFieldReader.Failure {
                problems.append(failure.problem)
            } catch {
                problems.append(EventProblem(field: "data", message: "\(error)"))
            }
            for unknown in reader.unknownFields() {
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
            w.json.string(recorded.description)
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
