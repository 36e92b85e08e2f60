import ArgumentParser
import JourneyCore

/// What the commands that judge timescales share: the bank holidays their working days skip, and whether the replay
/// may use the log's cache folder.
struct ReplayOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Replay the whole log, ignoring and not saving what its cache folder holds (the checkpoint, and for "
                + "check the event-id index)."))
    var noCache = false

    @Option(
        help: ArgumentHelp(
            "A bank-holiday file replacing England and Wales's (JSON or one date a line).", valueName: "file"))
    var calendar: String?

    var useCache: Bool { !noCache }

    /// The working-day calendar: England and Wales's as shipped, or a council's own file.
    func workingDays() throws -> WorkingDayCalendar {
        guard let calendar else { return .englandAndWales }
        let text = try readOptionTextFile(calendar, option: "--calendar")
        return try WorkingDayCalendar(holidayFileContents: text, fileName: calendar)
    }
}
