import JourneyCore

/// An episode, plan, period of care or early help still open well after the child died.
///
/// A death ends every service; one still open 20 working days after it (time enough to record the closures) keeps
/// the child in every open count and on a worker's caseload.
struct OpenAfterDeath: Check {
    var id: String { "open-after-death" }
    var severity: Severity { .warning }
    var summary: String {
        "An episode, plan, period of care or early help is still open 20 working days after the child died."
    }
    var judges: RecordFacts { [.referrals, .cinPlans, .cpPlans, .periodsOfCare, .earlyHelp] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let died = child.record.diedOn else { return }
        let deadline = child.adding(workingDays: 20, to: died)
        guard child.asOf > deadline else { return }
        func stillOpen(_ start: CalendarDate?, _ end: CalendarDate?) -> Bool {
            guard let start, start <= died else { return false }
            return end.map { $0 > deadline } ?? true
        }
        var open: [(String, UInt64?)] = []
        let record = child.record
        for r in record.referrals where !r.isNFA && stillOpen(r.date, r.closed) {
            open.append(("episode of need", r.position))
        }
        for p in record.cinPlans where stillOpen(p.start, p.end) { open.append(("CIN plan", child.start(of: p))) }
        for p in record.cpPlans where stillOpen(p.start, p.end) { open.append(("CP plan", child.start(of: p))) }
        for p in record.periodsOfCare where stillOpen(p.start, p.end) {
            open.append(("period of care", child.start(of: p)))
        }
        for e in record.earlyHelp where stillOpen(e.start, e.end) { open.append(("early help", child.start(of: e))) }
        guard !open.isEmpty else { return }
        findings.append(
            finding(
                child, on: deadline, events: open.map(\.1) + [child.deathEvent],
                "The child's death is recorded, but \(open.map(\.0).joined(separator: ", ")) "
                    + "\(open.count == 1 ? "is" : "are") still open 20 working days later: close \(open.count == 1 ? "it" : "them") "
                    + "from the date of death."))
    }
}
