import JourneyCore
import JourneyProjections

extension Check {
    /// A finding for work of a closed episode of need still open (an assessment not authorised, CIN 8867; an enquiry
    /// with no conference, CIN 8868; a plan with no end): dated the closure, naming the work's start and the closure.
    func findingOnClosedEpisode(
        _ child: ChildJourney, referral: ChildRecord.Referral, closed: CalendarDate, _ work: String,
        started: CalendarDate, event: UInt64?, _ problem: String
    ) -> Finding {
        finding(
            child, on: closed, events: [event, child.closure(of: referral)],
            "Case closed \(closed), but its \(work) started \(started) \(problem).")
    }
}
