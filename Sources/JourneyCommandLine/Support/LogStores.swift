import JourneyLog

/// The stores this program offers beyond log folders, set by the program around `Journey.main` (a task-local
/// value, so that tests can offer a store for one test without touching another's).
public enum LogStores {
    @TaskLocal public static var offered: [any LogStore] = []

    /// The store that opens `address`, or an error naming the program that does, and how to run `command` (the
    /// command's name, as typed after the program's) there.
    static func store(for address: String, command: String = exampleCommand) throws -> any LogStore {
        let scheme = address.prefix { $0 != ":" }.lowercased()
        if let store = offered.first(where: { $0.schemes.contains(scheme) }) { return store }
        throw LogSourceError(
            path: LogStores.withoutCredentials(address),
            found: "the address of a log in another store (\(scheme)://), which this program does not open",
            expected: scheme.hasPrefix("postgres")
                ? "journey-serve opens PostgreSQL logs and runs every journey command on them: build it with "
                    + "swift build --product journey-serve, then run journey-serve \(command) --log ADDRESS"
                : LogSource.expected)
    }

    static let exampleCommand = "metrics"

    /// An address as it may be shown: anything between `://` and `@` (a user, and a password someone put there
    /// against the advice) left out.
    static func withoutCredentials(_ address: String) -> String {
        guard let start = address.range(of: "://"), let at = address[start.upperBound...].lastIndex(of: "@") else {
            return address
        }
        return String(address[..<start.upperBound]) + "…" + String(address[at...])
    }

    /// Runs `body` on the log in another store that `source` names, or returns nil when it names none.
    static func reading<Result>(
        _ source: LogSource, command: String = exampleCommand, _ body: (any EventStoreReader) throws -> Result
    ) throws -> Result? {
        guard case .store(let address) = source else { return nil }
        return try store(for: address, command: command).reading(address, body)
    }
}
