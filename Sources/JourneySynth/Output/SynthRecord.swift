import JourneyCore

/// One event of a child's journey, waiting to be written: the fact, its dates and its tag within the child.
struct SynthRecord: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    var recorded: Int64
    var occurred: CalendarDate
    /// While waiting, the order the fact was made in within the child (its tag); when written, the event's number
    /// within its child (the `n` of the id `s<seed>-<child>-<n>`), in recorded order.
    var number: Int32
    /// The tag (when written, the number) of the event this one corrects, or 0.
    var corrects: Int32 = 0
    /// Whether this event belongs to the child's duplicate record (the one later merged).
    var isDuplicateChild = false
    /// Whether a correction or retraction names this event, so that its number is kept when it is written.
    var isReferenced = false
    /// The defect this event carries, for the summary's counts.
    var defect: SynthDefect?
    var fact: Fact
}
