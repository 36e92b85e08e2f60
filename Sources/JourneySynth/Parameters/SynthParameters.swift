import JourneyCore

/// Everything that decides a synthetic council: its size, its dates, its seed, its defects and its targets.
///
/// The same parameters always give the same events, byte for byte.
public struct SynthParameters: Hashable, Sendable {
    /// Children who first come to the front door between `from` and `to` (each gets a journey; a few have a
    /// duplicate record too, when defects are on). Children who arrived in the history before `from` come too.
    public var children: Int
    /// The first day of the extract. Children whose cases are open on that day come with the events of their open
    /// involvement, dated as they happened, as a case system's history would hold them; what had closed before
    /// it is not in the log.
    public var from: CalendarDate
    /// The last day of the extract: nothing is recorded after it, and journeys still open stay open.
    public var to: CalendarDate
    public var seed: UInt64
    /// The share of children (0…1) given one data-quality defect; 0 for a clean council.
    public var defectRate: Double
    public var targets: CalibrationTargets
    /// Years the council runs before `from`, so that the log begins with the caseload of a council that has
    /// been working for years (children in care for years, plans already open), not with an empty one. Measures
    /// that look back (long-term placement stability over 2½ years, repeat plans) need it. 0 for a council that
    /// begins on `from` with nobody known.
    public var historyYears: Int

    /// The default share of children with a defect: small, as in a well-kept case system.
    public static let defaultDefectRate = 0.015
    /// The default run before `from`: long enough that the caseload on `from` is in steady state.
    public static let defaultHistoryYears = 8

    public init(
        children: Int, from: CalendarDate, to: CalendarDate, seed: UInt64 = 1,
        defectRate: Double = SynthParameters.defaultDefectRate, targets: CalibrationTargets = .england,
        historyYears: Int = SynthParameters.defaultHistoryYears
    ) {
        self.children = children
        self.from = from
        self.to = to
        self.seed = seed
        self.defectRate = defectRate
        self.targets = targets
        self.historyYears = historyYears
    }

    /// The day the simulation begins: `historyYears` before `from`.
    var simulationStart: CalendarDate { from.adding(years: -historyYears) }

    /// Children simulated: `children` over the extract, and as many again per day of history.
    var simulatedChildren: Int {
        let extractDays = from.days(to: to) + 1
        let historyDays = simulationStart.days(to: from)
        return children + Int((Double(children) * Double(historyDays) / Double(extractDays)).rounded())
    }

    /// A council with no defects.
    public var isClean: Bool { defectRate == 0 }

    /// Why these parameters cannot make a council, or `nil`.
    public var problem: SynthParametersError? {
        if children < 1 || children > 99_999_999 { return .init("the number of children must be 1 to 99,999,999") }
        if to < from { return .init("the extract must not end before it starts", rule: .endsBeforeStart) }
        // Case systems are younger than 1990.
        if from.year < 1990 || to.year > 2100 { return .init("dates must be between 1990 and 2100") }
        if historyYears < 0 || historyYears > 30 { return .init("the history must be 0 to 30 years") }
        if simulationStart.year < 1970 {
            return .init("the history must not begin before 1970", rule: .historyBeginsBefore1970)
        }
        if !(defectRate >= 0 && defectRate <= 1) { return .init("the defect rate must be between 0 and 1") }
        return targets.problem.map { .init($0) }
    }
}

/// Parameters that cannot make a council. The message says what is wrong in the words of `SynthParameters` and of
/// the parameters file; a caller that gives the dates its own way (the command line's options) words the `rule`.
public struct SynthParametersError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A rule about the extract's dates and its history.
    public enum Rule: Hashable, Sendable {
        /// `to` is before `from`.
        case endsBeforeStart
        /// `from` less `historyYears` is before 1970.
        case historyBeginsBefore1970
    }

    public var message: String
    /// The rule broken, for the rules a caller may word its own way; `nil` for the others.
    public var rule: Rule?

    public init(_ message: String, rule: Rule? = nil) {
        self.message = message
        self.rule = rule
    }

    public var description: String { message }
}
