import Hummingbird
import JourneyAccess
import JourneyChecks
import JourneyCore
import JourneyProjections

/// `GET /v1/checks`: `journey check`, with its options as query parameters.
struct ChecksQuery: Sendable, Equatable {
    enum Format: String, CaseIterable, Sendable { case json, csv }
    enum Grouping: String, CaseIterable, Sendable { case team }

    var asOf: CalendarDate?
    var asKnownAt: Timestamp?
    var since: Timestamp?
    var only: Set<String>?
    var byTeam = false
    var recordedLateDays = LiveFigures.recordedLateDays
    var allowUncovered = false
    var format: Format = .json

    static let parameters: Set<String> = [
        "as-of", "as-known-at", "since", "only", "by", "recorded-late-days", "allow-uncovered", "format",
    ]

    /// `journey check`'s limit: about four years of working days.
    static let recordedLateDaysLimit = 1_000

    init(_ query: Query) throws(Problem) {
        asOf = try query.date("as-of")
        asKnownAt = try query.time("as-known-at")
        since = try query.time("since")
        if let text = try query.string("only") {
            let ids = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let unknown = ids.subtracting(CheckCatalogue.ids)
            guard unknown.isEmpty else {
                throw Problem.badParameter(
                    "only", "unknown check \(unknown.sorted().joined(separator: ", ")); see journey check --list")
            }
            only = ids
        }
        byTeam = try query.choice("by", Grouping.self) == .team
        recordedLateDays = try query.int("recorded-late-days", in: 0...Self.recordedLateDaysLimit) ?? recordedLateDays
        allowUncovered = try query.flag("allow-uncovered")
        format = try query.choice("format", Format.self) ?? .json
        if let since, let asKnownAt, since >= asKnownAt {
            throw Problem.badParameter("since", "must be before as-known-at")
        }
    }

    /// Whether the live findings answer this: judged on the log's latest date, as known now, the default standard;
    /// every check, or some (`only`), whose findings are those of every check cut down to them
    /// (`CheckReport.keeping`).
    func isLive(_ context: CheckContext?) -> Bool {
        guard let context else { return false }
        return (asOf == nil || asOf == context.asOf) && asKnownAt == nil && since == nil
            && recordedLateDays == LiveFigures.recordedLateDays
    }

    /// The key the live answer is kept under until the log moves.
    func liveKey(team: String?) -> String {
        "checks.\(format).\(byTeam).\(team ?? "").\(only?.sorted().joined(separator: ",") ?? "")"
    }

    func text(_ report: CheckReport, team: String? = nil) -> String {
        var report = only.map { report.keeping($0) } ?? report
        report = team.map { Self.restricted(report, to: $0) } ?? report
        return switch format {
        case .json: report.json(byTeam: byTeam).prettyText
        case .csv: report.csv(byTeam: byTeam)
        }
    }

    /// The findings charged to one team, with each check's count of them: what a team manager sees.
    static func restricted(_ report: CheckReport, to team: String) -> CheckReport {
        var report = report
        report.findings.removeAll { $0.team != team }
        var counts: [String: Int] = [:]
        for f in report.findings { counts[f.check, default: 0] += 1 }
        for i in report.checks.indices { report.checks[i].findings = counts[report.checks[i].id] ?? 0 }
        return report
    }
}

extension Service {
    func checks(_ request: Request, context: ServiceContext) async throws -> Response {
        let caller = try apiCaller(request)
        let parameters = try Query(request, allowed: ChecksQuery.parameters)
        let query = try ChecksQuery(parameters)
        // Findings name children: a list of every team's, or a team manager's own team's.
        let team = caller?.role == .teamManager ? caller?.team : nil
        try await authorize(caller, .childLevelList(team: team), route: "GET /v1/checks", reason: nil)
        let live = self.live
        let calendar = configuration.calendar
        let answer = try await Service.offload { () throws -> (String, UInt64)? in
            guard query.isLive(try live.view().checkContext) else { return nil }
            return try live.rendered(query.liveKey(team: team)) { _ in
                query.text(try live.checksWithEventIDs()!, team: team)
            }
        }
        if let answer {
            return textResponse(
                answer.0, type: query.format == .json ? MediaType.json : MediaType.csv, position: answer.1)
        }
        let (text, position) = try await evaluatedOnce(parameters.key("GET /v1/checks", team: team)) { view in
            let state = view.state
            if let asOf = query.asOf, !query.allowUncovered {
                try PeriodOutsideLog.check(
                    ReportingPeriod(from: asOf, to: asOf), in: state.span(asKnownAt: query.asKnownAt), what: "as-of",
                    consequence: CheckContext.dayOutsideLog)
            }
            let day = query.asOf ?? state.latestOccurred(asKnownAt: query.asKnownAt) ?? CalendarDate(dayNumber: 0)
            let checkContext = CheckContext(asOf: day, calendar: calendar, recordedLateDays: query.recordedLateDays)
            var report =
                if let since = query.since {
                    state.check(checkContext, asKnownAt: query.asKnownAt, only: query.only, newSince: since)
                } else {
                    state.check(checkContext, asKnownAt: query.asKnownAt, only: query.only)
                }
            if !report.findings.isEmpty {
                report = report.resolvingEventIDs(try live.eventIDs(at: report.positions))
            }
            return query.text(report, team: team)
        }
        return textResponse(text, type: query.format == .json ? MediaType.json : MediaType.csv, position: position)
    }
}
