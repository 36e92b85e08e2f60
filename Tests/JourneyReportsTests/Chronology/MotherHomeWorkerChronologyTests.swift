import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// How a chronology words motherhood, the home postcode and the reason a social worker changed.
@Suite("Chronology: motherhood, the home postcode and the reason a social worker changed")
struct MotherHomeWorkerChronologyTests {
    func words(_ body: EventBody) -> String {
        Event(id: "e1", child: "C1", occurred: d("2024-05-01"), body: body).plainWords
    }

    @Test func theWords() {
        #expect(
            words(.motherhoodRecorded(isMother: true, firstChildBirthDate: d("2024-04-20")))
                == "Recorded as a mother; first child born 2024-04-20")
        #expect(words(.motherhoodRecorded(isMother: true, firstChildBirthDate: nil)) == "Recorded as a mother")
        #expect(words(.motherhoodRecorded(isMother: false, firstChildBirthDate: nil)) == "Recorded as not a mother")
        // An address is personal data: the chronology says that the postcode was recorded, not what it is.
        #expect(words(.homePostcodeRecorded(postcode: "TW9 3RN")) == "Home postcode recorded")
        #expect(
            words(.workerChangeRecorded(reason: SWReason("LEFTRL")!))
                == "Social worker changed: the social worker left the role (LEFTRL)")
    }

    /// On a day, after the events of care and health, with the allocations and changes of details (rank 16).
    @Test func theyFallWithTheDaysRecordsOfPractice() {
        for type in [EventType.motherhoodRecorded, .homePostcodeRecorded, .workerChangeRecorded] {
            #expect(Chronology.rank(type) == Chronology.rank(.workerAllocated))
            #expect(Chronology.rank(type) > Chronology.rank(.careStarted))
        }
    }
}
