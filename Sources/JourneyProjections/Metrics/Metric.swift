import JourneyCore

/// What every metric is evaluated with.
public struct MetricContext: Sendable {
    public var period: ReportingPeriod
    public var calendar: WorkingDayCalendar
    /// Breakdowns asked for; each metric gives those that apply to it.
    public var dimensions: [BreakdownDimension]
    /// Measure assessment timeliness from the referral rather than the assessment start (metrics.md, Reading).
    public var assessmentFromReferral: Bool
    /// A rate over fewer than this many is marked "too few to rate" (`MetricResult.isTooFewToRate`).
    public var minimumDenominator: Int

    public init(
        period: ReportingPeriod, calendar: WorkingDayCalendar = .englandAndWales, dimensions: [BreakdownDimension] = [],
        assessmentFromReferral: Bool = false, minimumDenominator: Int = MetricContext.defaultMinimumDenominator
    ) {
        self.period = period
        self.calendar = calendar
        self.dimensions = dimensions
        self.assessmentFromReferral = assessmentFromReferral
        self.minimumDenominator = minimumDenominator
    }

    /// Rates over fewer than 10 are not rated: one child more or less moves a rate over 9 by 10 points or more.
    public static let defaultMinimumDenominator = 10
}

/// A metric is a fold over children's records: each record is added once, in any order, then the result is read.
/// Two folds over different children merge into the fold over all of them, so that the children can be shared out
/// between cores (`JourneyState.reduceRecords`). A fold can be saved and read back (`FoldCoding`), so that a later
/// process goes on from it (`LiveMetrics.savedFolds`).
protocol Metric: Sendable, FoldCoding {
    /// The metric's ids in metrics.md (an activity group reports several).
    static var ids: [String] { get }
    /// The breakdowns that mean something for this metric.
    static var dimensions: Set<BreakdownDimension> { get }
    init(_ context: MetricContext)
    mutating func add(_ child: ChildRecord)
    /// Takes in the children `other` has been given, as if they had been added to this one.
    mutating func merge(_ other: Self)
    /// Takes out the children `other` has been given, every one of which this one has been given too: after it, the
    /// metric is the one a fold over the rest would make, results byte for byte (`LiveMetrics`).
    mutating func subtract(_ other: Self)
    func results() -> [MetricResult]
    /// What the metric's figure for `period` needs the log to hold: its period, and any look-back before it.
    static func coverageNeed(_ period: ReportingPeriod) -> CoverageNeed
    /// The same for one of its ids, where they differ (an activity group's counts on a date).
    static func coverageNeed(_ period: ReportingPeriod, id: String) -> CoverageNeed
}

extension Metric {
    /// `merge`, for a metric known only by its protocol: `other` must be of the same type (made from the same
    /// catalogue entry). The cast cannot fail: every caller pairs the metrics of two folds made by one
    /// `MetricsPlan.start()`, index by index, so the two at an index are always of one type.
    mutating func merge(any other: any Metric) {
        merge(other as! Self)
    }

    /// `subtract`, for a metric known only by its protocol; its cast cannot fail, for the reason `merge(any:)`
    /// gives.
    mutating func subtract(any other: any Metric) {
        subtract(other as! Self)
    }

    /// By default a figure is about its period's own events, with no look-back.
    static func coverageNeed(_ period: ReportingPeriod) -> CoverageNeed { CoverageNeed(period) }

    static func coverageNeed(_ period: ReportingPeriod, id: String) -> CoverageNeed { coverageNeed(period) }

    static func applicable(_ context: MetricContext) -> [BreakdownDimension] {
        context.dimensions.filter { dimensions.contains($0) }
    }
}

/// Breakdowns every population of children has.
let childDimensions: Set<BreakdownDimension> = [.team, .ageBand, .sex, .ethnicity, .ward]
