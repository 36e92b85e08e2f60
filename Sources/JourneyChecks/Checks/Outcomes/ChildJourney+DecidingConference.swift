import JourneyCore
import JourneyProjections

extension ChildJourney {
    /// The initial child protection conference that decided on a CP plan: the latest of the plan's episode with the
    /// outcome `plan` held on or before the plan's start (CIN census: the plan starts on the conference date). `nil`
    /// for a plan with no start or no referral, or when there is none.
    func decidingConference(of plan: ChildRecord.CPPlan) -> ChildRecord.Conference? {
        guard let start = plan.start, plan.referral != 0 else { return nil }
        return record.conferences.filter { c in
            c.referral == plan.referral && c.outcome == .plan && c.date <= start
        }.max { ($0.date, $0.position) < ($1.date, $1.position) }
    }
}
