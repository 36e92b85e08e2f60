import ArgumentParser
import Foundation
import ProgramArguments

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Journey {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the log over HTTP (runs journey-serve, built beside journey).",
            discussion: """
                The shared service is its own program, journey-serve, so that journey itself builds without the \
                web server's packages. journey serve runs the journey-serve found beside this program with the \
                same arguments; see journey-serve --help for them (--log, --listen, --users, --audit-log, \
                --live-year).

                Build it once:
                  swift build --product journey-serve
                  swift build -c release --product journey-serve    (for a council's server)

                Examples:
                  journey serve --log event-logs/main
                  journey serve --log event-logs/main --listen 127.0.0.1:8080 --live-year 2024-25
                """
        )

        @Argument(
            parsing: .captureForPassthrough,
            help: ArgumentHelp("journey-serve's arguments.", valueName: "arguments"))
        var arguments: [String] = []

        func run() throws {
            let program = Self.serverBesideThisProgram()
            guard let program, access(program, X_OK) == 0 else {
                throw ValidationError(
                    "journey-serve is not built\(program.map { " (looked for \($0))" } ?? ""): build it with "
                        + "swift build --product journey-serve (or swift build -c release --product journey-serve), "
                        + "then run journey serve again")
            }
            // The server takes this process's place: signals (Ctrl-C, a service manager's stop) reach it directly.
            let argv = ([program] + arguments).map { strdup($0) } + [nil]
            execv(program, argv)
            throw ValidationError("could not run \(program): \(String(cString: strerror(errno)))")
        }

        /// `journey-serve` in the folder this program was run from: its path as the C library handed it over (the
        /// Swift runtime reads /proc, which may be missing), or found on PATH.
        static func serverBesideThisProgram() -> String? {
            guard let zero = journey_argument(0).map({ String(cString: $0) }) else { return nil }
            var path = zero
            if !zero.contains("/") {
                let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
                guard let folder = folders.first(where: { access("\($0)/\(zero)", X_OK) == 0 }) else { return nil }
                path = "\(folder)/\(zero)"
            }
            let folder = (path as NSString).deletingLastPathComponent
            return (folder.isEmpty ? "." : folder) + "/journey-serve"
        }
    }
}
