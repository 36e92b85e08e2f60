import JourneyCore

// The SSDA903 return cuts each period of care into episodes (SSDA903 guide, "Episodes"): a new one each time the
// legal status, the placement or the carer changes. Both the return (episodes.csv) and the checks that port the
// 903's rules about episodes read them from here, so that the two cut a period the same way.
//
// The cutting is done in two steps:
// - `ssda903Stretches(of:placements:)` cuts the period at every day something may change (its start, each legal
//   status, each placement's start and own end) and says what is in force on each stretch: the checks judge these.
// - `ssda903Episodes(of:)` joins the stretches on which nothing the 903 records changes (a placement ending into a
//   gap keeps the one before) and gives each its RNE, DEC and REC: the rows the return writes.

extension ChildRecord {
    /// A stretch of a period of care from one day on which an episode may begin (the period's start, a legal status
    /// taking effect, a placement starting or ending) to the next such day or the period's end.
    public struct SSDA903Stretch: Sendable, Hashable {
        /// The first day (a 903 `DECOM`, when an episode begins on it).
        public var start: CalendarDate
        /// The next stretch's start, or the period's end; `nil` while it goes on.
        public var end: CalendarDate?
        /// The legal status in force: the latest that took effect on or before `start` (those of one day in log
        /// order); `nil` when none has yet.
        public var legalStatus: LegalStatus?
        /// Whether a legal status took effect on `start` (on the first stretch: on or before it). Every
        /// `legal-status.changed` counts, even one that restates the status in force: the importer writes one for an
        /// RNE `L` episode, which the return gives back.
        public var isLegalStatusChange: Bool
        /// The placement open on `start`, the latest started if two are (a temporary placement and the one it
        /// interrupts, which goes on); `nil` in a gap between placements.
        public var placement: Placement?
        /// Whether it is the period's first stretch (the episode with RNE `S`).
        public var isFirst: Bool
        /// Whether it is the period's last stretch and the period has ended.
        public var endsPeriod: Bool
    }

    /// One 903 episode (a row of episodes.csv, before the return fits it to its year): from the day the legal
    /// status, the placement or the carer changed (DECOM) to the day the next change came or the period ended (DEC).
    public struct SSDA903Episode: Sendable, Hashable {
        /// DECOM.
        public var start: CalendarDate
        /// RNE: `S` start of the period of care, `L` legal status only, `P` placement and carer, `T` placement with
        /// the same carer, `U` legal status and placement with the same carer, `B` legal status and placement and
        /// carer.
        public var reason: String
        /// LS: the legal status in force on `start`.
        public var legalStatus: LegalStatus?
        /// The placement in force (PLACE, PLACE_PROVIDER, PL_POST, URN): the latest started of those open on
        /// `start`, or the one before when none is (the 903 has no episode without a placement).
        public var placement: Placement?
        /// DEC: the next episode's DECOM, or the period's end; `nil` while it goes on.
        public var end: CalendarDate?
        /// REC: `X1` when the next episode carries the period on, else the reason the period ended.
        public var endReason: String?
        /// REASON_PLACE_CHANGE: the reason the placement's own `placement.ended` gives, when the next episode
        /// changes the placement, it ended that day, and neither it nor the next is temporary (903 rule 226).
        public var placementChangeReason: PlacementChangeReason?
        /// Whether the next episode changed the placement (RNE `P`, `T`, `U` or `B`) with the placement ending that
        /// day and neither it nor the next temporary: what REASON_PLACE_CHANGE gives the reason for.
        public var isFollowedByPlacementChange: Bool
    }

    /// The stretches of `period` (see `SSDA903Stretch`) in date order; none when the period has no start.
    public func ssda903Stretches(of period: PeriodOfCare) -> [SSDA903Stretch] {
        ssda903Stretches(of: period, placements: placements.filter { $0.period == period.key })
    }

    /// The stretches of `period`, whose placements are `placements` (a caller that reads every period groups the
    /// record's placements once). One pass over the cuts in date order, following the legal status and the
    /// placements started so far, so that a record of thousands of placements takes a sort, not a scan of them all
    /// for each stretch.
    public func ssda903Stretches(of period: PeriodOfCare, placements: [Placement]) -> [SSDA903Stretch] {
        guard let start = period.start else { return [] }
        let statuses = period.legalStatusesByDate
        // The days something changes, each once, in order: a period has a few, so an array sorted and its repeats
        // dropped, rather than a set that hashes each. A change on or after the day the period ends makes no stretch
        // (it would last no day).
        var dates: [CalendarDate] = []
        dates.reserveCapacity(1 + statuses.count + 2 * placements.count)
        func cut(_ d: CalendarDate) {
            if d >= start && (period.end.map { d < $0 } ?? true) { dates.append(d) }
        }
        cut(start)
        for s in statuses { cut(s.date) }
        for p in placements {
            cut(p.start)
            if let end = p.ownEnd { cut(end) }
        }
        dates.sort()
        dates.removeRepeats()
        let byStart = placements.sorted { ($0.start, $0.position) < ($1.start, $1.position) }
        var nextStatus = 0
        var status: LegalStatus?
        var nextPlacement = 0
        // Placements started by the current cut and not known to have ended on or before it, in order of start.
        var started: [Placement] = []
        var out: [SSDA903Stretch] = []
        out.reserveCapacity(dates.count)
        for (i, date) in dates.enumerated() {
            var isLegalStatusChange = false
            while nextStatus < statuses.count, statuses[nextStatus].date <= date {
                status = statuses[nextStatus].status
                nextStatus += 1
                isLegalStatusChange = true
            }
            while nextPlacement < byStart.count, byStart[nextPlacement].start <= date {
                started.append(byStart[nextPlacement])
                nextPlacement += 1
            }
            // `end` is the placement's own end, else its period's (a placement ends with its period of care).
            started.removeAll { $0.end.map { $0 <= date } ?? false }
            let isLast = i == dates.count - 1
            out.append(
                SSDA903Stretch(
                    start: date, end: isLast ? period.end : dates[i + 1], legalStatus: status,
                    isLegalStatusChange: isLegalStatusChange, placement: started.last, isFirst: i == 0,
                    endsPeriod: isLast && period.end != nil))
        }
        return out
    }

    /// The 903 episodes of `period`, from its start to its end (or to the last change while it goes on), rebuilt by
    /// the 903 rules as the inverse of the importer's reading (EpisodeChain.swift):
    /// - A new episode when the legal status changes (every `legal-status.changed`, even one that restates the
    ///   status in force) or the placement in force changes.
    /// - The placement in force is the latest started of those open: a temporary placement (`T0`–`T4`) interrupts
    ///   the one before without ending it, and when it ends the child is back in that one, a new episode (RNE `P`:
    ///   the carer changes back). A day with no placement open keeps the one before.
    /// - A placement change is `T`/`U` (same carer) when the placement that starts that day says `sameCarer`, `P`/`B`
    ///   otherwise.
    /// - DEC is the next episode's DECOM with REC `X1`; the last episode of an ended period takes its end and reason.
    public func ssda903Episodes(of period: PeriodOfCare) -> [SSDA903Episode] {
        var out: [SSDA903Episode] = []
        var placement: Placement?
        for stretch in ssda903Stretches(of: period) {
            let day = stretch.start
            let newPlacement = stretch.placement ?? placement
            let statusChanged = stretch.isLegalStatusChange
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
            placement = newPlacement
            out.append(
                SSDA903Episode(
                    start: day, reason: reason, legalStatus: stretch.legalStatus, placement: newPlacement,
                    isFollowedByPlacementChange: false))
        }
        if let periodEnd = period.end, !out.isEmpty {
            out[out.count - 1].end = periodEnd
            out[out.count - 1].endReason = period.endReason?.rawValue
        }
        return out
    }
}

extension ChildRecord.PeriodOfCare {
    /// The legal statuses in date order, those of one day in log order (a change can be recorded after a later one;
    /// the replay sorts them so, and a record made otherwise is sorted here).
    public var legalStatusesByDate: [(date: CalendarDate, status: LegalStatus)] {
        // The replay's are in that order already: then they are their own order, and nothing is made.
        guard zip(legalStatuses, legalStatuses.dropFirst()).contains(where: { $1.date < $0.date }) else {
            return legalStatuses
        }
        return legalStatuses.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }
}

extension Array where Element: Equatable {
    /// Drops each element equal to the one before it: in a sorted array, every repeat.
    fileprivate mutating func removeRepeats() {
        guard count > 1 else { return }
        var kept = 1
        for i in 1..<count where self[i] != self[kept - 1] {
            self[kept] = self[i]
            kept += 1
        }
        removeLast(count - kept)
    }
}
