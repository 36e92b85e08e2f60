import JourneyCore

/// Where a child's care stands, as the care events say: the period of care and the placement in force, and the
/// placement a temporary one interrupted.
///
/// The importer folds the events earlier returns put in the log into it, to carry on a period of care whose
/// start is not in the return being imported.
struct CareState: Equatable {
    struct Period: Equatable {
        var id: PeriodID
        var start: CalendarDate
        var legalStatus: LegalStatus
    }

    struct Placement: Equatable {
        var id: PlacementID
        var start: CalendarDate
        var details: PlacementDetails
    }

    var period: Period?
    var placement: Placement?
    /// The placement a temporary placement (`T0`–`T4`) interrupted: it has not ended, and the child goes back to it
    /// when the temporary one ends (events.md).
    var interrupted: Placement?

    /// Follows one care event.
    mutating func apply(_ body: EventBody, on date: CalendarDate) {
        switch body {
        case .careStarted(let c):
            self = CareState(period: Period(id: c.period, start: date, legalStatus: c.legalStatus))
        case .legalStatusChanged(let period, let legalStatus):
            if self.period?.id == period { self.period!.legalStatus = legalStatus }
        case .placementStarted(let p):
            let new = Placement(
                id: p.placement, start: date,
                details: PlacementDetails(type: p.placementType, provider: p.provider, postcode: p.postcode, urn: p.urn)
            )
            if new.details.isTemporary {
                if let current = placement, !current.details.isTemporary { interrupted = current }
            } else {
                interrupted = nil
            }
            placement = new
        case .placementEnded(let id, _):
            if placement?.id == id {
                placement = placement!.details.isTemporary ? interrupted : nil
                if placement != nil { interrupted = nil }
            } else if interrupted?.id == id {
                interrupted = nil
            }
        case .careEnded(let period, _):
            if self.period?.id == period { self = CareState() }
        default:
            break
        }
    }

    /// The order of care events on one day: what ends comes before what starts.
    static func rank(_ type: EventType) -> Int {
        switch type {
        case .placementEnded: 0
        case .careEnded: 1
        case .careStarted: 2
        case .legalStatusChanged: 3
        case .placementStarted: 4
        default: 5
        }
    }

    static func isEnd(_ type: EventType) -> Bool { type == .placementEnded || type == .careEnded }

    /// The state just before an episode that begins on `date` in the return, from the care facts of earlier imports:
    /// everything before that day, and what ended on it (an end on the first day of the return belongs to the
    /// episode before, which the return does not hold).
    static func before(_ date: CalendarDate, in known: FactIndex.ChildFacts) -> CareState {
        var state = CareState()
        for (occurred, body) in careFacts(in: known)
        where occurred < date || (occurred == date && isEnd(body.type)) {
            state.apply(body, on: occurred)
        }
        return state
    }

    /// The care events that count, in the order they happened.
    static func careFacts(in known: FactIndex.ChildFacts) -> [(CalendarDate, EventBody)] {
        known.facts.filter { !$0.value.isRetracted && rank($0.value.type) < 5 && known.bodies[$0.key] != nil }
            .sorted {
                ($0.value.occurred, rank($0.value.type), $0.value.position)
                    < ($1.value.occurred, rank($1.value.type), $1.value.position)
            }
            .map { ($0.value.occurred, known.bodies[$0.key]!) }
    }

    /// Whether the SSDA903 importer keeps the fields of a type of fact: the care events it follows.
    @Sendable static func isFollowed(_ type: EventType) -> Bool { rank(type) < 5 }
}
