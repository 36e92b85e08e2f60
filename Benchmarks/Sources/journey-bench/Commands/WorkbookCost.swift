import ArgumentParser
import JourneyCore
import JourneyWorkbook

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension JourneyBench {
    /// The time and memory of writing one large sheet, as `journey check --format xlsx` writes a council's findings:
    /// a row per finding of eight columns (check, severity, rule, child, date, event ids, positions, message).
    struct WorkbookCost: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workbook",
            abstract: "Time writing an xlsx sheet of many rows: making the parts, zipping them, writing the file.",
            discussion: """
                Examples:
                  journey-bench workbook --rows 200000
                  journey-bench workbook --rows 200000 --out /tmp/bench.xlsx
                """
        )

        @Option(help: ArgumentHelp("Rows in the sheet.", valueName: "n"))
        var rows = 200_000

        @Option(help: ArgumentHelp("How many times to run; the median is reported.", valueName: "n"))
        var repeats = 3

        @Option(help: ArgumentHelp("Where to write the workbook.", valueName: "file.xlsx"))
        var out = "/tmp/journey-bench-workbook.xlsx"

        func run() throws {
            print("$ " + CommandLine.arguments.joined(separator: " "))
            let (sheet, building) = Clock.measure { Self.sheet(rows: rows) }
            let workbook = Workbook([sheet])
            print("built \(rows) rows in \(format(building)) s; peak RSS so far \(peakMiB()) MiB")
            var data: [Double] = []
            var cpu: [Double] = []
            var write: [Double] = []
            var size = 0
            for _ in 0..<repeats {
                let before = cpuSeconds()
                let (bytes, seconds) = try Clock.measure { try workbook.data() }
                cpu.append(cpuSeconds() - before)
                size = bytes.count
                data.append(seconds)
                write.append(try Clock.measure { try workbook.write(to: out) }.seconds)
            }
            print(
                "data(): median \(format(median(data))) s (CPU \(format(median(cpu))) s); "
                    + "write(to:): median \(format(median(write))) s")
            print("\(size) bytes; peak RSS \(peakMiB()) MiB")
        }

        /// The process's CPU time so far, in seconds: on a shared machine, the wall clock also counts other
        /// processes' turns.
        func cpuSeconds() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }

        /// Peak resident memory so far (`ru_maxrss`).
        func peakMiB() -> Int {
            var usage = rusage()
            #if canImport(Glibc)
                getrusage(RUSAGE_SELF.rawValue, &usage)
            #else
                getrusage(RUSAGE_SELF, &usage)
            #endif
            return usage.ru_maxrss / 1024
        }

        /// Rows like a check's findings, different on each row so the zip cannot make them nothing.
        static func sheet(rows: Int) -> Worksheet {
            let checks = ["assessment-open-over-45-days", "cp-visit-overdue", "placement-overlaps-placement"]
            let teams = ["North", "South", "East", "West", "Children in Care", "Leaving Care"]
            var sheet = Worksheet(
                name: "Findings",
                headings: ["check", "severity", "rule", "child", "date", "event_ids", "positions", "message"])
            sheet.rows.reserveCapacity(rows)
            for i in 0..<rows {
                let child = "C" + String(100_000 + i % 10_000)
                sheet.append([
                    .text(checks[i % checks.count]), .text(i % 7 == 0 ? "error" : "warning"),
                    .text("8" + String(i % 1000)),
                    .text(child), .date(CalendarDate(dayNumber: Int32(18_000 + i % 2_000))),
                    .text("s2025-\(child)-\(i % 40) s2025-\(child)-\(i % 40 + 1)"), .integer(i * 3 + 1),
                    .text(
                        "The assessment started on day \(i % 365) has been open for more than 45 working days: "
                            + "complete it, or record why it is still open (team \(teams[i % teams.count]))."),
                ])
            }
            return sheet
        }
    }
}

private func format(_ seconds: Double) -> String { String((seconds * 100).rounded() / 100) }
