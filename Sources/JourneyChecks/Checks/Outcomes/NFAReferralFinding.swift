import JourneyCore
import JourneyProjections

extension Check {
    /// A finding for work recorded on a referral marked no further action (CIN 8831, 8832): the work's event and
    /// the referral's, and the two ways out.
    func findingOnNFAReferral(
        _ child: ChildJourney, referral: ChildRecord.Referral, _ what: String, on date: CalendarDate, event: UInt64?,
        linking work: String
    ) -> Finding {
        finding(
            child, on: date, events: [event, referral.position],
            "\(what) \(date) on the referral of \(referral.date), which is marked no further action: correct the "
                + "referral's NFA flag, or link the \(work) to the referral it belongs to.")
    }
}
