import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// One child from referral to the end of a CP plan. Events are added out of their natural order on the same day
/// (the referral before the contact, the S47 after the assessment's authorisation) to show the ordering rule, and
/// the authorisation is recorded five days late.
private func referralToPlan() -> HandLog {
    var log = EventBuilder()
    log.registered("C1", born: "2016-03-14", on: "2023-05-02")
    log.referral("C1", "2023-05-02")
    log.add(
        "C1", "2023-05-02",
        .contactReceived(
            ContactReceived(contact: "K1", source: ReferralSource("6")!, outcome: ContactOutcome("referral"))))
    log.add("C1", "2023-05-03", .assessmentStarted(assessment: "A1", referral: "R1"))
    log.add(
        "C1", "2023-06-20",
        .assessmentCompleted(AssessmentCompleted(assessment: "A1", outcome: AssessmentOutcome("s47"))),
        recorded: "2023-06-25")
    log.add("C1", "2023-06-20", .s47Started(s47: "S1", referral: "R1", strategy: nil))
    log.add("C1", "2023-07-10", .icpcHeld(s47: "S1", referral: "R1", outcome: .plan))
    log.cpPlan("C1", "P1", start: "2023-07-10", end: "2024-01-10")
    return HandLog(log)
}

private func chronology(_ log: HandLog, _ child: String, asKnownAt: String? = nil, from: String? = nil) -> Chronology {
    let record = log.record(child, asKnownAt: asKnownAt)!
    return Chronology(record, events: log.byPosition, asKnownAt: asKnownAt.map { t($0) }, from: from.map { d($0) })
}

@Test func aChronologyWrittenOutByHand() {
    // Same day 2023-05-02: registered, contact, referral (natural order, whatever the log order); the referral opens
    // an episode of need, so after that day the child is a child in need. 2023-06-20: authorisation before the S47;
    // recorded 2023-06-25, five days on, so the recording date is shown. 2023-07-10: ICPC, then the plan: child
    // protection. The plan ended 2024-01-10: 2023-07-10 to 2024-01-10 is 31+31+30+31+30+31 = 184 days; not on a plan
    // on its end day, the referral still open: child in need again.
    let expected = """
        Chronology of C1

        2023-05-02  Child registered; born 2016-03-14; sex: female (F); ethnicity: White British (WBRI)
        2023-05-02  Contact received from police (6); outcome: referral
        2023-05-02  Referral received from police (6); primary need: abuse or neglect (N1)
                    Level of help: child in need
        2023-05-03  Assessment started
        2023-06-20  Assessment authorised; outcome: section 47 enquiry (s47)
                    (recorded 2023-06-25)
        2023-06-20  Section 47 enquiry started
        2023-07-10  Initial child protection conference held; outcome: child protection plan (plan)
        2023-07-10  Child protection plan started; category: neglect (NEG)
                    Level of help: child protection
        2024-01-10  Child protection plan ended
                    (lasted 184 days)
                    Level of help: child in need

        """
    #expect(chronology(referralToPlan(), "C1").rendered(.text) == expected)
}

@Test func asKnownAtShowsWhatTheRecordSaidThen() {
    // As known at the end of 2023-06-22 the authorisation (recorded 2023-06-25) was not yet on the record; the S47
    // (recorded at midday 2023-06-20) was. Nothing after 2023-06-22 either: 5 entries.
    let c = chronology(referralToPlan(), "C1", asKnownAt: "2023-06-22T23:59:59Z")
    #expect(c.entries.map(\.text).contains { $0.hasPrefix("Assessment authorised") } == false)
    #expect(c.entries.count == 5)
    #expect(c.entries.last?.text == "Section 47 enquiry started")
}

@Test func aRangeStartingPartWaySaysWhereTheChildWas() {
    // From 2023-07-01: the ICPC and the plan on 2023-07-10 (level shown on the day's last entry), then the end.
    let c = chronology(referralToPlan(), "C1", from: "2023-07-01")
    #expect(c.entries.map(\.date) == [d("2023-07-10"), d("2023-07-10"), d("2024-01-10")])
    #expect(c.entries.map(\.level) == [nil, .childProtection, .childInNeed])
}

@Test func aMergedChildsChronologyIncludesTheMergedRecord() {
    // D3 was a duplicate of C3: its referral (2024-01-02) comes first, marked; C3's own referral follows.
    var log = EventBuilder()
    log.referral("D3", "2024-01-02", source: "2A")
    log.referral("C3", "2024-01-05")
    log.add("D3", "2024-01-10", .childMerged(into: "C3"))
    let c = chronology(HandLog(log), "C3")
    #expect(c.mergedFrom == ["D3"])
    #expect(c.entries.map(\.mergedFrom) == ["D3", nil])
    #expect(
        c.entries.map(\.text) == [
            "Referral received from school (2A); primary need: abuse or neglect (N1)",
            "Referral received from police (6); primary need: abuse or neglect (N1)",
        ])
    #expect(c.rendered(.text).contains("(from merged record D3)"))
}

@Test func htmlIsSelfContainedAndEscaped() {
    var log = EventBuilder()
    log.add("C4", "2024-01-02", .workerAllocated(team: "<script>alert(1)</script> & Co", worker: nil))
    let html = chronology(HandLog(log), "C4").rendered(.html)
    #expect(!html.contains("<script"))
    #expect(html.contains("Allocated to team &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
    #expect(html.contains("<style>"))
    #expect(!html.contains("http"))
}

@Test func markdownEscapesTableCells() {
    var log = EventBuilder()
    log.add("C5", "2024-01-02", .workerAllocated(team: "North | East", worker: nil))
    let markdown = chronology(HandLog(log), "C5").rendered(.markdown)
    #expect(markdown.contains("| 2024-01-02 | Allocated to team North \\| East | universal services |  |"))
}

@Test func visitsCanBeLeftOut() {
    // A visit on 2024-01-03 between two referrals: two entries without it, three with it.
    var log = EventBuilder()
    log.referral("C6", "2024-01-02")
    log.add("C6", "2024-01-03", .visitMade(VisitMade(kind: VisitKind("cin")!, wasSeen: true, wasSeenAlone: true)))
    log.referral("C6", "2024-02-01", "R2")
    let record = HandLog(log).record("C6")!
    let events = HandLog(log).byPosition
    #expect(Chronology(record, events: events).entries.map(\.text)[1] == "Child in need visit; child seen alone")
    #expect(Chronology(record, events: events, includingVisits: false).entries.count == 2)
}

@Test func theLevelOfHelpIsShownOnTheEntryThatChangedIt() {
    // 2024-01-02: a contact, the referral that opens an episode (child in need), then an allocation, all the same
    // day: the level goes on the referral, not on the allocation after it. 2024-03-01: the case closed, then an
    // allocation: back to universal services, on the closure.
    var log = EventBuilder()
    log.add(
        "C7", "2024-01-02",
        .contactReceived(
            ContactReceived(contact: "K1", source: ReferralSource("6")!, outcome: ContactOutcome("referral"))))
    log.referral("C7", "2024-01-02")
    log.add("C7", "2024-01-02", .workerAllocated(team: "Front Door", worker: nil))
    log.add("C7", "2024-03-01", .caseClosed(referral: "R1", reason: ClosureReason("RC7")!))
    log.add("C7", "2024-03-01", .workerAllocated(team: "Closed", worker: nil))
    let c = chronology(HandLog(log), "C7")
    // The first day always says where the child was: child in need, on the referral that made it so.
    #expect(c.entries.map(\.level) == [nil, .childInNeed, nil, .universal, nil])
}

@Test func htmlPrintsOnA4WithTheHeadingOnEveryPage() {
    var log = EventBuilder()
    log.referral("C8", "2024-01-02")
    let html = chronology(HandLog(log), "C8").rendered(.html)
    #expect(html.contains("@page { size: A4"))
    #expect(html.contains("thead { display: table-header-group; }"))
    #expect(html.contains("<thead><tr><th>Date</th>"))
    #expect(html.contains("</tbody>\n</table>"))
}
