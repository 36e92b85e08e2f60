import ArgumentParser
import JourneyCore
import JourneyLog
import JourneySynth

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Journey {
    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "synth",
            abstract: "Generate a synthetic council's events, calibrated to England's published figures.",
            discussion: """
                Made-up children come to the front door evenly, and their journeys follow the statutory flow: contacts, referrals, assessments, S47 enquiries, conferences, CIN and CP plans, \
                periods of care with placements, missing episodes, reviews and visits, re-referrals and repeat \
                plans; adoptions (decision, placement order, match, placement, order; some reversed or \
                disrupted), special guardianship and child arrangements orders; care leavers' contacts to 21; \
                and the yearly health of children looked after for a year. Rates and timescales are calibrated to England's figures for the year to March 2025 \
                (re-referrals 22.6%, assessments within 45 working days 86%, …). The council runs for --history \
                years (default \(SynthParameters.defaultHistoryYears)) before --from, and the log opens with the cases \
                still open on --from, each with the events of its open involvement dated as they happened, as a \
                case system carries its history: so children have been in care for years and plans are open on \
                the first day, and the figures are in steady state (re-referrals from the second year, once a year \
                of referrals is in the log). --children is how many new children first come to the front door \
                between --from and --to; children known from before come back too.

                The same arguments always give the same bytes. Events are written in recorded order, as a case \
                system would have appended them: to a log (--log), in batches of 100,000, the same events in the \
                same batches whether the log is a folder or, in journey-serve, PostgreSQL (each batch carries the \
                time it was appended, so journey verify prints a different hash for each log; journey export gives \
                the same bytes from both). A small share of children (--defect-rate, default 0.015) get one \
                data-quality defect each: late recording, a correction, a retraction, a duplicate event, an \
                assessment completed before it started, overlapping placements, an event after closure, a \
                duplicate child record later merged, an adoption match with no decision, a reversal dated before \
                its decision, an SDQ score for a child under 4, a care leaver recorded as died with an \
                activity, a child protection plan ending the day it started, a child in need plan ending the day \
                it started or before it, a conference dated before its section 47 enquiry, a placement move with \
                no reason, a foster placement provided by another public body, adopters whose sex code \
                contradicts their legal status, a review participation code wrong for the child's age, or an \
                assessment with no factors recorded. The counts of each are printed to standard error.

                Examples:
                  journey synth --children 20000 --from 2020-04-01 --to 2025-03-31 --seed 7 --out council.jsonl
                  journey synth --children 200 --from 2023-04-01 --to 2025-03-31 --clean | head
                  journey synth --children 20000 --from 2020-04-01 --to 2025-03-31 --log event-logs/sample
                  journey-serve synth --children 2000 --from 2023-04-01 --to 2025-03-31 --log postgres://journey@127.0.0.1/journey
                  journey synth --show-parameters > targets.json
                """
        )

        @Option(
            parsing: .unconditional, help: ArgumentHelp("How many children come to the front door.", valueName: "n"))
        var children: Int?

        @Option(
            help: ArgumentHelp("The first day of the log (YYYY-MM-DD).", valueName: "date"),
            transform: CalendarDate.parse)
        var from: CalendarDate?

        @Option(
            help: ArgumentHelp("The last day of the extract (YYYY-MM-DD).", valueName: "date"),
            transform: CalendarDate.parse)
        var to: CalendarDate?

        @Option(help: ArgumentHelp("The seed: the same seed gives the same council.", valueName: "n"))
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("Write JSON Lines to this file instead of standard output.", valueName: "file"))
        var out: String?

        @Option(
            name: .customLong("log"),
            help: ArgumentHelp(
                "Append the events to the log in this folder instead (created when new), or, in journey-serve, to a "
                    + "PostgreSQL log (postgres://USER@HOST:PORT/DATABASE).", valueName: "folder|address"))
        var log: String?

        @OptionGroup var progressOptions: ProgressOptions

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Years the council runs before --from: the log opens with the cases still open then, with their history (0 for a council with nobody known before --from).",
                valueName: "years"))
        var history: Int = SynthParameters.defaultHistoryYears

        @Flag(help: "Inject no data-quality defects.")
        var clean = false

        @Option(help: ArgumentHelp("The share of children given a defect, 0 to 1.", valueName: "rate"))
        var defectRate: Double?

        @Option(
            help: ArgumentHelp(
                "Calibration targets from a JSON file (see --show-parameters); fields left out keep England's.",
                valueName: "file"))
        var parameters: String?

        @Flag(help: "Print the calibration targets as JSON and exit.")
        var showParameters = false

        func validate() throws {
            if showParameters { return }
            guard let children, from != nil, to != nil else {
                throw ValidationError("--children, --from and --to are required")
            }
            guard children >= 1 else { throw ValidationError("--children must be 1 or more") }
            if let from, let to, to < from { throw ValidationError("--to must not be before --from") }
            guard (0...30).contains(history) else { throw ValidationError("--history must be 0 to 30 years") }
            if out != nil && log != nil { throw ValidationError("give --out or --log, not both") }
            if clean && defectRate != nil { throw ValidationError("give --clean or --defect-rate, not both") }
            if let defectRate, !(0...1).contains(defectRate) {
                throw ValidationError("--defect-rate must be between 0 and 1 (0.015 is 1.5% of children)")
            }
        }

        func run() throws {
            try reportingErrors {
                var targets = CalibrationTargets.england
                if let parameters { targets = try Self.readTargets(parameters) }
                if showParameters {
                    let output = StandardOutput()
                    output.write(targets.jsonText)
                    output.flush()
                    return
                }
                let council: SyntheticCouncil
                do {
                    council = try SyntheticCouncil(
                        SynthParameters(
                            children: children!, from: from!, to: to!, seed: seed,
                            defectRate: clean ? 0 : defectRate ?? SynthParameters.defaultDefectRate, targets: targets,
                            historyYears: history))
                } catch {
                    throw ValidationError(commandLineMessage(for: error))
                }
                let progress = Terminal.Progress(progressOptions)
                let summary: SynthSummary
                if let log {
                    summary = try Self.append(council, toLog: log, progress: progress)
                } else {
                    summary = try Self.write(council, to: out, progress: progress)
                }
                progress.finish()
                Terminal.error(summary.description)
            }
        }

        /// Writes JSON Lines to a file, or to standard output.
        static func write(_ council: SyntheticCouncil, to path: String?, progress: Terminal.Progress) throws
            -> SynthSummary
        {
            var fd: Int32 = 1
            if let path {
                do {
                    fd = try System.open(path, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o644)
                } catch {
                    throw SynthOutputError("could not create \(path): \(error.reason)")
                }
            }
            defer { if path != nil { System.close(fd) } }
            return try council.writeJSONLines(progress: { p in Self.show(p, on: progress) }) { chunk in
                guard let path else {
                    // Standard output goes through the terminal's sink (memory, when a test runs synth in-process).
                    if let failure = Terminal.writeToStandardOutput(chunk) {
                        throw SynthOutputError("could not write standard output: \(String(cString: strerror(failure)))")
                    }
                    return
                }
                do {
                    try System.write(fd, chunk, path: path)
                } catch let error as SystemCallError {
                    throw SynthOutputError("could not write \(path): \(error.reason)")
                }
            }
        }

        /// Appends to an event log, in batches so that a large council does not make one huge batch.
        static func append(_ council: SyntheticCouncil, toLog path: String, progress: Terminal.Progress) throws
            -> SynthSummary
        {
            if LogSource.isStoreAddress(path) {
                return try LogStores.store(for: path, command: "synth").appending(path) { writer in
                    try append(council, to: writer, progress: progress)
                }
            }
            let writer = try LogWriter.open(folderToAppendTo(path))
            if let recovery = writer.recovery { Terminal.error("journey: \(recovery)") }
            var stream = council.stream()
            var line = 0
            var isDone = false
            while !isDone {
                try writer.append { batch in
                    for _ in 0..<batchSize {
                        guard let event = stream.next() else {
                            isDone = true
                            return
                        }
                        line += 1
                        try batch.add(event, line: line)
                    }
                }
                Self.show(stream.progress, on: progress)
            }
            return stream.summary
        }

        /// Appends to a log in another store (PostgreSQL): the same events in the same batches of 100,000 as a
        /// folder gets, each batch a list (the store's writer plans and sends a batch whole).
        static func append(_ council: SyntheticCouncil, to writer: some EventStoreWriter, progress: Terminal.Progress)
            throws -> SynthSummary
        {
            var stream = council.stream()
            var batch: [Event] = []
            batch.reserveCapacity(batchSize)
            var isDone = false
            while !isDone {
                while batch.count < batchSize {
                    guard let event = stream.next() else {
                        isDone = true
                        break
                    }
                    batch.append(event)
                }
                // An empty last batch appends nothing, as the folder's does.
                if !batch.isEmpty { try writer.append(batch, options: AppendOptions()) }
                batch.removeAll(keepingCapacity: true)
                Self.show(stream.progress, on: progress)
            }
            return stream.summary
        }

        /// The events in one batch of a synthetic log.
        static let batchSize = 100_000

        static func show(_ p: SynthProgress, on progress: Terminal.Progress) {
            progress.update(
                "synth", done: Int64(p.children), total: Int64(p.totalChildren), unit: .items("children"),
                detail: "\(ProgressLine.grouped(Int64(p.events))) events"
                    + (p.day.map { ", recorded up to \($0)" } ?? ""))
        }

        static func readTargets(_ path: String) throws -> CalibrationTargets {
            let bytes = try readOptionFile(path, option: "--parameters")
            let json: JSONValue
            do {
                json = try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) }
            } catch {
                throw ValidationError("--parameters \(path) is not JSON: \(error)")
            }
            do {
                return try CalibrationTargets(json: json)
            } catch {
                throw ValidationError("--parameters \(path): \(error)")
            }
        }
    }
}

/// A file that could not be read or written; the message names it.
struct SynthOutputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
