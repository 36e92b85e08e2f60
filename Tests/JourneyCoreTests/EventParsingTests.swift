import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@Suite("Reading events")
struct EventParsingTests {
    let valid =
        #"{"id":"e-1","type":"referral.received","child":"C100","occurred":"2023-05-02","data":{"referral":"R1","source":"2A"}}"#

    func problems(_ line: String) -> [EventProblem] {
        switch Event.parse(jsonLine: line) {
        case .success: return []
        case .failure(let invalid): return invalid.problems
        }
    }

    @Test func readsTheSpecExample() throws {
        let line =
            #"{"id":"e-0004","type":"assessment.completed","child":"C100","occurred":"2023-06-20","recorded":"2023-06-22T16:45:00Z","data":{"assessment":"A1","factors":["3A","4B"],"outcome":"cin"}}"#
        let event = try Event.parse(jsonLine: line).get()
        #expect(event.id == "e-0004")
        #expect(event.occurred == d("2023-06-20"))
        #expect(
            event.body
                == .assessmentCompleted(
                    AssessmentCompleted(
                        assessment: "A1", factors: [AssessmentFactor("3A")!, AssessmentFactor("4B")!],
                        outcome: AssessmentOutcome("cin")!)))
        // Canonical output of the spec's own line is the line itself: its fields are already in the spec's order.
        #expect(event.canonicalJSONString == line)
    }

    @Test func theIssueExampleMessage() {
        let line = valid.replacingOccurrences(of: "\"2A\"", with: "\"1Z\"")
        #expect(
            problems(line).map(\.description) == [
                #"field "data.source": "1Z" is not a referral source code (allowed: 1A…10)"#
            ])
        #expect(LineProblem(line: 7, problem: problems(line)[0]).description.hasPrefix(#"line 7, field "data.source""#))
    }

    @Test("Every required envelope field", arguments: ["id", "type", "child", "occurred", "data"])
    func requiredEnvelopeField(field: String) throws {
        guard case .object(var members) = try JSONParser.parse(valid) else { return }
        members.removeAll { $0.key == field }
        let problems = Event.parse(json: .object(members)).failureProblems
        #expect(problems.contains(EventProblem(field: field, message: "is required")))
    }

    @Test(
        "Rejections of the spec",
        arguments: [
            ("not json at all", nil as String?, "not JSON"),
            (#"["an array"]"#, nil, "must be a JSON object"),
            (
                #"{"id":"e-1","type":"referral.recieved","child":"C100","occurred":"2023-05-02","data":{}}"#, "type",
                "is not an event type"
            ),
            (
                #"{"id":"e-1","type":"child.died","child":"C100","occurred":"2023-05-02","data":{},"extra":1}"#,
                "extra", "is not a field of the event envelope"
            ),
            (
                #"{"id":"e-1","type":"child.died","child":"C100","occurred":"2023-05-02","data":{"x":1}}"#, "data.x",
                "is not a field of child.died"
            ),
            (
                #"{"id":"e-1","type":"child.died","child":"C100","occurred":"2023-5-02","data":{}}"#, "occurred",
                "is not a date"
            ),
            (
                #"{"id":"e-1","type":"child.died","child":"C100","occurred":"2023-02-29","data":{}}"#, "occurred",
                "is not a date"
            ),
            (
                #"{"id":"e-1","type":"child.died","child":"C100","occurred":"2023-05-02","recorded":"2023-05-02 09:00","data":{}}"#,
                "recorded", "RFC 3339"
            ),
            (
                #"{"id":"","type":"child.died","child":"C100","occurred":"2023-05-02","data":{}}"#, "id",
                "1–64 characters"
            ),
            (
                #"{"id":"e-1","type":"child.died","child":"C 100","occurred":"2023-05-02","data":{}}"#, "child",
                "A–Z, a–z, 0–9"
            ),
            (
                #"{"id":"e-1","type":"child.died","child":"C123456789012345678901","occurred":"2023-05-02","data":{}}"#,
                "child", "1–20 characters"
            ),
            (
                #"{"id":"e-1","type":"child.died","child":"C100","occurred":"2023-05-02","data":[]}"#, "data",
                "expected an object"
            ),
            (
                #"{"id":"e-1","type":"case.closed","child":"C100","occurred":"2023-05-02","data":{"referral":"R1"}}"#,
                "data.reason", "is required"
            ),
            (
                #"{"id":"e-1","type":"case.closed","child":"C100","occurred":"2023-05-02","data":{"referral":"R1","reason":"RC10"}}"#,
                "data.reason", "is not a reason for closure code"
            ),
            (
                #"{"id":"e-1","type":"cp-plan.started","child":"C100","occurred":"2023-05-02","data":{"plan":"P","referral":"R","category":"NEG","previousPlans":-1}}"#,
                "data.previousPlans", "whole number"
            ),
            (
                #"{"id":"e-1","type":"cp-plan.started","child":"C100","occurred":"2023-05-02","data":{"plan":"P","referral":"R","category":"NEG","previousPlans":1.5}}"#,
                "data.previousPlans", "whole number"
            ),
            (
                #"{"id":"e-1","type":"placement.started","child":"C100","occurred":"2023-05-02","data":{"placement":"P","period":"L","placementType":"U4","distanceMiles":"far"}}"#,
                "data.distanceMiles", "expected a number"
            ),
            (
                #"{"id":"e-1","type":"referral.received","child":"C100","occurred":"2023-05-02","data":{"referral":"R","source":"6","nfa":"yes"}}"#,
                "data.nfa", "true or false"
            ),
            (
                #"{"id":"e-1","type":"child.registered","child":"C100","occurred":"2023-05-02","data":{"disabilities":["AUT","AUT"]}}"#,
                "data.disabilities", "repeats"
            ),
            (
                #"{"id":"e-1","type":"child.registered","child":"C100","occurred":"2023-05-02","data":{"ethnicity":"WBR"}}"#,
                "data.ethnicity", "is not an ethnicity code"
            ),
            (
                #"{"id":"e-1","type":"stepped-up","child":"C100","occurred":"2023-05-02","data":{"from":"cp","to":"cin"}}"#,
                "data.to", "not a higher level"
            ),
            (
                #"{"id":"e-1","type":"stepped-down","child":"C100","occurred":"2023-05-02","data":{"from":"cin","to":"cp"}}"#,
                "data.to", "not a lower level"
            ),
            (
                #"{"id":"e-1","type":"child.merged","child":"C100","occurred":"2023-05-02","data":{"into":"C100"}}"#,
                "data.into", "merged into itself"
            ),
            (
                #"{"id":"e-1","type":"child.died","child":"C100","occurred":"2023-05-02","data":{},"corrects":"e-1"}"#,
                "corrects", "correct itself"
            ),
            (
                #"{"id":"e-1","type":"worker.allocated","child":"C100","occurred":"2023-05-02","data":{"team":""}}"#,
                "data.team", "1–256 characters"
            ),
            (
                #"{"id":"e-1","type":"visit.made","child":"C100","occurred":"2023-05-02","data":{"kind":"cin"}}"#,
                "data.seen", "is required"
            ),
        ])
    func rejects(line: String, field: String?, message: String) {
        let found = problems(line)
        #expect(found.contains { $0.field == field && $0.message.contains(message) }, "got \(found)")
    }

    @Test func reportsEveryEnvelopeProblemOfALine() {
        let found = problems(#"{"id":"","type":"nope","child":"C 1","occurred":"x","data":{},"zzz":1}"#)
        #expect(Set(found.compactMap(\.field)) == ["id", "type", "child", "occurred", "zzz"])
    }

    @Test func nullMeansAbsent() throws {
        let line =
            #"{"id":"e-1","type":"referral.received","child":"C100","occurred":"2023-05-02","recorded":null,"data":{"referral":"R1","source":"2A","primaryNeed":null},"corrects":null}"#
        let event = try Event.parse(jsonLine: line).get()
        #expect(event.recorded == nil && event.corrects == nil)
        #expect(
            problems(#"{"id":"e-1","type":"child.died","child":null,"occurred":"2023-05-02","data":{}}"#).contains(
                EventProblem(field: "child", message: "is required")))
    }

    @Test func defaultsAreTheSameEvent() throws {
        let implicit = try Event.parse(jsonLine: valid).get()
        let explicit = try Event.parse(jsonLine: valid.replacingOccurrences(of: #""2A"}"#, with: #""2A","nfa":false}"#))
            .get()
        #expect(implicit == explicit)
    }

    @Test func messagesDoNotRepeatPersonalData() {
        let line =
            #"{"id":"e-1","type":"child.registered","child":"C100","occurred":"2023-05-02","data":{"birthDate":"2016-02-30","upn":""}}"#
        let text = problems(line).map(\.description).joined(separator: " ")
        #expect(!text.contains("2016-02-30"))
        #expect(text.contains("data.birthDate"))
    }
}

@Suite("Writing events")
struct EventWritingTests {
    @Test("Canonical JSON reads back as the same event, for every type")
    func canonicalRoundTrip() throws {
        for event in SampleEvents.everyType {
            let bytes = event.canonicalJSON()
            let back = try bytes.withUnsafeBufferPointer { try Event.parse(jsonLine: $0).get() }
            #expect(back == event, "\(event.type)")
            // And writing it again gives the same bytes.
            #expect(back.canonicalJSON() == bytes)
        }
    }

    @Test("The stored binary form reads back as the same event, offset and fraction digits included")
    func binaryRoundTrip() throws {
        for event in SampleEvents.everyType + [Event(id: "x", child: "C1", occurred: d("2024-01-01"), body: .childDied)]
        {
            var w = BinaryWriter()
            event.write(binary: &w)
            let back = try w.bytes.withUnsafeBytes { raw in
                var r = BinaryReader(raw)
                let e = try Event.read(binary: &r)
                #expect(r.isAtEnd)
                return e
            }
            #expect(back == event, "\(event.type)")
            #expect(back.recorded?.description == event.recorded?.description)
            #expect(back.canonicalJSON() == event.canonicalJSON())
        }
    }

    @Test("A stored event's header, and its child's bytes alone, read back as the event's, for every type")
    func headerAndChildBytes() throws {
        let accented = Event(id: "x", child: "Cé1", occurred: d("2024-01-01"), body: .childDied)
        for event in SampleEvents.everyType + [accented] {
            var w = BinaryWriter()
            event.write(binary: &w)
            try w.bytes.withUnsafeBytes { raw in
                var r = BinaryReader(raw)
                let head = try Event.readHeader(binary: &r)
                #expect(head.type == event.type && head.id == event.id && head.child == event.child)
                #expect(head.occurred == event.occurred && head.recorded == event.recorded)
                #expect(head.corrects == event.corrects && head.source == event.source && head.by == event.by)
                var again = BinaryReader(raw)
                let child = try Event.childBytes(binary: &again)
                #expect(Array(child) == Array(event.child.rawValue.utf8), "\(event.type)")
            }
        }
    }

    @Test func everyTypeHasASample() {
        #expect(Set(SampleEvents.everyType.map(\.type)) == Set(EventType.allCases))
    }

    @Test func canonicalFieldOrder() {
        let e = SampleEvents.everyType[8]
        #expect(
            e.canonicalJSONString
                == #"{"id":"e9","type":"assessment.completed","child":"C100","occurred":"2024-05-09","recorded":"2024-06-01T10:15:30.5+01:00","data":{"assessment":"A1","factors":["3A","24A"],"outcome":"s47"},"corrects":"e9x","source":"lcs","by":"worker 12"}"#
        )
    }
}

extension Result where Failure == InvalidEvent {
    var failureProblems: [EventProblem] {
        if case .failure(let f) = self { return f.problems }
        return []
    }
}
