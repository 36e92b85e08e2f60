import Hummingbird
import JourneyCore
import JourneyProjections

/// `GET /v1/metrics`: `journey metrics`, with its options as query parameters.
struct MetricsQuery: Sendable, Equatable {
    enum Format: String, CaseIterable, Sendable { case json, csv }

    var period: ReportingPeriod?
    var asKnownAt: Timestamp?
    var dimensions: [BreakdownDimension] = []
    var monthly = false
    var only: Set<String>?
    var format: Format = .json
    var fromReferral = false
    var allowUncovered = false
    var minDenominator = MetricContext.defaultMinimumDenominator

    static let parameters: Set<String> = [
        "year", "from", "to", "as-known-at", "by", "monthly", "only", "format", "from-referral", "allow-uncovered",
        "min-denominator",
    ]

    /// Reads and checks the parameters as `journey metrics` checks its options. No period: the live period.
    init(_ query: Query) throws(Problem) {
        let year = try query.string("year")
        let from = try query.date("from")
        let to = try query.date("to")
        if let year {
            guard let period = ReportingPeriod(statutoryYear: year) else {
                throw Problem.badParameter("year", "takes a statutory year such as 2024-25")
            }
            guard from == nil && to == nil else {
                throw Problem.badParameter("year", "give year, or from and to, not both")
            }
            self.period = period
        } else if from != nil || to != nil {
            guard let from, let to else { throw Problem.badParameter(from == nil ? "from" : "to", "give from and to") }
            guard from <= to else { throw Problem.badParameter("from", "must be on or before to") }
            period = ReportingPeriod(from: from, to: to)
        }
        asKnownAt = try query.time("as-known-at")
        for name in query.all("by") {
            guard let dimension = BreakdownDimension(rawValue: name) else {
                throw Problem.badParameter(
                    "by", "takes \(BreakdownDimension.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            dimensions.append(dimension)
        }
        monthly = try query.flag("monthly")
        if let text = try query.string("only") {
            let ids = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let unknown = ids.subtracting(MetricCatalogue.ids)
            guard unknown.isEmpty else {
                throw Problem.badParameter(
                    "only", "unknown metric \(unknown.sorted().joined(separator: ", ")); see journey metrics --list")
            }
            only = ids
        }
        format = try query.choice("format", Format.self) ?? .json
        fromReferral = try query.flag("from-referral")
        allowUncovered = try query.flag("allow-uncovered")
        minDenominator = try query.int("min-denominator", in: 0...Int(Int32.max)) ?? minDenominator
    }

    /// Whether the live figures answer this: the live period, as known now, with every default but `only`, whose
    /// figures are those of every metric cut down to them (`MetricsReport.keeping`).
    func isLive(_ context: MetricContext?) -> Bool {
        guard let context else { return false }
        return (period == nil || period == context.period) && asKnownAt == nil && dimensions.isEmpty && !monthly
            && !fromReferral && minDenominator == MetricContext.defaultMinimumDenominator
    }

    /// The live figures this asks for: every metric's, or those `only` names.
    func live(_ reports: [MetricsReport]) -> [MetricsReport] {
        only.map { only in reports.map { $0.keeping(only) } } ?? reports
    }

    /// The figures as `journey metrics` prints them in `format`, byte for byte.
    static func text(_ reports: [MetricsReport], monthly: Bool, asKnownAt: Timestamp?, format: Format) -> String {
        switch (format, monthly) {
        case (.json, true):
            JSONValue.object([
                JSONMember(key: "asKnownAt", value: asKnownAt.map { .string($0.description) } ?? .null),
                JSONMember(key: "series", value: .array(reports.map(\.json))),
            ]).prettyText
        case (.json, false): reports[0].json.prettyText
        case (.csv, true): MetricsReport.monthlyCSV(reports)
        case (.csv, false): MetricsReport.csv(reports)
        }
    }

    /// `--monthly`'s limit of month ends.
    static let monthlyLimit = 600
}

extension Service {
    func metrics(_ request: Request, context: ServiceContext) async throws -> Response {
        let caller = try apiCaller(request)
        let parameters = try Query(request, allowed: MetricsQuery.parameters)
        let query = try MetricsQuery(parameters)
        try await authorize(caller, .aggregates, route: "GET /v1/metrics", reason: nil)
        let live = self.live
        let calendar = configuration.calendar
        let answer = try await Service.offload { () throws -> (String, UInt64)? in
            let view = try live.view()
            guard query.isLive(view.metricsContext), let reports = view.metrics else { return nil }
            if !query.allowUncovered { try PeriodOutsideLog.check(reports[0].period, in: reports[0].span) }
            let key = "metrics.\(query.format).\(query.only?.sorted().joined(separator: ",") ?? "")"
            return try live.rendered(key) { view in
                MetricsQuery.text(query.live(view.metrics!), monthly: false, asKnownAt: nil, format: query.format)
            }
        }
        if let answer {
            return textResponse(
                answer.0, type: query.format == .json ? MediaType.json : MediaType.csv, position: answer.1)
        }
        let (text, position) = try await evaluatedOnce(parameters.key("GET /v1/metrics", team: nil)) { view in
            guard let period = query.period ?? view.metricsContext?.period else {
                throw Problem(
                    .unprocessableContent, code: "no-period",
                    detail: "the log holds no dated event yet, so there is no live period: give year, or from and to")
            }
            if query.monthly, period.monthEnds.count > MetricsQuery.monthlyLimit {
                throw Problem.badParameter(
                    "monthly",
                    "gives a figure for each month end, at most \(MetricsQuery.monthlyLimit): shorten from/to")
            }
            let periods = query.monthly ? period.monthEnds.map { ReportingPeriod.rollingYear(to: $0) } : [period]
            let contexts = periods.map {
                MetricContext(
                    period: $0, calendar: calendar, dimensions: query.dimensions,
                    assessmentFromReferral: query.fromReferral, minimumDenominator: query.minDenominator)
            }
            let reports = view.state.metrics(contexts, asKnownAt: query.asKnownAt, only: query.only)
            if !query.allowUncovered, let first = reports.first { try PeriodOutsideLog.check(period, in: first.span) }
            return MetricsQuery.text(
                reports, monthly: query.monthly, asKnownAt: query.asKnownAt, format: query.format)
        }
        return textResponse(text, type: query.format == .json ? MediaType.json : MediaType.csv, position: position)
    }
}
