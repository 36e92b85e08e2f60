import JourneyCore
import Testing

/// A field missing from `data` is reported as missing, and only that: the fields after it were once reported as
/// "not a field" of the type, because reading stopped at the missing one before they were asked for.
@Suite("Reading events: a missing or unreadable field")
struct EventMissingFieldTests {
    func problems(_ data: String) -> [String] {
        let line = #"{"id":"e-1","type":"contact.received","child":"C100","occurred":"2024-01-02","data":"# + data + "}"
        switch Event.parse(jsonLine: line) {
        case .success: return []
        case .failure(let invalid): return invalid.problems.map(\.description)
        }
    }

    // Issue 16, item 15: a missing contact also gave `field "data.source": is not a field of contact.received`.
    @Test func aMissingFieldIsTheOnlyProblem() {
        #expect(problems(#"{"source":"1A","outcome":"nfa"}"#) == [#"field "data.contact": is required"#])
    }

    @Test func anUnreadableFieldIsTheOnlyProblem() {
        #expect(problems(#"{"contact":7,"source":"1A"}"#).count == 1)
        #expect(problems(#"{"contact":7,"source":"1A"}"#).first?.hasPrefix(#"field "data.contact""#) == true)
    }

    @Test func anUnknownFieldIsStillNamedWhenTheOthersRead() {
        #expect(
            problems(#"{"contact":"K1","source":"1A","extra":1}"#) == [
                #"field "data.extra": is not a field of contact.received"#
            ])
    }
}
