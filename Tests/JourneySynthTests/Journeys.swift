import JourneyCore

/// A council's events grouped by child, each child's in the order they happened (by occurred date, then by
/// recorded time), for checking journeys.
struct Journeys {
    var children: [ChildID: [Event]] = [:]

    init(_ events: [Event]) {
        for event in events { children[event.child, default: []].append(event) }
        for child in children.keys {
            children[child]!.sort { ($0.occurred, $0.recorded!) < ($1.occurred, $1.recorded!) }
        }
    }

    /// A placement's dates within its child's journey.
    struct Placement {
        var id: PlacementID
        var period: PeriodID
        var type: PlacementType
        var isSameCarer: Bool
        var start: CalendarDate
        /// Its own end, or its period's end, or `nil` when still open.
        var end: CalendarDate?
        var startEvent: Event
    }

    /// The placements of one child, ended by their own `placement.ended` or by `care.ended`.
    static func placements(_ events: [Event]) -> [Placement] {
        var careEnds: [PeriodID: CalendarDate] = [:]
        var ends: [PlacementID: CalendarDate] = [:]
        for event in events {
            switch event.body {
            case .careEnded(let period, _): careEnds[period] = event.occurred
            case .placementEnded(let placement, _): ends[placement] = event.occurred
            default: break
            }
        }
        return events.compactMap { event in
            guard case .placementStarted(let p) = event.body else { return nil }
            return Placement(
                id: p.placement, period: p.period, type: p.placementType, isSameCarer: p.isSameCarer,
                start: event.occurred, end: ends[p.placement] ?? careEnds[p.period], startEvent: event)
        }
    }

    /// The open episodes of need: from each referral that is not NFA to its `case.closed` (or `nil`: still open).
    static func episodes(_ events: [Event]) -> [(start: CalendarDate, end: CalendarDate?)] {
        var closed: [ReferralID: CalendarDate] = [:]
        for event in events {
            if case .caseClosed(let referral, _) = event.body { closed[referral] = event.occurred }
        }
        return events.compactMap { event in
            guard case .referralReceived(let r) = event.body, !r.isNFA else { return nil }
            return (event.occurred, closed[r.referral])
        }
    }

    /// Types that belong to an open episode of need: a case's work, not the child's details or early help.
    static let episodeTypes: Set<EventType> = [
        .assessmentStarted, .assessmentCompleted, .strategyHeld, .s47Started, .s47Completed, .icpcHeld,
        .cinPlanStarted, .cinPlanReviewed, .cinPlanEnded, .cpPlanStarted, .cpPlanCategoryChanged, .cpPlanReviewed,
        .cpPlanEnded, .careStarted, .legalStatusChanged, .placementStarted, .placementEnded, .careEnded,
        .careReviewed, .missingStarted, .missingEnded, .visitMade,
    ]
}
