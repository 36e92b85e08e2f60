import JourneyTestSupport
import Testing

@testable import JourneyCore

/// `Event.parse(jsonLine:)` reads most lines in place, without a JSON tree, and falls back to the tree for the
/// rest. The shortcut must never change an answer: every line, valid or damaged, must give exactly what the tree
/// gives (the same event, byte for byte in canonical form, or the same problems in the same words).
@Suite("Reading a line in place gives what the JSON tree gives")
struct EventLineFastPathTests {
    /// The reader of the format without the shortcut: parse the tree, then read the event from it.
    static func throughTree(_ line: [UInt8]) -> Result<Event, InvalidEvent> {
        line.withUnsafeBufferPointer { bytes in
            let json: JSONValue
            do {
                json = try JSONParser.parse(bytes)
            } catch {
                return .failure(InvalidEvent([EventProblem(message: "not JSON: \(error)")]))
            }
            return Event.parse(json: json)
        }
    }

    static func expectSameAnswer(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = line.withUnsafeBufferPointer { Event.parse(jsonLine: $0) }
        let tree = throughTree(line)
        // `Timestamp` equality ignores the offset and fraction digits: compare the canonical bytes as well.
        let same = fast == tree && (try? fast.get().canonicalJSON()) == (try? tree.get().canonicalJSON())
        #expect(same, "\(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// Lines of every type, with every optional field, in canonical form and written otherwise.
    static let lines: [[UInt8]] = {
        var lines = SampleEvents.everyType.map { $0.canonicalJSON() }
        lines.append(
            Array(
                #"{"id":"e-0005","type":"assessment.completed","child":"C100","occurred":"2023-06-19","recorded":"2023-07-01T08:00:00.250+01:00","corrects":"e-0004","source":"lcs","by":"worker 7","data":{"assessment":"A1","factors":["3A","4B"],"outcome":"cin"}}"#
                    .utf8))
        lines.append(
            Array(
                #" { "data" : { "plan" : "P1" , "referral" : "R1" , "category" : "NEG" , "previousPlans" : 2 } , "type" : "cp-plan.started" , "child" : "C_1-x" , "occurred" : "2024-02-29" , "recorded" : null , "by" : null } "#
                    .utf8))
        lines.append(
            Array(
                #"{"id":"é-1","type":"placement.started","child":"C1","occurred":"2024-01-01","data":{"placement":"P1","period":"C1","placementType":"U1","distanceMiles":1.5e1,"postcode":"Ünï","sameCarer":false}}"#
                    .utf8))
        return lines
    }()

    @Test("Every type is read in place, not only through the tree")
    func everyTypeTakesTheShortcut() {
        // A slower append would be the only sign that a type no longer takes the shortcut.
        for event in SampleEvents.everyType where !event.canonicalJSONString.contains("\\") {
            let line = event.canonicalJSON()
            #expect(line.withUnsafeBufferPointer { Event.parseScanned($0) } != nil, "\(event.type)")
        }
    }

    @Test("Valid lines", arguments: lines.indices)
    func validLines(_ i: Int) {
        Self.expectSameAnswer(Self.lines[i])
    }

    @Test("Every byte taken out", arguments: lines.indices)
    func deletions(_ i: Int) {
        let line = Self.lines[i]
        for at in line.indices {
            var damaged = line
            damaged.remove(at: at)
            Self.expectSameAnswer(damaged)
        }
    }

    /// Bytes that change the meaning of JSON, and some that should not.
    static let insertions: [[UInt8]] = [
        Array("\"".utf8), Array("\\".utf8), Array("\\n".utf8), Array("\\u0041".utf8), Array(" ".utf8),
        Array("\t".utf8), Array(",".utf8), Array(":".utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8),
        Array("]".utf8), Array("0".utf8), Array("-".utf8), Array(".5".utf8), Array("null".utf8), Array("é".utf8),
        [0x01], [0xFF], [0xC3], Array("x".utf8), Array("Z".utf8),
    ]

    @Test("Bytes put in anywhere", arguments: lines.indices)
    func insertions(_ i: Int) {
        let line = Self.lines[i]
        for at in 0...line.count {
            for bytes in Self.insertions {
                var changed = line
                changed.insert(contentsOf: bytes, at: at)
                Self.expectSameAnswer(changed)
            }
        }
    }

    @Test("Values replaced by null, other types and repeated fields", arguments: lines.indices)
    func replacements(_ i: Int) {
        let line = Self.lines[i]
        // Every string value (after a colon) replaced by something else.
        let text = String(decoding: line, as: UTF8.self)
        let parts = text.split(separator: ":\"", omittingEmptySubsequences: false)
        for k in 1..<max(parts.count, 1) {
            for replacement in ["null", "1", "true", "[]", "{}", "\"\"", "[\"x\"]"] {
                var pieces = parts.map(String.init)
                guard let close = pieces[k].firstIndex(of: "\"") else { continue }
                pieces[k] = replacement + pieces[k][pieces[k].index(after: close)...]
                let changed = pieces[0..<k].joined(separator: ":\"") + ":" + pieces[k...].joined(separator: ":\"")
                Self.expectSameAnswer(Array(changed.utf8))
            }
        }
        // A field added at the end of the envelope and of `data`: unknown, repeated, or null.
        for extra in [#","id":"again""#, #","unknown":1"#, #","corrects":null"#, #","data":{}"#] {
            Self.expectSameAnswer(line.dropLast() + Array(extra.utf8) + [UInt8(ascii: "}")])
        }
        if let data = text.range(of: #""data":{"#) {
            for extra in [#""plan":"P9","#, #""zzz":null,"#, #""referral":"R1","#] {
                var changed = text
                changed.insert(contentsOf: extra, at: data.upperBound)
                Self.expectSameAnswer(Array(changed.utf8))
            }
        }
    }
}
