import JourneyCore

/// The metrics' folds over a set of records for a set of periods, with the counts the log's span is read from, kept
/// so that records can be taken out as well as put in (`Metric.subtract`): what live figures hold between appends,
/// whatever else is kept of the same records (`LiveMetrics`; the service's findings, `LiveChecks.figures`).
package struct MetricTallies: Sendable {
    let plan: MetricsPlan
    var metrics: MetricsPlan.Metrics
    var span: SpanCounts

    init(plan: MetricsPlan, metrics: MetricsPlan.Metrics, span: SpanCounts) {
        self.plan = plan
        self.metrics = metrics
        self.span = span
    }

    /// The folds over some of the records, made on the core that built them: every record, then merged into the
    /// tallies (`init(_:_:)`); or those an update takes out and puts back (`replace`).
    package struct Part: Sendable {
        var fold: MetricsPlan.Fold<SpanCounts>

        package mutating func add(_ record: borrowing ChildRecord) { fold.add(record) }
        package mutating func merge(_ other: Part) { fold.merge(other.fold) }
    }

    /// The plan of the metrics `only` names (all when `nil`) for `contexts`, over no record yet.
    package static func plan(_ contexts: [MetricContext], only: Set<String>?) -> Plan {
        Plan(plan: MetricsPlan(contexts, only: only))
    }

    /// Which metrics, for which periods: what makes the parts of a fold.
    package struct Plan: Sendable {
        let plan: MetricsPlan

        /// A fold over no record yet.
        package func part() -> Part { Part(fold: plan.fold()) }

        /// The records an update builds folded into parts: those the events change, as they stood or as they stand
        /// (a record only judged again on a later day is the same either way, and leaves the figures as they were).
        package var recordFold: RecordFold<Part> {
            RecordFold(
                initial: { part() },
                add: { part, record, changedByEvents in if changedByEvents { part.add(record) } },
                merge: { $0.merge($1) })
        }

        /// The same for several plans at once, a part for each in order: each record built once for all.
        package static func recordFold(_ plans: [Plan]) -> RecordFold<[Part]> {
            RecordFold(
                initial: { plans.map { $0.part() } },
                add: { parts, record, changedByEvents in
                    guard changedByEvents else { return }
                    for i in parts.indices { parts[i].add(record) }
                },
                merge: { parts, other in for i in parts.indices { parts[i].merge(other[i]) } })
        }
    }

    /// The tallies of the records `part` holds (every record), for `plan`.
    package init(_ plan: Plan, _ part: Part) {
        self.init(plan: plan.plan, metrics: part.fold.metrics, span: part.fold.span)
    }

    /// The tallies of every record of `state`, as known now, for each set of periods and the metrics it names (all
    /// when `nil`), in one pass over the records: full evaluations, kept so that records can be taken out and put
    /// back. Made away from the live records that keep them from then on (`LiveChecks.keepFigures(_:as:)`), so that
    /// they wait for none of it.
    package static func evaluating(
        _ state: JourneyState, sets: [(contexts: [MetricContext], only: Set<String>?)]
    ) -> [MetricTallies] {
        let plans = sets.map { MetricsPlan($0.contexts, only: $0.only) }
        let folds: [MetricsPlan.Fold<SpanCounts>] = MetricsPlan.folds(plans, over: state)
        return zip(plans, folds).map { MetricTallies(plan: $0, metrics: $1.metrics, span: $1.span) }
    }

    package var contexts: [MetricContext] { plan.contexts }

    /// The plan these tallies were made by, to make the parts an update folds.
    package var partPlan: Plan { Plan(plan: plan) }

    /// The figures for each period, in the order of the contexts, as `JourneyState.metrics` gives them.
    package var reports: [MetricsReport] { plan.reports(metrics, span: span.span, asKnownAt: nil) }

    /// Takes out the records `removed` (as they stood, every one of them folded here before) and puts in `added`
    /// (the same records as they stand), as `replace(_:with:)` does with their folds: a set of figures brought up to
    /// date some updates after the records were built (`LiveChecks.figureReports(as:)`).
    package mutating func replace(records removed: [ChildRecord], with added: [ChildRecord], parts: Int = 16) {
        let plan = partPlan
        // Each side cut into runs in order, folded on all cores and merged in run order, as an update folds them.
        func folded(_ records: [ChildRecord]) -> Part {
            foldInRuns(
                count: records.count, parts: parts, initial: { plan.part() }, add: { $0.add(records[$1]) },
                merge: { $0.merge($1) })
        }
        replace(folded(removed), with: folded(added))
    }

    /// Takes out what `removed` folded (records as they stood, every one of them folded here before) and adds what
    /// `added` folded (the same records as they stand).
    package mutating func replace(_ removed: Part, with added: Part) {
        span.subtract(removed.fold.span)
        span.merge(added.fold.span)
        MetricsPlan.subtract(removed.fold.metrics, from: &metrics)
        MetricsPlan.merge(added.fold.metrics, into: &metrics)
    }
}
