import Dispatch

/// Large values a command is done with, kept by a program that exits as soon as its command is (the command line)
/// rather than let go of one by one: exiting gives all the memory back at once. Letting go of what a run after an
/// append reads of a 10M-event log (the tables of half a million children and strings, the records' findings and
/// days) took 7–9 ms of a run of 0.2–0.3 s, one array and one string at a time. A program that runs on (the service,
/// the tests, which run commands in-process) never turns keeping on, and lets go as usual.
package enum KeptUntilExit {
    private nonisolated(unsafe) static var isOn = false
    private nonisolated(unsafe) static var values: [Any] = []
    /// Serializes the two above.
    private static let queue = DispatchQueue(label: "journey.kept-until-exit")

    /// Turns keeping on for the rest of the process: for a program that exits when its command is done.
    package static func turnOn() { queue.sync { isOn = true } }

    /// Keeps `value` until the process exits, when keeping is on; otherwise does nothing, and the caller lets go of
    /// it as usual. Only for what a command makes once: a command that made such values in a loop would keep every
    /// one of them.
    package static func keep(_ value: Any) {
        queue.sync {
            if isOn { values.append(value) }
        }
    }
}
