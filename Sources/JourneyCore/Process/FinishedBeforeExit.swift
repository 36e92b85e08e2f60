import Dispatch

/// Work a command hands off to be finished while it writes its output, by a program that waits for it before it
/// exits (the command line, `waitForAll`): saving results for the next run, which nothing in this run reads. Saving
/// the findings of a run after an append to a 10M-event log (encoding them, and writing 14 MB with its flush to the
/// disk) took 30–45 ms of a run of 0.3 s, and writing the report 10 ms more, one after the other.
///
/// The work runs one piece at a time, in the order handed off, so that two pieces never write one file at once. A
/// program that runs on (the service, the tests, which run commands in-process) never turns this on: each piece then
/// runs at once, on the caller's thread, and is done when the caller goes on.
package enum FinishedBeforeExit {
    private nonisolated(unsafe) static var isOn = false
    /// Serializes `isOn`.
    private static let state = DispatchQueue(label: "journey.finished-before-exit.state")
    private static let work = DispatchQueue(label: "journey.finished-before-exit")
    private static let pending = DispatchGroup()

    /// Turns handing off on for the rest of the process: for a program that calls `waitForAll` before it exits.
    package static func turnOn() { state.sync { isOn = true } }

    /// Runs `piece` after those handed off before it, on another thread, when handing off is on; otherwise now.
    package static func run(_ piece: @escaping @Sendable () -> Void) {
        if state.sync(execute: { isOn }) {
            work.async(group: pending, execute: piece)
        } else {
            piece()
        }
    }

    /// Waits until every piece handed off so far is done.
    package static func waitForAll() { pending.wait() }
}
