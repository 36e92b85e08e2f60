import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// A hand-made log for the caseload on 2025-03-31, and the audit sample drawn from it:
/// - A: referral 2025-01-01, North / J. Smith; a CIN visit 2025-03-10, seen. Child in need.
/// - B: referral 2024-12-02, North / J. Smith; CP plan from 2025-01-15; CP visits 2025-02-14 (seen) and 2025-03-20
///   (not seen).
/// - C: referral 2024-10-01, North / `A. <Jones>`; looked after from 2024-11-01; no visit.
/// - D: referral 2025-02-01, allocated to North with no worker.
/// - E: referral 2024-06-01, South / K. Patel; CP plan 2024-07-01 to 2025-01-10; a CP visit 2024-12-01, seen.
/// - F: referral 2024-05-01, North / J. Smith, closed 2025-03-31: closed on the date, not open.
/// - G: referral 2025-01-10, closed 2025-02-01: not open.
/// - I: looked after from 2023-05-01 with no referral in the log (as a log of SSDA903 returns), no allocation.
/// - J: born 2006-06-01, looked after 2020-01-01 to 2024-06-01, a personal adviser from 2024-06-01, South / L. Owen
///   from 2024-06-01: a care leaver.
/// - K: looked after 2022-01-01 to 2023-01-01, no leaving-care event, no referral: not on the caseload.
func caseloadLog() -> HandLog {
    var log = EventBuilder()
    func allocate(_ child: String, _ date: String, _ team: String, _ worker: String?) {
        log.add(child, date, .workerAllocated(team: team, worker: worker))
    }
    func visit(_ child: String, _ date: String, _ kind: String, seen: Bool) {
        log.add(child, date, .visitMade(VisitMade(kind: VisitKind(kind)!, wasSeen: seen)))
    }
    func care(_ child: String, _ start: String, end: String? = nil) {
        log.add(
            child, start,
            .careStarted(CareStarted(period: "L1", legalStatus: LegalStatus("C2")!, needCode: CareNeed("N1")!)))
        if let end { log.add(child, end, .careEnded(period: "L1", reason: CareEndReason("E4A")!)) }
    }
    log.referral("A", "2025-01-01")
    allocate("A", "2025-01-01", "North", "J. Smith")
    visit("A", "2025-03-10", "cin", seen: true)

    log.referral("B", "2024-12-02")
    allocate("B", "2024-12-02", "North", "J. Smith")
    log.cpPlan("B", "P1", start: "2025-01-15")
    visit("B", "2025-02-14", "cp", seen: true)
    visit("B", "2025-03-20", "cp", seen: false)

    log.referral("C", "2024-10-01")
    allocate("C", "2024-10-01", "North", "A. <Jones>")
    care("C", "2024-11-01")

    log.referral("D", "2025-02-01")
    allocate("D", "2025-02-01", "North", nil)

    log.referral("E", "2024-06-01")
    allocate("E", "2024-06-01", "South", "K. Patel")
    log.cpPlan("E", "P1", start: "2024-07-01", end: "2025-01-10")
    visit("E", "2024-12-01", "cp", seen: true)

    log.referral("F", "2024-05-01")
    allocate("F", "2024-05-01", "North", "J. Smith")
    log.add("F", "2025-03-31", .caseClosed(referral: "R1", reason: ClosureReason("RC7")!))

    log.referral("G", "2025-01-10")
    log.add("G", "2025-02-01", .caseClosed(referral: "R1", reason: ClosureReason("RC8")!))

    care("I", "2023-05-01")

    log.registered("J", born: "2006-06-01", on: "2020-01-01")
    care("J", "2020-01-01", end: "2024-06-01")
    log.add("J", "2024-06-01", .personalAdviserAllocated(adviser: "P. Adviser"))
    allocate("J", "2024-06-01", "South", "L. Owen")

    care("K", "2022-01-01", end: "2023-01-01")
    return HandLog(log)
}

@Suite("Caseload by worker")
struct CaseloadTests {
    static let day = d("2025-03-31")

    static func caseload(team: String? = nil) -> Caseload {
        Caseload.build(caseloadLog().state, on: day, team: team)
    }

    @Test("Open cases in caseload order: team, worker (none last), child; closed and finished cases left out")
    func order() {
        let c = Self.caseload()
        // North: "A. <Jones>" (C) before "J. Smith" (A, B) ("A" < "J"), then North's unallocated D; South: K. Patel
        // (E), L. Owen (J); then the child with no team (I). F closed on the date, G before it, K left care with no
        // leaving-care event: none is open.
        #expect(c.cases.map(\.child) == ["C", "A", "B", "D", "E", "J", "I"])
        #expect(
            c.workers.map(\.workerName) == [
                "A. <Jones>", "J. Smith", "unallocated", "K. Patel", "L. Owen", "unallocated",
            ])
        #expect(c.workers.map(\.teamName) == ["North", "North", "North", "South", "South", "unallocated"])
    }

    @Test("Levels of help and the counts")
    func levels() {
        let c = Self.caseload()
        let levels = Dictionary(uniqueKeysWithValues: c.cases.map { ($0.child, $0.level) })
        #expect(levels["A"] == .childInNeed && levels["D"] == .childInNeed)
        // E's CP plan ended 2025-01-10, before the date: child in need again.
        #expect(levels["E"] == .childInNeed)
        #expect(levels["B"] == .childProtection)
        #expect(levels["C"] == .lookedAfter && levels["I"] == .lookedAfter)
        #expect(levels["J"] == .careLeaver)
        // 3 child in need (A, D, E), 1 CP (B), 2 looked after (C, I), 1 care leaver (J).
        #expect(Caseload.Level.allCases.map(c.count) == [3, 1, 2, 1])
        let smith = c.workers.first { $0.worker == "J. Smith" }
        #expect(smith.map { w in Caseload.Level.allCases.map(w.count) } == [1, 1, 0, 0])
    }

    @Test("Days open and at the level, worked out by hand")
    func durations() throws {
        let c = Self.caseload()
        func row(_ id: String) throws -> Caseload.Case { try #require(c.cases.first { $0.child == ChildID(id) }) }
        // A: 2025-01-01 to 2025-03-31: 30 (rest of January) + 28 + 31 = 89.
        #expect(try row("A").daysOpen == 89 && row("A").daysAtLevel == 89)
        // B: 2024-12-02 to 2025-03-31: 29 + 31 + 28 + 31 = 119; at CP since 2025-01-15: 16 + 28 + 31 = 75.
        #expect(try row("B").daysOpen == 119 && row("B").daysAtLevel == 75)
        // C: from 2024-10-01: 30 + 30 + 31 + 31 + 28 + 31 = 181; looked after since 2024-11-01: 181 − 31 = 150.
        #expect(try row("C").daysOpen == 181 && row("C").daysAtLevel == 150)
        // E: child in need again since the plan ended 2025-01-10: 21 + 28 + 31 = 80.
        #expect(try row("E").levelStart == d("2025-01-10") && row("E").daysAtLevel == 80)
        #expect(try row("E").caseStart == d("2024-06-01"))
        // I: care from 2023-05-01: to 2024-05-01 is 366 days (29 February 2024), then 304 to 2025-03-01 and 30: 700.
        #expect(try row("I").caseStart == d("2023-05-01") && row("I").daysOpen == 700)
        // J: care ended 2024-06-01: 29 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 = 303.
        #expect(try row("J").caseStart == d("2024-06-01") && row("J").daysAtLevel == 303)
    }

    @Test("The last statutory visit since the case began, and whether the child was seen")
    func visits() throws {
        let c = Self.caseload()
        func row(_ id: String) throws -> Caseload.Case { try #require(c.cases.first { $0.child == ChildID(id) }) }
        #expect(try row("A").lastVisit == d("2025-03-10") && row("A").wasSeen == true)
        // B: the later visit, 2025-03-20, did not see the child.
        #expect(try row("B").lastVisit == d("2025-03-20") && row("B").wasSeen == false)
        #expect(try row("C").lastVisit == nil && row("C").wasSeen == nil)
        #expect(try row("E").lastVisit == d("2024-12-01") && row("E").wasSeen == true)
    }

    @Test("One team: its workers and its unallocated children only")
    func oneTeam() {
        #expect(Self.caseload(team: "North").cases.map(\.child) == ["C", "A", "B", "D"])
        #expect(Self.caseload(team: "unallocated").cases.map(\.child) == ["I"])
        #expect(Self.caseload(team: "West").cases.isEmpty)
    }

    @Test("The caseload of an earlier date: F open then, B not yet on a plan")
    func earlierDate() {
        let c = Caseload.build(caseloadLog().state, on: d("2025-01-10"))
        // On 2025-01-10: A (from 01-01), B (CIN: plan from 01-15), C, E (its plan ended that day: CIN), F (closed
        // 03-31), G (referral that day), I, J. D's referral is 02-01: not yet.
        #expect(Set(c.cases.map(\.child)) == ["A", "B", "C", "E", "F", "G", "I", "J"])
        #expect(c.cases.first { $0.child == "B" }?.level == .childInNeed)
        #expect(c.cases.first { $0.child == "E" }?.level == .childInNeed)
    }

    @Test("HTML escapes a worker's name, has captions and column headers, and no script")
    func html() {
        let c = Self.caseload()
        #expect(c.htmlFragment.contains("A. &lt;Jones&gt;"))
        #expect(!c.htmlFragment.contains("<Jones>"))
        #expect(c.htmlFragment.contains("<caption>") && c.htmlFragment.contains("<th scope=\"col\""))
        #expect(!c.html.contains("<script"))
        #expect(c.html.hasPrefix("<!DOCTYPE html>") && c.html.contains(c.htmlFragment))
        #expect(!c.htmlFragment.contains("<html"))
    }

    @Test("CSV: one row per case, days as numbers")
    func csv() {
        let lines = Self.caseload(team: "North").csv.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == "team,worker,child,level,case_start,days_open,level_start,days_at_level,last_visit,seen")
        #expect(lines[2] == "North,J. Smith,A,cin,2025-01-01,89,2025-01-01,89,2025-03-10,yes")
    }
}
