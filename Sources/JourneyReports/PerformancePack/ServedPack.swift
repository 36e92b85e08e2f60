import JourneyChecks
import JourneyCore
import JourneyProjections

/// The monthly pack of a served log as known now (the service's pack page), made from what the service keeps between
/// appends rather than evaluated in full at each position of the log: the pack is, byte for byte, the one
/// `JourneyState.performancePack` makes with no "as known at", as `SavedPack` makes it for a log folder.
///
/// - **The figures** of every period the pack shows are kept beside the live findings (`LiveChecks.keepFigures(_:as:)`):
///   each append's update keeps the records it rebuilt, and the next request takes them out of the figures as they
///   stood and puts them back as they stand. They are kept in the pack's two sets (`PerformancePack.metricSets`):
///   every metric the pack shows for the headline year and the year before, and for the trends' twenty-four rolling
///   years only the measures the trends draw, which are folded in a fraction of the time.
/// - **The findings' counts** are as known at the end of the month's last day (`PerformancePack.findingsKnownAt`).
///   Counts made at an earlier position carry over when no event since is recorded by then: a month that has ended.
///   When every event of the log is recorded by then (the month under way), they are the live findings', judged on
///   the log's latest day, each charged again to the team responsible on its date. Otherwise the checks run in full.
package struct ServedPack: Sendable {
    /// The month's last day.
    package let end: CalendarDate
    let calendar: WorkingDayCalendar
    let minimumDenominator: Int
    /// The pack's periods in two sets, each with the metrics drawn from it (`PerformancePack.metricSets`): the
    /// figures kept.
    package let figureSets: [(contexts: [MetricContext], only: Set<String>?)]
    /// The time the findings are as known at, in nanoseconds since 1970 UTC.
    let cutoff: Int64

    /// The pack for the month ending `monthEnd`, with the targets and minimum denominator the service's pack page
    /// uses (`JourneyState.performancePack`'s defaults).
    package init(monthEnd: CalendarDate, calendar: WorkingDayCalendar) {
        end = monthEnd.monthEnd
        self.calendar = calendar
        minimumDenominator = Targets.england.minimumDenominator ?? MetricContext.defaultMinimumDenominator
        figureSets = PerformancePack.metricSets(end: end, calendar: calendar, minimumDenominator: minimumDenominator)
        cutoff = PerformancePack.findingsKnownAt(end: end, asKnownAt: nil)?.nanoseconds ?? Int64.max
    }

    /// Where the findings' counts came from (`quality(of:kept:live:)`).
    package enum QualitySource: Sendable, Equatable {
        /// Counts made at an earlier position, no event since known by the month's end.
        case kept
        /// The live findings, charged again to the teams of their dates.
        case liveFindings
        /// A run of the checks.
        case checked
    }

    /// The findings' counts at `state`'s position, and where they came from. `kept`: counts made at an earlier
    /// position of the same log; `live`: the findings as known now of `state`, judged with the team responsible on
    /// their as-of day, on the pack's calendar and recorded-late standard (the service's live findings).
    package func quality(
        of state: JourneyState, kept: (position: UInt64, quality: QualitySummary)?, live: CheckReport?
    ) -> (quality: QualitySummary, source: QualitySource) {
        if let kept, !state.isAnythingRecorded(after: kept.position, by: cutoff) { return (kept.quality, .kept) }
        // The month under way: the records as known at its end are the records as known now, and the latest day
        // known then is the latest day known now.
        if let live, state.isEverythingRecorded(by: cutoff), let latest = state.latestOccurred(),
            live.asOf == min(end, latest), live.asKnownAt == nil, live.newSince == nil,
            live.checks.count == CheckCatalogue.all.count
        {
            return (QualitySummary(live.chargedToTeamsOnTheirDates(in: state)), .liveFindings)
        }
        return (state.packQuality(end: end, asKnownAt: nil, calendar: calendar), .checked)
    }

    /// The pack of the figures of `figureSets`, in their order, and the findings' counts.
    package func pack(reports: [MetricsReport], quality: QualitySummary, provenance: Provenance) -> PerformancePack {
        PerformancePack(
            monthEnd: end, asKnownAt: nil, provenance: provenance, targets: .england, reports: reports,
            quality: quality, minimumDenominator: minimumDenominator)
    }
}

extension CheckReport {
    /// The findings open on the as-of day (dated on or before it), each charged to the team responsible on its date
    /// in its record in `state` (`CheckContext.TeamAttribution.findingDate`), as a run that charges them so finds
    /// them: the team is all the attribution changes. Only the records of the findings' children are built.
    func chargedToTeamsOnTheirDates(in state: JourneyState) -> CheckReport {
        var report = self
        report.findings = findings.filter { $0.date <= asOf }
        var byChild: [ChildID: [Int]] = [:]
        for (i, f) in report.findings.enumerated() { byChild[f.child, default: []].append(i) }
        state.forEachRecord(of: Set(byChild.keys)) { child, record in
            for i in byChild[child]! { report.findings[i].team = record.team(on: report.findings[i].date) }
        }
        return report
    }
}
