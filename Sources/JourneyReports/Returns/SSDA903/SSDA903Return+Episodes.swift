import JourneyCore
import JourneyProjections

extension SSDA903Return {
    /// One row of the episodes table: from the day the legal status, the placement or the carer changed (DECOM) to
    /// the day the next change came or care ended (DEC).
    public struct Episode: Sendable, Hashable {
        public var start: CalendarDate
        /// RNE: `S` start of the period of care, `L` legal status only, `P` placement and carer, `T` placement with
        /// the same carer, `U` legal status and placement with the same carer, `B` legal status and placement and
        /// carer.
        public var reason: String
        public var legalStatus: LegalStatus?
        public var need: CareNeed?
        public var placementType: PlacementType?
        public var provider: PlacementProvider?
        /// DEC, when on or before 31 March: one after it is not yet known to the return.
        public var end: CalendarDate?
        /// REC: `X1` when the next episode carries the period on, else the reason the period ended.
        public var endReason: String?
        public var placementChangeReason: PlacementChangeReason?
        public var postcode: String?
        public var urn: String?
        /// HOME_POST: the child's home postcode on the episode's first day (`ChildRecord.homePostcode(on:)`).
        public var homePostcode: String?

        /// Whether the episode is a short break (V3, V4): the 903 asks no placement location of one (903 rule 214:
        /// PL_POST and URN not required), and so no HOME_POST either (392b, 392a skip V3 and V4).
        var isShortBreak: Bool { legalStatus.map { $0.rawValue == "V3" || $0.rawValue == "V4" } ?? false }

        /// The fields the 903 asks for that the log does not hold for this episode.
        var blankFields: [String] {
            var fields: [String] = []
            if legalStatus == nil { fields.append("LS") }
            if need == nil { fields.append("CIN") }
            if placementType == nil { fields.append("PLACE") }
            if provider == nil { fields.append("PLACE_PROVIDER") }
            if end != nil && endReason == nil { fields.append("REC") }
            if endReason == "X1" && placementChangeReason == nil && isFollowedByPlacementChange {
                fields.append("REASON_PLACE_CHANGE")
            }
            if isShortBreak { return fields }
            if homePostcode == nil { fields.append("HOME_POST") }
            if postcode == nil { fields.append("PL_POST") }
            if urn == nil { fields.append("URN") }
            return fields
        }

        /// Whether the next episode changed the placement (RNE `P`, `T`, `U` or `B`): what REASON_PLACE_CHANGE
        /// gives the reason for.
        var isFollowedByPlacementChange = false

        func cells(child: ChildID) -> [String] {
            [
                child.rawValue, SSDA903Return.date(start), reason, legalStatus?.rawValue ?? "", need?.rawValue ?? "",
                placementType?.rawValue ?? "", provider?.rawValue ?? "", SSDA903Return.date(end), endReason ?? "",
                placementChangeReason?.rawValue ?? "", isShortBreak ? "" : homePostcode ?? "",
                isShortBreak ? "" : postcode ?? "",
                isShortBreak ? "" : urn ?? "",
            ]
        }
    }

    /// The episodes of the year of these periods of care (each open at some time in the year), rebuilt from the
    /// record by the 903 rules (SSDA903 guide, "Episodes"): a new episode each time the legal status, the
    /// placement or the carer changes; those of the year are every episode open on 1 April or starting after it,
    /// up to 31 March.
    ///
    /// Readings where the guide leaves the log a choice, each the inverse of the importer's (EpisodeChain.swift):
    /// - The legal status changes with each `legal-status.changed`, even one that restates the status in force (the
    ///   importer writes one for an RNE `L` episode, which the return then gives back).
    /// - The placement in force on a day is the latest started of the period's placements open on it: a temporary
    ///   placement (`T0`–`T4`) interrupts the one before without ending it, and when it ends the child is back in
    ///   that one, a new episode (RNE `P`). A day with no placement open keeps the one before (the 903 has no
    ///   episode without a placement).
    /// - A placement change is `T`/`U` (same carer) when the placement that starts says `sameCarer`, `P`/`B`
    ///   otherwise.
    /// - CIN is the period's need code (the log has one a period).
    /// - HOME_POST is the home postcode recorded on or before the episode's first day, the latest of them
    ///   (`home-postcode.recorded`); blank when none is.
    /// - DEC is the next episode's DECOM, REC `X1`; the last episode of an ended period takes its end and reason. A
    ///   change on the day the period ends makes no episode (it would last no day).
    /// - REASON_PLACE_CHANGE is the reason the placement's own `placement.ended` gives, on an episode the next of
    ///   which changes the placement, when it ended that day, unless it or the next placement is temporary (903 rule
    ///   226: a temporary placement interrupts the one before without ending it).
    static func episodes(
        of record: ChildRecord, periods: [ChildRecord.PeriodOfCare], in year: ReportingPeriod
    ) -> [Episode] {
        var out: [Episode] = []
        for period in periods {
            let all = episodes(of: record, period: period)
            for var e in all where e.start <= year.to && (e.end.map { $0 >= year.from } ?? true) {
                if let end = e.end, end > year.to {
                    e.end = nil
                    e.endReason = nil
                    e.placementChangeReason = nil
                    e.isFollowedByPlacementChange = false
                }
                out.append(e)
            }
        }
        return out
    }

    /// Every episode of one period of care, from its start to its end.
    static func episodes(of record: ChildRecord, period: ChildRecord.PeriodOfCare) -> [Episode] {
        guard let start = period.start else { return [] }
        let placements = record.placements.filter { $0.period == period.key }
        let statuses = period.legalStatuses
        // The days something may change: the period's start, each legal status, each placement's start and end.
        var days: Set<CalendarDate> = [start]
        for s in statuses where s.date > start { days.insert(s.date) }
        for p in placements {
            if p.start > start { days.insert(p.start) }
            if let end = p.ownEnd, end > start { days.insert(end) }
        }
        let periodEnd = period.end
        let changeDays = days.filter { d in periodEnd.map { d < $0 } ?? true }.sorted()

        var out: [Episode] = []
        var statusIndex: Int?
        var placement: ChildRecord.Placement?
        for day in changeDays {
            // The legal status in force: the latest that took effect on or before the day (the first if none has).
            let newStatus = statuses.lastIndex { $0.date <= day } ?? (statuses.isEmpty ? nil : 0)
            let open = placements.filter { $0.start <= day && ($0.end.map { $0 > day } ?? true) }
            let newPlacement = open.max { ($0.start, $0.position) < ($1.start, $1.position) } ?? placement
            let statusChanged = newStatus != statusIndex
            let placementChanged = newPlacement?.key != placement?.key
            guard out.isEmpty || statusChanged || placementChanged else { continue }
            var reason = "S"
            if !out.isEmpty {
                // A return to the placement a temporary one interrupted is a change of carer: it did not start today.
                let isSameCarer = placementChanged && newPlacement.map { $0.start == day && $0.isSameCarer } ?? false
                switch (statusChanged, placementChanged) {
                case (true, true): reason = isSameCarer ? "U" : "B"
                case (false, true): reason = isSameCarer ? "T" : "P"
                default: reason = "L"
                }
                let last = out.count - 1
                out[last].end = day
                out[last].endReason = "X1"
                // The reason the placement ended, when it ended that day (one a temporary placement interrupts has
                // not), and neither it nor the next is temporary (903 rule 226).
                if placementChanged, let placement, placement.ownEnd == day, !placement.placementType.isTemporary,
                    newPlacement.map({ !$0.placementType.isTemporary }) ?? true
                {
                    out[last].isFollowedByPlacementChange = true
                    out[last].placementChangeReason = placement.endReason
                }
            }
            statusIndex = newStatus
            placement = newPlacement
            out.append(
                Episode(
                    start: day, reason: reason, legalStatus: newStatus.map { statuses[$0].status },
                    need: period.needCode, placementType: newPlacement?.placementType, provider: newPlacement?.provider,
                    postcode: newPlacement?.postcode, urn: newPlacement?.urn, homePostcode: record.homePostcode(on: day)
                ))
        }
        if let periodEnd, !out.isEmpty {
            out[out.count - 1].end = periodEnd
            out[out.count - 1].endReason = period.endReason?.rawValue
        }
        return out
    }
}
