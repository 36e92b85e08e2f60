import JourneyCore

/// What an atom holds for permanence: `key` is the adoption (or nothing, for the permanence orders and previous
/// permanence); for `adoption.placed`, `ref` is the placement, 0 when not recorded; for `permanence-order.granted`,
/// `key` is the period of care, 0 when not recorded. A previous permanence holds text numbers in `key` and `ref`
/// (`holdsIDs` false).
extension Atom {
    // MARK: adoption.matched

    /// `a`: the number of adopters (1 or 2, checked at append).
    var adopters: Int {
        get { Int(a) }
        set { a = UInt8(truncatingIfNeeded: newValue) }
    }

    /// `b`: a required code.
    var adoptersSex: AdopterSex {
        get { Slot.code(b) }
        set { b = newValue.index }
    }

    /// `c`: a required code.
    var adoptersLegalStatus: AdopterLegalStatus {
        get { Slot.code(c) }
        set { c = newValue.index }
    }

    /// `extra`: a Boolean.
    var isFosterCarerAdopting: Bool {
        get { extra == 1 }
        set { extra = newValue ? 1 : 0 }
    }

    // MARK: adoption.placement-ended, adoption.decision-reversed

    /// `a` of an adoptive placement's end: an optional code.
    var adoptivePlacementEndReason: PlacementChangeReason? {
        get { Slot.optionalCode(a) }
        set { a = Slot.byte(newValue) }
    }

    /// `a` of a reversal: a required code.
    var adoptionReversalReason: AdoptionReversalReason {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    // MARK: permanence-order.granted

    /// `a`: a required code.
    var permanenceOrderKind: PermanenceOrderKind {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    // MARK: previous-permanence.recorded

    /// `a`: a required code.
    var previousPermanenceKind: PreviousPermanenceKind {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    /// `key`: the authority's number among the fold's texts (`FoldedStrings`), 0 when none is given.
    var previousPermanenceLANumber: UInt64 {
        get { key }
        set { key = newValue }
    }

    /// `ref`: the order date's number among the fold's texts, 0 when none is given.
    var previousPermanenceDateNumber: UInt64 {
        get { ref }
        set { ref = newValue }
    }
}
