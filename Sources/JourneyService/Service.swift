import Foundation
import HTTPTypes
import Hummingbird
import JourneyAccess
import JourneyCore
import JourneyProjections
import Logging

/// The shared service: journey's figures, findings, chronologies and cohorts over HTTP, and appends from the case
/// system, on the same library calls the command line makes, so that an answer is byte for byte the command's.
///
/// `journey-serve` runs it; the tests drive `router` in-process.
public struct Service: Sendable {
    /// What the server was started with.
    public struct Configuration: Sendable {
        /// The log served and appended to: a folder's path, or a PostgreSQL address (`postgres://USER@HOST:PORT/DB`;
        /// the log itself is given to `Service.init(_:log:)`).
        public var log: String
        /// The period of the live figures; `nil`: the statutory year of the log's latest event.
        public var liveYear: ReportingPeriod?
        /// Bank holidays for working days (England and Wales's unless the server was given a file).
        public var calendar: WorkingDayCalendar
        /// Who may ask what; `nil` serves everyone (only for a server on loopback, for one person).
        public var access: (any AccessControl)?
        /// Whether the web session's cookie is marked Secure (the server is reached over TLS, not on loopback).
        public var secureCookies: Bool
        /// The largest request body an append takes (`Service.bodyLimit` unless a test sets a small one).
        public var bodyLimit: Int

        public init(
            log: String, liveYear: ReportingPeriod? = nil, calendar: WorkingDayCalendar = .englandAndWales,
            access: (any AccessControl)? = nil, secureCookies: Bool = false, bodyLimit: Int = Service.bodyLimit
        ) {
            self.bodyLimit = bodyLimit
            self.log = log
            self.liveYear = liveYear
            self.calendar = calendar
            self.access = access
            self.secureCookies = secureCookies
        }
    }

    let configuration: Configuration
    let live: any LiveSource
    let appends: Appends
    let sessions: Sessions
    /// Full evaluations (another period, as known at, a chronology, a cohort, the pack) take turns here.
    let evaluations = EvaluationGate()

    /// A service on the log folder `configuration.log`.
    public init(_ configuration: Configuration) {
        self.init(configuration, log: FolderLog(path: configuration.log))
    }

    /// A service on `log`: a folder (`FolderLog`) or a log in PostgreSQL (`PostgresServedLog`).
    public init(_ configuration: Configuration, log: some ServedLog) {
        self.configuration = configuration
        live = LiveLog(log, calendar: configuration.calendar, period: configuration.liveYear)
        appends = Appends(live)
        sessions = Sessions()
    }

    /// The largest request body taken (`POST /v1/events`): a night's events of a large council are a few
    /// megabytes; more is refused with 413 before anything is read into the log.
    public static let bodyLimit = 64 << 20

    /// The release the service reports in the pack's provenance.
    public static let version = "0.9.0"

    /// Folds the log in (the replay, from its checkpoint for a folder) before the first request, so that the first
    /// answer is not slow; a log that cannot be read (a database that cannot be reached) is thrown here, for the
    /// server to stop with. Then, on a thread of its own while the server answers, makes ready what chronologies
    /// read the log through (`ServedLog.prepareReads`): a chronology asked for meanwhile waits for it. Damage met
    /// there is left for the chronology that reads it to report.
    public func warmUp() throws {
        _ = try live.head()
        DispatchQueue.global(qos: .utility).async { [live] in try? live.prepareReads() }
    }

    /// Every route: the API under /v1, the web pages at the root.
    public func router() -> Router<ServiceContext> {
        let router = Router(context: ServiceContext.self)
        router.add(middleware: RequestLog())
        router.add(middleware: ProblemMiddleware())
        addAPI(to: router)
        addPages(to: router)
        return router
    }

    /// The application on `host:port`.
    public func application(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port), serverName: "journey"),
            logger: logger)
    }

    /// Runs `body` on a thread of its own, off the server's event loops: replays and evaluations take seconds on a
    /// large log, and appends wait for the writer lock.
    static func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}

/// The request context: Hummingbird's, and who is asking once known.
public struct ServiceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The account the request was made by, when access control is on.
    public var caller: Account?
    /// The peer's address, for counting failed logins per address.
    public var remoteAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}

/// Turns every error into `application/problem+json` (RFC 9457), Hummingbird's own (no route, a body too large)
/// included.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServiceContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let redirect as Redirect {
            return .redirect(to: redirect.to, type: .found)
        } catch {
            if let lost = error as? LogUnavailable {
                // The one line an administrator needs: which database, and what the driver said (never a password:
                // addresses hold none).
                context.logger.error("the log's database cannot be reached", metadata: ["reason": "\(lost.reason)"])
            }
            let problem = Problem(error)
            // A person at a browser gets a page saying what went wrong; a program gets the problem's JSON.
            guard !request.uri.path.hasPrefix("/v1/") else { return problem.response }
            return problem.page
        }
    }
}

/// The server's own log: method, route pattern (never the child's id), status and duration; no query string, no
/// token, no body.
struct RequestLog: RouterMiddleware {
    typealias Context = ServiceContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        var status: HTTPResponse.Status = .internalServerError
        defer {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info(
                "request",
                metadata: [
                    "method": "\(request.method)", "route": "\(context.endpointPath ?? "unmatched")",
                    "status": "\(status.code)", "ms": "\((ms * 10).rounded() / 10)",
                ])
        }
        let response = try await next(request, context)
        status = response.status
        return response
    }
}

/// A text answer with its media type; every answer is `no-store` (it may hold a child's data) and names the log
/// position it reflects.
func textResponse(_ text: String, type: String, position: UInt64, status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = type
    headers[.cacheControl] = "no-store"
    headers[HTTPField.Name("Journey-Log-Position")!] = "\(position)"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}

enum MediaType {
    static let json = "application/json"
    static let csv = "text/csv; charset=utf-8"
    static let html = "text/html; charset=utf-8"
    static let text = "text/plain; charset=utf-8"
    static let markdown = "text/markdown; charset=utf-8"
}
