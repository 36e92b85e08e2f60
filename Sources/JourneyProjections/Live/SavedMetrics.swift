import JourneyCore
import JourneyLog

/// The metrics of a log folder as known now, with the folds kept in its cache folder (`SavedResults`): a run that
/// asks the question the saved folds answer builds again only the records the events appended since they were saved
/// change, as `LiveMetrics` does in a server, gives, byte for byte, the reports of a full evaluation
/// (`JourneyState.metrics`), and saves the folds so for the next. Any other run evaluates in full, and saves the
/// folds for the next.
public enum SavedMetrics {
    static let fileName = "journey-metrics.results"
    /// The magic and the format: 3, the folds as `LiveMetrics.savedFolds()` writes them (after the state's tail,
    /// `SavedResults.save`).
    static let prefix = Array("JRNYMETRICS".utf8) + [3, 0, 0, 0]

    /// The reports of `log` for `contexts` (only the metrics `only` names, all when `nil`), as known now, and how
    /// they were made. `useCache` false reads neither the checkpoint nor saved folds and saves nothing. `progress`
    /// is told the log position reached by a replay, as `Checkpoint.replay` tells it.
    public static func reports(
        _ log: EventLog, contexts: [MetricContext], only: Set<String>?, useCache: Bool,
        progress: ((UInt64) -> Void)? = nil
    ) throws -> (reports: [MetricsReport], evaluation: SavedEvaluation) {
        let saved = useCache ? SavedResults.saved(log, name: fileName, prefix: prefix) : nil
        // Nothing appended since the folds were saved: they are the figures as the log stands, and neither the
        // checkpoint nor the state is read. A run again, in another format, answers from the folds alone.
        if let saved, saved.isAtEnd(of: log),
            let reports = LiveMetrics.reports(contexts: contexts, only: only, savedFolds: saved.contents)
        {
            return (reports, .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
        }
        if let saved, let resumed = try SavedResults.resume(log, saved: saved),
            var live = LiveMetrics(records: resumed.records, contexts: contexts, only: only, savedFolds: resumed.saved)
        {
            let update = live.update(events: resumed.events)
            // Saved again, at the log's end, when anything changed: the next run then builds again only the records
            // that change after this one. Encoded and written while the caller writes the reports.
            if update.recordsRemoved > 0 || update.recordsAdded > 0 {
                FinishedBeforeExit.run { [live, end = resumed.end, checkpoint = resumed.checkpoint] in
                    SavedResults.save(
                        live.savedFolds(), log, name: fileName, prefix: prefix, end: end, checkpoint: checkpoint,
                        state: live.records.state)
                }
            }
            let reports = live.reports
            KeptUntilExit.keep((live, resumed))
            return (reports, .updated(update))
        }
        var (state, savedAt) = try SavedResults.baseState(log, useCache: useCache, progress: progress)
        guard let savedAt else {
            return (state.metrics(contexts, asKnownAt: nil, only: only), .full)
        }
        // The events after the checkpoint folded on first, so that every record is evaluated once, as it stands.
        let end = try SavedResults.fold(&state, log, after: savedAt)
        // The state handed over, not copied, with room only for the events since, which it has.
        let live = LiveMetrics(consume state, contexts: contexts, only: only, roomForAppends: false)
        FinishedBeforeExit.run {
            SavedResults.save(
                live.savedFolds(), log, name: fileName, prefix: prefix, end: end, checkpoint: savedAt,
                state: live.records.state)
        }
        let reports = live.reports
        KeptUntilExit.keep(live)
        return (reports, .full)
    }
}
