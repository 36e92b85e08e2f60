import JourneyCore
import JourneyLog

/// Imports an SSDA903 return (children looked after) from its CSV tables: header, episodes, reviews, missing, uasc,
/// ad1, placed_for_adoption, previous_permanence, oc2, oc3, sw_episodes (with a team to name) and DoLo.
///
/// The return becomes events by the SSDA903 rules (see `EpisodeChain`), named `ssda903-YYYY` after the year its
/// collection year ends, and recorded at the return's date. Importing year after year gives one history: a fact
/// two returns state is appended once, a fact a later return revises gets a `corrects` event, and a fact a later
/// return no longer states, where it should, is retracted.
///
/// A bad optional value (SEX, DOB, ETHNIC, UPN, PLACE_PROVIDER, REASON_PLACE_CHANGE, a postcode or URN, REVIEW_CODE) is
/// left out of its row, which is imported without it; a row that cannot be read without a value (its dates, LS,
/// PLACE), or whose end cannot be read (DEC, REC, MIS_END: the period, placement or missing episode would read as
/// open), is rejected. Either way the `--rejected` file says what and why.
public struct SSDA903Importer: Importer {
    /// The CSV files of the return, or folders holding them.
    public var paths: [String]
    public var options: ImportOptions

    public init(paths: [String], options: ImportOptions = ImportOptions()) {
        self.paths = paths
        self.options = options
    }

    /// The `recorded` time of a return with no `--recorded`: the last second of its 31 March, so that a replay "as
    /// known at" the end of the year shows what the return knew.
    public static func defaultRecorded(for year: CollectionYear) -> Timestamp {
        // A collection year starts no later than 2260 (`CollectionYear.startYears`): its 31 March is always a time.
        Timestamp(lastSecondOf: year.end)!
    }

    public func run(
        into writer: some EventStoreWriter, reading log: some EventStoreReader,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportReport {
        // Opened first: a file of rejected rows that cannot be written stops the import before anything is read.
        let rejectedFile = try options.rejectedFile.map(RejectedFile.init(path:))
        var input = try SSDA903Reader.read(paths, socialWorkerTeam: options.socialWorkerTeam, progress: progress)
        guard let year = options.year ?? input.inferredYear else {
            throw ImportError.unknownYear(
                "the collection year cannot be told from the return (it has no dated rows, or its latest date is not "
                    + "between 1900 and 2261)")
        }
        let recorded = options.recorded ?? Self.defaultRecorded(for: year)
        let source = "ssda903-\(year.endYear)"
        let index = try FactIndex.load(
            from: log, prefix: "903", sourcePrefix: "ssda903-",
            keepsBody: { CareState.isFollowed($0) || $0 == .homePostcodeRecorded })
        let reconciler = Reconciler(index: index, source: source, recorded: recorded)
        let setting = SSDA903Setting(
            year: year, tablesRead: input.tablesRead, socialWorkerTeam: options.socialWorkerTeam)

        var report = ImportReport(source: source, collectionYear: year, recorded: recorded, tables: input.tables)
        var notes = EpisodeChain.Notes()
        var withoutHeader = 0
        var unmatchedUASC = 0
        var markedUASC = 0
        let reason = "not in the \(source) return"
        let children = input.children.keys.sorted()
        report.append = try ImportBatch.append(
            to: writer, readThrough: log.lastPosition, problemLimit: options.problemLimit
        ) { batch in
            for (done, child) in children.enumerated() {
                progress?(ImportProgress(stage: .appending, done: done, total: children.count))
                let rows = input.children[child]!
                let known = index[child]
                let derived = rows.facts(
                    of: child, known: known, isRegisteredElsewhere: index.registeredElsewhere.contains(child),
                    setting: setting)
                for (_, problem) in derived.rejectedReviews {
                    report.tables[SSDA903Table.reviews.rawValue].reject([problem])
                    input.rejected.append(RejectedRecord(problems: [problem], fields: nil))
                }
                for (table, problem) in derived.rejectedRows {
                    report.tables[table.rawValue].reject([problem])
                    input.rejected.append(RejectedRecord(problems: [problem], fields: nil))
                }
                notes = notes + derived.notes
                markedUASC += derived.periodsMarkedUASC
                if derived.hasUnmatchedUASCRow { unmatchedUASC += 1 }
                if rows.header == nil && !rows.episodes.isEmpty { withoutHeader += 1 }
                try reconciler.append(derived.facts, to: batch, report: &report)
                let scope = rows.retractionScope(known: known, setting: setting)
                var rejectedTables = input.tablesWithUnattributedRejections
                if !derived.rejectedReviews.isEmpty { rejectedTables.insert(.reviews) }
                rejectedTables.formUnion(derived.rejectedRows.map(\.table))
                try reconciler.retract(
                    child: child, stated: Set(derived.facts.map(\.key)), reason: reason, to: batch, report: &report
                ) { key, fact in
                    guard let table = scope(key, fact), !rejectedTables.contains(SSDA903Table(rawValue: table)!) else {
                        return nil
                    }
                    return table
                }
            }
            // Children of earlier returns that this one does not hold: their facts of this year are retracted.
            let absent = SSDA903ChildRows()
            let scope = absent.retractionScope(known: FactIndex.ChildFacts(), setting: setting)
            for child in index.children.keys.filter({ input.children[$0] == nil }).sorted() {
                try reconciler.retract(child: child, stated: [], reason: reason, to: batch, report: &report) {
                    key, fact in
                    guard let table = scope(key, fact),
                        !input.tablesWithUnattributedRejections.contains(SSDA903Table(rawValue: table)!)
                    else { return nil }
                    return table
                }
            }
            // Written before the batch is committed: if it cannot be, nothing is appended.
            try rejectedFile?.write(input.rejected)
            if !input.rejected.isEmpty && !options.skipInvalid {
                throw ImportError.invalid(
                    problems: Array(input.rejected.flatMap(\.problems).prefix(options.problemLimit)),
                    total: input.problemCount, rejected: input.rejected)
            }
        }
        report.rejected = input.rejected
        report.skipped = input.skipped
        // The tables of permanence, leaving care and health are listed when read: the summary of a return without
        // them is as it always was.
        report.tables = zip(SSDA903Table.allCases, report.tables)
            .filter { $0.0.isAlwaysListed || input.tablesRead.contains($0.0) }.map(\.1)
        report.notes =
            (options.year == nil
                ? ["the collection year \(year) is told from the latest episode start: pass --year to set it"] : [])
            + Self.notes(
                notes, ignoredEndReasons: input.ignoredEndReasons, withoutHeader: withoutHeader, markedUASC: markedUASC,
                unmatchedUASC: unmatchedUASC, index: index, recorded: recorded)
        return report
    }

    static func notes(
        _ n: EpisodeChain.Notes, ignoredEndReasons: Int, withoutHeader: Int, markedUASC: Int, unmatchedUASC: Int,
        index: FactIndex, recorded: Timestamp
    ) -> [String] {
        var notes: [String] = []
        func add(_ count: Int, _ text: String) { if count > 0 { notes.append("\(count) \(text)") } }
        add(
            n.periodsStartedMidway,
            "periods of care do not start (RNE S) in the return or the log: each starts at its first episode")
        add(n.returnsAfterTemporaryPlacement, "returns to the placement a temporary placement interrupted")
        add(
            n.legalStatusChangesWithoutRNE,
            "legal status changes without RNE L, U or B: legal-status.changed follows the LS")
        add(n.placementDetailsChangedUnderL, "episodes with RNE L change placement details: the placement goes on")
        add(n.periodsEndedWithX1, "episodes end with REC X1 but the next starts a period (RNE S): care ended with X1")
        add(n.x1WithoutNextEpisode, "episodes end with REC X1 and no episode follows in the return: the period goes on")
        add(
            n.openPeriodsNotContinued,
            "periods of care open in the log are not continued by the return, which starts a new one: left open")
        add(
            n.openEpisodesFollowedByStart,
            "episodes with no DEC are followed by one that starts a period (RNE S): the earlier period is left open")
        add(ignoredEndReasons, "open episodes (no DEC) have a REC: it is ignored until the episode ceases")
        add(withoutHeader, "children have episodes but no header row: no child.registered")
        add(markedUASC, "periods of care began while the child was UASC (before DUC): care.started has uasc true")
        add(unmatchedUASC, "UASC rows mark no period of care (none began before DUC)")
        if let latest = index.latestRecorded, latest > recorded {
            notes.append(
                "the log holds SSDA903 events recorded after this return (\(latest)): facts they state are left as "
                    + "they are. Import returns oldest first.")
        }
        return notes
    }
}
