import ArgumentParser
import Foundation
import Hummingbird
import JourneyAccess
import JourneyCommandLine
import JourneyCore
import JourneyPostgres
import JourneyProjections
import JourneyService
import Logging
import ProgramArguments

/// `journey-serve`: the shared service, on a log folder or a log in PostgreSQL. Thin: the options, then `Service`.
@main
struct JourneyServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey-serve",
        abstract: "Serve a journey log over HTTP: the API for programs, and web pages for people.",
        discussion: """
            The same figures as the command line, from the same library calls, byte for byte: GET /v1/metrics, \
            /v1/checks, /v1/children/{id}/chronology, /v1/cohorts/repeat-cp and /v1/health, each with the \
            command's options as query parameters (docs/openapi.yaml), and POST /v1/events to append a JSON \
            Lines batch, all or nothing, as journey append does. The web pages (home, find a child, the monthly \
            pack) are at /.

            The log is replayed once at start (from its checkpoint), then kept up to date: after each append, and \
            whenever another writer (journey append) has moved the log's head, only the records the new events \
            change are evaluated again.

            --log takes a log folder or a log kept in PostgreSQL, postgres://USER@HOST:PORT/DB (?schema=NAME for \
            a schema other than journey; the password from PGPASSWORD or a password file, never in the address; \
            docs/postgres.md): every route answers the same as on a folder holding the same events. The server \
            holds two connections, one to read and one to append; another process's append (journey-serve \
            append --log postgres://…) shows in the next answer. A database that cannot be reached at start stops \
            the server with the reason; later, a request answers 503 while the database is away (/v1/health too), \
            and the server connects again by itself once it is back. The figures of the live period (--live-year, else the statutory year of \
            the log's latest event) and the findings judged on the log's latest date are answered from that live \
            state; any other period or "as known at" is evaluated in full.

            Accounts: --users names the users file (made with journey users add, read once at start); the API \
            takes Authorization: Bearer TOKEN and the web a login form (a server-side session of 8 hours, its \
            cookie HttpOnly, SameSite=Strict, and Secure when not on loopback). Each role reads what \
            docs/service-access.md says; every child-level read and every refusal is appended to the access audit \
            (--audit-log, default audit.jsonl beside the users file; journey audit list reads it). Without --users \
            the server serves everyone, so it listens on loopback only.

            The server's log (standard output) has the method, the route pattern, the status and the time of \
            each request: never a child's id, a token or a password.

            Every journey command runs here too, with a log in PostgreSQL as well as a folder: \
            journey-serve metrics --log postgres://USER@HOST:PORT/DB, journey-serve copy --from FOLDER --to \
            postgres://… (the password from PGPASSWORD or a password file; docs/postgres.md).

            Examples:
              journey-serve --log event-logs/main
              journey-serve --log event-logs/main --listen 127.0.0.1:8080 --live-year 2024-25
              journey-serve --log event-logs/main --listen 0.0.0.0:8443 --users service/users.json
              PGPASSFILE=service/pgpass journey-serve --log postgres://journey@db.internal:5432/journey
              curl -s 'http://127.0.0.1:8080/v1/metrics?format=csv'
              curl -s --data-binary @today.jsonl 'http://127.0.0.1:8080/v1/events'
              journey-serve copy --from event-logs/main --to postgres://journey@127.0.0.1:5432/journey
              journey-serve metrics --log postgres://journey@127.0.0.1:5432/journey --year 2024-25
            """
    )

    @Option(
        help: ArgumentHelp(
            "The log to serve and append to: a folder, or postgres://USER@HOST:PORT/DB.", valueName: "folder|address"))
    var log: String = "event-logs/main"

    @Option(help: ArgumentHelp("The address and port to listen on.", valueName: "host:port"))
    var listen: String = "127.0.0.1:8080"

    @Option(help: ArgumentHelp("The users file: accounts, roles, hashed tokens and passwords.", valueName: "file"))
    var users: String?

    @Option(
        name: .customLong("audit-log"),
        help: ArgumentHelp("The access audit (default: access-audit beside the users file).", valueName: "path"))
    var auditLog: String?

    @Option(
        name: .customLong("live-year"),
        help: ArgumentHelp(
            "The statutory year kept live (default: the year of the log's latest event).", valueName: "2024-25"))
    var liveYear: String?

    var address: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (1...65535).contains(port)
        else { return nil }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    var isLoopback: Bool {
        guard let host = address?.host else { return false }
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    func validate() throws {
        guard address != nil else { throw ValidationError("--listen takes HOST:PORT, for example 127.0.0.1:8080") }
        if let liveYear, ReportingPeriod(statutoryYear: liveYear) == nil {
            throw ValidationError("--live-year takes a statutory year such as 2024-25")
        }
        if users == nil && !isLoopback {
            throw ValidationError(
                "without --users the server serves everyone: it listens on loopback only (127.0.0.1 or ::1)")
        }
    }

    func run() async throws {
        var logger = Logger(label: "journey-serve")
        logger.logLevel = .info
        var access: AccountAccess?
        if let users {
            // Read once at start: a change to the users file (journey users add) takes effect at the next start.
            let accounts = try Users.load(path: users)
            let auditPath = auditLog ?? AuditLog.defaultPath(besideUsersFile: users)
            let audit = try AuditLog.open(auditPath)
            if let recovery = audit.recovery { logger.warning("access audit: \(recovery)") }
            access = AccountAccess(users: accounts, audit: audit)
            logger.info("accounts on", metadata: ["users": "\(users)", "audit": "\(auditPath)"])
        }
        let configuration = Service.Configuration(
            log: log, liveYear: liveYear.flatMap(ReportingPeriod.init(statutoryYear:)), access: access,
            secureCookies: !isLoopback)
        let service: Service
        if Self.isPostgresAddress(log) {
            let served = try PostgresServedLog(address: log)
            service = Service(configuration, log: served)
            logger.info("replaying the log", metadata: ["log": "\(served.name)"])
        } else {
            service = Service(configuration)
            logger.info("replaying the log", metadata: ["log": "\(log)"])
        }
        do {
            try service.warmUp()
        } catch let error as LogUnavailable {
            // As the command line says it (`journey-serve metrics --log postgres://…`): the database and the reason.
            logger.error("the log's database cannot be reached", metadata: ["reason": "\(error.reason)"])
            throw ServeError(description: error.reason)
        }
        let (host, port) = address!
        try await service.application(host: host, port: port, logger: logger).runService()
    }

    /// Whether `--log` names a log in PostgreSQL (the schemes `PostgresLogStore` opens) rather than a folder.
    static func isPostgresAddress(_ log: String) -> Bool {
        PostgresLogStore().schemes.contains(log.prefix { $0 != ":" }.lowercased()) && log.contains("://")
    }

    /// The journey commands this program runs, by name (all but `serve`, which is this program).
    static let journeyCommands = Set(
        Journey.configuration.subcommands.map { $0._commandName }.filter { $0 != "serve" })

    /// Parses the arguments as the C library handed them over (as `journey` does: the Swift runtime reads /proc,
    /// which may be missing), then runs.
    static func main() async {
        let count = Int(journey_argument_count())
        let arguments = (1..<max(count, 1)).map { i in journey_argument(Int32(i)).map { String(cString: $0) } ?? "" }
        // A journey command (`journey-serve metrics --log postgres://…`, `journey-serve copy …`): the command line's,
        // with PostgreSQL offered beside log folders.
        if let first = arguments.first, Self.journeyCommands.contains(first) {
            let status = LogStores.$offered.withValue([PostgresLogStore()]) {
                Journey.run(arguments, keepingExamplesWhole: true)
            }
            Foundation.exit(status)
        }
        do {
            var command = try parseAsRoot(arguments)
            if let serve = command as? JourneyServe {
                try await serve.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// An error the server stops with, already in words.
struct ServeError: Error, CustomStringConvertible {
    var description: String
}
