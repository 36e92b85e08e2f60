import Foundation
import JourneyCore

/// One child's rows across the tables of an SSDA903 return.
struct SSDA903ChildRows {
    var header: HeaderRow?
    var episodes: [EpisodeRow] = []
    var reviews: [ReviewRow] = []
    var missing: [MissingRow] = []
    var uasc: UASCRow?
    var ad1: [AD1Row] = []
    var placedAdoption: [PlacedAdoptionRow] = []
    var previousPermanence: PreviousPermanenceRow?
    var oc2: OC2Row?
    var oc3: OC3Row?
    var socialWorkers: [SocialWorkerRow] = []
    var dolo: [DoLORow] = []
    /// Tables in which a row of this child was rejected: the child's earlier facts from them are not retracted.
    var tablesWithRejections: Set<SSDA903Table> = []
}

/// An SSDA903 return as read and checked row by row: each child's rows, and the rows that could not be read.
struct SSDA903Return {
    var children: [ChildID: SSDA903ChildRows] = [:]
    /// One report per table, in `SSDA903Table` order.
    var tables = SSDA903Table.allCases.map { TableReport(name: $0.name) }
    var tablesRead: Set<SSDA903Table> = []
    /// Tables with a rejected row whose child is not known: no fact of those tables is retracted.
    var tablesWithUnattributedRejections: Set<SSDA903Table> = []
    var rejected: [RejectedRecord] = []
    var skipped: [String] = []
    /// Open episodes (no DEC) whose REC was ignored.
    var ignoredEndReasons = 0
    var latestEpisodeStart: CalendarDate?
    var latestOtherDate: CalendarDate?

    var problemCount: Int { rejected.reduce(0) { $0 + $1.problems.count } }

    /// The collection year the return is for, told from its dates: the year of the latest episode start (an episode
    /// of a return starts on or before its 31 March), else of the latest review or missing episode.
    var inferredYear: CollectionYear? {
        (latestEpisodeStart ?? latestOtherDate).flatMap(CollectionYear.init(containing:))
    }
}

/// Reads the CSV tables of an SSDA903 return.
enum SSDA903Reader {
    /// Reads every table in `paths` (files, or folders whose `.csv` files are read). Social worker episodes are
    /// read only with `socialWorkerTeam`: `worker.allocated` needs a team, which the table does not give.
    static func read(
        _ paths: [String], socialWorkerTeam: String? = nil, progress: ((ImportProgress) -> Void)?
    ) throws -> SSDA903Return {
        var result = SSDA903Return()
        for file in try expand(paths) {
            if !file.lowercased().hasSuffix(".csv") {
                result.skipped.append(
                    "\(ImportProblem.fileName(file)): not a CSV table (the SSDA903 XML form is not read; export the "
                        + "CSV tables)")
                continue
            }
            try read(file, into: &result, readsSocialWorkers: socialWorkerTeam != nil, progress: progress)
        }
        guard !result.tablesRead.isEmpty else {
            throw ImportError.noReturn(
                "no SSDA903 table found in \(paths.joined(separator: " ")): expected CSV files with the columns of "
                    + "the header, episodes, reviews, missing, uasc, ad1, placed_for_adoption, previous_permanence, oc2, "
                    + "oc3, sw_episodes or DoLo tables")
        }
        return result
    }

    /// The files named, with folders replaced by their files (sorted, hidden files left out).
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ImportError.unreadable(file: path, reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                let names = try manager.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
                files += names.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    static func read(
        _ file: String, into result: inout SSDA903Return, readsSocialWorkers: Bool = true,
        progress: ((ImportProgress) -> Void)?
    ) throws {
        let csv = try CSVTable(path: file)
        let name = ImportProblem.fileName(file)
        let table = SSDA903Table.identify(columns: Set(csv.columns.keys))
        guard let table, table != .swEpisodes || readsSocialWorkers else {
            var rows = 0
            while try csv.next() != nil { rows += 1 }
            let why =
                table == nil
                ? "the event format has no events for it"
                : "worker.allocated needs a team, which the table does not give: name one with --social-worker-team"
            result.skipped.append("\(name) (\(rows) row\(rows == 1 ? "" : "s")): " + why)
            return
        }
        let missing = table.requiredColumns.filter { csv.columns[$0] == nil }
        guard missing.isEmpty else {
            throw ImportError.unreadable(
                file: file,
                reason: "it looks like the \(table.name) table but has no column "
                    + missing.joined(separator: ", ") + " (it needs " + table.requiredColumns.joined(separator: ", ")
                    + ")")
        }
        if let repeated = csv.repeatedColumn {
            // Which of the two holds the value cannot be told: neither is read.
            throw ImportError.unreadable(
                file: file,
                reason: "the column \(repeated.name) appears twice (columns \(repeated.first) and \(repeated.second)) "
                    + "in the \(table.name) table: remove one")
        }
        result.tablesRead.insert(table)
        var count = 0
        while let fields = try csv.next() {
            count += 1
            progress?(ImportProgress(stage: .reading(file: name), done: count))
            var row = CSVRow(fields: fields, columns: csv.columns, file: file, line: csv.line, table: table.name)
            result.tables[table.rawValue].rows += 1
            if fields.count != csv.header.count {
                rejectRagged(&row, expected: csv.header.count, table: table, from: &result)
                continue
            }
            let child = row.childID()
            add(&row, child: child, table: table, to: &result)
        }
    }

    /// Rejects a row with more or fewer fields than the header row: its values cannot be placed in their columns
    /// (a comma too many in an address moves every value after it). The child is named if the CHILD column reads
    /// as an id, but the row may be another child's, so no fact of the table is retracted by this import.
    static func rejectRagged(
        _ row: inout CSVRow, expected: Int, table: SSDA903Table, from result: inout SSDA903Return
    ) {
        if let text = row.text("CHILD"), ChildID.problem(with: text) == nil { row.child = ChildID(text) }
        row.problem(nil, "has \(row.fields.count) fields where the header row has \(expected)")
        result.tables[table.rawValue].reject(row.problems)
        result.rejected.append(RejectedRecord(problems: row.problems, fields: row.fields))
        result.tablesWithUnattributedRejections.insert(table)
    }

    /// Reads one row into its child's rows, or rejects it.
    static func add(_ row: inout CSVRow, child: ChildID?, table: SSDA903Table, to result: inout SSDA903Return) {
        var rows = child.map { result.children[$0] ?? SSDA903ChildRows() } ?? SSDA903ChildRows()
        var isDuplicate = false
        // A bad optional value (a code, a postcode, a date of birth) is left out; the row is imported without it.
        row.kept = table == .header ? "the child" : "the \(table == .episodes ? "episode" : "row")"
        switch table {
        case .header:
            if let header = row.headerRow(), child != nil {
                isDuplicate = row.keep(header, in: &rows.header, "header row")
            }
        case .episodes:
            let (episode, ignoredREC) = row.episodeRow()
            if let episode, child != nil {
                if ignoredREC { result.ignoredEndReasons += 1 }
                result.latestEpisodeStart = max(result.latestEpisodeStart ?? episode.start, episode.start)
                isDuplicate = row.keep(
                    episode, in: &rows.episodes, firstOfDate: { $0.start == episode.start }, "episode")
            }
        case .reviews:
            if let review = row.reviewRow(), child != nil {
                result.latestOtherDate = max(result.latestOtherDate ?? review.date, review.date)
                isDuplicate = row.keep(review, in: &rows.reviews, firstOfDate: { $0.date == review.date }, "review")
            }
        case .missing:
            if let missing = row.missingRow(), child != nil {
                result.latestOtherDate = max(result.latestOtherDate ?? missing.start, missing.start)
                isDuplicate = row.keep(
                    missing, in: &rows.missing, firstOfDate: { $0.start == missing.start }, "missing episode")
            }
        case .uasc:
            if let uasc = row.uascRow(), child != nil {
                isDuplicate = row.keep(uasc, in: &rows.uasc, "UASC row")
            }
        case .ad1:
            if let ad1 = row.ad1Row(), child != nil {
                isDuplicate = row.keep(ad1, in: &rows.ad1, firstOfDate: { $0.decided == ad1.decided }, "AD1 row")
            }
        case .placedAdoption:
            if let placed = row.placedAdoptionRow(), child != nil {
                isDuplicate = row.keep(
                    placed, in: &rows.placedAdoption, firstOfDate: { $0.decided == placed.decided },
                    "decision to place for adoption")
            }
        case .previousPermanence:
            if let entry = row.previousPermanenceRow(), child != nil {
                isDuplicate = row.keep(entry, in: &rows.previousPermanence, "PrevPerm row")
            }
        case .oc2:
            if let oc2 = row.oc2Row(), child != nil {
                isDuplicate = row.keep(oc2, in: &rows.oc2, "OC2 row")
            }
        case .oc3:
            if let oc3 = row.oc3Row(), child != nil {
                isDuplicate = row.keep(oc3, in: &rows.oc3, "OC3 row")
            }
        case .swEpisodes:
            if let worker = row.socialWorkerRow(), child != nil {
                isDuplicate = row.keep(
                    worker, in: &rows.socialWorkers, firstOfDate: { $0.start == worker.start }, "social worker episode")
            }
        case .dolo:
            if let order = row.doloRow(), child != nil {
                isDuplicate = row.keep(order, in: &rows.dolo, firstOfDate: { $0.start == order.start }, "DoLO")
            }
        }
        if isDuplicate { result.tables[table.rawValue].duplicates += 1 }
        // An invalid value names the DfE rule for its column; a missing one is not always a break of that rule.
        // A rule the reader named (903 119, 197a) stays.
        for i in row.problems.indices where row.problems[i].rule == nil && !row.problems[i].isMissing {
            row.problems[i].rule = row.problems[i].field.flatMap { SSDA903Table.valueRules[$0] }
        }
        for i in row.dropped.indices where row.dropped[i].rule == nil && !row.dropped[i].isMissing {
            row.dropped[i].rule = row.dropped[i].field.flatMap { SSDA903Table.valueRules[$0] }
        }
        if row.problems.isEmpty && !row.dropped.isEmpty {
            result.tables[table.rawValue].valuesRejected += row.dropped.count
            for p in row.dropped { result.tables[table.rawValue].rejections[p.reason, default: 0] += 1 }
            result.rejected.append(RejectedRecord(problems: row.dropped, fields: row.fields))
            if child != nil {
                rows.tablesWithRejections.insert(table)
            } else {
                result.tablesWithUnattributedRejections.insert(table)
            }
        }
        if !row.problems.isEmpty {
            row.problems += row.dropped
            result.tables[table.rawValue].reject(row.problems)
            result.rejected.append(RejectedRecord(problems: row.problems, fields: row.fields))
            if child != nil {
                rows.tablesWithRejections.insert(table)
            } else {
                result.tablesWithUnattributedRejections.insert(table)
            }
        }
        if let child { result.children[child] = rows }
    }
}

extension ImportProblem {
    fileprivate var isMissing: Bool { message.hasPrefix("is missing") }
}

extension CSVRow {
    /// A second row for the same fact (the same child and date) with other values: the first is kept.
    mutating func repeats(_ firstLine: Int, _ what: String) {
        let same = what.hasSuffix("row") ? "" : " of the same date"
        problem(
            nil, "repeats the child's \(what)\(same) with other values", detail: "the first, line \(firstLine), is kept"
        )
    }
}
