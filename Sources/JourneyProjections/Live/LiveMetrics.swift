import JourneyCore
import JourneyLog

/// The metrics of a log for a set of periods, kept up to date as events are appended: after an append only the
/// records the new events change are built again (`LiveRecords`). Each changed record's old contribution is taken
/// out of every metric (`Metric.subtract`) and its new one added, so the reports are, byte for byte, those a full
/// evaluation of the state gives (`JourneyState.metrics`). What the shared service's live figures are built on.
///
/// The figures are as known now (no "as known at"), for the periods given when it was made: another period or an
/// earlier time is a full evaluation (`JourneyState.metrics`).
///
/// The state is held here and grows in place: a caller that keeps its own copy of the state it passed in makes the
/// first append copy every atom.
public struct LiveMetrics: Sendable {
    var records: LiveRecords
    /// The tallies of each set of periods, in order: one for a question of one set of metrics for every period.
    var tallies: [MetricTallies]

    /// Evaluates every record of `state` for `contexts`, as `JourneyState.metrics(_:only:)` does, and keeps the
    /// metrics' folds for the appends to come (`roomForAppends`: see `LiveRecords.init`).
    public init(
        _ state: consuming JourneyState, contexts: [MetricContext], only: Set<String>? = nil, parts: Int = 16,
        roomForAppends: Bool = true
    ) {
        self.init(consume state, sets: [(contexts, only)], parts: parts, roomForAppends: roomForAppends)
    }

    /// The same for several sets of periods, each for the metrics it names, as `JourneyState.metrics(sets:)` evaluates
    /// them: every record built once and folded into each set (the monthly pack's headline and trends, `SavedPack`).
    public init(
        _ state: consuming JourneyState, sets: [(contexts: [MetricContext], only: Set<String>?)], parts: Int = 16,
        roomForAppends: Bool = true
    ) {
        let plans = sets.map { MetricTallies.plan($0.contexts, only: $0.only) }
        records = LiveRecords(consume state, roomForAppends: roomForAppends)
        let folded = records.reduceRecords(parts: parts, MetricTallies.Plan.recordFold(plans))
        tallies = zip(plans, folded).map { MetricTallies($0, $1) }
    }

    /// The state the figures are of.
    public var state: JourneyState { records.state }

    /// The figures for each period, in the order of the contexts given (set after set), as `JourneyState.metrics`
    /// gives them.
    public var reports: [MetricsReport] { tallies.flatMap(\.reports) }

    /// Folds in the events of `log` (a folder, or a log in another store) after `cursor` and brings the figures up
    /// to date. Returns the cursor at the log's end.
    public mutating func fold<Store: EventStoreReader>(_ log: Store, after cursor: Store.Cursor?) throws -> (
        Store.Cursor, LiveUpdate
    ) {
        let (end, events) = try records.fold(log, after: cursor)
        return (end, update(events: events))
    }

    /// Folds in `events`, which must follow the state's last position, and brings the figures up to date.
    @discardableResult
    public mutating func apply(_ events: [StoredEvent]) -> LiveUpdate {
        records.apply(events)
        return update(events: events.count)
    }

    /// Takes the old contributions of the records the folded events change out, and adds their new ones: each side
    /// built and folded on all cores, as a full evaluation folds every record.
    package mutating func update(events: Int) -> LiveUpdate {
        let fold = MetricTallies.Plan.recordFold(tallies.map(\.partPlan))
        let (removed, added) = records.update(taking: fold, adding: fold)
        for i in tallies.indices { tallies[i].replace(removed.value[i], with: added.value[i]) }
        return LiveUpdate(events: events, recordsRemoved: removed.records, recordsAdded: added.records)
    }
}
