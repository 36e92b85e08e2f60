import JourneyCore

/// A child adopted although the decision to place them for adoption was reversed.
///
/// An adoption order for an adoption whose decision was reversed, or a period of care ended as adopted (`E11`,
/// `E12`) on or after a reversal with no new decision since, says two contradictory things: either the decision
/// stood (and the reversal is wrong) or a new decision is missing.
///
/// SSDA903 525 ("A child for whom the decision to be placed for adoption has been reversed cannot be adopted during
/// the year") and 558 (if adopted, the latest decision must not have been reversed). The rules see one year's
/// return; the check reads the whole record, so a reversal in one year and an adoption in the next with no decision
/// between is found too, and one followed by a new decision is not.
struct AdoptedAfterDecisionReversed: Check {
    var id: String { "adopted-after-decision-reversed" }
    var severity: Severity { .error }
    var rule: String? { "903 525/558" }
    var summary: String { "A child is adopted although the decision to place them for adoption was reversed." }
    var judges: RecordFacts { [.adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        for a in record.adoptions {
            guard let reversed = a.reversed else { continue }
            if let order = a.orderGranted {
                findings.append(
                    finding(
                        child, on: order.date, events: [reversed.position, order.position],
                        "Decision to place for adoption reversed \(reversed.date), but the adoption order for the same "
                            + "adoption was granted \(order.date): retract the reversal if the decision stood, or "
                            + "correct the order."))
                continue
            }
            // Adopted on or after the reversal, with no decision since.
            let adopted = record.periodsOfCare.filter { p in
                guard let end = p.end, let reason = p.endReason else { return false }
                return reason.isAdoption && end >= reversed.date
            }.min { ($0.end!, $0.position) < ($1.end!, $1.position) }
            guard let period = adopted, let end = period.end, let reason = period.endReason else { continue }
            let decidedSince = record.adoptions.contains { other in
                other.decided.map { $0.date >= reversed.date && $0.date <= end } ?? false
            }
            guard !decidedSince else { continue }
            findings.append(
                finding(
                    child, on: end, events: [reversed.position, child.end(of: period)],
                    "Decision to place for adoption reversed \(reversed.date), and the child was adopted (care ended "
                        + "\(reason)) \(end) with no new decision since: record the new decision to place for "
                        + "adoption, or correct the reversal or the reason care ended."))
        }
    }
}
