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
        if let only, let saved, LiveMetrics.answer(saved.contents, sets: [(contexts, nil)]) {
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
        let (reports, _, evaluation) = try evaluate(
            log, saved: saved, sets: [(contexts, only)], useCache: useCache, progress: progress, name: fileName,
            prefix: prefix, besides: nil as Besides<Void>?)
        return (reports, evaluation)
    }

    /// What a caller keeps beside the saved folds in a results file of its own (the monthly pack's findings' counts,
    /// `SavedPack`): worked out of the whole state by a full evaluation (`full`), and taken over by a run after an
    /// append when the events appended leave it standing (`carried`).
    package struct Besides<Value> {
        package var encode: (Value) -> [UInt8]
        /// `nil` when the bytes cannot be read.
        package var decode: ([UInt8]) -> Value?
        /// Given the saved value and the end of the saved results, whether the events after it leave the value to be
        /// carried over (read from the log or elsewhere): how to make the value after them, called once the records
        /// have resumed; `nil` makes the run a full one.
        package var carried: (Value, LogCursor) throws -> (() throws -> Value)?
        /// The value of the state at the log's end.
        package var full: (JourneyState) -> Value

        package init(
            encode: @escaping (Value) -> [UInt8], decode: @escaping ([UInt8]) -> Value?,
            carried: @escaping (Value, LogCursor) throws -> (() throws -> Value)?,
            full: @escaping (JourneyState) -> Value
        ) {
            self.encode = encode
            self.decode = decode
            self.carried = carried
            self.full = full
        }
    }

    /// The reports of `log` for `sets` of periods, each for the metrics it names (`JourneyState.metrics(sets:)`), as
    /// known now and set after set, with the value `besides` keeps beside them in the results file `name`, and how
    /// they were made: the folds saved there brought up to date when they answer the question (and `besides` carries
    /// its value over), else a full evaluation. The results are saved for the next run either way, unless `useCache`
    /// is false.
    package static func reports<Value>(
        _ log: EventLog, sets: [(contexts: [MetricContext], only: Set<String>?)], useCache: Bool,
        progress: ((UInt64) -> Void)? = nil, name: String, prefix: [UInt8], besides: Besides<Value>
    ) throws -> (reports: [MetricsReport], besides: Value, evaluation: SavedEvaluation) {
        let saved = useCache ? SavedResults.saved(log, name: name, prefix: prefix) : nil
        let (reports, value, evaluation) = try evaluate(
            log, saved: saved, sets: sets, useCache: useCache, progress: progress, name: name, prefix: prefix,
            besides: besides)
        return (reports, value!, evaluation)
    }

    /// The saved contents: with `besides`, the length of its bytes (u32), its bytes, then the folds; otherwise the
    /// folds alone.
    static func contents(besides: [UInt8]?, folds: [UInt8]) -> [UInt8] {
        guard let besides else { return folds }
        var w = BinaryWriter(capacity: 4 + besides.count + folds.count)
        w.fixed(UInt32(besides.count))
        w.bytes += besides
        w.bytes += folds
        return w.bytes
    }

    /// The bytes kept beside the folds and the folds, from contents `contents(besides:folds:)` made with some;
    /// `nil` when they are too short to hold them.
    package static func split(_ contents: [UInt8]) -> (besides: [UInt8], folds: [UInt8])? {
        contents.withUnsafeBytes { raw -> ([UInt8], [UInt8])? in
            var r = BinaryReader(raw)
            guard let count = try? r.fixed(UInt32.self), Int(count) <= r.remaining else { return nil }
            let start = r.offset
            return (Array(raw[start..<(start + Int(count))]), Array(raw[(start + Int(count))...]))
        }
    }

    private static func evaluate<Value>(
        _ log: EventLog, saved: SavedResults.Saved?, sets: [(contexts: [MetricContext], only: Set<String>?)],
        useCache: Bool, progress: ((UInt64) -> Void)?, name: String, prefix: [UInt8], besides: Besides<Value>?
    ) throws -> (reports: [MetricsReport], besides: Value?, evaluation: SavedEvaluation) {
        // The saved folds, and the value kept beside them, when they answer this question.
        var savedFolds: (folds: [UInt8], value: Value?)?
        if let saved {
            if let besides {
                if let (bytes, folds) = split(saved.contents), let value = besides.decode(bytes),
                    LiveMetrics.answer(folds, sets: sets)
                {
                    savedFolds = (folds, value)
                }
            } else {
                savedFolds = (saved.contents, nil)
            }
        }
        // Nothing appended since the folds were saved: they are the figures as the log stands, and neither the
        // checkpoint nor the state is read. A run again, in another format, answers from the folds alone.
        if let saved, let savedFolds, saved.isAtEnd(of: log),
            let reports = LiveMetrics.reports(sets: sets, savedFolds: savedFolds.folds)
        {
            return (reports, savedFolds.value, .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
        }
        // What the events since leave of the value kept, decided before the records resume: a run that must
        // evaluate in full never reads the checkpoint twice.
        var carried: (() throws -> Value)?
        if let besides, let saved, let value = savedFolds?.value { carried = try besides.carried(value, saved.end) }
        if let saved, let savedFolds, besides == nil || carried != nil,
            let resumed = try SavedResults.resume(log, saved: saved),
            var live = LiveMetrics(records: resumed.records, sets: sets, savedFolds: savedFolds.folds)
        {
            let value = try carried?()
            let besidesBytes = value.map { besides!.encode($0) }
            let update = live.update(events: resumed.events)
            // Saved again, at the log's end, when anything changed: the next run then builds again only the records
            // that change after this one. Encoded and written while the caller writes the reports.
            if besides != nil || update.recordsRemoved > 0 || update.recordsAdded > 0 {
                FinishedBeforeExit.run { [live, end = resumed.end, checkpoint = resumed.checkpoint] in
                    SavedResults.save(
                        contents(besides: besidesBytes, folds: live.savedFolds()), log, name: name, prefix: prefix,
                        end: end, checkpoint: checkpoint, state: live.records.state)
                }
            }
            let reports = live.reports
            KeptUntilExit.keep((live, resumed))
            return (reports, value, .updated(update))
        }
        var (state, savedAt) = try SavedResults.baseState(log, useCache: useCache, progress: progress)
        guard let savedAt else {
            return (state.metrics(sets: sets).flatMap { $0 }, besides?.full(state), .full)
        }
        // The events after the checkpoint folded on first, so that every record is evaluated once, as it stands.
        let end = try SavedResults.fold(&state, log, after: savedAt)
        let value = besides?.full(state)
        let besidesBytes = value.map { besides!.encode($0) }
        // The state handed over, not copied, with room only for the events since, which it has.
        let live = LiveMetrics(consume state, sets: sets, roomForAppends: false)
        FinishedBeforeExit.run {
            SavedResults.save(
                contents(besides: besidesBytes, folds: live.savedFolds()), log, name: name, prefix: prefix, end: end,
                checkpoint: savedAt, state: live.records.state)
        }
        let reports = live.reports
        KeptUntilExit.keep(live)
        return (reports, value, .full)
    }
}
