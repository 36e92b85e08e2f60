import JourneyChecks
import JourneyCore
import JourneyLog
import JourneyProjections

/// The monthly pack of a log folder as known now, with what it is made of kept in the folder's cache
/// (`cache/journey-pack.results`, `SavedResults`): the folds of its metrics for every period it shows, and the counts
/// of its findings. A run for the same month, calendar, targets' minimum denominator and build, after events have
/// been appended, builds again only the records those events change, as `journey metrics` does (`LiveMetrics`). The
/// pack is then, byte for byte, the one a full evaluation makes (`JourneyState.performancePack`). Any other run
/// evaluates in full, and saves what it made for the next.
///
/// Its findings are as known at the end of the month's last day, judged on that day:
/// - **A month that has ended**, the log holding events recorded since: events appended with later times of recording
///   change nothing the records held then, and the counts are kept. A month's pack is usually made after the month
///   has ended, and made again after a fix is appended: that run takes a fraction of a second on a large council
///   rather than seconds.
/// - **The month under way**, every event of the log recorded by its end (the year's last month, `report`'s
///   default, during the year): the records as known then are the records as known now, and the findings are the
///   checks' as known now, judged on the month's end or the log's latest day, kept in their own results file beside
///   the checks' (`SavedChecks`, `journey-pack-checks.results`) and brought up to date as `journey check` does.
/// - An append that mixes the two (an event recorded by the month's end, a late entry or an import dated back, in a
///   month that has ended) makes the run a full one.
///
/// (A log's writer gives an event with no time of recording the time of its append.)
public enum SavedPack {
    static let fileName = "journey-pack.results"
    /// The findings of the month under way, as `SavedChecks` keeps them.
    static let checksFileName = "journey-pack-checks.results"
    /// The magic and the format: 4, the findings (`Findings.bytes`) and the folds of the pack's two sets of periods
    /// (`PerformancePack.metricSets`) as `SavedMetrics` keeps a value beside them (`contents(besides:folds:)`, after
    /// the state's tail, `SavedResults.save`). Format 3 kept every metric shown for all 26 periods.
    static let prefix = Array("JRNYPACK".utf8) + [4, 0, 0, 0]

    /// What is saved beside the folds (`SavedMetrics.Besides`).
    struct Findings: Equatable {
        /// Whether every event of the log was recorded by the month's end when they were counted.
        var isMonthUnderWay: Bool
        var quality: QualitySummary

        init(isMonthUnderWay: Bool, quality: QualitySummary) {
            self.isMonthUnderWay = isMonthUnderWay
            self.quality = quality
        }

        /// A byte, 1 when the month is under way, then the counts (`QualitySummary.encode`).
        var bytes: [UInt8] {
            var w = BinaryWriter()
            w.byte(isMonthUnderWay ? 1 : 0)
            quality.encode(into: &w)
            return w.bytes
        }

        /// What `bytes` wrote; `nil` for anything else.
        init?(bytes: [UInt8]) {
            guard
                let read = bytes.withUnsafeBytes({ raw -> Findings? in
                    var r = BinaryReader(raw)
                    guard let flag = try? r.byte(), flag <= 1, let quality = try? QualitySummary(reading: &r),
                        r.remaining == 0
                    else { return nil }
                    return Findings(isMonthUnderWay: flag == 1, quality: quality)
                })
            else { return nil }
            self = read
        }
    }

    /// The pack of `log` for the month ending `monthEnd`, as known now, and how it was made. `useCache` false reads
    /// neither the checkpoint nor saved results and saves nothing. `progress` is told the log position reached by a
    /// replay, as `Checkpoint.replay` tells it.
    public static func pack(
        _ log: EventLog, monthEnd: CalendarDate, calendar: WorkingDayCalendar, targets: Targets,
        provenance: Provenance, minimumDenominator: Int?, useCache: Bool, progress: ((UInt64) -> Void)? = nil
    ) throws -> (pack: PerformancePack, evaluation: SavedEvaluation) {
        let end = monthEnd.monthEnd
        let minimum = minimumDenominator ?? targets.minimumDenominator ?? MetricContext.defaultMinimumDenominator
        let sets = PerformancePack.metricSets(end: end, calendar: calendar, minimumDenominator: minimum)
        let cutoff = PerformancePack.findingsKnownAt(end: end, asKnownAt: nil)?.nanoseconds ?? Int64.max
        func pack(_ reports: [MetricsReport], _ quality: QualitySummary) -> PerformancePack {
            PerformancePack(
                monthEnd: end, asKnownAt: nil, provenance: provenance, targets: targets, reports: reports,
                quality: quality, minimumDenominator: minimum)
        }
        // The month under way's findings: the checks' as known now, judged as `JourneyState.packQuality` judges them.
        func findingsAsKnownNow() throws -> QualitySummary {
            let report = try SavedChecks.report(log, only: nil, useCache: useCache, name: checksFileName) { latest in
                CheckContext(asOf: min(end, latest ?? end), calendar: calendar, teamAttribution: .findingDate)
            }.report
            return QualitySummary(report)
        }
        let besides = SavedMetrics.Besides<Findings>(
            encode: { $0.bytes }, decode: { Findings(bytes: $0) },
            carried: { findings, savedEnd in
                let appended = try recordingTimes(in: log, after: savedEnd, cutoff: cutoff)
                // Recorded after the month's end, every one: the records as known then are as they were.
                if !appended.anyByCutoff { return { Findings(isMonthUnderWay: false, quality: findings.quality) } }
                // Recorded by it, every one, in the month under way: the findings are the checks' as known now, read
                // once the metrics' records have resumed, so that a run that must evaluate in full never holds a
                // state for each.
                if findings.isMonthUnderWay && !appended.anyAfterCutoff {
                    return { Findings(isMonthUnderWay: true, quality: try findingsAsKnownNow()) }
                }
                return nil
            },
            full: { state in
                Findings(
                    isMonthUnderWay: state.isEverythingRecorded(by: cutoff),
                    quality: state.packQuality(end: end, asKnownAt: nil, calendar: calendar))
            })
        let (reports, findings, evaluation) = try SavedMetrics.reports(
            log, sets: sets, useCache: useCache, progress: progress, name: fileName, prefix: prefix,
            besides: besides)
        return (pack(reports, findings.quality), evaluation)
    }

    /// Whether any event after `cursor` is recorded by `cutoff` (nanoseconds since 1970 UTC, at or before it), and
    /// whether any is recorded after it: each event's time of recording read in place, and nothing else. An event
    /// recorded at no time is known at every time, as "as known at" counts it (`RecordResolution`).
    static func recordingTimes(in log: EventLog, after cursor: LogCursor, cutoff: Int64) throws -> (
        anyByCutoff: Bool, anyAfterCutoff: Bool
    ) {
        var times = (anyByCutoff: false, anyAfterCutoff: false)
        struct Both: Error {}
        do {
            try log.forEachStoredEvent(after: cursor) { stored in
                if try EventScanner(stored.event).recorded.map({ $0 <= cutoff }) ?? true {
                    times.anyByCutoff = true
                } else {
                    times.anyAfterCutoff = true
                }
                if times.anyByCutoff && times.anyAfterCutoff { throw Both() }
            }
        } catch is Both {}
        return times
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
