import JourneyCore
import JourneyLog
import JourneyProjections

/// The data-quality checks of a log folder as known now, with the findings of the last full run kept in its cache
/// folder (`SavedResults`): a run that asks the question the saved findings answer checks again only the records
/// the events appended since the checkpoint change, as `LiveChecks` does in a server, and gives, byte for byte, the
/// report of a full run (`JourneyState.check`). Any other run checks every record, and saves the findings for the
/// next.
///
/// The question includes the day timeliness is judged on. By default that is the log's latest `occurred` date, so
/// an append that moves it makes the next run a full one: every open timescale is judged again.
public enum SavedChecks {
    static let fileName = "journey-checks.results"
    /// The magic and the format: 1, the latest `occurred` day number at the checkpoint (i32, `Int32.min` for an
    /// empty log), then the findings as `LiveChecks.savedFindings()` writes them.
    static let prefix = Array("JRNYCHECKS".utf8) + [1, 0, 0, 0]

    /// The report of `log`'s checks (only those `only` names, all when `nil`) as known now, judged on the context
    /// `context` makes of the log's latest `occurred` date, and how it was made. `useCache` false reads neither
    /// the checkpoint nor saved findings and saves nothing.
    public static func report(
        _ log: EventLog, only: Set<String>?, useCache: Bool, progress: ((UInt64) -> Void)? = nil,
        context: (CalendarDate?) -> CheckContext
    ) throws -> (report: CheckReport, evaluation: SavedEvaluation) {
        if useCache, let resumed = try SavedResults.resume(log, name: fileName, prefix: prefix),
            let (latestBefore, findings) = split(resumed.saved),
            var live = LiveChecks(
                records: resumed.records, context: context(later(latestBefore, resumed.latestOccurredAfter)),
                only: only, savedFindings: findings)
        {
            let update = live.update(events: resumed.events)
            return (live.report, .updated(update))
        }
        let (state, savedAt) = try SavedResults.baseState(log, useCache: useCache, progress: progress)
        guard let savedAt else {
            return (state.check(context(state.latestOccurred()), only: only), .full)
        }
        let latestBefore = state.latestOccurred()
        let isBehind = state.position < log.lastPosition
        let latest = later(latestBefore, isBehind ? try SavedResults.latestOccurred(log, after: savedAt) : nil)
        var live = LiveChecks(state, context: context(latest), only: only)
        // Saved with their event ids, which never change: a run after an append then looks up only those of the
        // findings of the records the events since change, not the hundred thousand of a large council.
        live.findings.resolveEventIDs(
            try EventIDLookup.ids(at: Set(live.findings.lazy.flatMap(\.positions)), inFolder: log))
        var saved = BinaryWriter()
        saved.fixed(latestBefore?.dayNumber ?? Int32.min)
        saved.bytes += live.savedFindings()
        SavedResults.save(saved.bytes, log, name: fileName, prefix: prefix, end: savedAt)
        if isBehind { _ = try live.fold(log, after: savedAt) }
        return (live.report, .full)
    }

    /// The latest day saved, and the findings' bytes.
    static func split(_ saved: [UInt8]) -> (CalendarDate?, [UInt8])? {
        guard saved.count >= 4 else { return nil }
        let day = saved.withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(as: Int32.self)) }
        return (day == Int32.min ? nil : CalendarDate(dayNumber: day), Array(saved[4...]))
    }

    static func later(_ a: CalendarDate?, _ b: CalendarDate?) -> CalendarDate? {
        guard let a, let b else { return a ?? b }
        return max(a, b)
    }
}
