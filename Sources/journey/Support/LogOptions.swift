import ArgumentParser

/// The `--log DIR` option every command shares.
struct LogOptions: ParsableArguments {
    @Option(name: .customLong("log"), help: ArgumentHelp("The event log directory.", valueName: "dir"))
    var path: String = "event-logs/main"
}

/// The `--log` option of the commands that replay: a log directory, or a JSON Lines file read directly.
struct ReplayedLogOptions: ParsableArguments {
    @Option(
        name: .customLong("log"),
        help: ArgumentHelp("The event log directory, or a JSON Lines file of events.", valueName: "dir|file"))
    var path: String = "event-logs/main"
}
