import JourneyCore
import JourneyProjections

/// A piece of work of an episode of need that is open from its start until it is finished: an assessment, a
/// section 47 enquiry, a CIN plan.
protocol EpisodeWork {
    /// The key of the referral whose episode the work belongs to.
    var referral: UInt64 { get }
    var startDate: CalendarDate? { get }
    var position: UInt64 { get }
}

extension ChildRecord.Assessment: EpisodeWork {
    var startDate: CalendarDate? { started }
}

extension ChildRecord.S47Enquiry: EpisodeWork {
    var startDate: CalendarDate? { started }
}

extension ChildRecord.CINPlan: EpisodeWork {
    var startDate: CalendarDate? { start }
}

extension ChildRecord {
    /// The episodes of need with two or more of `open` (work started and not finished), each with that work in start
    /// order (then log order), episodes in referral order.
    ///
    /// CIN 8896, 8839 and 4004 each allow one open piece of work of a kind within one `CINdetails`. Grouped by
    /// episode once: a record may hold thousands of referrals.
    func episodesWithMoreThanOneOpen<Work: EpisodeWork>(_ open: [Work]) -> [(referral: Referral, open: [Work])] {
        // Two or more of one episode need two or more in all: most children have none open, or one.
        guard open.count > 1 else { return [] }
        // A closure, not a key path: a key path through the protocol is applied at run time, for every item.
        let byReferral = Dictionary(grouping: open, by: { $0.referral })
        var found: [(referral: Referral, open: [Work])] = []
        for r in referrals {
            guard let work = byReferral[r.key], work.count > 1 else { continue }
            found.append((r, work.sorted { ($0.startDate!, $0.position) < ($1.startDate!, $1.position) }))
        }
        return found
    }
}

extension Array where Element: EpisodeWork {
    /// The start dates, for a message: "2024-05-01, 2024-06-03".
    var startDates: String { map { $0.startDate!.description }.joined(separator: ", ") }
}
