import ArgumentParser
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyReports

extension Journey {
    struct Chronology: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chronology",
            abstract: "A child's chronology, or what changed in their record between two times.",
            discussion: """
                Every event that counts in the child's record, in date order and in plain words, codes translated, \
                with the level of help (universal, early help, child in need, child protection, looked after) as it \
                changes, how long plans, placements and periods of care lasted, and, when an event was recorded more \
                than a day from when it happened, when it was recorded. Same-day events come in their natural order \
                (contact, referral, early help, assessment, S47, ICPC, CIN plan, CP plan, care), then in log order. \
                A merged child's chronology includes the merged records' events, marked as such.

                --as-known-at shows the record as it stood then: what was known when a decision was taken. \
                Corrections, retractions and merges are resolved as the metrics resolve them.

                --diff T1 T2 lists what changed between two "as known at" times: events added, events back-dated \
                (recorded after T1 about something before it), corrections and retractions, with who recorded each.

                The output holds personal data about a child: keep it as you keep the case record.

                Examples:
                  journey chronology C100 --log event-logs/main
                  journey chronology C100 --as-known-at 2024-06-30 --format html > C100-2024-06-30.html
                  journey chronology C100 --from 2024-04-01 --to 2025-03-31 --without-visits --format markdown
                  journey chronology C100 --diff 2024-06-30 2024-12-31
                """
        )

        @Argument(help: ArgumentHelp("The child's id.", valueName: "child"))
        var child: String

        @OptionGroup var log: LogFolderOrFileOptions

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Option(
            help: ArgumentHelp("Only events on or after this date.", valueName: "yyyy-mm-dd"),
            transform: CalendarDate.parse)
        var from: CalendarDate?

        @Option(
            help: ArgumentHelp("Only events on or before this date.", valueName: "yyyy-mm-dd"),
            transform: CalendarDate.parse)
        var to: CalendarDate?

        @Option(
            parsing: .upToNextOption,
            help: ArgumentHelp("What changed between two \"as known at\" times.", valueName: "t1 t2"),
            transform: AsKnownAt.parse)
        var diff: [AsKnownAt] = []

        @Option(help: ArgumentHelp("text, markdown, html or json.", valueName: "format"))
        var format: ReportFormat = .text

        @Flag(help: "Leave out statutory visits (the levels of help and durations are unchanged).")
        var withoutVisits = false

        func validate() throws {
            if let problem = ChildID.problem(with: child) { throw ValidationError("the child id \(problem)") }
            guard log.path != "-" else {
                throw ValidationError(
                    "a chronology reads the log twice (the replay, then the child's events), so it cannot read "
                        + "standard input: give a log folder or a JSON Lines file")
            }
            if let from, let to, from > to { throw ValidationError("--from must be on or before --to") }
            if !diff.isEmpty {
                guard diff.count == 2 else { throw ValidationError("--diff takes two times: --diff T1 T2") }
                guard diff[0].timestamp < diff[1].timestamp else {
                    throw ValidationError("--diff takes the earlier time first")
                }
                guard asKnownAt.value == nil, from == nil, to == nil else {
                    throw ValidationError("--diff takes its own two times: leave out --as-known-at, --from and --to")
                }
            }
        }

        func run() throws {
            try reportingErrors {
                let progress = Terminal.Progress(progressOptions)
                let id = ChildID(child)
                // From a log folder's checkpoint, the atoms of this record's children alone, when it has one.
                let state =
                    try openLogFolder(log.path).flatMap { try JourneyState.forRecord(of: id, in: $0) }
                    ?? replayState(log.path, useCache: true, progress: progress)
                let latest = diff.last?.timestamp ?? asKnownAt.timestamp
                guard let record = state.record(of: id, asKnownAt: latest, includingRecording: true) else {
                    if let into = state.recordID(containing: id, asKnownAt: latest) {
                        throw ChronologyError.mergedInto(child: child, record: into.description)
                    }
                    throw ChronologyError.unknownChild(child)
                }
                let children = Set([id] + record.mergedFrom)
                let events =
                    try LogStores.reading(LogSource(locating: log.path)) {
                        try ChildEvents.read($0, children: children)
                    }
                    ?? ChildEvents.read(log.path, children: children, at: ChildEvents.positions(readFor: record))
                let out = StandardOutput()
                if diff.count == 2 {
                    let before = state.record(of: id, asKnownAt: diff[0].timestamp, includingRecording: true)
                    let changes = RecordDiff(
                        child: id, before: before, after: record, earlier: diff[0].timestamp,
                        later: diff[1].timestamp, events: events)
                    out.write(changes.rendered(format))
                } else {
                    let chronology = ChronologyReport(
                        record, events: events, asKnownAt: asKnownAt.timestamp, from: from, to: to,
                        includingVisits: !withoutVisits)
                    out.write(chronology.rendered(format))
                }
                out.flush()
            }
        }
    }
}

/// Why a chronology cannot be written. Only the id the user typed is repeated: never dates or other data.
enum ChronologyError: Error, CustomStringConvertible {
    case unknownChild(String)
    case mergedInto(child: String, record: String)

    var description: String {
        switch self {
        case .unknownChild(let child):
            "no record for child \(child) in the log as known then (check the id and --as-known-at)"
        case .mergedInto(let child, let record):
            "child \(child)'s record was merged into \(record): ask for \(record)'s chronology, which includes it"
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// The report type, named apart from the command nested in `Journey`.
typealias ChronologyReport = Chronology
