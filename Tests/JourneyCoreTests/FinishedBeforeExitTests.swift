import Synchronization
import Testing

@testable import JourneyCore

/// A program that runs on (the tests, the service) never turns handing off on: what it hands off is done before the
/// call returns, so that a saved file is there for the next call to read.
struct FinishedBeforeExitTests {
    @Test func offByDefaultWorkIsDoneAtOnce() {
        let done = Atomic(false)
        FinishedBeforeExit.run { done.store(true, ordering: .sequentiallyConsistent) }
        let isDone = done.load(ordering: .sequentiallyConsistent)
        #expect(isDone, "handed off though handing off was never turned on")
    }
}

/// A value made on another thread is the one its maker gives, handed over once.
struct PromisedTests {
    @Test func theValueIsHandedOverOnce() {
        let promised = Promised { (1...1000).reduce(0, +) }
        #expect(promised.take() == 500_500)
        #expect(promised.take() == nil)
    }
}
