import ArgumentParser

/// `--progress`, on the commands that replay or import: progress on standard error even when it is not a terminal.
struct ProgressOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Show progress on standard error even when it is not a terminal (a line a second at most). Progress "
                + "never goes to standard output."))
    var progress = false
}
