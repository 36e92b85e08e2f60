import Foundation
import JourneyChecks
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyReports

/// The live figures as the routes see them, whichever store the log is in (`LiveLog` over a `ServedLog`).
protocol LiveSource: AnyObject, Sendable {
    /// The log's position and head hash, after bringing the live figures up to date.
    func head() throws -> (position: UInt64, headHash: String)
    /// The figures as they stand now, brought up to date first when the log has moved.
    func view() throws -> LiveView
    /// An answer made from the live figures once per position of the log.
    func rendered(_ key: String, _ make: (LiveView) throws -> String) throws -> (text: String, position: UInt64)
    /// The live findings with the ids of the events they cite.
    func checksWithEventIDs() throws -> CheckReport?
    /// Appends a JSON Lines batch to the log, all or nothing (`ServedLog.append`).
    func append(_ input: LineReader, options: AppendOptions) throws -> AppendReport
    /// The events of a chronology's children at its positions, up to a position (`ServedLog.events`).
    func events(of children: Set<ChildID>, at positions: Set<UInt64>, through position: UInt64) throws -> [UInt64:
        Event]
    /// The ids of cited events (`ServedLog.eventIDs`).
    func eventIDs(at positions: Set<UInt64>) throws -> [UInt64: EventID]
    /// Makes ready what a chronology reads the log through (`ServedLog.prepareReads`).
    func prepareReads() throws
    /// The answer of a full evaluation kept under `key` at the log's position, brought up to date first when the log
    /// has moved (which drops every answer kept): `nil` when none is kept.
    func evaluated(_ key: String) throws -> (text: String, position: UInt64)?
    /// Keeps `text`, a full evaluation's answer made from `view`, under `key`, unless the log has been folded past
    /// the view's position since.
    func keep(_ text: String, evaluated key: String, from view: LiveView)
    /// What is kept of the monthly pack under `name` (`ServedPack`), of `sets` sets of figures, for an answer made
    /// from `view`. The figures the appends since they were last read changed are folded in first.
    func keptPack(_ name: String, sets: Int, at view: LiveView) throws -> KeptPack
    /// Keeps what the pack under `name` was made of from `view`: its sets of figures' tallies when they were
    /// evaluated in full (kept from then on, the records each fold changes kept for them), and its findings' counts.
    func keep(pack name: String, figures: [MetricTallies]?, quality: QualitySummary, from view: LiveView)
}

/// What a served log keeps of a monthly pack between appends (`ServedPack`).
struct KeptPack: Sendable {
    /// The figures of the pack's sets, in order, at the view's position; `nil` when they are not kept, or the log has
    /// moved.
    var figures: [MetricsReport]?
    /// The findings' counts made at a position at or before the view's.
    var quality: (position: UInt64, quality: QualitySummary)?
}

/// The live figures' standards, whichever store the log is in.
enum LiveFigures {
    /// The recorded-late standard of the live findings: the command line's default.
    static let recordedLateDays = 5

    /// The statutory year (1 April to 31 March) a date falls in.
    static func statutoryYear(containing date: CalendarDate) -> ReportingPeriod? {
        let start = date.month >= 4 ? date.year : date.year - 1
        let end = (start + 1) % 100
        return ReportingPeriod(statutoryYear: "\(start)-\(end < 10 ? "0" : "")\(end)")
    }
}

/// What an answer is made from: the figures as they stand at one position of the log.
struct LiveView: Sendable {
    var position: UInt64
    var headHash: String
    var state: JourneyState
    /// The context of the live figures, and the figures: `nil` while the log holds no dated event.
    var metricsContext: MetricContext?
    var metrics: [MetricsReport]?
    var checkContext: CheckContext?
    var checks: CheckReport?
}

/// The log as the service serves it: its folded state, with the findings judged on the log's latest date and the
/// figures of the live period kept up to date as events arrive (`LiveChecks` with its figures: one state, each
/// record an update changes built once for both), so that the figures asked for most are answered without a
/// replay.
///
/// Before each answer the log's head is read (`ServedLog.current`: a few system calls for a folder, one statement for
/// PostgreSQL): when it has moved, through the service's own
/// appends or another writer's (`journey append`), the events after the last fold are folded in and only the
/// records they change are evaluated again. Other periods, other parameters and "as known at" are a full evaluation
/// of the state (`snapshot`), as the command line makes it.
///
/// One lock: a fold holds it while it folds the state in place (a copy taken meanwhile by a full evaluation is
/// copied on write, which is correct and only slower), and every reader takes the figures under it.
final class LiveLog<Log: ServedLog>: LiveSource, @unchecked Sendable {
    let log: Log
    let calendar: WorkingDayCalendar
    /// The live period when the server was given one (`--live-year`); otherwise the statutory year of the log's
    /// latest event, moving on when the log does.
    let fixedPeriod: ReportingPeriod?

    private let lock = NSRecursiveLock()
    private var cursor: Log.Reader.Cursor?
    private var position: UInt64 = 0
    private var headHash = ""
    /// The findings, and the figures beside them once the log holds a dated event.
    private var live: LiveChecks?
    /// The answers already rendered at this position (the live figures as JSON and CSV, the findings with their
    /// event ids), dropped at each fold.
    private var rendered: [String: String] = [:]
    /// The answers of full evaluations made at this position (`Service.evaluatedOnce`), and their size in bytes,
    /// dropped at each fold.
    private var evaluated = EvaluatedAnswers()
    private var checksWithIDs: CheckReport?
    /// The findings' counts of the packs whose figures `live` keeps (`keep(pack:figures:quality:from:)`), by name,
    /// with the position each was made at: they carry over a fold when no event folded is known by the month's end.
    private var packQualities: [String: (position: UInt64, quality: QualitySummary)] = [:]
    /// The names of the packs whose figures `live` keeps, first kept first.
    private var packsKept: [String] = []
    /// The packs whose figures are kept at most: each one kept holds a few megabytes of tallies, and its first read
    /// after appends folds in the records they changed.
    static var packLimit: Int { 3 }
    /// Taken by the chronologies' reads of the log and by `prepareReads`: the first read of a log folder without the
    /// index of event locations builds it, and two at once would both build it.
    private let reads = NSLock()

    init(_ log: Log, calendar: WorkingDayCalendar = .englandAndWales, period: ReportingPeriod? = nil) {
        self.log = log
        self.calendar = calendar
        self.fixedPeriod = period
    }

    /// The log's position and head hash, after bringing the live figures up to date.
    func head() throws -> (position: UInt64, headHash: String) {
        try lock.withLock {
            try foldIfMoved()
            return (position, headHash)
        }
    }

    /// The figures as they stand now, brought up to date first when the log has moved.
    func view() throws -> LiveView {
        try lock.withLock {
            try foldIfMoved()
            return currentView()
        }
    }

    /// An answer made from the live figures once per position of the log: `make` runs (under the lock) only when
    /// nothing is rendered under `key` since the last fold.
    func rendered(_ key: String, _ make: (LiveView) throws -> String) throws -> (text: String, position: UInt64) {
        try lock.withLock {
            try foldIfMoved()
            if let text = rendered[key] { return (text, position) }
            let text = try make(currentView())
            rendered[key] = text
            return (text, position)
        }
    }

    func evaluated(_ key: String) throws -> (text: String, position: UInt64)? {
        try lock.withLock {
            try foldIfMoved()
            return evaluated.answers[key].map { ($0, position) }
        }
    }

    func keep(_ text: String, evaluated key: String, from view: LiveView) {
        lock.withLock {
            // Made from a state the log has since moved on from: the fold dropped the answers of that position.
            guard isCurrent(view) else { return }
            evaluated.keep(text, under: key)
        }
    }

    func keptPack(_ name: String, sets: Int, at view: LiveView) throws -> KeptPack {
        try lock.withLock {
            try foldIfMoved()
            var kept = KeptPack()
            if isCurrent(view), live != nil {
                // Every set, or none: a set let go makes the pack's figures a full evaluation.
                var reports: [MetricsReport]? = []
                for i in 0..<sets {
                    guard let set = live!.figureReports(as: "\(name) \(i)") else {
                        reports = nil
                        break
                    }
                    reports? += set
                }
                kept.figures = reports
            }
            kept.quality = packQualities[name].flatMap { $0.position <= view.position ? $0 : nil }
            return kept
        }
    }

    func keep(pack name: String, figures: [MetricTallies]?, quality: QualitySummary, from view: LiveView) {
        lock.withLock {
            // Made from a state the log has since moved on from: the figures would miss the events folded since.
            guard isCurrent(view), live != nil else { return }
            if let figures {
                if !packsKept.contains(name) {
                    if packsKept.count >= Self.packLimit { letGo(packsKept.removeFirst()) }
                    packsKept.append(name)
                }
                for (i, tallies) in figures.enumerated() { live!.keepFigures(tallies, as: "\(name) \(i)") }
            }
            packQualities[name] = (position, quality)
        }
    }

    /// Whether `view` was made at the position the log is folded to: not from a state the log has since moved on from
    /// (a fold drops what was kept at that position). Called with the lock held.
    private func isCurrent(_ view: LiveView) -> Bool {
        view.position == position && view.headHash == headHash && cursor != nil
    }

    /// Stops keeping the pack under `name`. Called with the lock held.
    private func letGo(_ name: String) {
        for set in live?.figureNames ?? [] where set.hasPrefix(name + " ") { live?.dropFigures(as: set) }
        packQualities[name] = nil
    }

    /// The live findings with the ids of the events they cite, looked up once per position (for a folder in the
    /// log's cache folder, `EventIDLookup`, as `journey check` does).
    func checksWithEventIDs() throws -> CheckReport? {
        try lock.withLock {
            try foldIfMoved()
            if let checksWithIDs { return checksWithIDs }
            guard var report = live?.report else { return nil }
            if !report.findings.isEmpty {
                report = report.resolvingEventIDs(try log.eventIDs(at: report.positions))
            }
            checksWithIDs = report
            return report
        }
    }

    private var liveContext: MetricContext?
    private var checkContext: CheckContext?

    /// The figures as they stand, made once per position (the reports are read from the folds each time they are
    /// asked for). Called with the lock held.
    private func currentView() -> LiveView {
        if let cachedView { return cachedView }
        let view = LiveView(
            position: position, headHash: headHash, state: live?.state ?? JourneyState(),
            metricsContext: liveContext, metrics: liveContext == nil ? nil : live?.figureReports,
            checkContext: checkContext, checks: checkContext == nil ? nil : live?.report)
        cachedView = view
        return view
    }

    private var cachedView: LiveView?

    /// Folds in what the log holds past the cursor: the whole log at first (`ServedLog.replay`), then the events
    /// appended since. Called with the lock held. A failure (the database lost) leaves nothing folded: the next call
    /// folds the whole log again.
    private func foldIfMoved() throws {
        do {
            try foldingIfMoved()
        } catch {
            // A fold stopped half way holds no figures: the next one starts again from the whole log.
            if live == nil { cursor = nil }
            throw log.settle(error)
        }
    }

    private func foldingIfMoved() throws {
        guard let reader = try log.current() else { return }
        if let cursor, reader.end == cursor { return }
        rendered = [:]
        evaluated = EvaluatedAnswers()
        checksWithIDs = nil
        cachedView = nil
        headHash = reader.headHash
        guard var live, let cursor else {
            // The first fold: the whole log, then the findings and figures over every record.
            let state = try log.replay(reader)
            self.cursor = reader.end
            position = reader.lastPosition
            start(consume state)
            return
        }
        // Let go while it folds in place (a copy kept here would make the fold copy the state).
        self.live = nil
        // The log's latest date: the later of the one the findings are judged on (the latest before this fold, once
        // anything is dated) and that of the events just folded. Reading all of a large log's events again for it
        // was a third of an update's time. Findings already judged on a day are judged on it in the same update as
        // the events (`LiveChecks.fold(_:after:judgedOn:)`), so that no record is checked twice.
        var latest = checkContext?.asOf
        let judged = checkContext != nil
        let (end, _) = try live.fold(reader, after: cursor) { state in
            if let added = state.latestOccurred(after: position), latest.map({ added > $0 }) ?? true {
                latest = added
            }
            return judged ? latest : nil
        }
        self.cursor = end
        position = reader.lastPosition
        if latest != nil, !judged {
            // The first dated events: the first findings and figures, over every record (no replay).
            start(live.state)
            return
        }
        // The live period moves with the log's latest date (unless fixed): a new period is a new evaluation of the
        // figures over every record (no replay, and the findings are kept).
        if let latest, let period = fixedPeriod ?? LiveFigures.statutoryYear(containing: latest),
            period != liveContext?.period
        {
            liveContext = MetricContext(period: period, calendar: calendar)
            live.keepFigures(for: [liveContext!])
        }
        // A later day checked again only the records whose findings change by then, with the fold above.
        if let latest, latest != checkContext?.asOf {
            checkContext = CheckContext(
                asOf: latest, calendar: calendar, recordedLateDays: LiveFigures.recordedLateDays)
        }
        self.live = live
    }

    /// The findings and figures of a state folded from the whole log (or nothing, while no event is dated).
    private func start(_ state: consuming JourneyState) {
        // The named figures go with the findings they were kept beside.
        packQualities = [:]
        packsKept = []
        guard let latest = state.latestOccurred() else {
            // Nothing dated yet: keep the state, findings and figures come with the first dated event.
            liveContext = nil
            checkContext = nil
            live = LiveChecks(consume state, context: CheckContext(asOf: CalendarDate(dayNumber: 0)), only: [])
            return
        }
        let period = fixedPeriod ?? LiveFigures.statutoryYear(containing: latest)!
        liveContext = MetricContext(period: period, calendar: calendar)
        checkContext = CheckContext(asOf: latest, calendar: calendar, recordedLateDays: LiveFigures.recordedLateDays)
        live = LiveChecks(consume state, context: checkContext!, figuresFor: [liveContext!])
    }

    // MARK: The served log, for the routes

    func append(_ input: LineReader, options: AppendOptions) throws -> AppendReport {
        try log.append(input, options: options)
    }

    func events(of children: Set<ChildID>, at positions: Set<UInt64>, through position: UInt64) throws -> [UInt64:
        Event]
    {
        try reads.withLock { try log.events(of: children, at: positions, through: position) }
    }

    /// Under the same lock as the chronologies' reads, so that a chronology asked for meanwhile waits for the index
    /// rather than building it a second time.
    func prepareReads() throws {
        try reads.withLock { try log.prepareReads() }
    }

    func eventIDs(at positions: Set<UInt64>) throws -> [UInt64: EventID] {
        try log.eventIDs(at: positions)
    }
}

/// The answers of full evaluations kept at one position of the log, by key (`Service.evaluatedOnce`). At most
/// `byteLimit` bytes of them: a findings list of a large council is tens of megabytes, and a server answering many
/// different questions between two appends should not grow without end. Past it, the answers kept so far are
/// dropped, and the next ones kept.
struct EvaluatedAnswers {
    static let byteLimit = 64 << 20

    private(set) var answers: [String: String] = [:]
    private var bytes = 0

    mutating func keep(_ text: String, under key: String) {
        let size = text.utf8.count + key.utf8.count
        guard size <= Self.byteLimit else { return }
        if bytes + size > Self.byteLimit { self = EvaluatedAnswers() }
        if let old = answers.updateValue(text, forKey: key) { bytes -= old.utf8.count + key.utf8.count }
        bytes += size
    }
}
