/// What a measure is judged against: a figure, how far short of it still counts as amber, and where it came from.
public struct Target: Sendable, Hashable {
    /// The target percentage.
    public var value: Double
    /// Percentage points worse than the target that are still amber rather than red.
    public var tolerance: Double
    /// Where the figure came from, as the headline page says it ("England 2024-25", "local target").
    public var source: String

    public init(value: Double, tolerance: Double = Target.defaultTolerance, source: String) {
        self.value = value
        self.tolerance = tolerance
        self.source = source
    }

    /// Amber within 2 percentage points of the target, unless the targets file says otherwise.
    public static let defaultTolerance = 2.0
}

/// The targets of the headline measures, by metric id. A measure with no entry has no target.
public struct Targets: Sendable, Hashable {
    public var byMetric: [String: Target]
    /// Rates over fewer than this are "too few to rate" (the file's `minimum-denominator` line); `nil`: the
    /// default (`MetricContext.defaultMinimumDenominator`) or the command's option.
    public var minimumDenominator: Int?

    public init(_ byMetric: [String: Target], minimumDenominator: Int? = nil) {
        self.byMetric = byMetric
        self.minimumDenominator = minimumDenominator
    }

    public subscript(id: String) -> Target? { byMetric[id] }

    /// England's published figures for the year to March 2025, the ones the synthetic councils are calibrated to
    /// (DfE, Children in need and Children looked after statistics). The CP review and the 20-mile measures have no
    /// published England figure in that set, so they have no target rather than an invented one.
    public static let england = Targets(
        [
            "re-referrals": 22.6, "assessment-timeliness": 86, "icpc-timeliness": 81, "cp-plan-duration": 4,
            "repeat-cp-plans": 23, "placement-stability-long-term": 69, "placement-stability-short-term": 10,
        ].mapValues { Target(value: $0, source: englandSource) })

    static let englandSource = "England 2024-25"
}
