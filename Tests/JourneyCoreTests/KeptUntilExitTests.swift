import Testing

@testable import JourneyCore

/// A program that runs on (the tests, the service) never turns keeping on: what it hands over is let go of as usual.
struct KeptUntilExitTests {
    final class Held {}

    @Test func offByDefaultNothingIsKept() {
        weak var weakly: Held?
        do {
            let held = Held()
            weakly = held
            KeptUntilExit.keep(held)
            #expect(weakly != nil)
        }
        #expect(weakly == nil, "kept though keeping was never turned on")
    }
}
