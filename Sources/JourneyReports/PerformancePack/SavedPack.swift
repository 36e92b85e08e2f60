import JourneyChecks
import JourneyCore
import JourneyLog
import JourneyProjections

/// The monthly pack of a log folder as known now, with what it is made of kept in the folder's cache
/// (`cache/journey-pack.results`, `SavedResults`): the folds of its metrics for every period it shows, and the counts
/// of its findings. A run for the same month, calendar, targets' minimum denominator and build, after events have
/// been appended, builds again only the records those events change, as `journey metrics` does (`LiveMetrics`), and
/// keeps the counts of the findings when none of those events was known by the time the findings are as known at
/// (the end of the month's last day): events recorded later change nothing the record held then. The pack is then,
/// byte for byte, the one a full evaluation makes (`JourneyState.performancePack`). Any other run evaluates in full,
/// and saves what it made for the next.
///
/// A month's pack is usually made after the month has ended, and made again after a fix is appended: that run takes
/// a fraction of a second on a large council rather than seconds. An event appended with a time of recording at or
/// before the month's end (a late entry, an import dated back) makes the run a full one. (A log's writer gives an
/// event with no time of recording the time of its append.)
public enum SavedPack {
    static let fileName = "journey-pack.results"
    /// The magic and the format: 1, the counts of the findings (`QualitySummary.encode`, after their length, u32),
    /// then the folds as `LiveMetrics.savedFolds()` writes them (after the state's tail, `SavedResults.save`).
    static let prefix = Array("JRNYPACK".utf8) + [1, 0, 0, 0]

    /// The pack of `log` for the month ending `monthEnd`, as known now, and how it was made. `useCache` false reads
    /// neither the checkpoint nor saved results and saves nothing. `progress` is told the log position reached by a
    /// replay, as `Checkpoint.replay` tells it.
    public static func pack(
        _ log: EventLog, monthEnd: CalendarDate, calendar: WorkingDayCalendar, targets: Targets,
        provenance: Provenance, minimumDenominator: Int?, useCache: Bool, progress: ((UInt64) -> Void)? = nil
    ) throws -> (pack: PerformancePack, evaluation: SavedEvaluation) {
        let end = monthEnd.monthEnd
        let minimum = minimumDenominator ?? targets.minimumDenominator ?? MetricContext.defaultMinimumDenominator
        let contexts = PerformancePack.metricContexts(end: end, calendar: calendar, minimumDenominator: minimum)
        let only = PerformancePack.shownIDs
        func pack(_ reports: [MetricsReport], _ quality: QualitySummary) -> PerformancePack {
            PerformancePack(
                monthEnd: end, asKnownAt: nil, provenance: provenance, targets: targets, reports: reports,
                quality: quality, minimumDenominator: minimum)
        }
        let saved = useCache ? SavedResults.saved(log, name: fileName, prefix: prefix) : nil
        if let saved, let (quality, folds) = split(saved.contents),
            LiveMetrics.answer(folds, contexts: contexts, only: only)
        {
            // Nothing appended since: the pack as saved, without reading the checkpoint or the state.
            if saved.isAtEnd(of: log),
                let reports = LiveMetrics.reports(contexts: contexts, only: only, savedFolds: folds)
            {
                return (pack(reports, quality), .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
            }
            let knownAt = PerformancePack.findingsKnownAt(end: end, asKnownAt: nil)
            if try !anyKnown(by: knownAt, in: log, after: saved.end),
                let resumed = try SavedResults.resume(log, saved: saved),
                var live = LiveMetrics(records: resumed.records, contexts: contexts, only: only, savedFolds: folds)
            {
                let update = live.update(events: resumed.events)
                if update.recordsRemoved > 0 || update.recordsAdded > 0 {
                    FinishedBeforeExit.run { [live, end = resumed.end, checkpoint = resumed.checkpoint] in
                        SavedResults.save(
                            contents(quality, live.savedFolds()), log, name: fileName, prefix: prefix, end: end,
                            checkpoint: checkpoint, state: live.state)
                    }
                }
                let reports = live.reports
                KeptUntilExit.keep((live, resumed))
                return (pack(reports, quality), .updated(update))
            }
        }
        var (state, savedAt) = try SavedResults.baseState(log, useCache: useCache, progress: progress)
        guard let savedAt else {
            return (
                state.performancePack(
                    monthEnd: end, calendar: calendar, targets: targets, provenance: provenance,
                    minimumDenominator: minimum), .full
            )
        }
        // The events after the checkpoint folded on first, so that every record is evaluated as it stands.
        let logEnd = try SavedResults.fold(&state, log, after: savedAt)
        let quality = state.packQuality(end: end, asKnownAt: nil, calendar: calendar)
        // The state handed over, not copied, with room only for the events since, which it has.
        let live = LiveMetrics(consume state, contexts: contexts, only: only, roomForAppends: false)
        FinishedBeforeExit.run {
            SavedResults.save(
                contents(quality, live.savedFolds()), log, name: fileName, prefix: prefix, end: logEnd,
                checkpoint: savedAt, state: live.state)
        }
        let reports = live.reports
        KeptUntilExit.keep(live)
        return (pack(reports, quality), .full)
    }

    /// Whether any event after `cursor` counts as known at `knownAt`: one recorded at or before it, or recorded at no
    /// time (known at every time), as "as known at" counts them (`RecordResolution`). Read in place, the time of
    /// recording alone.
    static func anyKnown(by knownAt: Timestamp?, in log: EventLog, after cursor: LogCursor) throws -> Bool {
        guard let cutoff = knownAt?.nanoseconds else { return true }
        struct Found: Error {}
        do {
            try log.forEachStoredEvent(after: cursor) { stored in
                let recorded = try EventScanner(stored.event).recorded
                if recorded.map({ $0 <= cutoff }) ?? true { throw Found() }
            }
        } catch is Found {
            return true
        }
        return false
    }

    static func contents(_ quality: QualitySummary, _ folds: [UInt8]) -> [UInt8] {
        var w = BinaryWriter(capacity: folds.count + 4096)
        var counts = BinaryWriter()
        quality.encode(into: &counts)
        w.fixed(UInt32(counts.bytes.count))
        w.bytes += counts.bytes
        w.bytes += folds
        return w.bytes
    }

    /// The counts of the findings and the folds' bytes; `nil` when they cannot be read (a file of another layout,
    /// which the prefix's format keeps from being read).
    static func split(_ saved: [UInt8]) -> (QualitySummary, [UInt8])? {
        saved.withUnsafeBytes { raw -> (QualitySummary, [UInt8])? in
            var r = BinaryReader(raw)
            guard let count = try? r.fixed(UInt32.self), Int(count) <= r.remaining else { return nil }
            let start = r.offset
            guard let quality = try? QualitySummary(reading: &r), r.offset == start + Int(count) else { return nil }
            return (quality, Array(raw[r.offset...]))
        }
    }
}

extension QualitySummary {
    /// The counts as bytes (`SavedPack`): the as-of day, the teams, then each row.
    func encode(into w: inout BinaryWriter) {
        w.fixed(asOf.dayNumber)
        w.varint(UInt64(teams.count))
        for team in teams { w.string(team) }
        w.varint(UInt64(rows.count))
        for row in rows {
            w.string(row.check)
            w.string(row.severity.rawValue)
            w.string(row.summary)
            for counts in [row.byTeam, row.byAge] {
                w.varint(UInt64(counts.count))
                for n in counts { w.varint(UInt64(n)) }
            }
        }
    }

    /// The counts `encode(into:)` wrote.
    init(reading r: inout BinaryReader) throws(BinaryReader.Damage) {
        asOf = CalendarDate(dayNumber: try r.fixed(Int32.self))
        teams = []
        for _ in 0..<(try r.count()) { teams.append(try r.string()) }
        rows = []
        for _ in 0..<(try r.count()) {
            let check = try r.string()
            guard let severity = Severity(rawValue: try r.string()) else {
                throw BinaryReader.Damage("an unknown severity")
            }
            let summary = try r.string()
            var counts: [[Int]] = []
            for _ in 0..<2 {
                var list: [Int] = []
                for _ in 0..<(try r.count()) {
                    guard let n = Int(exactly: try r.varint()) else {
                        throw BinaryReader.Damage("a count is too large")
                    }
                    list.append(n)
                }
                counts.append(list)
            }
            rows.append(Row(check: check, severity: severity, summary: summary, byTeam: counts[0], byAge: counts[1]))
        }
    }
}
