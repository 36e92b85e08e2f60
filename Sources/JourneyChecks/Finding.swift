import JourneyCore

/// One break of a check's rule in one child's journey: data, not text, so that a report can count, group, compare
/// and print findings as it likes.
///
/// A finding never holds personal data: the child's local id, positions and event ids name the record; the message
/// says what to fix in words and dates of events, never a name, a birth date or a postcode.
public struct Finding: Sendable, Hashable {
    /// The check's id.
    public var check: String
    public var severity: Severity
    public var child: ChildID
    /// The date the finding is about: the event out of place, the start of what is overdue.
    public var date: CalendarDate
    /// The log positions of the events it is about, the one to fix first.
    public var positions: [UInt64]
    /// What is wrong and what to fix, for a manager.
    public var message: String
    /// The team responsible on the as-of date (`worker.allocated` in force), `nil` when unallocated.
    public var team: String?
    /// The ids of the events at `positions`, in the same order, once looked up (`CheckReport.resolvingEventIDs`).
    public var eventIDs: [EventID] = []

    public init(
        check: String, severity: Severity, child: ChildID, date: CalendarDate, positions: [UInt64], message: String,
        team: String? = nil
    ) {
        self.check = check
        self.severity = severity
        self.child = child
        self.date = date
        self.positions = positions
        self.message = message
        self.team = team
    }

    /// What makes two findings the same finding at two times (`--since`): the check, the child and the events. The
    /// message is left out, since "open 46 working days" becomes "open 51" without being a new finding.
    public struct Identity: Hashable, Sendable {
        public var check: String
        public var child: ChildID
        public var positions: [UInt64]
    }

    public var identity: Identity { Identity(check: check, child: child, positions: positions) }

    /// A finding that holds nothing to free: what a place a finding was moved from holds until its array is freed.
    static let vacant = Finding(
        check: "", severity: .query, child: ChildID(""), date: CalendarDate(dayNumber: 0), positions: [], message: "")

    /// Whether its event ids are looked up.
    var isResolved: Bool { eventIDs.count == positions.count }

    /// The team's name in reports.
    public var teamName: String { team ?? "unallocated" }
}

extension [Finding] {
    /// Fills in the event ids of the findings not looked up yet from `ids` (position → id); a position `ids` does
    /// not hold is named `#position`.
    mutating func resolveEventIDs(_ ids: [UInt64: EventID]) {
        for i in indices where !self[i].isResolved {
            self[i].eventIDs = self[i].positions.map { ids[$0] ?? EventID("#\($0)") }
        }
    }
}
