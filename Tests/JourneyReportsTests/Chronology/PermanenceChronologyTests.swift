import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// How a chronology words the events of permanence, leaving care and health, and where they fall in a day.
@Suite("Chronology: permanence, leaving care and health")
struct PermanenceChronologyTests {
    func words(_ body: EventBody) -> String {
        Event(id: "e1", child: "C1", occurred: d("2024-05-01"), body: body).plainWords
    }

    @Test func theWords() {
        #expect(words(.adoptionDecided(adoption: "AD1")) == "Decision that the child should be placed for adoption")
        #expect(
            words(
                .adoptionMatched(
                    AdoptionMatched(
                        adoption: "AD1", adopters: 2, adoptersSex: AdopterSex("FF")!,
                        adoptersLegalStatus: AdopterLegalStatus("L2")!, isFosterCarerAdopting: true)))
                == "Matched with prospective adopters: a couple, both female (FF); a civil partnership couple (L2); "
                + "the foster carer is adopting")
        #expect(
            words(.adoptionPlacementEnded(adoption: "AD1", reason: PlacementChangeReason("CREQB")!))
                == "Placement with prospective adopters ended before an adoption order: "
                + "carer requests end because of the child's behaviour (CREQB)")
        #expect(
            words(.adoptionDecisionReversed(adoption: "AD1", reason: AdoptionReversalReason("RD2")!))
                == "Decision that the child should no longer be placed for adoption: "
                + "the court did not make a placement order (RD2)")
        #expect(
            words(.permanenceOrderGranted(kind: PermanenceOrderKind("special-guardianship")!, period: nil))
                == "Special guardianship order granted")
        #expect(
            words(
                .previousPermanenceRecorded(
                    PreviousPermanence(kind: PreviousPermanenceKind("P1")!, la: "WAL", orderDate: "ZZ/ZZ/2010")))
                == "Previous permanence recorded: adopted (P1); arranged by authority WAL; order dated ZZ/ZZ/2010")
        #expect(
            words(
                .careLeaverContacted(
                    CareLeaverContacted(
                        inTouch: CareLeaverContactStatus("YES")!, activity: CareLeaverActivity("P1")!,
                        accommodation: CareLeaverAccommodation("U1")!)))
                == "Care leaver contact: in touch (YES); activity: part-time in higher education (P1); "
                + "accommodation: independent living, suitable (U1)")
        #expect(words(.personalAdviserAllocated(adviser: nil)) == "Personal adviser allocated")
        #expect(words(.healthSurveillanceRecorded(isUpToDate: false)) == "Development checks not up to date")
        #expect(words(.sdqRecorded(SDQRecorded(score: 14))) == "Strengths and difficulties questionnaire: score 14")
        #expect(
            words(.sdqRecorded(SDQRecorded(reasonNotTaken: SDQReason("SDQ4")!)))
                == "No strengths and difficulties score: other reason (SDQ4)")
        #expect(
            words(.substanceMisuseIdentified(interventionOffered: false, interventionReceived: nil))
                == "Substance misuse problem identified; intervention not offered")
    }

    /// On one day: care's own events, then adoption in the order of its steps, then the orders, leaving care and
    /// health; the types of the first version that were left to the end stay there.
    @Test func theirPlaceInADay() {
        let order: [EventType] = [
            .careEnded, .adoptionOrderGranted, .permanenceOrderGranted, .careLeaverContacted, .sdqRecorded,
            .workerAllocated,
        ]
        let ranks = order.map(Chronology.rank)
        #expect(ranks == ranks.sorted() && Set(ranks).count == ranks.count)
        #expect(Chronology.rank(.adoptionDecided) == Chronology.rank(.adoptionOrderGranted))
    }

    @Test func anAdoptivePlacementsEndSaysHowLongItLasted() throws {
        var log = EventBuilder()
        log.add("C1", "2024-03-01", .adoptionPlaced(adoption: "AD1", placement: nil))
        log.add("C1", "2024-03-31", .adoptionPlacementEnded(adoption: "AD1", reason: nil))
        let hand = HandLog(log)
        let record = try #require(hand.record("C1"))
        let chronology = Chronology(record, events: hand.byPosition)
        #expect(chronology.entries.map(\.lastedDays) == [nil, 30])
    }
}
