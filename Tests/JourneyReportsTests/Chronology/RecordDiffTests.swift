import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// An assessment authorised on 2024-02-20, corrected on 2024-03-10 to 2024-02-15; an S47 dated 2024-02-01 but
/// recorded on 2024-03-12 (back-dated), then retracted on 2024-03-25; an ICPC on 2024-03-20.
private func correctedLog() -> HandLog {
    var log = EventBuilder()
    log.referral("C2", "2024-01-05")  // e1
    log.add("C2", "2024-01-08", .assessmentStarted(assessment: "A1", referral: "R1"))  // e2
    let authorised = log.add("C2", "2024-02-20", .assessmentCompleted(AssessmentCompleted(assessment: "A1")))  // e3
    log.add(
        "C2", "2024-02-15", .assessmentCompleted(AssessmentCompleted(assessment: "A1")), recorded: "2024-03-10",
        corrects: authorised)  // e4
    let s47 = log.add("C2", "2024-02-01", .s47Started(s47: "S1", referral: "R1", strategy: nil), recorded: "2024-03-12")
    log.add("C2", "2024-03-20", .icpcHeld(s47: nil, referral: "R1", outcome: .noPlan))  // e6
    log.add(
        "C2", "2024-03-25", .eventRetracted(event: s47, reason: "entered on the wrong child"), recorded: "2024-03-25")
    return HandLog(log, by: ["e3": "sw-1", "e4": "tm-2", "e5": "sw-1", "e7": "tm-2"])
}

@Test func aDiffAcrossABackDatedCorrection() throws {
    let log = correctedLog()
    let (t1, t2) = (t("2024-03-01T23:59:59Z"), t("2024-03-31T23:59:59Z"))
    let after = try #require(log.record("C2", asKnownAt: "2024-03-31T23:59:59Z"))
    let diff = RecordDiff(
        child: "C2", before: log.record("C2", asKnownAt: "2024-03-01T23:59:59Z"), after: after, earlier: t1, later: t2,
        events: log.byPosition)
    // Known at T1: e1–e3. Since then: the correction e4 (one change, not also an "added" event; about 2024-02-20),
    // the S47 e5 (dated 2024-02-01, before T1: back-dated; retracted since), the ICPC e6 (added, 2024-03-20), the
    // retraction e7 (about the S47 of 2024-02-01). In the order they happened: 2024-02-01 (e5, then e7, recorded
    // after it), 2024-02-20 (e4), 2024-03-20 (e6).
    #expect(diff.changes.map(\.kind) == [.backDated, .retracted, .corrected, .added])
    #expect(diff.changes.map(\.position) == [5, 7, 4, 6])
    #expect(diff.changes.map(\.by) == ["sw-1", "tm-2", "tm-2", nil])
    #expect(diff.changes.map(\.occurred) == [d("2024-02-01"), d("2024-02-01"), d("2024-02-20"), d("2024-03-20")])
    let recorded = diff.changes.map { $0.recorded?.utcDate }
    #expect(recorded == [d("2024-03-12"), d("2024-03-25"), d("2024-03-10"), d("2024-03-20")])
    #expect(
        diff.changes[2].text
            == "Corrected: Assessment authorised (dated 2024-02-20), now: Assessment authorised (dated 2024-02-15)")
    #expect(diff.changes[0].text == "Section 47 enquiry started (since replaced or retracted)")
    #expect(
        diff.changes[1].text
            == "Retracted: Section 47 enquiry started (dated 2024-02-01); reason: entered on the wrong child")
}

@Test func nothingChangedBetweenTwoTimesWithNothingRecorded() throws {
    let log = correctedLog()
    let after = try #require(log.record("C2", asKnownAt: "2024-03-05T00:00:00Z"))
    let diff = RecordDiff(
        child: "C2", before: log.record("C2", asKnownAt: "2024-03-02T00:00:00Z"), after: after,
        earlier: t("2024-03-02T00:00:00Z"), later: t("2024-03-05T00:00:00Z"), events: log.byPosition)
    #expect(diff.changes.isEmpty)
    #expect(diff.rendered(.text).contains("No changes."))
}

@Test func theChronologyBeforeAndAfterTheCorrection() throws {
    // Before the correction the assessment was authorised on 2024-02-20; after it, on 2024-02-15, marked as a
    // correction; the retracted S47 is gone.
    let log = correctedLog()
    func authorised(_ at: String) throws -> Chronology.Entry {
        let c = Chronology(try #require(log.record("C2", asKnownAt: at)), events: log.byPosition)
        return try #require(c.entries.first { $0.text.hasPrefix("Assessment authorised") })
    }
    #expect(try authorised("2024-03-01T23:59:59Z").date == d("2024-02-20"))
    let corrected = try authorised("2024-03-31T23:59:59Z")
    #expect(corrected.date == d("2024-02-15"))
    #expect(corrected.isCorrection)
    #expect(corrected.by == "tm-2")
    // Recorded 2024-03-10 about 2024-02-15: more than a day apart.
    #expect(corrected.recordedLate == t("2024-03-10"))
    let final = Chronology(try #require(log.record("C2")), events: log.byPosition)
    #expect(!final.entries.contains { $0.text.hasPrefix("Section 47") })
}
