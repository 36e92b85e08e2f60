import JourneyCore
import JourneyProjections

/// A period of care ended as adopted (`E11`, `E12`) whose decision to place for adoption has no match with adopters.
///
/// A child adopted from care has the SSDA903's AD1 facts: the date of the decision (`DATE_INT`), the date of the
/// match and the adopters (`DATE_MATCH`, `NB_ADOPTR`, `SEX_ADOPTR`, `LS_ADOPTR`, `FOSTER_CARE`), which this format
/// records as `adoption.decided` and `adoption.matched`. SSDA903 601: "The additional fields relating to adoption
/// have not been completed although the episode data shows that the child was adopted during the year". The
/// validator joins the child's AD1 row to each row ending `E11` or `E12` in the year and flags it when any of those
/// items is blank. `journey return` writes the AD1 row from the latest decision, with its adoption's match, so the
/// items are blank exactly when that adoption has no match (a match gives every adopters' item, and the decision's
/// date is always there). Here the latest decision on or before the day care ended, over the whole history. A child
/// adopted with no decision at all has no AD1 row, which 601 does not judge: `adopted-without-decision` finds it.
/// A warning: the adoption may be right and only the match missing from the log.
struct AdoptedWithoutMatch: Check {
    var id: String { "adopted-without-match" }
    var severity: Severity { .warning }
    var rule: String? { "903 601" }
    var summary: String {
        "A period of care ended as adopted (E11, E12), but its decision to place for adoption has no match."
    }
    var judges: RecordFacts { [.periodsOfCare, .adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for (p, end, reason) in child.adoptedPeriods {
            guard let adoption = child.latestAdoptionDecided(onOrBefore: end),
                adoption.matched.map({ $0.date > child.asOf }) ?? true
            else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p), adoption.decided?.position],
                    "Period of care ended \(end) with reason \(reason) (adopted), but the decision to place for "
                        + "adoption of \(adoption.decided!.date) has no match with adopters recorded: record the match "
                        + "(adoption.matched, the 903's AD1), or correct the reason care ended."))
        }
    }
}

extension ChildJourney {
    /// The periods of care ended as adopted (`E11`, `E12`) on or before the as-of date, with the day and reason.
    var adoptedPeriods: [(period: ChildRecord.PeriodOfCare, end: CalendarDate, reason: CareEndReason)] {
        record.periodsOfCare.compactMap { p in
            guard let end = p.end, end <= asOf, let reason = p.endReason, reason.isAdoption else { return nil }
            return (p, end, reason)
        }
    }

    /// The adoption whose decision to place for adoption is the latest on or before `date` (by date, then log order).
    func latestAdoptionDecided(onOrBefore date: CalendarDate) -> ChildRecord.Adoption? {
        record.adoptions.filter { ($0.decided?.date).map { $0 <= date } ?? false }
            .max { ($0.decided!.date, $0.decided!.position) < ($1.decided!.date, $1.decided!.position) }
    }
}
