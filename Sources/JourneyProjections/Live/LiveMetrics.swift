import JourneyCore
import JourneyLog

/// The metrics of a log for a set of periods, kept up to date as events are appended: after an append only the
/// records the new events change are built again. Each changed record's old contribution is taken out of every
/// metric (`Metric.subtract`) and its new one added, so the reports are, byte for byte, those a full evaluation of
/// the state gives (`JourneyState.metrics`). What the shared service's live figures are built on.
///
/// A record changes when an event is added to one of its children, when a correction or retraction drops an event
/// of it or brings one back, and when a merge joins or parts it; a merged record changes whenever one of its
/// children does, and all of a merge's children are built again together, so that the records taken out and those
/// put back hold the same children.
///
/// The figures are as known now (no "as known at"), for the periods given when it was made: another period or an
/// earlier time is a full evaluation (`JourneyState.metrics`).
///
/// The state is held here and grows in place: a caller that keeps its own copy of the state it passed in makes the
/// first append copy every atom.
public struct LiveMetrics: Sendable {
    public private(set) var state: JourneyState
    let plan: MetricsPlan
    var metrics: MetricsPlan.Metrics
    var span: SpanCounts
    /// How the records stood at the last evaluation.
    var dropped: EventIDSet
    var merged: MergedRecords
    var streams: ChildStreams
    var dropCount: Int

    /// What the last update did.
    public struct Update: Sendable, Equatable {
        /// Events folded in.
        public var events: Int
        /// Records taken out, and records put back (a merge can make them differ).
        public var recordsRemoved: Int
        public var recordsAdded: Int
    }

    /// Evaluates every record of `state` for `contexts`, as `JourneyState.metrics(_:only:)` does, and keeps the
    /// metrics' folds for the appends to come.
    public init(_ state: JourneyState, contexts: [MetricContext], only: Set<String>? = nil, parts: Int = 16) {
        let cutoff = Int64.max
        let dropped = RecordResolution.dropped(state, cutoff: cutoff)
        let merged = MergedRecords(state, cutoff: cutoff, dropped: dropped)
        let streams = ChildStreams(atomChildren: state.atomChildren, childCount: state.childIDs.count)
        let plan = MetricsPlan(contexts, only: only)
        let resolution = RecordResolution(state, cutoff: cutoff, dropped: dropped, merged: merged, streams: streams)
        let (span, metrics): (SpanCounts, MetricsPlan.Metrics) = resolution.reduceRecords(
            parts: parts, initial: { (SpanCounts(), plan.start()) },
            add: { partial, record in
                partial.0.add(record)
                MetricsPlan.add(record, to: &partial.1)
            },
            merge: { partial, other in
                partial.0.merge(other.0)
                MetricsPlan.merge(other.1, into: &partial.1)
            })
        self.state = state
        self.plan = plan
        self.metrics = metrics
        self.span = span
        self.dropped = dropped
        self.merged = merged
        self.streams = streams
        self.dropCount = self.state.drops.count
    }

    /// The figures for each period, in the order of the contexts given, as `JourneyState.metrics` gives them.
    public var reports: [MetricsReport] { plan.reports(metrics, span: span.span, asKnownAt: nil) }

    /// Folds in the events of `log` after `cursor` and brings the figures up to date. Returns the cursor at the
    /// log's end.
    public mutating func fold(_ log: EventLog, after cursor: LogCursor?) throws -> (LogCursor, Update) {
        let before = state.eventCount
        let end = try state.fold(log, after: cursor)
        var update = self.update()
        update.events = Int(state.eventCount - before)
        return (end, update)
    }

    /// Folds in `events`, which must follow the state's last position, and brings the figures up to date.
    @discardableResult
    public mutating func apply(_ events: [StoredEvent]) -> Update {
        for event in events { state.apply(event) }
        var update = self.update()
        update.events = events.count
        return update
    }

    /// Builds again the records the events folded in since the last evaluation change, taking their old
    /// contributions out and adding the new.
    mutating func update() -> Update {
        let cutoff = Int64.max
        let oldAtomCount = streams.atomCount
        let oldChildCount = merged.isOwnRecord.count
        let newDropped = state.drops.count == dropCount ? dropped : RecordResolution.dropped(state, cutoff: cutoff)
        let newMerged = MergedRecords(state, cutoff: cutoff, dropped: newDropped)

        // The children whose records change: those with new events, those with an event dropped or brought back,
        // and those a merge joins or parts.
        var changed = Set(state.atomChildren[oldAtomCount...].map(Int.init))
        if state.drops.count != dropCount {
            let now = Set(newDropped.ids)
            let then = Set(dropped.ids)
            let flipped = now.symmetricDifference(then)
            if !flipped.isEmpty {
                for i in 0..<oldAtomCount where flipped.contains(state.atoms[i].id) {
                    changed.insert(Int(state.atomChildren[i]))
                }
            }
        }
        if newMerged.mergedInto != merged.mergedInto {
            for (source, into) in [merged.mergedInto, newMerged.mergedInto].joined() {
                for child in [source, into] { state.childNumbers[ChildKey(child)].map { changed.insert($0) } }
            }
        }
        let oldGroups = groupsTouching(&changed, merged: merged, and: newMerged)

        // Out with the old: the records as they stood, from the atoms the streams held then.
        let old = RecordResolution(state, cutoff: cutoff, dropped: dropped, merged: merged, streams: streams)
        var removed = (span: SpanCounts(), metrics: plan.start(), records: 0)
        func remove(_ record: ChildRecord) {
            removed.span.add(record)
            MetricsPlan.add(record, to: &removed.metrics)
            removed.records += 1
        }
        for n in changed where n < oldChildCount && merged.isOwnRecord[n] { remove(old.record(ofChild: n)) }
        for g in oldGroups.old { remove(old.mergedRecord(g)) }

        // In with the new.
        streams.append(state.atomChildren)
        let new = RecordResolution(state, cutoff: cutoff, dropped: newDropped, merged: newMerged, streams: streams)
        var added = (span: SpanCounts(), metrics: plan.start(), records: 0)
        func add(_ record: ChildRecord) {
            added.span.add(record)
            MetricsPlan.add(record, to: &added.metrics)
            added.records += 1
        }
        for n in changed where newMerged.isOwnRecord[n] { add(new.record(ofChild: n)) }
        for g in oldGroups.new { add(new.mergedRecord(g)) }

        span.subtract(removed.span)
        span.merge(added.span)
        MetricsPlan.subtract(removed.metrics, from: &metrics)
        MetricsPlan.merge(added.metrics, into: &metrics)
        dropped = newDropped
        merged = newMerged
        dropCount = state.drops.count
        return Update(events: 0, recordsRemoved: removed.records, recordsAdded: added.records)
    }

    /// Widens `changed` to every child of a merged record (as it stood, or as it stands) that holds one of them,
    /// until no record is left half in; returns the indices of those records in `merged.groups` and in
    /// `newMerged.groups`.
    private func groupsTouching(_ changed: inout Set<Int>, merged: MergedRecords, and newMerged: MergedRecords) -> (
        old: [Int], new: [Int]
    ) {
        func numbers(_ groups: [(target: ChildID, members: [ChildID])]) -> [[Int]] {
            groups.map { $0.members.compactMap { state.childNumbers[ChildKey($0)] } }
        }
        let old = numbers(merged.groups)
        let new = numbers(newMerged.groups)
        var oldTouched = Set<Int>()
        var newTouched = Set<Int>()
        var grew = true
        while grew {
            grew = false
            for (touched, groups) in [(0, old), (1, new)] {
                for (g, members) in groups.enumerated() where members.contains(where: changed.contains) {
                    let inserted = touched == 0 ? oldTouched.insert(g).inserted : newTouched.insert(g).inserted
                    if inserted {
                        for m in members where changed.insert(m).inserted { grew = true }
                    }
                }
            }
        }
        return (oldTouched.sorted(), newTouched.sorted())
    }
}
