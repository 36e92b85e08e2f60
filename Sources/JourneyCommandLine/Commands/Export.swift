import ArgumentParser
import JourneyCore
import JourneyLog
import JourneyReports

extension Journey {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the log's events as JSON Lines to standard output.",
            discussion: """
                Events come out in log order, in canonical form (fields in the format's order, no spaces), so the \
                same log always exports the same bytes, and exporting what was appended gives the same events. \
                Corrections and retractions are exported as the events they are: the log is never rewritten.

                --log takes a log folder, a JSON Lines file of events (whatever its name), or - for standard input. \
                A file's events come out as read, in its line order, in canonical form; a line that is not a valid \
                event stops the export there with its line and field, and exit 1. journey-serve also takes a log in \
                PostgreSQL (postgres://USER@HOST:PORT/DATABASE, docs/postgres.md), and exports the same bytes as a \
                folder holding the same events.

                --as-known-at keeps only events recorded at or before that time: the log as it stood then. A date \
                alone means the end of that day (UTC).

                --pseudonymise --key FILE writes a research extract that identifies no child \
                (docs/research-extract.md): child ids, event ids and the ids of referrals, plans, placements and \
                the rest become pseudonyms (HMAC-SHA256 under the key), the same in every extract made with the \
                same key; dates of birth and expected birth dates become the 1st of their month; placement \
                postcodes become their district (SW1A 1AA to SW1A); UPNs, wards, workers, personal advisers, URNs, \
                source, by and other free text are dropped (a required team or retraction reason reads "withheld"). \
                Every other date and every recorded time is kept, so the extract appends to a new log, or is read \
                as it is with --log (cohort repeat-cp --log extract.jsonl), and gives the same cohorts (team and age \
                breakdowns aside).

                No key, no extract: the key file must exist, hold 32 bytes or more, and be readable by its owner \
                only (chmod 600). Keep the key apart from the extract, and never send the two together: whoever \
                holds both can recompute the pseudonym of a child whose id they know. Make a key once, and keep it:
                  (umask 077; head -c 32 /dev/urandom > research.key)

                Examples:
                  journey export --log event-logs/main > all.jsonl
                  journey export --child C100 --as-known-at 2024-06-30
                  journey export --log received.json > canonical.jsonl
                  journey-serve export --log postgres://journey@db.council.internal/journey > all.jsonl
                  journey export --log event-logs/main --pseudonymise --key /secure/research.key > extract.jsonl
                  journey append extract.jsonl --log research
                """
        )

        @OptionGroup var log: ReplayedLogOptions

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Option(help: ArgumentHelp("Only this child's events.", valueName: "id"))
        var child: String?

        @Flag(help: "Write a research extract that identifies no child: pseudonyms for ids, birth dates to the month.")
        var pseudonymise = false

        @Option(
            help: ArgumentHelp(
                "The pseudonymisation key: a file of 32 bytes or more, owner-only; keep it apart from the extract.",
                valueName: "file"))
        var key: String?

        func validate() throws {
            if let child, let problem = ChildID.problem(with: child) {
                throw ValidationError("--child \(problem)")
            }
            if pseudonymise, key == nil {
                throw ValidationError(
                    "--pseudonymise needs --key FILE: no key, no extract (the pseudonyms are made with the key, "
                        + "and the same key gives the same pseudonyms in every extract)")
            }
            if key != nil, !pseudonymise {
                throw ValidationError("--key is used only with --pseudonymise")
            }
        }

        /// The pseudonymiser of `--key`, or `nil` for a full export; a key file that will not do stops the export
        /// before anything is written.
        func pseudonymiser() throws -> Pseudonymiser? {
            guard pseudonymise, let key else { return nil }
            do throws(KeyFileProblem) {
                return try Pseudonymiser(keyFile: key)
            } catch {
                let remedy =
                    switch error.reason {
                    case .openToOthers: "; make it owner-only: chmod 600 \(key)"
                    case .missing, .empty, .tooShort:
                        "; make a key once, keep it apart from the extracts, and use it for every extract: "
                            + "(umask 077; head -c 32 /dev/urandom > \(key))"
                    case .unreadable, .notAFile: ""
                    }
                throw RemediedError(description: error.description + remedy)
            }
        }

        func run() throws {
            try reportingErrors {
                let pseudonymiser = try pseudonymiser()
                let source = try log.source()
                let childID = child.map { ChildID($0) }
                let cutoff = asKnownAt.timestamp
                let out = StandardOutput()
                let progress = Terminal.Progress(progressOptions)
                defer { progress.finish() }
                func write(_ e: Event) {
                    if let childID, e.child != childID { return }
                    if let cutoff, let r = e.recorded, r > cutoff { return }
                    out.write((pseudonymiser?.pseudonymise(e) ?? e).canonicalJSON())
                    out.write([0x0A])
                }
                if source.isJSONLines {
                    // Streamed, as a log is: a bad line stops the export there, as damage in a log does.
                    let size = regularFileSize(source.path)
                    progress.update("exporting", done: 0, total: size, unit: .bytes)
                    let report = { (bytes: Int) in
                        progress.update("exporting", done: Int64(bytes), total: size, unit: .bytes)
                    }
                    try JSONLinesEvents.read(source, progress: report) { line, parsed in
                        switch parsed {
                        case .success(let event): write(event)
                        case .failure(let invalid):
                            out.flush()
                            let problems = invalid.problems.map { LineProblem(line: line, problem: $0) }
                            throw UnreadableEvents(file: source.path, problems: problems)
                        }
                    }
                } else {
                    // Generic over the store, so that the folder's replay stays its own unboxed loop.
                    func export(_ eventLog: some EventStoreReader) throws {
                        let total = Int64(eventLog.lastPosition)
                        progress.update("exporting", done: 0, total: total, unit: .items("events"))
                        func reached(_ position: UInt64) {
                            progress.update("exporting", done: Int64(position), total: total, unit: .items("events"))
                        }
                        if let childID {
                            // Another child's event is read only up to its child and not decoded (`ChildEvents`).
                            try ChildEvents.forEach(in: eventLog, children: [childID], progress: reached) { write($1) }
                        } else {
                            try eventLog.replay { stored in
                                write(stored.event)
                                if stored.position & 0xFFFF == 0 { reached(stored.position) }
                            }
                        }
                        progress.update("exporting", done: total, total: total, unit: .items("events"))
                    }
                    if try LogStores.reading(source, command: "export", { try export($0) }) == nil {
                        let eventLog = try EventLog.open(log.path)
                        if let recovery = eventLog.recovery { Terminal.error("journey: \(recovery)") }
                        try export(eventLog)
                    }
                }
                out.flush()
            }
        }
    }
}
