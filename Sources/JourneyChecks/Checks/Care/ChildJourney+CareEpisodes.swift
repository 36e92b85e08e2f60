import JourneyCore
import JourneyProjections

/// An SSDA903 episode read back from a period of care: a stretch of it with one legal status and one placement.
///
/// The 903 return writes a row each time the legal status or the placement changes; journey keeps a period of care
/// with its legal statuses and placements. The 903 rules judge rows, so the checks that port them read the period cut
/// at every change of legal status, every placement start and every placement end (`ChildRecord.SSDA903Stretch`,
/// the cutting the return's episodes are joined from): one stretch for each row the return would hold, and one more
/// where a placement ends into a gap (the return keeps the placement before; here the stretch has none).
struct CareEpisode {
    var period: ChildRecord.PeriodOfCare
    var stretch: ChildRecord.SSDA903Stretch

    /// The row's `DECOM`.
    var start: CalendarDate { stretch.start }
    /// The row's `DEC`: the next stretch's start, or the period's end; `nil` while it goes on.
    var end: CalendarDate? { stretch.end }
    /// The row's `LS`.
    var legalStatus: LegalStatus? { stretch.legalStatus }
    /// The row's placement (`PLACE`): the one open on `start`, the latest started if two are (a temporary placement
    /// and the one it interrupts); `nil` in a gap between placements.
    var placement: ChildRecord.Placement? { stretch.placement }
    /// Whether it is the period's first stretch (the row with `RNE` `S`).
    var isFirst: Bool { stretch.isFirst }
    /// Whether it is the period's last stretch and the period has ended (the row whose `REC` is not `X1`).
    var endsPeriod: Bool { stretch.endsPeriod }
}

extension ChildJourney {
    /// Whether any placement was temporary (`PlacementType.isTemporary`): the checks of rows ending in one read
    /// nothing more of a record without.
    var hasTemporaryPlacement: Bool { record.placements.contains { $0.placementType.isTemporary } }

    /// The 903 rows of a period of care (see `CareEpisode`), in date order; none when the period has no start.
    func episodes(of period: ChildRecord.PeriodOfCare) -> [CareEpisode] {
        record.ssda903Stretches(of: period).map { CareEpisode(period: period, stretch: $0) }
    }

    /// Every 903 row of the child's periods of care that started by `asOf`: `careEpisodes`, worked out once for each
    /// child when the journey is made (static, so that making it does not copy the journey).
    static func careEpisodes(of record: ChildRecord, asOf: AsOfDate) -> [CareEpisode] {
        guard !record.periodsOfCare.isEmpty else { return [] }
        var placements: [UInt64: [ChildRecord.Placement]] = [:]
        for p in record.placements { placements[p.period, default: []].append(p) }
        var rows: [CareEpisode] = []
        for period in record.periodsOfCare where (period.start.map { $0 <= asOf }) ?? false {
            for stretch in record.ssda903Stretches(of: period, placements: placements[period.key] ?? [])
            where stretch.start <= asOf {
                rows.append(CareEpisode(period: period, stretch: stretch))
            }
        }
        return rows
    }

    /// The event that begins a 903 row: its period's start, legal status change or placement start.
    func event(beginning e: CareEpisode) -> UInt64? {
        if e.isFirst { return start(of: e.period) }
        if let p = e.placement, p.start == e.start { return p.position }
        return position(.legalStatusChanged, key: e.period.key, on: e.start)
            ?? position(.placementEnded, on: e.start)
    }
}
