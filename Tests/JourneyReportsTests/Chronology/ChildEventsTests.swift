import Foundation
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

@Test func rawEventsFromAFileHaveTheEnginesPositions() throws {
    // Three children's events with a blank line between them: reading C2's must give the positions the engine gives
    // (2 and 4), so the words match the events the engine says count.
    var log = EventBuilder()
    log.referral("C1", "2024-01-02")
    log.referral("C2", "2024-01-03")
    log.referral("C3", "2024-01-04")
    log.add("C2", "2024-01-05", .assessmentStarted(assessment: "A1", referral: "R1"))
    let lines = log.events.map { $0.canonicalJSONString + "\n" }
    let text = lines[0] + "\n" + lines[1...].joined()
    let path = temporaryFile("journey-child-events", extension: "jsonl")
    #expect(
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]))
    defer { try? FileManager.default.removeItem(atPath: path) }

    let events = try ChildEvents.read(path, children: ["C2"])
    #expect(events.keys.sorted() == [2, 4])
    #expect(events[4]?.type == .assessmentStarted)
    let state = try JourneyState(replayingLogAt: path)
    let record = try #require(state.record(of: "C2", asKnownAt: nil, includingRecording: true))
    #expect(record.recording.events.map(\.position) == [2, 4])
}

/// A chronology and a diff of every record of random logs (corrections, retractions and merges) are the same, byte
/// for byte, from the events at the positions they read (`ChildEvents.positions(readFor:)`, read where they lie)
/// as from every event of the record's children: from a log folder, through a fresh index and a saved one, and from
/// a JSON Lines file.
@Test(arguments: [11, 12, 13] as [UInt64])
func chronologiesFromTheEventsAtTheirPositionsAreThoseFromEveryEvent(seed: UInt64) throws {
    let events = randomLog(seed: seed, events: 600, children: 40)
    let folder = temporaryDirectory("journey-child-events-positions")
    let writer = try LogWriter.open(folder)
    for start in stride(from: 0, to: events.count, by: 75) {
        try writer.append(Array(events[start..<min(start + 75, events.count)]))
    }
    writer.close()
    let file = temporaryFile("journey-child-events-positions", extension: "jsonl")
    #expect(
        FileManager.default.createFile(
            atPath: file, contents: Data(events.map { $0.canonicalJSONString + "\n" }.joined().utf8),
            attributes: [.posixPermissions: 0o600]))
    defer { try? FileManager.default.removeItem(atPath: file) }
    let state = try JourneyState(replayingLogAt: folder)
    let (earlier, later) = (events[200].recorded!, events[500].recorded!)
    var compared = 0
    for child in Set(events.map(\.child)).sorted() {
        guard let record = state.record(of: child, asKnownAt: nil, includingRecording: true) else { continue }
        let children = Set([child] + record.mergedFrom)
        let positions = ChildEvents.positions(readFor: record)
        let every = try ChildEvents.read(folder, children: children)
        let before = state.record(of: child, asKnownAt: earlier, includingRecording: true)
        func outputs(_ events: [UInt64: Event]) -> [String] {
            [
                Chronology(record, events: events).rendered(.json),
                Chronology(record, events: events, includingVisits: false).rendered(.markdown),
                RecordDiff(child: child, before: before, after: record, earlier: earlier, later: later, events: events)
                    .rendered(.json),
            ]
        }
        let expected = outputs(every)
        for path in [folder, folder, file] {
            let located = try ChildEvents.read(path, children: children, at: positions)
            #expect(located.keys.allSatisfy(positions.contains))
            #expect(outputs(located) == expected, "\(child) from \(path)")
        }
        compared += 1
    }
    #expect(compared >= 5)
    #expect(FileManager.default.fileExists(atPath: folder + "/cache/event-locations.index"))
}
