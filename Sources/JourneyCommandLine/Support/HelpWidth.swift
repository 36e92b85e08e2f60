import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The width help is wrapped to when standard output is not a terminal, so that no example command is split.
///
/// ArgumentParser (1.8) wraps a command's discussion, examples and all, to the terminal's width, or to 80 columns
/// when standard output is not a terminal, and has no way to mark text as pre-formatted; it reads the width from
/// `COLUMNS` first. An example split across two lines cannot be pasted back into a shell, so when standard output
/// is not a terminal (help piped to a file or a pager) and `COLUMNS` is not set, `COLUMNS` is set to the longest
/// example line and one more (the parser splits a line as long as the width), and to 80 at least.
enum HelpWidth {
    /// The width that keeps every example of `commands` and their subcommands on one line, 80 at least.
    static func columns(keepingExamplesOf commands: [any ParsableCommand.Type]) -> Int {
        commands.flatMap(exampleLines).map { $0.count + 1 }.reduce(80, max)
    }

    /// The example commands of a command's discussion and its subcommands' (the lines that start with `journey `),
    /// each with its indentation, as the help prints it.
    static func exampleLines(_ command: any ParsableCommand.Type) -> [String] {
        let own = command.configuration.discussion.split(separator: "\n")
            .filter { $0.drop { $0 == " " }.hasPrefix("journey ") }.map(String.init)
        return own + command.configuration.subcommands.flatMap(exampleLines)
    }

    /// Sets `COLUMNS` to `columns(keepingExamplesOf:)` when standard output is not a terminal and `COLUMNS` is not
    /// set: a width someone chose is theirs.
    static func keepExamplesWhole(of command: any ParsableCommand.Type) {
        guard isatty(1) == 0, getenv("COLUMNS") == nil else { return }
        setenv("COLUMNS", String(columns(keepingExamplesOf: [command])), 0)
    }
}
