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
    ///
    /// A run of some of the metrics (`only`) when the saved folds are those of every metric, for the same periods, is
    /// a run of every metric from them, its reports cut down to those metrics (`MetricsReport.keeping`): the same
    /// reports, byte for byte, and the folds of every metric stay up to date for the next run.
    public static func reports(
        _ log: EventLog, contexts: [MetricContext], only: Set<String>?, useCache: Bool,
        progress: ((UInt64) -> Void)? = nil
    ) throws -> (reports: [MetricsReport], evaluation: SavedEvaluation) {
        let saved = useCache ? SavedResults.saved(log, name: fileName, prefix: prefix) : nil
        if let only, let saved, LiveMetrics.answer(saved.contents, contexts: contexts, only: nil) {
            let (reports, evaluation) = try self.reports(
                log, saved: saved, contexts: contexts, only: nil, useCache: useCache, progress: progress)
            return (reports.map { $0.keeping(only) }, evaluation)
        }
        return try reports(
            log, saved: saved, contexts: contexts, only: only, useCache: useCache, progress: progress)
    }

    /// `reports(_:contexts:only:useCache:progress:)` with the saved results read (`nil` for none).
    private static func reports(
        _ log: EventLog, saved: SavedResults.Saved?, contexts: [MetricContext], only: Set<String>?, useCache: Bool,
        progress: ((UInt64) -> Void)?
    ) throws -> (reports: [MetricsReport], evaluation: SavedEvaluation) {
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
