import Hummingbird
import JourneyAccess
import JourneyCore
import JourneyProjections
import JourneyReports

/// `GET /v1/children/{id}/chronology`: `journey chronology`, with its options as query parameters.
struct ChronologyQuery: Sendable, Equatable {
    var child: ChildID
    var asKnownAt: Timestamp?
    var from: CalendarDate?
    var to: CalendarDate?
    /// Two times (`diff=T1&diff=T2`, or `diff=T1,T2`): what changed between them.
    var diff: [Timestamp] = []
    var format: ReportFormat = .json
    var withoutVisits = false
    /// Why the record is opened: an investigator gives one each time.
    var reason: String?

    static let parameters: Set<String> = [
        "as-known-at", "from", "to", "diff", "format", "without-visits", "reason",
    ]

    init(child: String, _ query: Query, defaultFormat: ReportFormat = .json) throws(Problem) {
        if let problem = ChildID.problem(with: child) { throw Problem.badParameter("id", "the child id \(problem)") }
        self.child = ChildID(child)
        asKnownAt = try query.time("as-known-at")
        from = try query.date("from")
        to = try query.date("to")
        if let from, let to, from > to { throw Problem.badParameter("from", "must be on or before to") }
        let times = query.all("diff").filter { !$0.isEmpty }
        if !times.isEmpty {
            guard times.count == 2 else { throw Problem.badParameter("diff", "takes two times: diff=T1&diff=T2") }
            for t in times { diff.append(try Query.time(t, name: "diff")) }
            guard diff[0] < diff[1] else { throw Problem.badParameter("diff", "takes the earlier time first") }
            guard asKnownAt == nil, from == nil, to == nil else {
                throw Problem.badParameter("diff", "takes its own two times: leave out as-known-at, from and to")
            }
        }
        format = try query.choice("format", ReportFormat.self) ?? defaultFormat
        withoutVisits = try query.flag("without-visits")
        let reason = try query.string("reason")?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.reason = reason?.isEmpty == false ? reason : nil
    }

    /// The chronology (or the diff) as `journey chronology` writes it, with the child's current team (for the
    /// access policy), read from `view`'s state and the log's events of the child (and of the records merged into
    /// its record) up to the view's position.
    func rendered(_ view: LiveView, events: (Set<ChildID>, Set<UInt64>, UInt64) throws -> [UInt64: Event]) throws -> (
        text: String, team: String?
    ) {
        let state = view.state
        let latest = diff.last ?? asKnownAt
        guard let record = state.record(of: child, asKnownAt: latest, includingRecording: true) else {
            if state.recordID(containing: child, asKnownAt: latest) != nil {
                throw Problem.notFound(
                    "the child's record was merged into another record, whose chronology includes it")
            }
            throw Problem.notFound("no record for the child in the log as known then (check the id and as-known-at)")
        }
        // The team on the log's latest date: the date the live findings are judged on, kept as events arrive, rather
        // than a pass over every atom on every request.
        let team = view.checkContext.flatMap { record.team(on: $0.asOf) }
        let events = try events(Set([child] + record.mergedFrom), ChildEvents.positions(readFor: record), view.position)
        if diff.count == 2 {
            let before = state.record(of: child, asKnownAt: diff[0], includingRecording: true)
            let changes = RecordDiff(
                child: child, before: before, after: record, earlier: diff[0], later: diff[1], events: events)
            return (changes.rendered(format), team)
        }
        let chronology = Chronology(
            record, events: events, asKnownAt: asKnownAt, from: from, to: to, includingVisits: !withoutVisits)
        return (chronology.rendered(format), team)
    }

    var mediaType: String {
        switch format {
        case .json: MediaType.json
        case .html: MediaType.html
        case .markdown: MediaType.markdown
        case .text: MediaType.text
        }
    }
}

extension Service {
    static let chronologyRoute = "GET /v1/children/{id}/chronology"

    func chronology(_ request: Request, context: ServiceContext) async throws -> Response {
        let caller = try apiCaller(request)
        let query = try ChronologyQuery(
            child: context.parameters.get("id") ?? "", Query(request, allowed: ChronologyQuery.parameters))
        let (text, position) = try await childRead(query, caller: caller, route: Service.chronologyRoute)
        return textResponse(text, type: query.mediaType, position: position)
    }

    /// A child's chronology for `caller`: the policy is asked once the child's team is known, and the read (or the
    /// refusal) written to the access audit before anything is answered.
    func childRead(_ query: ChronologyQuery, caller: Account?, route: String) async throws -> (String, UInt64) {
        let live = self.live
        let view: LiveView
        let rendered: (String, String?)
        do {
            (view, rendered) = try await evaluations.run { () throws -> (LiveView, (String, String?)) in
                let view = try live.view()
                return (view, try query.rendered(view) { try live.events(of: $0, at: $1, through: $2) })
            }
        } catch let problem as Problem where problem.status == .notFound {
            // Whether a child is in the log is itself the child's data: a caller who may not open this record
            // learns no more from an id that is not there than from one that is (403 either way, audited).
            try await authorize(caller, .childRecord(query.child, team: nil), route: route, reason: query.reason)
            throw problem
        }
        try await authorize(caller, .childRecord(query.child, team: rendered.1), route: route, reason: query.reason)
        return (rendered.0, view.position)
    }
}
