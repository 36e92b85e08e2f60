import JourneyCore
import JourneyProjections

/// An event written to a record after that record was merged into another.
///
/// After `child.merged`, a record is a duplicate: replays count its events as the surviving child's, but new work
/// belongs on the surviving record, and a worker still writing to the old one is working from the wrong file.
/// Judged by log order: written (appended) after the merge.
struct EventAfterMerge: Check {
    var id: String { "event-after-merge" }
    var severity: Severity { .warning }
    var summary: String { "An event was written to a child's record after it was merged into another." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let recording = child.record.recording
        guard !recording.merges.isEmpty else { return }
        // Each merged record's events, gathered in one pass: a record with many merged records is not scanned once
        // for each of them.
        var eventsOf: [ChildID: [ChildRecord.RecordedEvent]] = [:]
        for e in recording.events where e.counts {
            if let member = child.record.mergedFrom(of: e) { eventsOf[member, default: []].append(e) }
        }
        for merge in recording.merges {
            for e in eventsOf[merge.child] ?? [] where e.position > merge.position {
                findings.append(
                    finding(
                        child, on: e.occurred, events: [e.position, merge.position],
                        "\(e.type.name) dated \(e.occurred) was written to record \(merge.child) after it was merged "
                            + "into \(child.id): record new work on \(child.id)."))
            }
        }
    }
}
