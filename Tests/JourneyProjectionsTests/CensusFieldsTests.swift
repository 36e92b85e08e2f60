import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// The record keeps what the CIN census return writes and the figures do not read: the UPN, the disability codes and
/// the assessment factors, under the same rules as every other characteristic and completion.
@Suite("Census fields of the record")
struct CensusFieldsTests {
    static func record(_ log: EventBuilder, _ child: String = "C1", asKnownAt: String? = nil) -> ChildRecord? {
        log.state.record(of: ChildID(child), asKnownAt: asKnownAt.map { t($0) })
    }

    @Test("The UPN and disabilities kept are those of the latest-dated registration or update that gives them")
    func latestDetails() throws {
        var log = EventBuilder()
        log.add(
            "C1", "2024-04-02",
            .childRegistered(
                ChildDetails(disabilities: [Disability("HAND")!, Disability("AUT")!], upn: "A123456789012")))
        // An update dated later gives a new UPN and no disabilities: the disabilities stay those registered.
        log.add("C1", "2024-06-01", .childUpdated(ChildDetails(upn: "B123456789012")))
        // An update dated earlier (recorded later) changes neither.
        log.add(
            "C1", "2024-04-01", .childUpdated(ChildDetails(disabilities: [Disability("NONE")!], upn: "Z000000000000")))
        let r = try #require(Self.record(log))
        #expect(r.upn == "B123456789012")
        // In the code list's order (NONE, MOB, HAND, …, AUT, DDA), not the order given.
        #expect(r.disabilities.map(\.rawValue) == ["HAND", "AUT"])
        #expect(r.hasDisability == true)
    }

    @Test("As known at a time before an update, the earlier UPN stands; a retracted update counts for nothing")
    func asKnownAtAndRetraction() throws {
        var log = EventBuilder()
        log.add("C1", "2024-04-02", .childRegistered(ChildDetails(upn: "A123456789012")))
        let update = log.add("C1", "2024-06-01", .childUpdated(ChildDetails(upn: "B123456789012")))
        #expect(try #require(Self.record(log, asKnownAt: "2024-05-01")).upn == "A123456789012")
        #expect(try #require(Self.record(log)).upn == "B123456789012")
        log.add("C1", "2024-07-01", .eventRetracted(event: update, reason: "wrong child"))
        #expect(try #require(Self.record(log)).upn == "A123456789012")
    }

    @Test("An assessment's factors are those of its first completion; none given is nil, not empty")
    func factors() throws {
        var log = EventBuilder()
        log.referral("C1", "2024-04-02")
        log.add("C1", "2024-04-03", .assessmentStarted(assessment: "A1", referral: "R1"))
        log.add("C1", "2024-04-03", .assessmentStarted(assessment: "A2", referral: "R1"))
        let factors = [AssessmentFactor("24A")!, AssessmentFactor("1B")!, AssessmentFactor("21")!]
        log.add("C1", "2024-05-01", .assessmentCompleted(AssessmentCompleted(assessment: "A1", factors: factors)))
        // A second completion is ignored (events.md), with its factors.
        log.add(
            "C1", "2024-05-02",
            .assessmentCompleted(AssessmentCompleted(assessment: "A1", factors: [AssessmentFactor("3A")!])))
        log.add("C1", "2024-05-01", .assessmentCompleted(AssessmentCompleted(assessment: "A2")))
        let r = try #require(Self.record(log))
        let a1 = try #require(r.assessments.first { $0.completed == d("2024-05-01") && $0.factors != nil })
        // In the code list's order: 1B (index 1), 21 (index 40), 24A (index 43, the last code).
        #expect(a1.factors?.map(\.rawValue) == ["1B", "21", "24A"])
        #expect(r.assessments.filter { $0.factors == nil }.count == 1)
    }
}
