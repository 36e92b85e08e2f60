import JourneyCore

/// Appends that change old records, to follow `events`: a correction of an early event (3 days earlier), a
/// retraction of another early event (of another child), a merge of the two children, then the retraction of that
/// merge and of the correction. What a live evaluation must take out and put back exactly as a full one sees it.
/// Early events are taken from the first `within`, those that are neither corrections, retractions nor merges.
public func oldRecordChanges(after events: [Event], within: Int) -> [Event] {
    let early = events.prefix(within).filter {
        $0.corrects == nil && $0.type != .eventRetracted && $0.type != .childMerged
    }
    let first = early[0]
    let second = early.first { $0.child != first.child }!
    let recorded = Timestamp(startOf: d("2025-06-01"))!
    var correction = first
    correction.id = EventID("live-correction")
    correction.corrects = first.id
    correction.occurred = first.occurred.adding(days: -3)
    correction.recorded = recorded
    func event(_ id: String, _ child: ChildID, _ body: EventBody) -> Event {
        Event(id: EventID(id), child: child, occurred: d("2025-06-01"), recorded: recorded, body: body)
    }
    return [
        correction,
        event("live-retraction", second.child, .eventRetracted(event: early[9].id, reason: "entered in error")),
        event("live-merge", first.child, .childMerged(into: second.child)),
        event(
            "live-unmerge", second.child, .eventRetracted(event: EventID("live-merge"), reason: "not the same child")),
        event(
            "live-uncorrect", first.child,
            .eventRetracted(event: EventID("live-correction"), reason: "entered in error")),
    ]
}
