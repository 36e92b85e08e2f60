import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// Replaying the types of permanence, leaving care and health into the child's record, by the rules of
/// docs/events.md (which date counts when a thing is recorded twice).
@Suite("The record: permanence, leaving care and health")
struct PermanenceRecordTests {
    func record(_ log: EventBuilder, _ child: String = "C1") throws -> ChildRecord {
        try #require(log.state.record(of: ChildID(child)))
    }

    @Test func anAdoptionFromTheDecisionToTheOrder() throws {
        var log = EventBuilder()
        log.add(
            "C1", "2023-02-01",
            .careStarted(CareStarted(period: "L1", legalStatus: LegalStatus("C2")!, needCode: CareNeed("N1")!)))
        log.add("C1", "2023-05-10", .adoptionDecided(adoption: "AD1"))  // e2
        log.add("C1", "2023-05-03", .adoptionDecided(adoption: "AD1"))  // e3: earlier, counts
        log.add("C1", "2023-08-01", .placementOrderGranted(adoption: "AD1"))  // e4
        log.add(
            "C1", "2023-10-02",
            .adoptionMatched(
                AdoptionMatched(
                    adoption: "AD1", adopters: 1, adoptersSex: AdopterSex("F1")!,
                    adoptersLegalStatus: AdopterLegalStatus("L0")!)))  // e5
        log.add("C1", "2023-10-20", .adoptionPlaced(adoption: "AD1", placement: "PL7"))  // e6
        // e7
        log.add(
            "C1", "2024-01-15", .adoptionPlacementEnded(adoption: "AD1", reason: PlacementChangeReason("CREQO")!))
        // A new match after the disruption: the latest counts, with its details.
        log.add(
            "C1", "2024-03-01",
            .adoptionMatched(
                AdoptionMatched(
                    adoption: "AD1", adopters: 2, adoptersSex: AdopterSex("MF")!,
                    adoptersLegalStatus: AdopterLegalStatus("L11")!, isFosterCarerAdopting: true)))  // e8
        log.add("C1", "2024-03-20", .adoptionPlaced(adoption: "AD1", placement: nil))  // e9
        log.add("C1", "2024-11-05", .adoptionOrderGranted(adoption: "AD1"))  // e10
        log.add("C1", "2024-11-05", .careEnded(period: "L1", reason: CareEndReason("E11")!))

        let r = try record(log)
        #expect(r.adoptions.count == 1)
        let a = try #require(r.adoptions.first)
        #expect(a.key == AdoptionID("AD1").stableHash)
        #expect(a.position == 2)
        #expect(a.decided == .init(date: d("2023-05-03"), position: 3))
        #expect(a.placementOrderGranted == .init(date: d("2023-08-01"), position: 4))
        #expect(a.matched == .init(date: d("2024-03-01"), position: 8))
        #expect(
            a.adopters == 2 && a.adoptersSex == AdopterSex("MF") && a.adoptersLegalStatus == AdopterLegalStatus("L11"))
        #expect(a.isFosterCarerAdopting == true)
        #expect(a.placed == .init(date: d("2024-03-20"), position: 9))
        #expect(a.placement == nil)
        #expect(a.placementEnded == .init(date: d("2024-01-15"), position: 7))
        #expect(a.placementEndReason == PlacementChangeReason("CREQO"))
        #expect(a.reversed == nil && a.reversalReason == nil)
        #expect(a.orderGranted == .init(date: d("2024-11-05"), position: 10))
    }

    @Test func aPeriodEndedWithNoStartKeepsItsReason() throws {
        // A log that opens part-way through a period of care: the end, and why, are all the record has of it.
        var log = EventBuilder()
        log.add("C1", "2024-07-01", .careEnded(period: "L1", reason: CareEndReason("E11")!))
        let period = try #require(try record(log).periodsOfCare.first)
        #expect(period.start == nil && period.end == d("2024-07-01") && period.endReason == CareEndReason("E11"))
    }

    @Test func aReversedDecisionAndAnAdoptionRecordedWithoutItsDecision() throws {
        var log = EventBuilder()
        log.add("C1", "2023-05-03", .adoptionDecided(adoption: "AD1"))
        log.add("C1", "2023-09-01", .adoptionDecisionReversed(adoption: "AD1", reason: AdoptionReversalReason("RD1")!))
        log.add("C1", "2023-12-01", .adoptionDecisionReversed(adoption: "AD1", reason: AdoptionReversalReason("RD3")!))
        log.add("C1", "2023-10-01", .adoptionDecisionReversed(adoption: "AD1", reason: AdoptionReversalReason("RD4")!))
        log.add("C1", "2024-02-01", .adoptionPlaced(adoption: "AD2", placement: "PL2"))
        let r = try record(log)
        #expect(r.adoptions.count == 2)
        #expect(r.adoptions[0].reversed == .init(date: d("2023-12-01"), position: 3))
        #expect(r.adoptions[0].reversalReason == AdoptionReversalReason("RD3"))
        #expect(r.adoptions[1].decided == nil)
        #expect(r.adoptions[1].placed == .init(date: d("2024-02-01"), position: 5))
        #expect(r.adoptions[1].placement == PlacementID("PL2").stableHash)
    }

    @Test func ordersAndPreviousPermanence() throws {
        var log = EventBuilder()
        log.add(
            "C1", "2022-04-01", .previousPermanenceRecorded(PreviousPermanence(kind: PreviousPermanenceKind("Z1")!)))
        log.add(
            "C1", "2022-04-01",
            .previousPermanenceRecorded(
                PreviousPermanence(kind: PreviousPermanenceKind("P2")!, la: "316", orderDate: "ZZ/ZZ/2015")))
        log.add(
            "C1", "2024-06-30",
            .permanenceOrderGranted(kind: PermanenceOrderKind("special-guardianship")!, period: "L1"))
        log.add(
            "C1", "2024-07-01", .permanenceOrderGranted(kind: PermanenceOrderKind("child-arrangements")!, period: nil))
        let r = try record(log)
        #expect(
            r.previousPermanence == [
                .init(date: d("2022-04-01"), kind: PreviousPermanenceKind("Z1")!, la: nil, orderDate: nil, position: 1),
                .init(
                    date: d("2022-04-01"), kind: PreviousPermanenceKind("P2")!, la: "316", orderDate: "ZZ/ZZ/2015",
                    position: 2),
            ])
        #expect(
            r.permanenceOrders == [
                .init(
                    date: d("2024-06-30"), kind: PermanenceOrderKind("special-guardianship")!,
                    period: PeriodID("L1").stableHash, position: 3),
                .init(
                    date: d("2024-07-01"), kind: PermanenceOrderKind("child-arrangements")!, period: nil, position: 4),
            ])
    }

    @Test func leavingCare() throws {
        var log = EventBuilder()
        log.add("C1", "2024-05-01", .personalAdviserAllocated(adviser: "A. Adviser"))
        log.add(
            "C1", "2024-05-02",
            .careLeaverContacted(
                CareLeaverContacted(
                    inTouch: CareLeaverContactStatus("YES")!, activity: CareLeaverActivity("G5")!,
                    accommodation: CareLeaverAccommodation("W2")!)))
        log.add(
            "C1", "2024-06-01", .careLeaverContacted(CareLeaverContacted(inTouch: CareLeaverContactStatus("REFU")!)))
        log.add("C1", "2024-06-03", .pathwayPlanReviewed)
        log.add("C1", "2024-09-01", .personalAdviserAllocated(adviser: nil))
        log.add("C1", "2024-09-01", .personalAdviserAllocated(adviser: "B. Adviser"))
        let r = try record(log)
        #expect(r.careLeaverContacts.count == 2)
        #expect(r.careLeaverContacts[0].activity == CareLeaverActivity("G5"))
        #expect(r.careLeaverContacts[0].isAccommodationSuitable == false)
        #expect(r.careLeaverContacts[1].inTouch == CareLeaverContactStatus("REFU"))
        #expect(r.careLeaverContacts[1].isAccommodationSuitable == nil)
        #expect(r.pathwayPlanReviews == [d("2024-06-03")])
        #expect(r.personalAdvisers.map(\.adviser) == ["A. Adviser", nil, "B. Adviser"])
        #expect(r.personalAdviser(on: d("2024-04-30")) == nil)
        #expect(r.personalAdviser(on: d("2024-08-31"))?.adviser == "A. Adviser")
        #expect(r.personalAdviser(on: d("2024-09-01"))?.adviser == "B. Adviser")
    }

    @Test func health() throws {
        var log = EventBuilder()
        log.add("C1", "2024-04-10", .healthAssessmentCompleted)
        log.add("C1", "2024-04-11", .dentalCheckCompleted)
        log.add("C1", "2024-04-12", .immunisationsRecorded(isUpToDate: true))
        log.add("C1", "2024-04-13", .healthSurveillanceRecorded(isUpToDate: false))
        log.add("C1", "2024-04-14", .sdqRecorded(SDQRecorded(score: 23)))
        log.add("C1", "2025-04-14", .sdqRecorded(SDQRecorded(reasonNotTaken: SDQReason("SDQ2")!)))
        log.add("C1", "2024-05-01", .convictionRecorded)
        log.add("C1", "2024-05-02", .substanceMisuseIdentified(interventionOffered: true, interventionReceived: nil))
        log.add("C1", "2024-06-01", .deprivationOfLibertyStarted(order: "D1"))
        log.add("C1", "2024-05-20", .deprivationOfLibertyStarted(order: "D1"))
        log.add("C1", "2024-08-01", .deprivationOfLibertyEnded(order: "D1"))
        log.add("C1", "2024-07-01", .deprivationOfLibertyEnded(order: "D1"))
        log.add("C1", "2024-09-01", .deprivationOfLibertyEnded(order: "D2"))
        let r = try record(log)
        #expect(r.healthAssessments == [d("2024-04-10")])
        #expect(r.dentalChecks == [d("2024-04-11")])
        #expect(r.immunisations == [.init(date: d("2024-04-12"), isUpToDate: true)])
        #expect(r.healthSurveillance == [.init(date: d("2024-04-13"), isUpToDate: false)])
        #expect(
            r.sdqs == [
                .init(date: d("2024-04-14"), score: 23, reasonNotTaken: nil),
                .init(date: d("2025-04-14"), score: nil, reasonNotTaken: SDQReason("SDQ2")),
            ])
        #expect(r.convictions == [d("2024-05-01")])
        #expect(
            r.substanceMisuse == [.init(date: d("2024-05-02"), interventionOffered: true, interventionReceived: nil)])
        #expect(
            r.deprivationOfLibertyOrders == [
                .init(key: DoLOrderID("D1").stableHash, start: d("2024-05-20"), end: d("2024-08-01"), position: 9),
                .init(key: DoLOrderID("D2").stableHash, start: nil, end: d("2024-09-01"), position: 13),
            ])
        #expect(r.firstOccurred == d("2024-04-10") && r.lastOccurred == d("2025-04-14"))
    }

    /// A merged record's adoption ids are kept apart from the other record's, as every lifecycle id is.
    @Test func aMergedRecordsAdoptionStaysApart() throws {
        var log = EventBuilder()
        log.add("C1", "2024-01-01", .adoptionDecided(adoption: "AD1"))
        log.add("C2", "2024-02-01", .adoptionDecided(adoption: "AD1"))
        log.add("C2", "2024-03-01", .childMerged(into: "C1"))
        #expect(try record(log).adoptions.count == 2)
    }

    /// The texts a fold keeps (advisers, a previous permanence's authority and date) survive a checkpoint.
    @Test func aCheckpointKeepsTheTexts() throws {
        var log = EventBuilder()
        log.add("C1", "2024-05-01", .personalAdviserAllocated(adviser: "A. Adviser"))
        log.add(
            "C1", "2022-04-01",
            .previousPermanenceRecorded(
                PreviousPermanence(kind: PreviousPermanenceKind("P1")!, la: "WAL", orderDate: "ZZ/ZZ/2010")))
        let path = temporaryDirectory("journey-permanence")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try LogWriter.open(path).append(log.events)
        let (fresh, _) = try Checkpoint.replay(EventLog.open(path))
        let (resumed, outcome) = try Checkpoint.replay(EventLog.open(path))
        #expect(outcome.resumedFrom == 2)
        for state in [fresh, resumed] {
            let r = try #require(state.record(of: "C1"))
            #expect(r.personalAdvisers.map(\.adviser) == ["A. Adviser"])
            #expect(r.previousPermanence.first?.la == "WAL" && r.previousPermanence.first?.orderDate == "ZZ/ZZ/2010")
        }
    }
}
