import JourneyCore

/// How far generation has got, for a progress line.
public struct SynthProgress: Hashable, Sendable {
    /// Children whose journeys have been simulated so far, of `totalChildren`.
    public var children: Int
    public var totalChildren: Int
    public var events: Int
    /// The recorded day of the last event written.
    public var day: CalendarDate?
}
