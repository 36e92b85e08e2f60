/// One event: something that happened in a child's journey, as the source system recorded it.
///
/// The envelope is the interchange format's (docs/events.md); the type-specific fields are in `body`.
public struct Event: Hashable, Sendable {
    /// Unique within the log (1–64 characters).
    public var id: EventID
    /// The child whose stream this event belongs to.
    public var child: ChildID
    /// The business date: when it happened in the child's life.
    public var occurred: CalendarDate
    /// When it was recorded in the source system. `nil` only before append, which stamps the time of append.
    public var recorded: Timestamp?
    /// The type and its fields.
    public var body: EventBody
    /// An earlier event this one replaces, from this event's `recorded` time on.
    public var corrects: EventID?
    /// The system or return the event came from.
    public var source: String?
    /// The worker or process that recorded it.
    public var by: String?

    public init(
        id: EventID, child: ChildID, occurred: CalendarDate, recorded: Timestamp? = nil, body: EventBody,
        corrects: EventID? = nil, source: String? = nil, by: String? = nil
    ) {
        self.id = id
        self.child = child
        self.occurred = occurred
        self.recorded = recorded
        self.body = body
        self.corrects = corrects
        self.source = source
        self.by = by
    }

    public var type: EventType { body.type }
}

/// An event as stored in the log: the event with its gapless global position and its version within the child's
/// stream.
public struct StoredEvent: Hashable, Sendable {
    /// 1 for the first event of the log, then one more for each event, with no gaps.
    public var position: UInt64
    /// 1 for the child's first event, then one more for each of that child's events.
    public var version: UInt32
    public var event: Event

    public init(position: UInt64, version: UInt32, event: Event) {
        self.position = position
        self.version = version
        self.event = event
    }
}
