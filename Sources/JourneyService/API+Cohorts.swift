import Hummingbird
import JourneyAccess
import JourneyCore
import JourneyProjections
import JourneyReports

/// `GET /v1/cohorts/repeat-cp`: `journey cohort repeat-cp`, with its options as query parameters.
struct RepeatCPQuery: Sendable, Equatable {
    enum Format: String, CaseIterable, Sendable { case json, csv }
    enum Part: String, CaseIterable, Sendable {
        case rows, summary
        case timeToReplan = "time-to-replan"
        case all
    }

    var from: CalendarDate
    var to: CalendarDate
    var window = RepeatCPCohort.Window(months: 24)
    var asKnownAt: Timestamp?
    var part: Part?
    var allowUncovered = false
    var format: Format = .json

    static let parameters: Set<String> = ["from", "to", "window", "as-known-at", "part", "allow-uncovered", "format"]

    init(_ query: Query) throws(Problem) {
        guard let from = try query.date("from") else { throw Problem.badParameter("from", "is required (YYYY-MM-DD)") }
        guard let to = try query.date("to") else { throw Problem.badParameter("to", "is required (YYYY-MM-DD)") }
        guard from <= to else { throw Problem.badParameter("from", "must be on or before to") }
        self.from = from
        self.to = to
        if let text = try query.string("window") {
            guard let window = RepeatCPCohort.Window(text) else {
                throw Problem.badParameter("window", "takes a length in years or months, such as 2y or 18m")
            }
            self.window = window
        }
        asKnownAt = try query.time("as-known-at")
        part = try query.choice("part", Part.self)
        allowUncovered = try query.flag("allow-uncovered")
        format = try query.choice("format", Format.self) ?? .json
        if format == .csv, part == .all {
            throw Problem.badParameter("part", "format=csv gives one part: rows, summary or time-to-replan")
        }
    }

    /// The cohort as `journey cohort repeat-cp` writes it in `format`, byte for byte.
    func text(_ state: JourneyState) throws -> String {
        let study = RepeatCPStudy(state, from: from, to: to, window: window, asKnownAt: asKnownAt)
        if !allowUncovered {
            try PeriodOutsideLog.check(ReportingPeriod(from: from, to: to), in: study.span, what: "the range")
        }
        let (cohort, replan) = (study.cohort, study.timeToReplan)
        switch (format, part ?? (format == .csv ? .rows : .all)) {
        case (.csv, .rows), (.csv, .all): return cohort.rowsCSV
        case (.csv, .summary): return cohort.summaryCSV
        case (.csv, .timeToReplan): return replan.curveCSV
        case (.json, let p):
            var members: [JSONMember] = [
                JSONMember(key: "asKnownAt", value: asKnownAt.map { .string($0.description) } ?? .null)
            ]
            if case .object(let cohortMembers) = cohort.json {
                for m in cohortMembers {
                    if m.key == "rows" && p != .rows && p != .all { continue }
                    if m.key == "summary" && p != .summary && p != .all { continue }
                    members.append(m)
                }
            }
            if p == .timeToReplan || p == .all { members.append(JSONMember(key: "timeToReplan", value: replan.json)) }
            return JSONValue.object(members).prettyText
        }
    }
}

extension Service {
    func repeatCP(_ request: Request, context: ServiceContext) async throws -> Response {
        let caller = try apiCaller(request)
        let parameters = try Query(request, allowed: RepeatCPQuery.parameters)
        let query = try RepeatCPQuery(parameters)
        // The rows name children; the summary and the curve are counts.
        let question: Reading =
            switch query.part ?? (query.format == .csv ? .rows : .all) {
            case .rows, .all: .childLevelList(team: nil)
            case .summary, .timeToReplan: .aggregates
            }
        try await authorize(caller, question, route: "GET /v1/cohorts/repeat-cp", reason: nil)
        let (text, position) = try await evaluatedOnce(parameters.key("GET /v1/cohorts/repeat-cp", team: nil)) {
            try query.text($0.state)
        }
        return textResponse(text, type: query.format == .json ? MediaType.json : MediaType.csv, position: position)
    }

    func health(_ request: Request, context: ServiceContext) async throws -> Response {
        let live = self.live
        let head = try await Service.offload { try live.head() }
        let json = JSONValue.object([
            JSONMember(key: "status", value: .string("up")),
            JSONMember(key: "position", value: .number("\(head.position)")),
            JSONMember(key: "headHash", value: .string(head.headHash)),
        ])
        return textResponse(json.prettyText, type: MediaType.json, position: head.position)
    }

    /// The API's routes.
    func addAPI(to router: Router<ServiceContext>) {
        router.get("/v1/health") { request, context in try await self.health(request, context: context) }
        router.get("/v1/metrics") { request, context in try await self.metrics(request, context: context) }
        router.get("/v1/checks") { request, context in try await self.checks(request, context: context) }
        router.get("/v1/children/{id}/chronology") { request, context in
            try await self.chronology(request, context: context)
        }
        router.get("/v1/cohorts/repeat-cp") { request, context in try await self.repeatCP(request, context: context) }
        router.post("/v1/events") { request, context in try await self.append(request, context: context) }
    }
}
