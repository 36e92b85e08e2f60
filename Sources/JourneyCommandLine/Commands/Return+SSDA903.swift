import ArgumentParser
import Foundation
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyReports

extension Journey.Return {
    struct SSDA903: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ssda903",
            abstract: "Write the SSDA903 return (children looked after) for a collection year as its CSV tables.",
            discussion: """
                Writes the tables the DfE's 903 collection takes, with its file and column names: header, \
                episodes, reviews, uasc, missing, oc2, oc3, ad1, placed_for_adoption, previous_permanence, \
                sw_episodes and DoLo (.csv each, dates dd/mm/yyyy). journey import ssda903 reads them back.

                Who is in it: every child looked after at any time in the year (1 April to 31 March), short breaks \
                included; among them those adopted in the year (ad1) and those looked after for 12 months at 31 \
                March (oc2); care leavers contacted around their birthday in the year (oc3); a header row for each.

                Episodes are rebuilt from periods of care, legal statuses and placements by the 903 rules: a new \
                episode at each change of legal status, placement or carer, its RNE saying which (S start of care, \
                L legal status, P placement and carer, T placement with the same carer, U legal status and \
                placement with the same carer, B legal status and placement and carer). A temporary placement \
                (T0-T4) interrupts the one before: the child's return to it is a new episode. The return \
                holds the episode open on 1 April and those after it; DEC is the next episode's start (REC X1) or \
                the end of care with its reason; an end after 31 March is left blank, as the return cannot know it. \
                Other placements are Z1 before 2025-26 and Z11-Z14 from it: an earlier year writes Z11-Z14 as Z1, \
                and from 2025-26 a placement recorded Z1 is written as recorded and is a finding (the log cannot \
                say which of Z11-Z14 it is): re-record it with its 2025-26 code.

                The log is read as it stood at --as-known-at (default: all of it), with corrections, retractions \
                and merges resolved as the metrics resolve them: the return as it could have been sent then.

                Values the return needs that the log does not hold are written as the DfE's "not known" code where \
                there is one (ETHNIC NOBT, UPN UN5, PREV_PERM Z1) and blank otherwise (HOME_POST, MOTHER, a \
                placement's postcode…). Standard error sums them up by table and field; --blanks writes every \
                child and field as CSV (table, child, field, written), for the team to complete the record.

                The tables go into a new folder written beside --out and renamed into place, so a failed run \
                leaves nothing half-written. A folder that already holds files is refused unless --force, which \
                replaces it whole.

                The tables hold personal data about children: keep them as you keep the case record.

                Examples:
                  journey return ssda903 --log event-logs/main --year 2024-25 --out 903-2024-25/
                  journey return ssda903 --year 2024-25 --as-known-at 2025-05-31 --out 903-as-sent/ --force
                  journey return ssda903 --year 2024-25 --out 903-2024-25/ --blanks 903-blanks.csv
                """
        )

        @OptionGroup var log: ReplayedLogOptions

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Option(help: ArgumentHelp("The collection year, 1 April to 31 March.", valueName: "2024-25"))
        var year: String

        @Option(help: ArgumentHelp("The folder to write the tables into (new or empty).", valueName: "folder"))
        var out: String

        @Flag(help: "Replace the --out folder whole if it already holds files.")
        var force = false

        @Option(
            help: ArgumentHelp(
                "Write every child and field left blank or \"not known\" to this CSV file.", valueName: "file"))
        var blanks: String?

        @Flag(help: "Replay the whole log, ignoring and not saving its checkpoint.")
        var noCache = false

        func validate() throws {
            guard CollectionYear(year) != nil else {
                throw ValidationError("--year takes a collection year such as 2024-25 (1 April 2024 to 31 March 2025)")
            }
            guard !out.isEmpty else { throw ValidationError("--out takes a folder") }
        }

        func run() throws {
            try reportingErrors {
                let startYear = CollectionYear(year)!.startYear
                let progress = Terminal.Progress(progressOptions)
                let state = try replayState(log.path, useCache: !noCache, progress: progress)
                let result = SSDA903Return(startYear: startYear, state: state, asKnownAt: asKnownAt.timestamp)
                try result.write(toFolder: out, replacing: force)
                if let blanks {
                    // Owner-only, through a temporary renamed into place, as every file the package writes.
                    do {
                        try System.replaceFile(blanks, temporary: blanks + ".partial") {
                            try $0.write(Array(result.blanksCSV().utf8))
                        }
                    } catch let error as SystemCallError {
                        throw SSDA903WriteError.cannotWrite(blanks, reason: error.reason)
                    }
                }
                Terminal.error(summary(result))
            }
        }

        /// What was written, and the blanks by table and field.
        func summary(_ result: SSDA903Return) -> String {
            var lines = [
                "SSDA903 \(year): \(result.childCount) \(result.childCount == 1 ? "child" : "children") written to \(out)"
                    + " ("
                    + SSDA903Return.Table.allCases.map { "\($0.name) \(result.rows(of: $0).count)" }
                    .joined(separator: ", ") + ")"
            ]
            let counts = result.blankCounts
            if counts.isEmpty {
                lines.append("no value left blank")
            } else {
                lines.append(
                    "left blank or \"not known\" (the log does not hold them)"
                        + (blanks == nil ? "; --blanks FILE lists every child:" : ":"))
                for c in counts {
                    lines.append("  \(c.table.name).\(c.field): \(c.count) \(c.count == 1 ? "child" : "children")")
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
