import Foundation
import Hummingbird
import JourneyAccess
import JourneyChecks
import JourneyCore
import JourneyProjections
import JourneyReports

/// The working pages (docs/caseload-and-audit-sample.md): findings by team, caseload by worker and the case-file
/// audit sample, the command line's HTML (`journey check --format html`, `journey caseload`, `journey
/// audit-sample`) with the service's navigation and a form on top. Each is a list of children: a team manager sees
/// their own team's (the team is theirs whatever the form says), every other role that may list children sees any.
extension Service {
    func addWorkingPages(to router: Router<ServiceContext>) {
        router.get("/findings") { request, context in try await self.findingsPage(request) }
        router.get("/caseload") { request, context in try await self.caseloadPage(request) }
        router.get("/audit-sample") { request, context in try await self.auditSamplePage(request) }
    }

    /// The team a page lists: a team manager's own; anyone else's choice (every team when none is given).
    func listedTeam(_ query: Query, caller: Account?) throws -> String? {
        if caller?.role == .teamManager { return caller?.team }
        return try query.string("team").flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The day a caseload or a sample is of: the form's, or the log's latest date, refused outside the log as the
    /// commands refuse `--on`.
    static func day(_ on: CalendarDate?, state: JourneyState, asKnownAt: Timestamp?) throws -> CalendarDate {
        if let on {
            try PeriodOutsideLog.check(
                ReportingPeriod(from: on, to: on), in: state.span(asKnownAt: asKnownAt), what: "the date")
            return on
        }
        return state.latestOccurred(asKnownAt: asKnownAt) ?? CalendarDate(dayNumber: 0)
    }

    func findingsPage(_ request: Request) async throws -> Response {
        let session = try signedIn(request)
        let query = try Query(request, allowed: ["team", "csrf"], form: true)
        let team = try listedTeam(query, caller: session.caller)
        try await authorize(session.caller, .childLevelList(team: team), route: "GET /findings", reason: nil)
        let live = self.live
        let (html, position) = try await Service.offload { () throws -> (String, UInt64) in
            let view = try live.view()
            guard let report = try live.checksWithEventIDs() else {
                throw Problem(.unprocessableContent, code: "no-findings", detail: "the log holds no dated event yet")
            }
            return (FindingsByTeam.build(report, team: team).html, view.position)
        }
        let form = """
            <form method="get" action="/findings">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label>Team <input name="team" value="\(Self.escape(team ?? ""))"></label> <button>Show</button>
            </form>
            """
        return textResponse(Self.inserting(nav(session) + form, into: html), type: MediaType.html, position: position)
    }

    func caseloadPage(_ request: Request) async throws -> Response {
        let session = try signedIn(request)
        let query = try Query(request, allowed: ["team", "on", "as-known-at", "csrf"], form: true)
        let team = try listedTeam(query, caller: session.caller)
        let on = try query.date("on")
        let asKnownAt = try query.time("as-known-at")
        try await authorize(session.caller, .childLevelList(team: team), route: "GET /caseload", reason: nil)
        let (html, position) = try await evaluatedOnce(query.key("GET /caseload", team: team)) { view in
            let day = try Service.day(on, state: view.state, asKnownAt: asKnownAt)
            return Caseload.build(view.state, on: day, team: team, asKnownAt: asKnownAt).html
        }
        let form = """
            <form method="get" action="/caseload">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label>Team <input name="team" value="\(Self.escape(team ?? ""))"></label>
            <label>On <input name="on" placeholder="2025-03-31"></label> <button>Show</button>
            </form>
            """
        return textResponse(Self.inserting(nav(session) + form, into: html), type: MediaType.html, position: position)
    }

    func auditSamplePage(_ request: Request) async throws -> Response {
        let session = try signedIn(request)
        let query = try Query(request, allowed: ["team", "on", "size", "seed", "as-known-at", "csrf"], form: true)
        let team = try listedTeam(query, caller: session.caller)
        let on = try query.date("on")
        let asKnownAt = try query.time("as-known-at")
        let form = """
            <form method="get" action="/audit-sample">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label>Team <input name="team" value="\(Self.escape(team ?? ""))"></label>
            <label>Cases <input name="size" placeholder="20" required></label>
            <label>Seed <input name="seed" placeholder="any whole number" required></label>
            <label>On <input name="on" placeholder="2025-03-31"></label> <button>Draw</button>
            </form>
            """
        guard let size = try query.int("size", in: 1...100_000) else {
            return page("Case-file audit sample", form, session: session)
        }
        guard let text = try query.string("seed"), let seed = UInt64(text) else {
            throw Problem.badParameter("seed", "takes a whole number from 0 to 2^64 - 1")
        }
        try await authorize(session.caller, .childLevelList(team: team), route: "GET /audit-sample", reason: nil)
        let (html, position) = try await evaluatedOnce(query.key("GET /audit-sample", team: team)) { view in
            let day = try Service.day(on, state: view.state, asKnownAt: asKnownAt)
            return AuditSample.draw(view.state, on: day, size: size, seed: seed, team: team, asKnownAt: asKnownAt).html
        }
        return textResponse(Self.inserting(nav(session) + form, into: html), type: MediaType.html, position: position)
    }
}
