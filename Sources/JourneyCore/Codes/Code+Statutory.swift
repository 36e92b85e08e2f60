// What the metric definitions and the event format say about particular codes.

extension Code where List == PlacementTypes {
    /// `T0`–`T4`: a temporary placement interrupts the placement in force without ending it (events.md),
    /// and is not a placement move (metrics.md, placement stability).
    public var isTemporary: Bool { rawValue.first == "T" }

    /// `A3`–`A6`: placed for adoption (metrics.md, long-term placement stability).
    public var isPlacedForAdoption: Bool { ["A3", "A4", "A5", "A6"].contains(rawValue) }

    /// `Z1` other placement, and `Z11`-`Z14`, which take its place from 2025-26: the DfE's rules treat them alike,
    /// each rule set naming its own (no Ofsted URN, 903 218 and 222; no placement provider, 178, 213 and 526).
    public var isOtherPlacement: Bool { rawValue == "Z1" || Self.otherPlacementsFrom2025.contains(rawValue) }

    /// The codes that replace `Z1` in the SSDA903 from the collection year 2025-26 (lac2025_26 rule 146).
    static let otherPlacementsFrom2025: Set<String> = ["Z11", "Z12", "Z13", "Z14"]

    /// The code as the SSDA903 return for the collection year starting on 1 April of `startYear` writes it.
    ///
    /// Before 2025-26, `Z11`-`Z14` are written `Z1`: they split it, so `Z1` says of them what that year's list can
    /// (lac2024_25 rule 146 takes `Z1` and none of them). From 2025-26 the code is written as recorded, `Z1`
    /// included: the log cannot say which of `Z11`-`Z14` it is, and none is invented (`isRefused(inYearStarting:)`).
    public func ssda903Code(inYearStarting startYear: Int) -> Self {
        startYear < 2025 && Self.otherPlacementsFrom2025.contains(rawValue) ? Self("Z1")! : self
    }

    /// Whether the SSDA903 return for the collection year starting on 1 April of `startYear` refuses the code as
    /// `ssda903Code(inYearStarting:)` writes it. From 2025-26 (lac2025_26 rule 146) the list no longer takes `Z1`
    /// (split into `Z11`-`Z14`), `H5` or `P2` (its new `K3` is not in the event format's list yet, its meaning not
    /// in the sources at hand): the return writes them as recorded and reports each as a finding.
    public func isRefused(inYearStarting startYear: Int) -> Bool {
        startYear >= 2025 && Self.refusedFrom2025.contains(rawValue)
    }

    /// The codes lac2025_26 rule 146 no longer takes.
    static let refusedFrom2025: Set<String> = ["Z1", "H5", "P2"]
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
