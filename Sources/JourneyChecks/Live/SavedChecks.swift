import JourneyCore
import JourneyLog
import JourneyProjections

/// The data-quality checks of a log folder as known now, with the findings kept in its cache folder
/// (`SavedResults`): a run that asks the question the saved findings answer checks again only the records the events
/// appended since they were saved change, as `LiveChecks` does in a server, gives, byte for byte, the report of a
/// full run (`JourneyState.check`), and saves the findings so for the next. Any other run checks every record, and
/// saves the findings for the next.
///
/// The findings are judged on a day: by default the log's latest `occurred` date, which an append usually moves
/// on. A run judged on a later day than the saved findings checks again, with the records the events change, those
/// whose findings change by then (`LiveChecks.holdThrough`: those with a timescale that runs out, or a collection
/// year that ends, in between). An earlier day is a full run.
public enum SavedChecks {
    static let fileName = "journey-checks.results"
    /// The magic and the format: 5, the latest `occurred` day number at the checkpoint and the day the findings
    /// were judged on (i32 each, `Int32.min` for none: an empty log), the ends of batches of the log since the
    /// checkpoint where the ids of its events may be read from (`batchEnds`: a count, u32, then each end,
    /// `LogCursor.write(to:)`), then the findings as `LiveChecks.savedFindings()` writes them (after the
    /// state's tail, `SavedResults.save`).
    static let prefix = Array("JRNYCHECKS".utf8) + [5, 0, 0, 0]

    /// The most batch ends kept (`save`): those of the latest runs, which the findings made since cite most.
    static let batchEndsKept = 128

    /// The report of `log`'s checks (only those `only` names, all when `nil`) as known now, judged on the context
    /// `context` makes of the log's latest `occurred` date, and how it was made. `useCache` false reads neither
    /// the checkpoint nor saved findings and saves nothing.
    ///
    /// A run of some of the checks (`only`) when the saved findings are those of every check, judged alike, is a run of
    /// every check from them, its report cut down to those checks (`CheckReport.keeping`): the same report, byte for
    /// byte, as each check judges each record on its own, in a fraction of a second after an append rather than
    /// seconds; and the findings of every check stay up to date for the next run.
    ///
    /// `name` is the results file in the log's cache folder: the command's own (`fileName`) when `nil`, another for
    /// findings judged another way that are kept beside them (the monthly pack's, `SavedPack`), so that neither run
    /// makes the other's results stale.
    public static func report(
        _ log: EventLog, only: Set<String>?, useCache: Bool, progress: ((UInt64) -> Void)? = nil,
        name: String? = nil, context: @Sendable (CalendarDate?) -> CheckContext
    ) throws -> (report: CheckReport, evaluation: SavedEvaluation) {
        let name = name ?? fileName
        let saved = useCache ? SavedResults.saved(log, name: name, prefix: prefix) : nil
        if let only, let saved, let (_, judgedOn, _, bytes) = split(saved.contents),
            LiveChecks.answer(bytes, context: context(judgedOn), only: nil)
        {
            let (report, evaluation) = try self.report(
                log, saved: saved, only: nil, useCache: useCache, progress: progress, name: name, context: context)
            return (report.keeping(only), evaluation)
        }
        return try report(
            log, saved: saved, only: only, useCache: useCache, progress: progress, name: name, context: context)
    }

    /// `report(_:only:useCache:progress:name:context:)` with the saved results read (`nil` for none).
    private static func report(
        _ log: EventLog, saved: SavedResults.Saved?, only: Set<String>?, useCache: Bool,
        progress: ((UInt64) -> Void)?, name: String, context: @Sendable (CalendarDate?) -> CheckContext
    ) throws -> (report: CheckReport, evaluation: SavedEvaluation) {
        if let saved, let (latestBefore, judgedOn, batchEnds, bytes) = split(saved.contents) {
            let judgedContext = context(judgedOn)
            // Nothing appended since the findings were saved: they are the report as the log stands, judged on the
            // same day (the log's latest date has not moved), and neither the checkpoint nor the state is read. A run
            // again, in another format or after a look at the first, answers from the findings alone.
            if saved.isAtEnd(of: log),
                let decoded = LiveChecks.decode(bytes, context: judgedContext, only: only)
            {
                let report = CheckReport(
                    CheckCatalogue.checks(only: only), judgedContext, asKnownAt: nil, findings: decoded.findings,
                    children: decoded.children)
                return (report, .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
            }
            // The day this run judges on, given the latest date of the events since the checkpoint.
            @Sendable func asOf(_ latestAfter: CalendarDate?) -> CalendarDate {
                context(later(latestBefore, latestAfter)).asOf
            }
            // The findings are read back on one core while the checkpoint's pieces are read: at 10M events, a hundred
            // thousand findings take about as long to read as a third of the checkpoint's pieces. On a thread of
            // their own, not as half of a `concurrentPerform`: the checkpoint's pieces are read on all cores in a
            // `concurrentPerform` of their own, which, nested in another, ran on one.
            let reading = Promised {
                (
                    decoded: LiveChecks.decode(bytes, context: judgedContext, only: only),
                    held: LiveChecks.decodeHoldThroughInOrder(bytes, context: judgedContext, only: only)
                )
            }
            // Taken once, where first wanted.
            typealias Held = (days: [ChildID: CalendarDate], order: DaysInOrder, dayReading: DayReadingChecks)
            var read: (decoded: LiveChecks.DecodedFindings?, held: Held?)?
            func findings() -> (decoded: LiveChecks.DecodedFindings?, held: Held?) {
                if read == nil { read = reading.take() }
                return read ?? (nil, nil)
            }
            let resumed = try SavedResults.resume(log, saved: saved) { latestAfter in
                // The records whose findings change by the day judged on are built again too, and their children's
                // atoms read.
                let day = asOf(latestAfter)
                return day > judgedContext.asOf ? LiveChecks.changing(by: day, findings().held?.days ?? [:]) : []
            }
            // Taken out of `read` (or from `reading`, if nothing asked for them yet), so that the records' days have
            // one owner: the update changes them in place, and shared they were copied whole (4 MB at 10M events) at
            // the first change.
            let (decoded, held) = read.take() ?? reading.take() ?? (nil, nil)
            // The findings hold through later days only. (The log's latest date never moves back, but the day to
            // judge on is the caller's to make of it.) An earlier one is a full run.
            if let resumed, let decoded, let (holdThrough, inOrder, dayReading) = consume held,
                case let day = asOf(resumed.latestOccurredAfter),
                day >= judgedContext.asOf
            {
                var live = LiveChecks(
                    records: resumed.records, context: judgedContext, only: only, decoded: decoded,
                    holdThrough: consume holdThrough, dayReading: dayReading, inOrder: consume inOrder)
                let update = live.update(events: resumed.events, judgedOn: day)
                // Saved again, at the log's end, when anything changed: the next run then checks again only what
                // changes after this one.
                if resumed.end.position > saved.end.position || day > judgedContext.asOf {
                    try save(
                        &live, log, name: name, latestBefore: latestBefore,
                        judgedOn: later(latestBefore, resumed.latestOccurredAfter), end: resumed.end,
                        checkpoint: resumed.checkpoint,
                        batchEnds: batchEnds.last == saved.end ? batchEnds : batchEnds + [saved.end])
                }
                let report = live.report
                KeptUntilExit.keep((live, resumed, decoded, saved))
                return (report, .updated(update))
            }
        }
        // The findings' event ids come from the index in the cache folder, built here when there is none that fits,
        // before the state is read: built beside the state, the ids of a 10M-event log (180 MB) took a full run's
        // peak over a gigabyte.
        if useCache { _ = try EventIDIndex.ids(at: [], in: log, save: true) }
        var (state, savedAt) = try SavedResults.baseState(log, useCache: useCache, progress: progress)
        guard let savedAt else {
            return (state.check(context(state.latestOccurred()), only: only), .full)
        }
        // The events after the checkpoint folded on first, so that every record is checked once, as it stands.
        let latestBefore = state.latestOccurred()
        let end = try SavedResults.fold(&state, log, after: savedAt)
        let latest = later(latestBefore, state.latestOccurred(after: savedAt.position))
        // The state handed over, not copied, with room only for the events since, which it has.
        var live = LiveChecks(consume state, context: context(latest), only: only, roomForAppends: false)
        try save(
            &live, log, name: name, latestBefore: latestBefore, judgedOn: latest, end: end, checkpoint: savedAt,
            batchEnds: [savedAt])
        let report = live.report
        KeptUntilExit.keep(live)
        return (report, .full)
    }

    /// Saves `live`'s findings, made from the checkpoint that ends at `checkpoint` and brought up to the end of the
    /// log at `end`, judged on the context made of `judgedOn`. They are saved with their event ids, which never
    /// change, looked up here for those that have none yet, so that the report has them too: a later run then looks
    /// up only those of the findings of the records the events since change, not the hundred thousand of a large
    /// council. The findings are encoded and written while the caller writes its report (`FinishedBeforeExit`).
    /// `batchEnds`, ends of batches of the log after the checkpoint (its own end, and where each run since began
    /// to fold: the end of the results it brought up to date), are where the ids of the events after the index of
    /// ids may be read from (`EventIDLookup.ids(at:inFolder:resumingAt:)`), and are saved for the next run, the
    /// latest `batchEndsKept` of them. The findings of the records checked again that cite the events they cited
    /// before have taken those events' ids already (`LiveChecks.replacing`).
    static func save(
        _ live: inout LiveChecks, _ log: EventLog, name: String, latestBefore: CalendarDate?,
        judgedOn: CalendarDate?,
        end: LogCursor, checkpoint: LogCursor, batchEnds: [LogCursor]
    ) throws {
        let batchEnds = Array(batchEnds.suffix(batchEndsKept))
        // The records' days (a hundred thousand at 10M events) are ordered (from their saved order, when they were
        // read back: `DaysInOrder`) and written on another core while the event ids are looked up and the findings
        // encoded: together, on one, they were a tenth of a run after an append.
        let days = Promised { [holdThrough = live.holdThrough, order = live.daysInOrder, asOf = live.context.asOf] in
            SavedFindings.days(holdThrough, asOf: asOf, order: order)
        }
        live.findings.resolveEventIDs(
            try EventIDLookup.ids(
                at: Set(live.findings.lazy.filter { !$0.isResolved }.flatMap(\.positions)), inFolder: log,
                resumingAt: batchEnds))
        FinishedBeforeExit.run { [live] in
            var saved = BinaryWriter()
            saved.fixed(latestBefore?.dayNumber ?? Int32.min)
            saved.fixed(judgedOn?.dayNumber ?? Int32.min)
            saved.fixed(UInt32(batchEnds.count))
            for cursor in batchEnds { cursor.write(to: &saved) }
            saved.bytes += live.savedFindings { days.take() ?? [] }
            SavedResults.save(
                saved.bytes, log, name: name, prefix: prefix, end: end, checkpoint: checkpoint, state: live.state)
        }
    }

    /// The latest day at the checkpoint, the day the findings were judged on, the batch ends and the findings'
    /// bytes; `nil` when the bytes are too short to hold them (the file's checksum was good: a file of another
    /// layout, which the prefix's format keeps from being read).
    static func split(_ saved: [UInt8]) -> (CalendarDate?, CalendarDate?, [LogCursor], [UInt8])? {
        saved.withUnsafeBytes { raw -> (CalendarDate?, CalendarDate?, [LogCursor], [UInt8])? in
            var r = BinaryReader(raw)
            func day() throws(BinaryReader.Damage) -> CalendarDate? {
                let day = try r.fixed(Int32.self)
                return day == Int32.min ? nil : CalendarDate(dayNumber: day)
            }
            guard let latestBefore = try? day(), let judgedOn = try? day(),
                let count = try? r.fixed(UInt32.self), Int(count) <= r.remaining / LogCursor.byteCount
            else { return nil }
            var batchEnds: [LogCursor] = []
            for _ in 0..<count {
                guard let end = try? LogCursor(reading: &r) else { return nil }
                batchEnds.append(end)
            }
            return (latestBefore, judgedOn, batchEnds, Array(raw[r.offset...]))
        }
    }

    static func later(_ a: CalendarDate?, _ b: CalendarDate?) -> CalendarDate? {
        guard let a, let b else { return a ?? b }
        return max(a, b)
    }
}
