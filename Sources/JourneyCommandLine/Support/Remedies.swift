import JourneyImport
import JourneyLog
import JourneyProjections
import JourneySynth

// The libraries' errors say what went wrong; which command to run or option to pass about it is the command line's
// to say, here, in its own words (a service using the libraries words it its way). A remedy follows the library's
// sentence, with its own punctuation.

/// An error as `journey` prints it: the library's message, and the command or option that remedies it.
func commandLineMessage(for error: any Error) -> String {
    switch error {
    case let error as LogError: error.commandLineMessage
    case let error as ImportError: error.description + (error.remedy ?? "")
    case let error as SynthParametersError: error.commandLineMessage
    case let error as PeriodOutsideLog:
        // Figures computed anyway are marked partial; findings or cases on a day the caller names in its own words
        // (`consequence`) are not marked.
        error.description
            + (error.consequence == PeriodOutsideLog.figuresCountNothing
                ? " Give a period the log covers, or --allow-uncovered to compute them anyway (marked partial)."
                : " Give a day the log covers, or --allow-uncovered to go ahead anyway.")
    default: "\(error)"
    }
}

/// An error a command has worded, remedy and all.
struct RemediedError: Error, CustomStringConvertible {
    var description: String
}

extension LogError {
    var commandLineMessage: String {
        if case .versionMismatch(let child, let expected, let actual) = self {
            return Self.versionMismatch(
                child: child, expected: expected, actual: actual, requiredBy: "--expect-version")
        }
        return description + (remedy ?? "")
    }

    /// What to do, in the command line's words.
    var remedy: String? {
        switch self {
        case .notDurable: "; check the disk, then run `journey verify` before appending again."
        case .locked: ". Wait for it to finish, or pass --wait to queue behind it."
        case .notFound(let path):
            ". \(LogSource.expected); create a log by appending to it: journey append FILE --log \(path)"
        case .notALog:
            ". \(LogSource.expected); only `journey append` creates a log, in a new or empty folder."
        case .damaged: ". Run `journey verify` for a full report."
        case .logMoved: " Run the import again: it reads the log afresh."
        case .io, .rejected, .versionMismatch, .writerStopped: nil
        }
    }
}

extension ImportError {
    /// The error with the advice for a year that cannot be told, which names `--year` with the year the command's
    /// help shows; any other error as it is.
    func remedied(yearExample: String) -> any Error {
        guard case .unknownYear(let reason) = self else { return self }
        return RemediedError(description: reason + ": pass --year, e.g. \(yearExample)")
    }

    /// What to do, in the command line's words.
    var remedy: String? {
        switch self {
        case .invalid:
            "\nFix the rows, or pass --skip-invalid to import the valid ones (with --rejected FILE to keep the "
                + "rejected rows and their reasons)."
        case .unreadable, .noReturn, .unknownYear, .unwritable: nil
        }
    }
}

extension SynthParametersError {
    /// The message with the dates named by the options that give them.
    var commandLineMessage: String {
        switch rule {
        case .endsBeforeStart: "--to must not be before --from"
        case .historyBeginsBefore1970: "--from less the history must not be before 1970"
        case nil: message
        }
    }
}
