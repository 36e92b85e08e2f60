import JourneyCore

/// Two episodes of need of one child that overlap.
///
/// CIN 8820: "The dates on the CIN episodes for this child overlap": a referral may not fall between another
/// episode's referral and closure (or after it, while that one is open). NFA referrals open no episode and are left
/// out; one episode may close on the day the next is referred. The later referral is the one to look at.
///
/// The DfE's validator also counts an NFA referral dated inside an open episode as an overlap; here it opens no
/// episode, and an episode left open past a later referral, NFA or not, is `open-episode-not-latest`'s (CIN 8816).
struct OverlappingEpisodesOfNeed: Check {
    var id: String { "overlapping-episodes-of-need" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8820" }
    var summary: String { "A referral opens an episode of need while another episode of the child is still open." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // A pair needs two referrals (most children have one), which then costs no copy and no sort.
        guard child.record.referrals.count > 1 else { return }
        let episodes = child.record.referrals.filter { !$0.isNFA }.sorted {
            ($0.date, $0.position) < ($1.date, $1.position)
        }
        // Episodes in referral order: an earlier one overlaps a later one while it is not closed by the later
        // referral's date (it may close that day). A closure before the referral is `case-closed-before-referral`'s;
        // such an episode spans no day.
        forEachOpenEarlier(
            count: episodes.count, start: { episodes[$0].date },
            end: { i in
                let e = episodes[i]
                return e.closed.map { $0 < e.date } ?? false ? OpenItems.neverOpen : OpenItems.end(e.closed)
            }, endDayIncluded: false
        ) { l, e in
            let (later, earlier) = (episodes[l], episodes[e])
            findings.append(
                finding(
                    child, on: later.date, events: [later.position, earlier.position, child.closure(of: earlier)],
                    "Referral received \(later.date) opens an episode of need while the episode opened "
                        + "\(earlier.date) is \(earlier.closed.map { "open until \($0)" } ?? "still open"): close "
                        + "the earlier episode on or before \(later.date), mark one referral NFA, or correct the "
                        + "dates."))
        }
    }
}
