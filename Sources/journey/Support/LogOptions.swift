import ArgumentParser

/// The `--log DIR` option every command shares.
struct LogOptions: ParsableArguments {
    @Option(name: .customLong("log"), help: ArgumentHelp("The event log directory.", valueName: "dir"))
    var path: String = "event-logs/main"
}
