import JourneyCore

/// An open episode of need that is not the child's latest referral.
///
/// CIN 8816: "An open CIN episode is shown and case is not a referral with no further action, but it is not the
/// latest episode" (a `CINdetails` with no `CINclosureDate` and `ReferralNFA` false must have the child's latest
/// `CINreferralDate`). A later referral, NFA or not, means the earlier episode should have been closed by then. The
/// census compares the referrals of its year; the stream compares every referral of the child up to the as-of date,
/// so an episode left open in an earlier year is found once a later referral is received. A later episode opened
/// while this one is open is also `overlapping-episodes-of-need`'s (CIN 8820), from the later one's side.
struct OpenEpisodeNotLatest: Check {
    var id: String { "open-episode-not-latest" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8816" }
    var summary: String { "An episode of need is still open although a later referral was received." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // A referral is never earlier than itself: one referral (most children) has no later one on any day.
        guard child.record.referrals.count > 1 else { return }
        let referrals = child.record.referrals.filter { $0.date <= child.asOf }
        guard let latest = referrals.max(by: { $0.date < $1.date }) else { return }
        // Open on the as-of date, as `more-than-one-open-episode` (CIN 8815) reads it.
        for r in referrals where !r.isNFA && (r.closed.map { $0 > child.asOf } ?? true) && r.date < latest.date {
            findings.append(
                finding(
                    child, on: r.date, events: [r.position, latest.position],
                    "Episode of need referred \(r.date) is still open, but a later referral was received on "
                        + "\(latest.date): close the earlier episode, or correct the referral dates."))
        }
    }
}
