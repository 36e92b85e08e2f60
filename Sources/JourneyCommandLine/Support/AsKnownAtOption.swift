import ArgumentParser
import JourneyCore

/// `--as-known-at`, the same for every command that reads the log: only the events recorded by then, so that a
/// figure, a finding or a chronology is what the log said at that time.
struct AsKnownAtOption: ParsableArguments {
    @Option(
        name: .customLong("as-known-at"),
        help: ArgumentHelp(
            "Only events recorded by then: the log as it stood. A date means its end; or a time such as "
                + "2024-06-30T17:00:00Z.",
            valueName: "time"),
        transform: AsKnownAt.parse)
    var value: AsKnownAt?

    /// The latest `recorded` time that counts: `nil` for the whole log.
    var timestamp: Timestamp? { value?.timestamp }
}
