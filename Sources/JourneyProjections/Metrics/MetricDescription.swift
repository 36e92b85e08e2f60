/// What a metric counts, in one line, its unit, and the statutory return its data comes from: what
/// `journey metrics --list` prints, in the words of docs/metrics.md.
public struct MetricDescription: Sendable, Hashable {
    /// What a metric's value is.
    public enum Unit: String, Sendable, Hashable {
        /// A percentage of a denominator (the statutory rates and the pack's shares).
        case percentage
        /// A number of things, with no denominator (the pack's activity counts).
        case count
        /// An average number of days per child (an average: metrics.md, *Percentages*).
        case days
        /// An average score per child (an average).
        case score

        /// The kind of figure a metric of this unit gives.
        public var kind: MetricResult.Kind {
            switch self {
            case .percentage: .share
            case .count: .count
            case .days, .score: .average
            }
        }
    }

    /// The metric's id (`journey metrics --only`).
    public var id: String
    /// What the figure counts, in one line.
    public var definition: String
    public var unit: Unit
    /// The statutory return (and DfE table) the data comes from, or "local record" for what no return collects.
    public var source: String

    public init(id: String, definition: String, unit: Unit, source: String) {
        self.id = id
        self.definition = definition
        self.unit = unit
        self.source = source
    }
}

extension MetricCatalogue {
    /// The description of every metric, in the order of `ids`.
    public static let descriptions: [MetricDescription] = ids.compactMap { describedByID[$0] }

    /// The description of the metric with this id.
    public static func description(of id: String) -> MetricDescription? { describedByID[id] }

    static let describedByID: [String: MetricDescription] = Dictionary(
        uniqueKeysWithValues: described.map { ($0.id, $0) })

    // The sources are those of docs/metrics.md. The activity counts have none there: a count is sourced to the return
    // that collects what it counts, and contacts and step-ups and step-downs, which no return collects, to the
    // council's own record.
    static let described: [MetricDescription] = [
        rate(
            "assessment-timeliness", "assessments completed within 45 working days of their start",
            "CIN census; DfE Children in need table C2"),
        rate(
            "icpc-timeliness",
            "initial child protection conferences within 15 working days of the section 47 enquiry's start",
            "CIN census; DfE table C4"),
        rate(
            "cp-review-timeliness", "children on a CP plan whose review conferences were all on time",
            "CIN census; DfE table D6"),
        rate("re-referrals", "referrals within 12 months of a previous referral", "CIN census; DfE table C1"),
        rate(
            "repeat-cp-plans", "CP plans that are a second or later plan",
            "CIN census; DfE table D3 (and a local \"within two years\" figure)"),
        rate("cp-plan-duration", "CP plans ended after lasting 2 years or more", "CIN census; DfE table D7"),
        rate(
            "placement-stability-short-term", "looked-after children with three or more placements in the year",
            "SSDA903; DfE Children looked after statistics"),
        rate(
            "placement-stability-long-term",
            "children looked after for 2½ years or more who have been in the same placement for 2 years",
            "SSDA903; DfE Children looked after statistics"),
        rate("placed-over-20-miles", "looked-after children placed more than 20 miles from home", "SSDA903"),
        count("contacts", "contacts received in the period", localRecord),
        count("referrals", "referrals in the period, NFA included", cinCensus),
        count("assessments-completed", "assessments authorised in the period", cinCensus),
        count("s47-enquiries-started", "section 47 enquiries started in the period", cinCensus),
        count("icpcs-held", "initial child protection conferences in the period", cinCensus),
        count("cin-plans-started", "CIN plans started in the period", cinCensus),
        count("cin-plans-ended", "CIN plans ended in the period", cinCensus),
        count("cp-plans-started", "CP plans started in the period", cinCensus),
        count("cp-plans-ended", "CP plans ended in the period", cinCensus),
        count("periods-of-care-started", "periods of care started in the period", ssda903),
        count("periods-of-care-ended", "periods of care ended in the period", ssda903),
        count("children-in-need-on-date", "children with an episode of need open on the period's last day", cinCensus),
        count("children-on-cp-plans-on-date", "children with a CP plan open on the period's last day", cinCensus),
        count("children-looked-after-on-date", "children looked after on the period's last day", ssda903),
        count("step-ups", "steps up to a higher level of help in the period", localRecord),
        count("step-downs", "steps down to a lower level of help in the period", localRecord),
        rate("contacts-to-referrals", "contacts in the period whose outcome is a referral", localRecord),
        rate(
            "referrals-to-assessments", "referrals in the period, not NFA, followed by an assessment", cinCensus),
        rate("s47s-to-icpcs", "section 47 enquiries started in the period followed by a conference", cinCensus),
        rate("icpcs-to-cp-plans", "initial child protection conferences in the period that made a CP plan", cinCensus),
        rate(
            "missing-episodes-ended",
            "missing or away episodes ended in the period where a return interview was offered",
            "SSDA903 (missing episodes)"),
        count("adoptions", "children adopted in the period (care ended E11 or E12)", adoptionsRelease),
        count(
            "sgo-cao-exits",
            "children leaving care in the period on a special guardianship or child arrangements order",
            adoptionsRelease),
        MetricDescription(
            id: "adoption-entry-to-placement-days",
            definition:
                "children adopted in the period: average days from entering care to moving in with the adopters",
            unit: .days, source: "SSDA903; DfE adoption scorecard A1 (ASGLB A10)"),
        MetricDescription(
            id: "adoption-order-to-match-days",
            definition: "children matched in the period: average days from the placement order to the match",
            unit: .days, source: "SSDA903; DfE adoption scorecard A2"),
        count(
            "adoption-decision-reversed", "decisions to place a child for adoption reversed in the period",
            "SSDA903 (PlacedAdoption); DfE adoption scorecard A5"),
        rate(
            "care-leavers-in-touch", "care leavers aged 17 to 21 in touch with the council around their birthday",
            careLeaversRelease),
        rate(
            "care-leavers-suitable-accommodation", "care leavers aged 17 to 21 in suitable accommodation",
            careLeaversRelease),
        rate(
            "care-leavers-eet", "care leavers aged 17 to 21 in education, employment or training",
            careLeaversRelease),
        rate(
            "cla-health-assessments", "children looked after for 12 months who had their annual health assessment",
            healthRelease),
        rate("cla-dental-checks", "children looked after for 12 months who had their teeth checked", healthRelease),
        rate(
            "cla-immunisations", "children looked after for 12 months whose immunisations are up to date",
            healthRelease),
        MetricDescription(
            id: "cla-sdq",
            definition: "children looked after for 12 months, aged 5 to 16: average SDQ total difficulties score",
            unit: .score, source: healthRelease),
        rate(
            "cla-convicted", "children looked after for 12 months, aged 10 or over, convicted in the year",
            healthRelease),
        rate(
            "cla-substance-misuse",
            "children looked after for 12 months identified as having a substance misuse problem",
            healthRelease),
    ]

    static let adoptionsRelease = "SSDA903; DfE Children looked after in England including adoptions"
    static let careLeaversRelease = "SSDA903 (OC3); DfE Children looked after in England including adoptions"
    static let healthRelease = "SSDA903 (OC2); DfE Children looked after in England including adoptions"
    static let cinCensus = "CIN census"
    static let ssda903 = "SSDA903"
    static let localRecord = "local record (no statutory return)"

    static func rate(_ id: String, _ definition: String, _ source: String) -> MetricDescription {
        MetricDescription(id: id, definition: definition, unit: .percentage, source: source)
    }

    static func count(_ id: String, _ definition: String, _ source: String) -> MetricDescription {
        MetricDescription(id: id, definition: definition, unit: .count, source: source)
    }
}
