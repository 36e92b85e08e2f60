import JourneyCore
import JourneyProjections

/// An SSDA903 episode read back from a period of care: a stretch of it with one legal status and one placement.
///
/// The 903 return writes a row each time the legal status or the placement changes; journey keeps a period of care
/// with its legal statuses and placements. The 903 rules judge rows, so the checks that port them cut each period
/// at every change of legal status, every placement start and every placement end: one stretch for each row the
/// return would hold (a return's row split at 1 April between two years is one stretch here).
struct CareEpisode {
    var period: ChildRecord.PeriodOfCare
    /// The row's `DECOM`.
    var start: CalendarDate
    /// The row's `DEC`: the next stretch's start, or the period's end; `nil` while it goes on.
    var end: CalendarDate?
    /// The row's `LS`.
    var legalStatus: LegalStatus?
    /// The row's placement (`PLACE`): the one open on `start`, the latest started if two are (a temporary placement
    /// and the one it interrupts); `nil` in a gap between placements.
    var placement: ChildRecord.Placement?
    /// Whether it is the period's first stretch (the row with `RNE` `S`).
    var isFirst: Bool
    /// Whether it is the period's last stretch and the period has ended (the row whose `REC` is not `X1`).
    var endsPeriod: Bool
}

extension ChildJourney {
    /// The 903 rows of a period of care (see `CareEpisode`), in date order; none when the period has no start.
    func episodes(of period: ChildRecord.PeriodOfCare) -> [CareEpisode] {
        Self.episodes(of: period, placements: record.placements.filter { $0.period == period.key })
    }

    /// The rows of `period`, whose placements are `placements`. One pass over the cuts in date order, the legal
    /// status and the placements started so far followed as it goes, so that a record of thousands of placements
    /// takes a sort, not a scan of them all for each row.
    private static func episodes(of period: ChildRecord.PeriodOfCare, placements: [ChildRecord.Placement])
        -> [CareEpisode]
    {
        guard let start = period.start else { return [] }
        var cuts: Set<CalendarDate> = [start]
        let statuses = period.legalStatusesByDate
        for s in statuses { cuts.insert(s.date) }
        for p in placements {
            cuts.insert(p.start)
            if let end = p.ownEnd { cuts.insert(end) }
        }
        let dates = cuts.filter { d in d >= start && (period.end.map { d < $0 } ?? true) }.sorted()
        let byStart = placements.sorted { ($0.start, $0.position) < ($1.start, $1.position) }
        var nextStatus = 0
        var status: LegalStatus?
        var nextPlacement = 0
        // Placements started by the current cut and not known to have ended before it, in order of start.
        var started: [ChildRecord.Placement] = []
        var rows: [CareEpisode] = []
        rows.reserveCapacity(dates.count)
        for (i, date) in dates.enumerated() {
            while nextStatus < statuses.count, statuses[nextStatus].date <= date {
                status = statuses[nextStatus].status
                nextStatus += 1
            }
            while nextPlacement < byStart.count, byStart[nextPlacement].start <= date {
                started.append(byStart[nextPlacement])
                nextPlacement += 1
            }
            started.removeAll { $0.end.map { $0 <= date } ?? false }
            let isLast = i == dates.count - 1
            rows.append(
                CareEpisode(
                    period: period, start: date, end: isLast ? period.end : dates[i + 1], legalStatus: status,
                    placement: started.last, isFirst: i == 0, endsPeriod: isLast && period.end != nil))
        }
        return rows
    }

    /// Every 903 row of the child's periods of care that started by `asOf`: `careEpisodes`, worked out once for each
    /// child when the journey is made (static, so that making it does not copy the journey).
    static func careEpisodes(of record: ChildRecord, asOf: CalendarDate) -> [CareEpisode] {
        guard !record.periodsOfCare.isEmpty else { return [] }
        var placements: [UInt64: [ChildRecord.Placement]] = [:]
        for p in record.placements { placements[p.period, default: []].append(p) }
        return record.periodsOfCare.filter { ($0.start.map { $0 <= asOf }) ?? false }
            .flatMap { episodes(of: $0, placements: placements[$0.key] ?? []) }
            .filter { $0.start <= asOf }
    }

    /// The event that begins a 903 row: its period's start, legal status change or placement start.
    func event(beginning e: CareEpisode) -> UInt64? {
        if e.isFirst { return start(of: e.period) }
        if let p = e.placement, p.start == e.start { return p.position }
        return position(.legalStatusChanged, key: e.period.key, on: e.start)
            ?? position(.placementEnded, on: e.start)
    }
}

extension ChildRecord.PeriodOfCare {
    /// The legal statuses in date order, those of one day in log order (the record keeps log order, and a change can
    /// be recorded after a later one).
    var legalStatusesByDate: [(date: CalendarDate, status: LegalStatus)] {
        legalStatuses.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}
