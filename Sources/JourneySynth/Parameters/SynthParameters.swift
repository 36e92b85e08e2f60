import JourneyCore

/// Everything that decides a synthetic council: its size, its dates, its seed, its defects and its targets.
///
/// The same parameters always give the same events, byte for byte.
public struct SynthParameters: Hashable, Sendable {
    /// Children who come to the front door between `from` and `to` (each gets a journey; a few have a duplicate
    /// record too, when defects are on).
    public var children: Int
    /// The day the log begins: the first contacts arrive from here on.
    public var from: CalendarDate
    /// The last day of the extract: nothing is recorded after it, and journeys still open stay open.
    public var to: CalendarDate
    public var seed: UInt64
    /// The share of children (0…1) given one data-quality defect; 0 for a clean council.
    public var defectRate: Double
    public var targets: CalibrationTargets

    /// The default share of children with a defect: small, as in a well-kept case system.
    public static let defaultDefectRate = 0.015

    public init(
        children: Int, from: CalendarDate, to: CalendarDate, seed: UInt64 = 1,
        defectRate: Double = SynthParameters.defaultDefectRate, targets: CalibrationTargets = .england
    ) {
        self.children = children
        self.from = from
        self.to = to
        self.seed = seed
        self.defectRate = defectRate
        self.targets = targets
    }

    /// A council with no defects.
    public var isClean: Bool { defectRate == 0 }

    /// Why these parameters cannot make a council, or `nil`.
    public var problem: String? {
        if children < 1 || children > 99_999_999 { return "the number of children must be 1 to 99,999,999" }
        if to < from { return "--to must not be before --from" }
        // Recorded times are seconds since 1970; case systems are younger than 1990.
        if from.year < 1990 || to.year > 2100 { return "dates must be between 1990 and 2100" }
        if !(defectRate >= 0 && defectRate <= 1) { return "the defect rate must be between 0 and 1" }
        return targets.problem
    }
}

/// Parameters that cannot make a council; the message names what to change.
public struct SynthParametersError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
