import JourneyCore

// The SSDA903 facts the later types record: whether the child is a mother (header MOTHER, MC_DOB), the child's
// home postcode (episodes HOME_POST) and why a social worker changed (sw_episodes SW_REASON).

extension ChildRecord {
    /// `motherhood.recorded`: whether the child is a mother, and her first child's date of birth.
    public struct Motherhood: Sendable, Hashable {
        public var date: CalendarDate
        public var isMother: Bool
        public var firstChildBirthDate: CalendarDate?
        public var position: UInt64
    }

    /// `home-postcode.recorded`. The postcode is personal data, as an address is.
    public struct HomePostcode: Sendable, Hashable {
        public var date: CalendarDate
        public var postcode: String
        public var position: UInt64
    }

    /// `worker-change.recorded`: the reason for the allocation of `date`.
    public struct WorkerChangeReason: Sendable, Hashable {
        public var date: CalendarDate
        public var reason: SWReason
        public var position: UInt64
    }

    /// What the record says of the child's motherhood on `date`: the latest `mother: true` on or before it, since a
    /// child does not stop being a mother (one recorded in error is retracted or corrected, not overruled by a later
    /// `mother: false`); else the latest `mother: false` on or before it; `nil` when neither is recorded.
    public func motherhood(on date: CalendarDate) -> Motherhood? {
        func latest(_ isMother: Bool) -> Motherhood? {
            motherhood.filter { $0.isMother == isMother && $0.date <= date }
                .max { ($0.date, $0.position) < ($1.date, $1.position) }
        }
        return latest(true) ?? latest(false)
    }

    /// The child's home postcode on `date`: that of the latest `home-postcode.recorded` on or before it (two on one
    /// date, the later in the log).
    public func homePostcode(on date: CalendarDate) -> String? {
        homePostcodes.filter { $0.date <= date }.max { ($0.date, $0.position) < ($1.date, $1.position) }?.postcode
    }

    /// Why the social worker changed on `date`: the latest `worker-change.recorded` of that day in the log.
    public func workerChangeReason(on date: CalendarDate) -> SWReason? {
        workerChangeReasons.filter { $0.date == date }.max { $0.position < $1.position }?.reason
    }
}
