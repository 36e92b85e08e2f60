import Foundation
import HTTPTypes
import Hummingbird
import JourneyAccess
import JourneyCore
import JourneyProjections
import JourneyReports

/// The web pages: server-rendered HTML, forms and links only (no script). The chronology and the pack are the
/// command line's own HTML (`journey chronology --format html`, `journey report`), with the service's navigation
/// and forms put at the top of the body.
extension Service {
    func addPages(to router: Router<ServiceContext>) {
        router.get("/") { request, context in try self.home(request) }
        router.get("/login") { request, context in self.loginPage(error: nil) }
        router.post("/login") { request, context in try await self.login(request, context: context) }
        router.post("/logout") { request, context in try await self.logout(request) }
        router.get("/children") { request, context in try self.findChild(request) }
        router.get("/children/{id}/chronology") { request, context in
            try await self.chronologyPage(request, context: context)
        }
        router.get("/pack") { request, context in try await self.packPage(request) }
        addWorkingPages(to: router)
        // Browsers ask for an icon on every page: no content, rather than a 404 in every page's console.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
    }

    /// The signed-in person, from the session cookie; without access control, nobody needs to sign in.
    func webSession(_ request: Request) -> (caller: Account?, csrf: String)? {
        guard configuration.access != nil else { return (nil, "") }
        guard let id = request.cookies[Sessions.cookie]?.value, let session = sessions.session(id) else { return nil }
        return (session.caller, session.csrf)
    }

    /// A page for a signed-in person, or the way to the login page.
    func signedIn(_ request: Request) throws -> (caller: Account?, csrf: String) {
        guard let session = webSession(request) else { throw Redirect(to: "/login") }
        return session
    }

    func home(_ request: Request) throws -> Response {
        let session = try signedIn(request)
        let body = """
            <h1>journey</h1>
            <p>Children's social care: figures, findings and chronologies, replayed from the event log.</p>
            <h2>Find a child</h2>
            \(findForm(csrf: session.csrf, caller: session.caller))
            <h2>The monthly pack</h2>
            \(packForm(csrf: session.csrf, year: nil, month: nil))
            <h2>Working lists</h2>
            <p><a href="/findings">Findings by team</a> · <a href="/caseload">Caseload by worker</a> ·
            <a href="/audit-sample">Case-file audit sample</a></p>
            <h2>For programs</h2>
            <p>The API is under <code>/v1</code> (metrics, checks, chronologies, cohorts, appends): see
            <code>docs/openapi.yaml</code>.</p>
            """
        return page("journey", body, session: session)
    }

    func findChild(_ request: Request) throws -> Response {
        _ = try signedIn(request)
        let query = try Query(request, allowed: ["id", "csrf", "reason"], form: true)
        let id = (try query.string("id") ?? "").trimmingCharacters(in: .whitespaces)
        if let problem = ChildID.problem(with: id) {
            throw Problem.badParameter("id", "the child id \(problem)")
        }
        guard let path = "/children/\(id)/chronology".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
        else { throw Problem.badParameter("id", "the child id cannot be written in a path") }
        // An investigator's reason goes along to the chronology, where it is audited.
        guard let reason = try query.string("reason"), !reason.isEmpty,
            let encoded = reason.addingPercentEncoding(withAllowedCharacters: .alphanumerics)
        else { return .redirect(to: path, type: .found) }
        return .redirect(to: path + "?reason=" + encoded, type: .found)
    }

    func chronologyPage(_ request: Request, context: ServiceContext) async throws -> Response {
        let session = try signedIn(request)
        let id = context.parameters.get("id") ?? ""
        let query = try ChronologyQuery(
            child: id, Query(request, allowed: ChronologyQuery.parameters.union(["csrf"]), form: true),
            defaultFormat: .html)
        let (html, position) = try await childRead(
            query, caller: session.caller, route: "GET /children/{id}/chronology")
        guard query.format == .html else { return textResponse(html, type: query.mediaType, position: position) }
        let escaped = Self.escape(id)
        let forms = """
            <form method="get" action="/children/\(escaped)/chronology">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label>As known at <input name="as-known-at" placeholder="2024-06-30"></label>
            \(reasonField(session.caller))<button>Show</button></form>
            <form method="get" action="/children/\(escaped)/chronology">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label>What changed between <input name="diff" placeholder="2024-06-30"></label>
            <label>and <input name="diff" placeholder="2024-12-31"></label>
            \(reasonField(session.caller))<button>Compare</button></form>
            """
        return textResponse(
            Self.inserting(nav(session) + forms, into: html), type: MediaType.html, position: position)
    }

    func packPage(_ request: Request) async throws -> Response {
        let session = try signedIn(request)
        let query = try Query(request, allowed: ["year", "month", "as-known-at", "csrf"], form: true)
        guard let year = try query.string("year") else {
            return page("The monthly pack", packForm(csrf: session.csrf, year: nil, month: nil), session: session)
        }
        guard let statutoryYear = ReportingPeriod(statutoryYear: year) else {
            throw Problem.badParameter("year", "takes a statutory year such as 2024-25")
        }
        var end = statutoryYear.to
        let month = try query.string("month").flatMap { $0.isEmpty ? nil : $0 }
        if let month {
            guard month.count == 7, let first = CalendarDate(month + "-01"), statutoryYear.contains(first) else {
                throw Problem.badParameter("month", "takes a month of the year, such as 2024-11")
            }
            end = first.monthEnd
        }
        let monthEnd = end
        let asKnownAt = try query.time("as-known-at")
        try await authorize(session.caller, .aggregates, route: "GET /pack", reason: nil)
        let (path, calendar, live) = (configuration.log, configuration.calendar, self.live)
        // Made once per position of the log: the pack names the time it was made, which is then that of the first
        // request for it.
        let (html, position) = try await evaluatedOnce(query.key("GET /pack", team: nil)) { view in
            let madeAt = Timestamp(nanoseconds: Int64(Date().timeIntervalSince1970.rounded(.down)) * 1_000_000_000)
            let provenance = Provenance(
                log: path, source: .log(lastPosition: view.position, headHash: view.headHash), madeAt: madeAt,
                journeyVersion: Service.version)
            let pack: PerformancePack
            if asKnownAt != nil {
                pack = view.state.performancePack(
                    monthEnd: monthEnd, asKnownAt: asKnownAt, calendar: calendar, provenance: provenance)
            } else {
                // As known now: from the figures and counts kept since an earlier request for the same month, brought
                // up to date with the appends since (`ServedPack`).
                let served = ServedPack(monthEnd: monthEnd, calendar: calendar)
                let name = "pack \(served.end)"
                let kept = try live.keptPack(name, sets: served.figureSets.count, at: view)
                let tallies =
                    kept.figures == nil
                    ? MetricTallies.evaluating(view.state, sets: served.figureSets) : nil
                let quality = served.quality(of: view.state, kept: kept.quality, live: view.checks).quality
                live.keep(pack: name, figures: tallies, quality: quality, from: view)
                let reports = kept.figures ?? tallies!.flatMap(\.reports)
                pack = served.pack(reports: reports, quality: quality, provenance: provenance)
            }
            try PeriodOutsideLog.check(pack.period, in: pack.current.span, what: "the pack's twelve months")
            return pack.html
        }
        return textResponse(
            Self.inserting(nav(session) + packForm(csrf: session.csrf, year: year, month: month), into: html),
            type: MediaType.html, position: position)
    }

    // MARK: Login

    func loginPage(error: String?, status: HTTPResponse.Status = .ok) -> Response {
        guard configuration.access != nil else {
            return page("Sign in", "<p>This server has no accounts: nobody needs to sign in.</p>", session: nil)
        }
        let token = Sessions.randomToken()
        let body = """
            <h1>Sign in</h1>
            \(error.map { "<p class=\"error\">\(Self.escape($0))</p>" } ?? "")
            <form method="post" action="/login">
            <input type="hidden" name="csrf" value="\(token)">
            <p><label>Name <input name="name" autocomplete="username" required></label></p>
            <p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button>Sign in</button></p>
            </form>
            """
        var response = page("Sign in", body, session: nil, status: status)
        response.headers.append(HTTPField(name: .setCookie, value: cookie(Sessions.loginCookie, token, path: "/login")))
        return response
    }

    func login(_ request: Request, context: ServiceContext) async throws -> Response {
        guard let access = configuration.access else { return .redirect(to: "/", type: .found) }
        let form = try await Self.form(request)
        guard let token = form["csrf"], !token.isEmpty, token == request.cookies[Sessions.loginCookie]?.value else {
            return loginPage(error: "The form had expired: sign in again.", status: .forbidden)
        }
        let name = form["name"] ?? ""
        let keys = ["name:\(name)", "address:\(context.remoteAddress ?? "unknown")"]
        guard sessions.mayAttempt(keys) else {
            return loginPage(
                error: "Too many failed attempts: wait 15 minutes, or ask an administrator.", status: .tooManyRequests)
        }
        let password = form["password"] ?? ""
        guard let caller = try await Service.offload({ access.caller(name: name, password: password) }) else {
            sessions.failed(keys)
            return loginPage(error: "That name and password do not match an account.", status: .unauthorized)
        }
        sessions.succeeded(keys)
        let (id, _) = sessions.start(caller)
        var response = Response.redirect(to: "/", type: .found)
        response.headers.append(HTTPField(name: .setCookie, value: cookie(Sessions.cookie, id, path: "/")))
        return response
    }

    func logout(_ request: Request) async throws -> Response {
        let form = try await Self.form(request)
        if let id = request.cookies[Sessions.cookie]?.value, let session = sessions.session(id),
            form["csrf"] == session.csrf
        {
            sessions.end(id)
        }
        var response = Response.redirect(to: "/login", type: .found)
        response.headers.append(HTTPField(name: .setCookie, value: cookie(Sessions.cookie, "", path: "/", maxAge: 0)))
        return response
    }

    /// A cookie only this site's pages send back, never to scripts, and over TLS only when the server is not on
    /// loopback.
    func cookie(_ name: String, _ value: String, path: String, maxAge: Int? = nil) -> String {
        var text = "\(name)=\(value); Path=\(path); HttpOnly; SameSite=Strict"
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if configuration.secureCookies { text += "; Secure" }
        return text
    }

    /// A form's fields (`application/x-www-form-urlencoded`), the body at most 64 KiB.
    static func form(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 64 << 10)
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    // MARK: Pieces

    func findForm(csrf: String, caller: Account?) -> String {
        """
        <form method="get" action="/children">
        <input type="hidden" name="csrf" value="\(csrf)">
        <label>Child id <input name="id" required></label> \(reasonField(caller))<button>Show the chronology</button>
        </form>
        """
    }

    func packForm(csrf: String, year: String?, month: String?) -> String {
        """
        <form method="get" action="/pack">
        <input type="hidden" name="csrf" value="\(csrf)">
        <label>Year <input name="year" placeholder="2024-25" value="\(Self.escape(year ?? ""))" required></label>
        <label>Month <input name="month" placeholder="2025-03" value="\(Self.escape(month ?? ""))"></label>
        <button>Show the pack</button>
        </form>
        """
    }

    /// Investigators say why they open each record.
    func reasonField(_ caller: Account?) -> String {
        guard caller?.role == .investigator else { return "" }
        return "<label>Reason <input name=\"reason\" required></label> "
    }

    func nav(_ session: (caller: Account?, csrf: String)?) -> String {
        var out =
            "<nav class=\"journey-service\"><a href=\"/\">Home</a> · <a href=\"/pack\">Monthly pack</a>"
            + " · <a href=\"/findings\">Findings by team</a> · <a href=\"/caseload\">Caseload</a>"
            + " · <a href=\"/audit-sample\">Audit sample</a>"
        if let session, let caller = session.caller {
            out += """
                 · \(Self.escape(caller.name)) (\(caller.role.rawValue))
                <form method="post" action="/logout" style="display:inline">
                <input type="hidden" name="csrf" value="\(session.csrf)"><button>Sign out</button></form>
                """
        }
        return out + "</nav>\n"
    }

    func page(
        _ title: String, _ body: String, session: (caller: Account?, csrf: String)?, status: HTTPResponse.Status = .ok
    ) -> Response {
        let html = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>\(Self.escape(title))</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60em;margin:1em auto;padding:0 1em}
            .error{color:#a00}label{margin-right:1em}</style></head>
            <body>
            \(session.map { nav($0) } ?? "")\(body)
            </body>
            </html>

            """
        return textResponse(html, type: MediaType.html, position: 0, status: status)
    }

    /// `extra` put at the top of the body of an HTML document.
    static func inserting(_ extra: String, into html: String) -> String {
        guard let body = html.range(of: "<body>\n") else { return extra + html }
        return html.replacingCharacters(in: body, with: "<body>\n" + extra)
    }

    /// Text made safe for HTML, as the reports make it.
    static func escape(_ text: String) -> String { escapeHTML(text) }
}

/// A page that needs a signed-in person, asked for without a session: to the login page.
struct Redirect: Error {
    var to: String
}
