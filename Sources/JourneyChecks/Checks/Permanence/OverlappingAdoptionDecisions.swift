import JourneyCore
import JourneyProjections

/// A decision that the child should be placed for adoption made while an earlier decision still stood.
///
/// SSDA903 579: "A new decision that the child should be placed for adoption this year cannot start when the previous
/// decision is still open. Decisions to place the child for adoption should also not overlap." The validator orders
/// a child's placed-for-adoption rows by `DATE_PLACED` and flags each row after the first whose previous row has no
/// `DATE_PLACED_CEASED`, or one after the new `DATE_PLACED`. Here the decisions (`adoption.decided`) on or before the
/// as-of date in the same order, each against the one before it, over the whole history. The earlier decision ends
/// at its reversal (`adoption.decision-reversed`) or at its adoption order: a child adopted and looked after again
/// has no standing decision, and `journey return` leaves a decision that ended in an order before the year out of
/// the table (903 1003). `earlier-adoption-decision-not-reversed` (583) finds the earlier decision of such a pair.
struct OverlappingAdoptionDecisions: Check {
    var id: String { "overlapping-adoption-decisions" }
    var severity: Severity { .error }
    var rule: String? { "903 579" }
    var summary: String { "A decision to place for adoption is made while an earlier one still stands." }
    var judges: RecordFacts { [.adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let decided = child.adoptionsDecided
        guard decided.count > 1 else { return }
        for (earlier, later) in zip(decided, decided.dropFirst()) {
            let date = later.decided!.date
            let closed = earlier.decisionClosed(asOf: child.asOf)
            if let closed, closed.date <= date { continue }
            let events = [later.decided!.position, earlier.decided!.position, closed?.position]
            findings.append(
                finding(
                    child, on: date, events: events,
                    closed == nil
                        ? "Decision to place for adoption \(date) made while the decision of "
                            + "\(earlier.decided!.date) still stood: record when the earlier decision was reversed, "
                            + "or remove the decision recorded twice."
                        : "Decision to place for adoption \(date) made before the decision of "
                            + "\(earlier.decided!.date) ended on \(closed!.date): correct the date of the new decision "
                            + "or of the earlier one's reversal."))
        }
    }
}

extension ChildJourney {
    /// The adoptions with a decision to place for adoption on or before the as-of date, by decision (date, then log
    /// order).
    var adoptionsDecided: [ChildRecord.Adoption] {
        record.adoptions.filter { ($0.decided?.date).map { $0 <= asOf } ?? false }
            .sorted { ($0.decided!.date, $0.decided!.position) < ($1.decided!.date, $1.decided!.position) }
    }
}

extension ChildRecord.Adoption {
    /// When the decision stopped standing, on or before `asOf`: its reversal, or else its adoption order, the earlier
    /// of the two when both are recorded.
    func decisionClosed(asOf: AsOfDate) -> ChildRecord.Dated? {
        [reversed, orderGranted].compactMap { $0 }.filter { $0.date <= asOf }
            .min { ($0.date, $0.position) < ($1.date, $1.position) }
    }
}
