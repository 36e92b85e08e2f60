import JourneyCore

/// `events` as a log would store them: positions from `position + 1` on, version 0.
public func storedEvents(_ events: [Event], from position: Int = 0) -> [StoredEvent] {
    events.enumerated().map { StoredEvent(position: UInt64(position + $0.offset + 1), version: 0, event: $0.element) }
}
