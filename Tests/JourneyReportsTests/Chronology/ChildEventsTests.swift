import Foundation
import JourneyCore
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
