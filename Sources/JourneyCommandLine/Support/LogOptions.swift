import ArgumentParser
import JourneyLog

/// The `--log DIR` option of the commands that append: a log folder, created when new.
struct LogOptions: ParsableArguments {
    @Option(
        name: .customLong("log"),
        help: ArgumentHelp(
            "The log folder to append to (created when new or empty); in journey-serve, also a PostgreSQL address "
                + "(postgres://USER@HOST:PORT/DATABASE).", valueName: "folder|address"))
    var path: String = "event-logs/main"

    /// The folder to append to (see `folderToAppendTo(_:)`).
    func folderToAppendTo() throws -> String { try JourneyCommandLine.folderToAppendTo(path) }
}

/// The folder to append to: anything there but a folder (a JSON Lines file, a device) is refused before the input
/// is read or a lock taken; a new name is a log to create.
func folderToAppendTo(_ path: String) throws -> String {
    // Never a folder named after an address: `postgres://h/db` would otherwise become the folders `postgres:/h/db`.
    if LogSource.isStoreAddress(path) {
        throw LogSourceError(
            path: LogStores.withoutCredentials(path), found: "the address of a log in another store",
            expected: "This command writes into a log folder; append to a store with journey append, or copy a "
                + "folder into one with journey copy")
    }
    guard EventLog.exists(path) else { return path }
    let expected = "Appending writes into a log folder (a new one is created there): give a folder"
    switch try? LogSource(locating: path) {
    case .directory: return path
    case .jsonLines: throw LogSourceError(path: path, found: "a file, not a log folder", expected: expected)
    default: throw LogSourceError(path: path, found: "not a folder", expected: expected)
    }
}

/// The `--log` option of the commands that read: a log folder, a JSON Lines file of events whatever its name, or
/// `-` for standard input. What it names is decided by `LogSource`, for every command alike.
struct ReplayedLogOptions: ParsableArguments {
    @Option(
        name: .customLong("log"),
        help: ArgumentHelp(
            "The events: a log folder, a JSON Lines file of events (any name), or - for standard input.",
            valueName: "folder|file|-"))
    var path: String = "event-logs/main"

    /// What `--log` names; throws, naming what was found, when it is neither a log folder nor a JSON Lines file.
    func source() throws -> LogSource { try LogSource(locating: path) }
}

/// The `--log` option of the commands that read the events more than once or name the file's hash (`report`,
/// `chronology`): a log folder or a JSON Lines file of events whatever its name; standard input is refused.
struct LogFolderOrFileOptions: ParsableArguments {
    @Option(
        name: .customLong("log"),
        help: ArgumentHelp(
            "The events: a log folder, or a JSON Lines file of events (any name); in journey-serve, also a "
                + "PostgreSQL address. Not standard input.", valueName: "folder|file|address"))
    var path: String = "event-logs/main"
}
