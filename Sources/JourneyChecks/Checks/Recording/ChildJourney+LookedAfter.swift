import JourneyCore
import JourneyProjections

extension ChildJourney {
    /// The child's first period of care started by the as-of date: what puts the child in the 903, the event a
    /// finding about the 903 header names.
    var firstPeriodOfCare: ChildRecord.PeriodOfCare? {
        record.periodsOfCare.filter { p in p.start.map { $0 <= asOf } ?? false }
            .min { ($0.start!, $0.position) < ($1.start!, $1.position) }
    }

    /// The first period of care in the log the child was looked after in during the collection year of the as-of
    /// date: started by the as-of date and not ended before the year's 1 April. The 903 rules that judge "a child
    /// looked after in the year" (209, 351) read it.
    var firstPeriodOfCareInCollectionYear: ChildRecord.PeriodOfCare? {
        // A child never looked after has none on any day: the year, which holds only until 31 March, is not read.
        guard !record.periodsOfCare.isEmpty else { return nil }
        let yearStart = asOfCollectionYearStart
        return record.periodsOfCare.first { p in
            guard let start = p.start, start <= asOf else { return false }
            return p.end.map { $0 >= yearStart } ?? true
        }
    }

    /// The last `child.registered` or `child.updated` that counts: where the child's details were last given.
    var detailsEvent: ChildRecord.RecordedEvent? {
        record.recording.events.last { $0.counts && ($0.type == .childRegistered || $0.type == .childUpdated) }
    }
}
