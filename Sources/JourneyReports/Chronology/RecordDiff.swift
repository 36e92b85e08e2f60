import JourneyCore
import JourneyProjections

/// What changed in a child's record between two "as known at" times: events added, those of them back-dated,
/// corrections and retractions, and records merged in, in the order they happened, each with when it was recorded
/// and who recorded it when the log says.
///
/// Both sides are the engine's records (`forEachRecord(asKnownAt:includingRecording: true)`): the difference of two
/// resolutions, never a second reading of the rules.
public struct RecordDiff: Sendable, Hashable {
    public var child: ChildID
    public var earlier: Timestamp
    public var later: Timestamp
    public var changes: [Change]

    public struct Change: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// An event recorded after `earlier`, dated on or after `earlier`'s day.
            case added
            /// An event recorded after `earlier` that occurred before it: the record of the past changed.
            case backDated = "back-dated"
            /// A `corrects`: an earlier record replaced.
            case corrected
            case retracted
            /// A record merged into this one.
            case merged
        }

        public var kind: Kind
        /// The date the change is about: the event's, or the replaced event's.
        public var occurred: CalendarDate?
        public var recorded: Timestamp?
        public var text: String
        public var by: String?
        public var position: UInt64
    }
}

extension RecordDiff {
    /// The changes from `before` (the record as known at `earlier`, `nil` if the log held nothing for the child
    /// then) to `after` (as known at `later`), with the raw `events` by position for the words and `by`.
    public init(
        child: ChildID, before: ChildRecord?, after: ChildRecord, earlier: Timestamp, later: Timestamp,
        events: [UInt64: Event]
    ) {
        let knownEvents = Set(before?.recording.events.map(\.position) ?? [])
        let knownCorrections = Set(before?.recording.corrections.map(\.position) ?? [])
        let knownMerges = Set(before?.recording.merges.map(\.position) ?? [])
        let earlierDay = earlier.utcDate
        var changes: [Change] = []
        for e in after.recording.events where !knownEvents.contains(e.position) {
            guard let event = events[e.position] else { continue }
            // A correction shows as the correction below; its replacing event is the same change.
            if event.corrects != nil { continue }
            changes.append(
                Change(
                    kind: e.occurred < earlierDay ? .backDated : .added, occurred: e.occurred, recorded: e.recorded,
                    text: event.plainWords + (e.counts ? "" : " (since replaced or retracted)"), by: event.by,
                    position: e.position))
        }
        for c in after.recording.corrections where !knownCorrections.contains(c.position) {
            let naming = events[c.position]
            let target = events[c.targetPosition]
            var text: String
            if c.isRetraction {
                text = "Retracted: " + (target?.plainWords ?? c.targetType.name) + " (dated \(c.targetOccurred))"
                if case .eventRetracted(_, let reason)? = naming?.body { text += "; reason: \(reason)" }
            } else {
                text = "Corrected: " + (target?.plainWords ?? c.targetType.name) + " (dated \(c.targetOccurred))"
                if let naming {
                    text += ", now: " + naming.plainWords + " (dated \(naming.occurred))"
                }
            }
            changes.append(
                Change(
                    kind: c.isRetraction ? .retracted : .corrected, occurred: c.targetOccurred, recorded: c.recorded,
                    text: text, by: naming?.by, position: c.position))
        }
        for m in after.recording.merges where !knownMerges.contains(m.position) {
            changes.append(
                Change(
                    kind: .merged, occurred: events[m.position]?.occurred, recorded: m.recorded,
                    text: "Record \(m.child) merged into this one", by: events[m.position]?.by, position: m.position))
        }
        // In the order the events happened, as a reader follows the child's story; changes of the same day in the
        // order they were recorded (the log's). Each carries when it was recorded.
        changes.sort { ($0.occurred ?? .latest, $0.position) < ($1.occurred ?? .latest, $1.position) }
        self.init(child: child, earlier: earlier, later: later, changes: changes)
    }
}

extension CalendarDate {
    /// After every date: where a change with no date of its own is listed.
    fileprivate static let latest = CalendarDate(dayNumber: .max)
}
