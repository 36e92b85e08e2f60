import JourneyCore

/// A legal status of remand, PACE detention or a supervision order with residence (`J1`, `J2`, `J3`) for a child of
/// 10 or under.
///
/// SSDA903 358: "Child with this legal status should not be under 10." The validator flags a row with `LS` `J1`,
/// `J2` or `J3` whose `DECOM` is on or before the 10th birthday (`DOB + 10 years >= DECOM`), so a status taking effect
/// on the birthday itself is flagged too. Here each time one of these statuses takes effect. A child with no birth
/// date is not judged.
struct CriminalJusticeStatusUnderTen: Check {
    var id: String { "criminal-justice-status-under-10" }
    var severity: Severity { .error }
    var rule: String? { "903 358" }
    var summary: String { "A legal status J1, J2 or J3 takes effect before the child is over 10." }
    var judges: RecordFacts { [.periodsOfCare] }

    static let statuses: Set<String> = ["J1", "J2", "J3"]

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.periodsOfCare.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: 10)
        for period in child.record.periodsOfCare {
            for (i, s) in period.legalStatuses.enumerated()
            where Self.statuses.contains(s.status.rawValue) && s.date <= child.asOf && s.date <= birthday {
                let event =
                    i == 0
                    ? child.position(.careStarted, key: period.key, on: s.date)
                    : child.position(.legalStatusChanged, key: period.key, on: s.date)
                findings.append(
                    finding(
                        child, on: s.date, events: [event, child.birthDateEvent],
                        "Legal status \(s.status.rawValue) takes effect on or before the child's 10th birthday, "
                            + "below the age of criminal responsibility: correct the legal status, its date or the "
                            + "birth date."))
            }
        }
    }
}
