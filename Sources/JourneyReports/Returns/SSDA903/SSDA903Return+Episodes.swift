import JourneyCore
import JourneyProjections

extension SSDA903Return {
    /// One row of the episodes table: an episode of a period of care (`ChildRecord.SSDA903Episode`, cut in
    /// JourneyProjections) with the fields the return adds, fitted to the return's year.
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
            // An other placement (Z1, Z11-Z14) has no provider and no URN in the 903 (rules 178, 222): blank, and
            // not a finding.
            let isOther = placementType?.isOtherPlacement ?? false
            if provider == nil && !isOther { fields.append("PLACE_PROVIDER") }
            if end != nil && endReason == nil { fields.append("REC") }
            if endReason == "X1" && placementChangeReason == nil && isFollowedByPlacementChange {
                fields.append("REASON_PLACE_CHANGE")
            }
            if isShortBreak { return fields }
            if homePostcode == nil { fields.append("HOME_POST") }
            if postcode == nil { fields.append("PL_POST") }
            if urn == nil && !isOther { fields.append("URN") }
            return fields
        }

        /// Whether PLACE is a code the year's list does not take: `Z1`, `H5` or `P2` from 2025-26, written as
        /// recorded (the log cannot say which of Z11-Z14 a `Z1` is, nor holds the 2025-26 `K3`), and a finding.
        var isPlacementTypeRefused = false

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

    /// The episodes of the year of these periods of care (each open at some time in the year): every episode of each
    /// period (`ChildRecord.ssda903Episodes(of:)`, where the cutting and its readings are) open on 1 April or
    /// starting after it, up to 31 March. An episode that ends after 31 March is written open: its DEC, REC and
    /// REASON_PLACE_CHANGE are not yet known to the return.
    ///
    /// The return adds what the cutting leaves to it:
    /// - CIN is the period's need code (the log has one a period).
    /// - HOME_POST is the home postcode recorded on or before the episode's first day, the latest of them
    ///   (`home-postcode.recorded`); blank when none is.
    /// - PLACE is the year's code for the placement type (`PlacementType.ssda903Code(inYearStarting:)`): Z11-Z14
    ///   are Z1 before 2025-26; a Z1 from 2025-26 is written as recorded, and a finding (the log cannot say which of
    ///   Z11-Z14 it is).
    static func episodes(
        of record: ChildRecord, periods: [ChildRecord.PeriodOfCare], in year: ReportingPeriod
    ) -> [Episode] {
        var out: [Episode] = []
        let startYear = year.from.year
        for period in periods {
            for e in record.ssda903Episodes(of: period)
            where e.start <= year.to && (e.end.map { $0 >= year.from } ?? true) {
                var episode = Episode(e, of: period, in: record)
                if let type = episode.placementType {
                    episode.placementType = type.ssda903Code(inYearStarting: startYear)
                    episode.isPlacementTypeRefused = type.isRefused(inYearStarting: startYear)
                }
                if let end = e.end, end > year.to {
                    episode.end = nil
                    episode.endReason = nil
                    episode.placementChangeReason = nil
                    episode.isFollowedByPlacementChange = false
                }
                out.append(episode)
            }
        }
        return out
    }
}

extension SSDA903Return.Episode {
    /// The row of `episode`, an episode of `period` in `record`'s care.
    init(_ episode: ChildRecord.SSDA903Episode, of period: ChildRecord.PeriodOfCare, in record: ChildRecord) {
        let placement = episode.placement
        self.init(
            start: episode.start, reason: episode.reason, legalStatus: episode.legalStatus, need: period.needCode,
            placementType: placement?.placementType, provider: placement?.provider, end: episode.end,
            endReason: episode.endReason, placementChangeReason: episode.placementChangeReason,
            postcode: placement?.postcode, urn: placement?.urn, homePostcode: record.homePostcode(on: episode.start),
            isFollowedByPlacementChange: episode.isFollowedByPlacementChange)
    }
}
