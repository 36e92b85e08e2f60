import JourneyCore

/// Adoptions, permanence orders and previous permanence.
extension RecordBuilder.Progress {
    /// The adoption the atom is about: found, or added (any event about an adoption makes it).
    @inline(__always)
    mutating func adoption(_ atom: Atom, in r: inout ChildRecord) -> Int {
        if let i = adoptionAt.index(of: atom.key, in: r.adoptions, keyOf: { $0.key }) { return i }
        r.adoptions.append(ChildRecord.Adoption(key: atom.key, position: atom.position))
        return r.adoptions.count - 1
    }

    /// `adoption.decided`, `placement-order.granted`, `adoption.order-granted`: the earliest date stands.
    @inline(__always)
    mutating func addAdoptionStep(_ atom: Atom, to r: inout ChildRecord) {
        let i = adoption(atom, in: &r)
        let step = ChildRecord.Dated(date: atom.date, position: atom.position)
        func earliest(_ d: ChildRecord.Dated?) -> ChildRecord.Dated {
            d.map { $0.date <= step.date ? $0 : step } ?? step
        }
        switch atom.type {
        case .adoptionDecided: r.adoptions[i].decided = earliest(r.adoptions[i].decided)
        case .placementOrderGranted:
            r.adoptions[i].placementOrderGranted = earliest(r.adoptions[i].placementOrderGranted)
        default: r.adoptions[i].orderGranted = earliest(r.adoptions[i].orderGranted)
        }
    }

    /// `adoption.matched`: the latest date stands (the later in the log on one date), with its details.
    @inline(__always)
    mutating func matchAdoption(_ atom: Atom, to r: inout ChildRecord) {
        let i = adoption(atom, in: &r)
        guard r.adoptions[i].matched.map({ atom.date >= $0.date }) ?? true else { return }
        r.adoptions[i].matched = .init(date: atom.date, position: atom.position)
        r.adoptions[i].adopters = atom.adopters
        r.adoptions[i].adoptersSex = atom.adoptersSex
        r.adoptions[i].adoptersLegalStatus = atom.adoptersLegalStatus
        r.adoptions[i].isFosterCarerAdopting = atom.isFosterCarerAdopting
    }

    /// `adoption.placed`: the latest date stands, with its placement.
    @inline(__always)
    mutating func placeForAdoption(_ atom: Atom, to r: inout ChildRecord) {
        let i = adoption(atom, in: &r)
        guard r.adoptions[i].placed.map({ atom.date >= $0.date }) ?? true else { return }
        r.adoptions[i].placed = .init(date: atom.date, position: atom.position)
        r.adoptions[i].placement = atom.ref == 0 ? nil : atom.ref
    }

    /// `adoption.placement-ended`: the latest date stands, with its reason.
    @inline(__always)
    mutating func endAdoptivePlacement(_ atom: Atom, to r: inout ChildRecord) {
        let i = adoption(atom, in: &r)
        guard r.adoptions[i].placementEnded.map({ atom.date >= $0.date }) ?? true else { return }
        r.adoptions[i].placementEnded = .init(date: atom.date, position: atom.position)
        r.adoptions[i].placementEndReason = atom.adoptivePlacementEndReason
    }

    /// `adoption.decision-reversed`: the latest date stands, with its reason.
    @inline(__always)
    mutating func reverseAdoptionDecision(_ atom: Atom, to r: inout ChildRecord) {
        let i = adoption(atom, in: &r)
        guard r.adoptions[i].reversed.map({ atom.date >= $0.date }) ?? true else { return }
        r.adoptions[i].reversed = .init(date: atom.date, position: atom.position)
        r.adoptions[i].reversalReason = atom.adoptionReversalReason
    }

    @inline(__always)
    func addPermanenceOrder(_ atom: Atom, to r: inout ChildRecord) {
        r.permanenceOrders.append(
            .init(
                date: atom.date, kind: atom.permanenceOrderKind, period: atom.key == 0 ? nil : atom.key,
                position: atom.position))
    }

    @inline(__always)
    func addPreviousPermanence(_ atom: Atom, to r: inout ChildRecord, strings: FoldedStrings) {
        r.previousPermanence.append(
            .init(
                date: atom.date, kind: atom.previousPermanenceKind,
                la: strings.texts.string(atom.previousPermanenceLANumber),
                orderDate: strings.texts.string(atom.previousPermanenceDateNumber), position: atom.position))
    }
}
