import ArgumentParser
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyReports

extension Journey.Return {
    struct CINCensus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cin-census",
            abstract: "Write the CIN census return for a collection year, as XML in that year's schema.",
            discussion: """
                The children in need census for the collection year (1 April to 31 March), written from the log as \
                it stood at --as-known-at (default: everything recorded). The collection year 2024-25 is the 2025 \
                census: <Year>2025</Year>, reference date 31 March 2025, CIN_schema_2025.xsd. Years 2016-17 to \
                2025-26 are written, each in its own schema (GenderCurrent until 2024, Sex from 2025; \
                CINPlanDates from 2022).

                Who is returned: every child with an episode of need open at some time in the year (referred in \
                the year, or referred earlier and not closed before 1 April), and every referral with no further \
                action received in the year. Each episode carries what was open in the year: assessments, CIN \
                plans and CP plans open at some time in it, section 47 enquiries started in it (or with their \
                initial conference in it), and the conferences and CP plan reviews held in it. Anything dated after \
                31 March (a closure in April, a later authorisation) is left out, so the return says what was true \
                at the reference date. docs/returns.md says why, rule by rule.

                Every element the schema requires is written. Where the log lacks a value the schema requires, the \
                schema's code for not known is written (ethnicity NOBT, sex U, or 0 before 2025; primary need N0); \
                where an optional value is missing it is left out. Each such field is a finding: standard error \
                gets a summary with counts, and --blanks writes every one (child, field, kind, what was written, \
                why) to a CSV file. A year with no child in scope writes nothing (the schema needs one Child at \
                least) and says so. The return holds personal data: keep it, and the --blanks file, as the case \
                records are kept.

                The file is written to a temporary file beside --out and renamed into place, so that --out is \
                never left half written.

                Examples:
                  journey return cin-census --log event-logs/main --year 2024-25 --la 201 --out cin-2024-25.xml
                  journey return cin-census --year 2024-25 --la 201 --as-known-at 2025-05-15 --out cin.xml --blanks cin-blanks.csv
                  xmllint --noout --schema CIN_schema_2025.xsd cin-2024-25.xml
                """)

        @OptionGroup var log: LogFolderOrFileOptions

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Flag(help: ArgumentHelp("Replay the whole log, ignoring and not saving its cache folder's checkpoint."))
        var noCache = false

        @Option(help: ArgumentHelp("The collection year, such as 2024-25 (the 2025 census).", valueName: "yyyy-yy"))
        var year: String

        @Option(help: ArgumentHelp("The local authority's three-digit code (the header's LEA).", valueName: "code"))
        var la: String

        @Option(help: ArgumentHelp("Where to write the XML return.", valueName: "file"))
        var out: String

        @Option(
            help: ArgumentHelp(
                "Also write every field left blank or defaulted, child by child, to this CSV file.", valueName: "file"))
        var blanks: String?

        func validate() throws {
            guard let collectionYear = CollectionYear(year) else {
                throw ValidationError("--year takes a collection year such as 2024-25, not \"\(year)\"")
            }
            guard CINCensusSchema(year: collectionYear) != nil else {
                let years = CINCensusSchema.censusYears
                throw ValidationError(
                    "--year \(year): the CIN census schemas held are those of \(years.lowerBound - 1)-"
                        + "\(String(years.lowerBound % 100)) to \(years.upperBound - 1)-\(years.upperBound % 100)")
            }
            guard CINCensusReturn.Header.isLACode(la) else {
                throw ValidationError("--la takes the local authority's three-digit code (such as 201), not \"\(la)\"")
            }
            guard log.path != "-" else {
                throw ValidationError("--log takes a log folder or a JSON Lines file, not standard input")
            }
            if let blanks, blanks == out { throw ValidationError("--blanks and --out name the same file") }
        }

        func run() throws {
            try reportingErrors {
                // Checked in `validate()`.
                let schema = CINCensusSchema(year: CollectionYear(year)!)!
                // Refused before the replay: a path that names a folder, a device or a link.
                try Journey.Report.checkReplaceable(out)
                if let blanks { try Journey.Report.checkReplaceable(blanks) }
                let progress = Terminal.Progress(progressOptions)
                let state = try replayState(log.path, useCache: !noCache, progress: progress)
                let census = CINCensusReturn(schema: schema, state: state, asKnownAt: asKnownAt.timestamp)
                guard !census.isEmpty else { throw CINCensusReturnError.noChild(year: census.schema.description) }
                let header = CINCensusReturn.Header(la: la, made: Journey.Report.now, release: BuildInfo.version)
                try Self.write(census.xml(header), to: out)
                if let blanks { try Self.write(Array(census.findingsCSV.utf8), to: blanks) }
                Terminal.error(Self.summary(census, out: out))
            }
        }

        /// What standard error gets: how many children and episodes, then the findings counted by field.
        static func summary(_ census: CINCensusReturn, out: String) -> String {
            let episodes = census.children.reduce(0) { $0 + $1.episodes.count }
            var lines = [
                "journey: wrote \(out): the \(census.schema.censusYear) CIN census (\(census.schema)), "
                    + "\(census.children.count) children, \(episodes) episodes"
            ]
            let counts = census.findingCounts
            if counts.isEmpty {
                lines.append("no field left blank or defaulted")
            } else {
                lines.append("fields left blank or defaulted (\(census.findings.count)):")
                for c in counts {
                    let written = c.written.isEmpty ? "" : " as \(c.written)"
                    lines.append("  \(c.count)\t\(c.field): \(c.kind.rawValue)\(written)")
                }
            }
            return lines.joined(separator: "\n")
        }

        /// Through a temporary file beside `path`, renamed into place (`System.replaceFile`): never half a file.
        static func write(_ bytes: [UInt8], to path: String) throws {
            let temporary = path + ".partial"
            try Journey.Report.checkReplaceable(temporary)
            do {
                try System.replaceFile(path, temporary: temporary) { try $0.write(bytes) }
            } catch let error as SystemCallError {
                throw ReportFileError(path: path, reason: error.reason)
            }
        }
    }
}

/// Why no return was written. Nothing about a child.
enum CINCensusReturnError: Error, CustomStringConvertible {
    case noChild(year: String)

    var description: String {
        switch self {
        case .noChild(let year):
            "no child of the log is in the CIN census of \(year) (no episode of need open in the year, no referral in "
                + "it): the schema needs one Child at least, so no file was written (check --year and --as-known-at)"
        }
    }
}
