import Testing

/// The store conformance tests (`StoreConformance`) on the file log: the reference every other store must match.
@Suite("Store conformance: file log")
struct FileStoreConformanceTests {
    @Test func appendIsAllOrNothing() throws { try StoreConformance.appendIsAllOrNothing(FileTestStore()) }
    @Test func problemsStopAtTheLimit() throws { try StoreConformance.problemsStopAtTheLimit(FileTestStore()) }
    @Test func sameInputTwiceAppendsOnce() throws { try StoreConformance.sameInputTwiceAppendsOnce(FileTestStore()) }
    @Test func expectVersionConflictIsRefused() throws {
        try StoreConformance.expectVersionConflictIsRefused(FileTestStore())
    }
    @Test func expectedEndConflictIsRefused() throws {
        try StoreConformance.expectedEndConflictIsRefused(FileTestStore())
    }
    @Test func replayGivesEventsInOrder() throws { try StoreConformance.replayGivesEventsInOrder(FileTestStore()) }
    @Test func headHashFollowsTheDefinition() throws {
        try StoreConformance.headHashFollowsTheDefinition(FileTestStore())
    }
    @Test func asKnownAtGoesByRecorded() throws { try StoreConformance.asKnownAtGoesByRecorded(FileTestStore()) }
}
