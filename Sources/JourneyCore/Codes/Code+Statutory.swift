// What the metric definitions and the event format say about particular codes.

extension Code where List == PlacementTypes {
    /// `T0`–`T4`: a temporary placement interrupts the placement in force without ending it (events.md),
    /// and is not a placement move (metrics.md, placement stability).
    public var isTemporary: Bool { rawValue.first == "T" }

    /// `A3`–`A6`: placed for adoption (metrics.md, long-term placement stability).
    public var isPlacedForAdoption: Bool { ["A3", "A4", "A5", "A6"].contains(rawValue) }
}

extension Code where List == LegalStatuses {
    /// `V3`/`V4`: an agreed series of short-term breaks (excluded from the DfE's stability figures).
    public var isShortBreak: Bool { rawValue == "V3" || rawValue == "V4" }
}

extension Code where List == Ethnicities {
    /// The broad group used in breakdowns: the code's first letter (W, M, A, B, O), and N for not stated or
    /// refused (metrics.md, breakdowns).
    public var group: String {
        rawValue == "REFU" || rawValue == "NOBT" ? "N" : String(rawValue.prefix(1))
    }
}

extension Code where List == Levels {
    public static let universal = Level("universal")!
    public static let earlyHelp = Level("early-help")!
    public static let childInNeed = Level("cin")!
    public static let childProtection = Level("cp")!
    public static let care = Level("care")!
}

extension Code where List == ConferenceOutcomes {
    public static let plan = ConferenceOutcome("plan")!
    public static let noPlan = ConferenceOutcome("no-plan")!
}

extension Code where List == CareLeaverAccommodations {
    /// Whether the accommodation is suitable: the code's digit, `1` suitable and `2` not (SSDA903 `ACCOM`); `nil`
    /// for `0`, not known.
    public var isSuitable: Bool? {
        switch rawValue.last {
        case "1": true
        case "2": false
        default: nil
        }
    }
}
