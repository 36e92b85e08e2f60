import JourneyCore

/// The running state shared by all children of a council, in the order their involvements are simulated (date
/// order).
struct CalibrationState: Sendable {
    /// Referrals with no further action, of all referrals.
    var nfa: ShareController
    /// Assessments that find the child not in need, of all assessments.
    var notInNeed: ShareController
    /// Referrals within 12 months of the child's previous referral (CIN census re-referrals), counted from a
    /// year into the log (before that, the previous referral of many re-referrals would be before the log
    /// began).
    var reReferral: RatioController
    let reReferralsCountFrom: CalendarDate

    init(targets: CalibrationTargets, from: CalendarDate, to: CalendarDate) {
        nfa = ShareController(target: targets.referralNFAPercent / 100, applicableShare: 0.98)
        notInNeed = ShareController(target: targets.assessedNotInNeedPercent / 100, applicableShare: 0.97)
        // The share of referrals whose episode closes in time for a re-referral within 12 months, for England's
        // flow (about two in three).
        reReferral = RatioController(target: targets.reReferralPercent / 100, applicableShare: 0.65)
        reReferralsCountFrom = from.adding(months: 12)
    }
}
