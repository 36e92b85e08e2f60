import Dispatch
import JourneyCore

/// The dates a log covers, as known at one time: what a figure for a period can rest on.
///
/// A log rarely starts with a council's first child. It opens with the caseload of a council that was already
/// working: the cases open on its first day, each with its history (children in care for years, plans already
/// open), then everything from that day on. So it covers two things:
/// - from `completeFrom`, every event: a look-back into the past of closed cases (a previous referral, a previous
///   plan that ended) is covered from there;
/// - from `earliest`, what was still open on `completeFrom`: a look-back into the past of what is open (how long a
///   child has been in care, in a placement) is covered from there.
/// Both run to `latest`.
///
/// `completeFrom` is not written in the log: it is read from it. A log that opens with the open cases holds no
/// child whose record ended before it opened, and a council where every event is recorded has children whose
/// record ends (one contact, no further action) within days of any date. So it is taken as the first day of the
/// month in which the first child's record ends (the latest `occurred` of their events), and never before
/// `earliest`. On a log of a few children it is later than the truth, and figures are marked partial that are
/// not: the safe side.
public struct LogSpan: Sendable, Hashable, CustomStringConvertible {
    /// The earliest `occurred` of a counting event.
    public var earliest: CalendarDate
    /// The first day from which the log holds every event (see above).
    public var completeFrom: CalendarDate
    /// The latest `occurred` of a counting event.
    public var latest: CalendarDate

    public init(earliest: CalendarDate, completeFrom: CalendarDate, latest: CalendarDate) {
        self.earliest = earliest
        self.completeFrom = completeFrom
        self.latest = latest
    }

    /// "2020-04-01 to 2025-03-31 (the cases open on 2020-04-01 from 2013-03-21)".
    public var description: String {
        guard earliest < completeFrom else { return "\(completeFrom) to \(latest)" }
        return "\(completeFrom) to \(latest) (the cases open on \(completeFrom) from \(earliest))"
    }

    /// Whether `period` has no day in the log: it ends before the log's first event or starts after its last.
    /// (A period between `earliest` and `completeFrom` is not refused: its figures are all marked partial, since
    /// `completeFrom` is an estimate that can be late on a small log.)
    public func isWhollyOutside(_ period: ReportingPeriod) -> Bool {
        period.to < earliest || period.from > latest
    }

    /// Why a figure that needs `need` is only partly covered, or `nil` when the log covers all it needs.
    func shortfall(_ need: CoverageNeed) -> String? {
        var reasons: [String] = []
        if need.eventsFrom < completeFrom {
            reasons.append("it needs every event from \(need.eventsFrom)\(need.eventsWhy.map { " (\($0))" } ?? "")")
        }
        // Every event from a date holds the cases open from it: said once.
        if need.openFrom < earliest && need.openFrom < need.eventsFrom {
            reasons.append("it needs the cases open from \(need.openFrom)\(need.openWhy.map { " (\($0))" } ?? "")")
        }
        if need.through > latest { reasons.append("its period runs to \(need.through)") }
        guard !reasons.isEmpty else { return nil }
        return reasons.joined(separator: " and ") + "; the log covers \(self)"
    }
}

/// What one figure needs the log to hold: every event from `eventsFrom`, what was open from `openFrom`, to
/// `through`. Each metric says it for a period (`Metric.coverageNeed`).
struct CoverageNeed: Sendable, Hashable {
    var eventsFrom: CalendarDate
    var openFrom: CalendarDate
    var through: CalendarDate
    /// The look-back that sets `eventsFrom` or `openFrom`, in words, when there is one.
    var eventsWhy: String?
    var openWhy: String?

    /// A figure about the period's own events: its period, no look-back.
    init(_ period: ReportingPeriod) {
        self.init(eventsFrom: period.from, openFrom: period.from, through: period.to)
    }

    init(
        eventsFrom: CalendarDate, openFrom: CalendarDate, through: CalendarDate, eventsWhy: String? = nil,
        openWhy: String? = nil
    ) {
        self.eventsFrom = eventsFrom
        self.openFrom = min(openFrom, eventsFrom)
        self.through = through
        self.eventsWhy = eventsWhy
        self.openWhy = openWhy
    }
}

/// How the log's span is folded beside the metrics (`MetricsPlan.Fold`): `SpanTally` for one evaluation,
/// `SpanCounts` where records are taken out again.
protocol SpanFold: Sendable {
    init()
    mutating func add(_ child: ChildRecord)
    mutating func merge(_ other: Self)
}

/// The span of the records seen so far: folded with the metrics, in the same pass over the children.
struct SpanTally: SpanFold {
    var earliest: CalendarDate?
    var latest: CalendarDate?
    /// The earliest date on which a child's record ends.
    var firstRecordEnd: CalendarDate?

    mutating func add(_ child: ChildRecord) {
        guard let first = child.firstOccurred, let last = child.lastOccurred else { return }
        add(first: first, last: last)
    }

    /// A record whose counting events run from `first` to `last`.
    mutating func add(first: CalendarDate, last: CalendarDate) {
        earliest = earliest.map { min($0, first) } ?? first
        latest = latest.map { max($0, last) } ?? last
        firstRecordEnd = firstRecordEnd.map { min($0, last) } ?? last
    }

    mutating func merge(_ other: SpanTally) {
        if let e = other.earliest { earliest = earliest.map { min($0, e) } ?? e }
        if let l = other.latest { latest = latest.map { max($0, l) } ?? l }
        if let f = other.firstRecordEnd { firstRecordEnd = firstRecordEnd.map { min($0, f) } ?? f }
    }

    /// `nil` for a log with no counting event.
    var span: LogSpan? {
        guard let earliest, let latest, let firstRecordEnd else { return nil }
        return LogSpan(earliest: earliest, completeFrom: max(earliest, firstRecordEnd.monthStart), latest: latest)
    }
}

/// A period with no day in the log: its figures would count nothing and look like a council with nothing to
/// count. Refused unless the caller asks for them anyway (the command line's `--allow-uncovered`).
public struct PeriodOutsideLog: Error, Sendable, Hashable, CustomStringConvertible {
    public var period: ReportingPeriod
    /// `nil` when the log holds no counting event.
    public var span: LogSpan?
    /// What the period is, in the command's words ("the period", "--as-of").
    public var what: String
    /// What an answer for it would get wrong, as a sentence.
    public var consequence: String

    /// The consequence for figures, the default.
    public static let figuresCountNothing = "Its figures would count nothing."

    public init(period: ReportingPeriod, span: LogSpan?, what: String = "the period", consequence: String? = nil) {
        self.period = period
        self.span = span
        self.what = what
        self.consequence = consequence ?? Self.figuresCountNothing
    }

    public var description: String {
        let days = period.from == period.to ? "\(period.from)" : "\(period.from) to \(period.to)"
        let log = span.map { "the log covers \($0)" } ?? "the log holds no event"
        return "\(what) \(days) is wholly outside the log: \(log). \(consequence)"
    }

    /// Throws when `period` has no day in `span`.
    public static func check(
        _ period: ReportingPeriod, in span: LogSpan?, what: String = "the period", consequence: String? = nil
    ) throws {
        if span.map({ $0.isWhollyOutside(period) }) ?? true {
            throw PeriodOutsideLog(period: period, span: span, what: what, consequence: consequence)
        }
    }
}

extension JourneyState {
    /// How many parts `span(asKnownAt:)` reads the atoms in: more than the cores, so that a core kept busy by
    /// something else holds up one small part, not half.
    static let spanParts = 4

    /// The log's span as known at `asKnownAt`, for a command that evaluates no metric (`metrics` gives it with
    /// the figures, from the same pass): what `SpanTally` makes of every record (`spanOfRecords(asKnownAt:)`), read
    /// from the atoms without building the records.
    ///
    /// A record's first and last dates are those of the events it counts: its atoms recorded by the time and not
    /// dropped by a correction or retraction, the same test the records are built by (`RecordBuilder.build`). So one
    /// pass over the atoms gives each child's, and the merged records, a few, are built to give theirs. Building
    /// every record for four dates had been the whole of a check of a date against the log (`--on`, `--as-of`).
    public func span(asKnownAt: Timestamp? = nil) -> LogSpan? {
        span(asKnownAt: asKnownAt, parts: atoms.count < 1 << 16 ? 1 : Self.spanParts)
    }

    /// `span(asKnownAt:)` with the atoms read in `parts` parts: the same span for any number (its tests try several).
    func span(asKnownAt: Timestamp?, parts: Int) -> LogSpan? {
        let cutoff = asKnownAt?.nanoseconds ?? Int64.max
        let dropped = RecordResolution.dropped(self, cutoff: cutoff)
        let merged = MergedRecords(self, cutoff: cutoff, dropped: dropped)
        // Each child's first and last counting dates, by number: Int32.max and Int32.min for none. The atoms are read
        // in parts on all cores (half a gigabyte at ten million events, a core's eighth of a second), each part
        // into dates of its own, and the parts' dates then joined: the earliest of the firsts, the latest of the
        // lasts, the same in whatever order.
        let checkDrops = !dropped.isEmpty
        var partial = [(first: [Int32], last: [Int32])](repeating: ([], []), count: parts)
        atoms.withUnsafeBufferPointer { atoms in
            atomChildren.withUnsafeBufferPointer { children in
                partial.withUnsafeMutableBufferPointer { buffer in
                    // Each part writes its own element only, and the buffers outlive `concurrentPerform`.
                    nonisolated(unsafe) let (partial, atoms, children) = (buffer, atoms, children)
                    let childCount = childCount
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        var first = [Int32](repeating: .max, count: childCount)
                        var last = [Int32](repeating: .min, count: childCount)
                        let size = (atoms.count + parts - 1) / parts
                        for i in min(part * size, atoms.count)..<min((part + 1) * size, atoms.count) {
                            let atom = atoms[i]
                            if atom.recorded > cutoff || (checkDrops && dropped.contains(atom.id)) { continue }
                            let n = Int(children[i])
                            first[n] = min(first[n], atom.occurred)
                            last[n] = max(last[n], atom.occurred)
                        }
                        partial[part] = (first, last)
                    }
                }
            }
        }
        var (first, last) = partial.removeFirst()
        for other in partial {
            for n in 0..<childCount {
                first[n] = min(first[n], other.first[n])
                last[n] = max(last[n], other.last[n])
            }
        }
        var tally = SpanTally()
        for n in 0..<childCount where merged.isOwnRecord(n) && first[n] <= last[n] {
            tally.add(first: CalendarDate(dayNumber: first[n]), last: CalendarDate(dayNumber: last[n]))
        }
        let resolution = RecordResolution(
            self, cutoff: cutoff, dropped: dropped, merged: merged,
            streams: ChildStreams(atomChildren: atomChildren, only: Set(merged.memberNumbers.joined())))
        resolution.forEachMergedRecord { tally.add($0) }
        return tally.span
    }

    /// The log's span as known at `asKnownAt` by its definition: `SpanTally` over every record, each built. What
    /// `span(asKnownAt:)` gives, as its tests check.
    func spanOfRecords(asKnownAt: Timestamp? = nil) -> LogSpan? {
        reduceRecords(
            asKnownAt: asKnownAt, initial: { SpanTally() }, add: { $0.add($1) }, merge: { $0.merge($1) }
        ).span
    }

    /// `reduceRecords`, with the log's span as known at `asKnownAt` (`span(asKnownAt:)`) read from the same records:
    /// for a command that reads every record and checks its dates against the span (Annex A, the cohorts), which then
    /// makes no pass of its own for the span. The span is known only once every record has been read, so a date
    /// outside it is refused after the pass, not before.
    package func reduceRecordsWithSpan<Partial: Sendable>(
        asKnownAt: Timestamp? = nil, parts: Int = 16, initial: @Sendable () -> Partial,
        add: @Sendable (inout Partial, consuming ChildRecord) -> Void, merge: (inout Partial, Partial) -> Void
    ) -> (value: Partial, span: LogSpan?) {
        let (value, span) = reduceRecords(
            asKnownAt: asKnownAt, parts: parts, initial: { (initial(), SpanTally()) },
            add: { both, record in
                both.1.add(record)
                add(&both.0, record)
            },
            merge: { both, other in
                merge(&both.0, other.0)
                both.1.merge(other.1)
            })
        return (value, span.span)
    }
}
