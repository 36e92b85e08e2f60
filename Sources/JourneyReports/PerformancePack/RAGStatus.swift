/// Red, amber or green against a target: the one place the rule is written down.
import JourneyProjections

public enum RAGStatus: String, Sendable, Hashable, CaseIterable {
    case green, amber, red
    /// The measure has no target (no published England figure, or the council's file removed it).
    case noTarget = "no target"
    /// No figure: the population is empty, or too small to show.
    case noData = "no data"
    /// The log covers only part of the figure's period or look-back (`MetricResult.partialCoverage`): the figure
    /// is shown, marked, and not judged.
    case partlyCovered = "partly covered"
    /// A rate over fewer than the minimum denominator (10 unless set): shown, not judged.
    case tooFewToRate = "too few to rate"

    /// The status of a metric's figure: not judged when the log covers it only in part, or it is a rate over too
    /// few; otherwise against its target (`status(of:against:polarity:)`).
    public static func status(ofFigure result: MetricResult?, against target: Target?, polarity: Polarity) -> RAGStatus
    {
        if result?.isPartlyCovered == true { return .partlyCovered }
        guard let target else { return .noTarget }
        guard let result, let value = result.value else { return .noData }
        if result.isTooFewToRate { return .tooFewToRate }
        return status(of: value, against: target, polarity: polarity)
    }

    /// Green at or better than the target; amber worse than it by no more than the tolerance; red worse by more.
    ///
    /// Figures are compared in tenths of a percentage point, the precision they are reported to, so that a figure
    /// printed as the target's value is never judged below it by a rounding error.
    public static func status(of value: Double?, against target: Target?, polarity: Polarity) -> RAGStatus {
        guard let target else { return .noTarget }
        guard let value else { return .noData }
        let shortfall =
            switch polarity {
            case .higherIsBetter: tenths(target.value) - tenths(value)
            case .lowerIsBetter: tenths(value) - tenths(target.value)
            }
        if shortfall <= 0 { return .green }
        return shortfall <= tenths(target.tolerance) ? .amber : .red
    }

    /// The words the headline page prints, so that the status reads without colour (printed in black and white).
    public var label: String {
        switch self {
        case .green: "Green"
        case .amber: "Amber"
        case .red: "Red"
        case .noTarget: "no target"
        case .noData: "no data"
        case .partlyCovered: "partly covered"
        case .tooFewToRate: "too few to rate"
        }
    }
}

/// How a figure moved since the same months a year before, read with the measure's polarity.
public enum DirectionOfTravel: String, Sendable, Hashable {
    case improving, worsening
    /// The two figures differ by no more than `similarBand`: too little to call a direction.
    case similar
    /// One of the two figures is missing.
    case notComparable = "not comparable"

    /// Percentage points either way within which two figures are "similar": 1 point, a fixed band, so that a
    /// reader can check it against the two printed figures. A move of 0.1 points on a year's referrals is a child
    /// or two, not a direction; a tolerance-based band would differ between measures and vanish where the
    /// tolerance is 0.
    public static let similarBand = 1.0

    /// Similar when the two figures, to one decimal place as printed, differ by `similarBand` or less; otherwise
    /// improving or worsening as the measure's polarity reads the change.
    public static func between(_ previous: Double?, _ current: Double?, polarity: Polarity) -> DirectionOfTravel {
        guard let previous, let current else { return .notComparable }
        let change = tenths(current) - tenths(previous)
        if abs(change) <= tenths(similarBand) { return .similar }
        return (change > 0) == (polarity == .higherIsBetter) ? .improving : .worsening
    }
}

/// A percentage in whole tenths, as figures are reported (metrics.md: one decimal place).
func tenths(_ value: Double) -> Int { Int((value * 10).rounded()) }
