import JourneyCore
import JourneyProjections

extension ChildJourney {
    /// The child's first period of care started by the as-of date: what puts the child in the 903, the event a
    /// finding about the 903 header names.
    var firstPeriodOfCare: ChildRecord.PeriodOfCare? {
        record.periodsOfCare.filter { p in p.start.map { $0 <= asOf } ?? false }
            .min { ($0.start!, $0.position) < ($1.start!, $1.position) }
    }

    /// The last `child.registered` or `child.updated` that counts: where the child's details were last given.
    var detailsEvent: ChildRecord.RecordedEvent? {
        record.recording.events.last { $0.counts && ($0.type == .childRegistered || $0.type == .childUpdated) }
    }
}
