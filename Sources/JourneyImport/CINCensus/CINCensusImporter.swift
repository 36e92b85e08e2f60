import JourneyCore
import JourneyLog

/// Imports a CIN census return (XML, any collection year from 2017 to 2026): every module, child by child, as the
/// file streams by.
///
/// The return is named `cin-census-YYYY` after the year its collection year ends, and its events are recorded at
/// the header's `DateTime` (when the return was made). Importing year after year gives one history, as for SSDA903:
/// unchanged facts are not appended again, revised ones get a `corrects` event, and dropped ones are retracted.
///
/// An import keeps every fact it can and reports every one it cannot, with the rule it breaks (the DfE rule where
/// there is one, else the census schema or the event format): a value the event format cannot hold is left out of
/// its record, not the record (a bad assessment factor code: the assessment is kept with its valid factors); a
/// record that cannot be read without the value (a missing or bad start date, referral source) is rejected with
/// the records inside it, and so is one whose end (closure, plan end) cannot be read, since without it the record
/// would read as still open; everything else of the child is imported. A child whose `LAchildID` the event format
/// cannot hold (over 20 characters, or other characters than A–Z, a–z, 0–9, `_`, `-`) cannot be stored at all, and
/// shortening or replacing the id would make up a child, so its rows are rejected with the reason and the rule, and
/// the rest of the return is imported. Rejected records and values go to the `--rejected` file; without
/// `--skip-invalid` any of them stops the import with nothing appended. Facts that pass but break a DfE rule (an
/// assessment authorised before it started) are imported as the return states them and found by `journey check`.
public struct CINCensusImporter: Importer {
    public var path: String
    public var options: ImportOptions

    public init(path: String, options: ImportOptions = ImportOptions()) {
        self.path = path
        self.options = options
    }

    public func run(
        into writer: some EventStoreWriter, reading log: some EventStoreReader,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportReport {
        // Opened first: a file of rejected rows that cannot be written stops the import before anything is read.
        let rejectedFile = try options.rejectedFile.map(RejectedFile.init(path:))
        let index = try FactIndex.load(from: log, prefix: "cin", sourcePrefix: "cin-census-")
        let reader = XMLReturnReader(
            path: path, captured: ["Header", "Child"], repeating: CINModule.repeatingElements,
            known: CINModule.knownElements)
        var session: CINCensusSession?
        var children = 0
        let name = ImportProblem.fileName(path)
        let append = try ImportBatch.append(
            to: writer, readThrough: log.lastPosition, problemLimit: options.problemLimit
        ) { batch in
            try reader.read { node in
                if node.name == "Header" {
                    guard session == nil else { return }
                    session = try CINCensusSession(header: node, file: path, options: options, index: index)
                    return
                }
                if session == nil {
                    session = try CINCensusSession(header: nil, file: path, options: options, index: index)
                }
                children += 1
                progress?(ImportProgress(stage: .reading(file: name), done: children))
                try session!.add(node, to: batch)
            }
            guard session != nil else {
                throw ImportError.noReturn("\(path) holds no CIN census Child element: is it a CIN census return?")
            }
            try session!.finish(batch)
            // Written before the batch is committed: if it cannot be, nothing is appended.
            try rejectedFile?.write(session!.report.rejected)
            if !session!.report.rejected.isEmpty && !options.skipInvalid {
                let problems = session!.report.rejected.flatMap(\.problems)
                throw ImportError.invalid(
                    problems: Array(problems.prefix(options.problemLimit)), total: problems.count,
                    rejected: session!.report.rejected)
            }
        }
        var report = session!.report
        report.append = append
        let unknown = reader.unknownElements
        if !unknown.isEmpty {
            report.skipped.append(
                "elements with no place in the event format: "
                    + unknown.sorted { $0.key < $1.key }.prefix(12).map { "\($0.key) (\($0.value))" }
                    .joined(separator: ", ") + (unknown.count > 12 ? ", …" : ""))
        }
        return report
    }
}

/// One CIN census import while its children stream by.
struct CINCensusSession {
    let file: String
    let reader: CINChildReader
    let reconciler: Reconciler
    var report: ImportReport
    /// Children read so far → the line of their `Child`.
    var seen: [ChildID: Int] = [:]
    /// A child whose id could not be read was rejected: no fact of a child missing from the return is retracted.
    var hasUnattributedRejection = false
    let reason: String

    init(header: XMLNode?, file: String, options: ImportOptions, index: FactIndex) throws {
        var notes: [String] = []
        var year = options.year
        var recorded = options.recorded
        if let header {
            let details = header.first("CollectionDetails")
            var headerYear: CollectionYear?
            if let text = details?.value("ReferenceDate") {
                guard let date = ReturnValues.xmlDate(text) else {
                    throw ImportError.unreadable(
                        file: file, reason: "line \(header.line): Header/CollectionDetails/ReferenceDate is not a date")
                }
                guard let containing = CollectionYear(containing: date) else {
                    throw ImportError.unreadable(
                        file: file,
                        reason: "line \(header.line): Header/CollectionDetails/ReferenceDate is "
                            + "outside the collection years 1900-01 to 2260-61")
                }
                headerYear = containing
                if date != containing.end {
                    notes.append("the header's ReferenceDate is not 31 March: the collection year is \(containing)")
                }
            } else if let text = details?.value("Year"), let census = Int(text) {
                // The census of 2024 is the collection year 2023-24.
                guard census > Int.min, let named = CollectionYear(startYear: census - 1) else {
                    throw ImportError.unreadable(
                        file: file,
                        reason: "line \(header.line): Header/CollectionDetails/Year is outside the "
                            + "census years 1901 to 2261")
                }
                headerYear = named
            }
            if let given = year, let headerYear, given != headerYear {
                notes.append("the header says \(headerYear); --year \(given) is used")
            }
            year = year ?? headerYear
            if recorded == nil, let text = header.first("Source")?.value("DateTime") {
                guard let time = ReturnValues.xmlTimestamp(text) else {
                    throw ImportError.unreadable(
                        file: file, reason: "line \(header.line): Header/Source/DateTime is not a date and time")
                }
                recorded = time
            }
        }
        guard let year else {
            throw ImportError.unknownYear(
                "\(file) has no header with the collection year (ReferenceDate or Year)")
        }
        let when = recorded ?? SSDA903Importer.defaultRecorded(for: year)
        let source = "cin-census-\(year.endYear)"
        if let latest = index.latestRecorded, latest > when {
            notes.append(
                "the log holds CIN census events recorded after this return (\(latest)): facts they state are left "
                    + "as they are. Import returns oldest first.")
        }
        self.file = file
        reader = CINChildReader(file: file, index: index, year: year)
        reconciler = Reconciler(index: index, source: source, recorded: when)
        report = ImportReport(
            source: source, collectionYear: year, recorded: when,
            tables: CINModule.allCases.map { TableReport(name: $0.name) })
        report.notes = notes
        reason = "not in the \(source) return"
    }

    mutating func add(_ node: XMLNode, to batch: ImportBatch) throws {
        var result = reader.facts(of: node)
        if let child = result.child, let first = seen[child] {
            // A child twice: the second is rejected whole, its records with it.
            let problem = ImportProblem(
                file: file, line: node.line, record: node.path, child: child, field: "LAchildID",
                message: "the child appears earlier in the return", detail: "line \(first)", rule: "CIN 8510")
            let rows = result.rows
            result = CINChildFacts()
            result.rows = rows
            result.reject(.child, [problem])
            for (module, count) in result.rows where module != .child {
                for _ in 0..<count { result.reject(module, because: "its Child was rejected (LAchildID)") }
            }
            hasUnattributedRejection = true
            count(result)
            return
        }
        count(result)
        guard let child = result.child else {
            hasUnattributedRejection = true
            return
        }
        seen[child] = node.line
        try reconciler.append(result.facts, to: batch, report: &report)
        let scope = Self.scope(
            known: reconciler.index[child], stated: Set(result.facts.map(\.key)), year: report.collectionYear,
            earliestReferral: result.earliestReferral,
            rejectedModules: result.rejectedModules)
        try reconciler.retract(
            child: child, stated: Set(result.facts.map(\.key)), reason: reason, to: batch, report: &report,
            isInScope: scope)
    }

    /// Retracts the facts of this year of children the return does not hold.
    mutating func finish(_ batch: ImportBatch) throws {
        guard !hasUnattributedRejection else {
            if reconciler.index.children.keys.contains(where: { seen[$0] == nil }) {
                report.notes.append(
                    "a child was rejected whole: facts of children missing from the return are not retracted")
            }
            return
        }
        for child in reconciler.index.children.keys.filter({ seen[$0] == nil }).sorted() {
            let scope = Self.scope(
                known: reconciler.index[child], stated: [], year: report.collectionYear, earliestReferral: nil,
                rejectedModules: [])
            try reconciler.retract(
                child: child, stated: [], reason: reason, to: batch, report: &report, isInScope: scope)
        }
    }

    private mutating func count(_ result: CINChildFacts) {
        for (module, rows) in result.rows { report.tables[module.rawValue].rows += rows }
        for (module, count) in result.duplicates { report.tables[module.rawValue].duplicates += count }
        for (module, records) in result.rejections {
            for reasons in records {
                report.tables[module.rawValue].rejected += 1
                for reason in reasons { report.tables[module.rawValue].rejections[reason, default: 0] += 1 }
            }
        }
        for (module, problems) in result.valuesRejected {
            report.tables[module.rawValue].valuesRejected += problems.count
            for p in problems { report.tables[module.rawValue].rejections[p.reason, default: 0] += 1 }
        }
        report.rejected += result.rejected
    }

    /// Which facts of earlier imports the return should state, if they still held, and the module that owns each.
    ///
    /// A CIN census holds every episode of need open in its year, with its assessments, plans, enquiries and
    /// reviews of the year: the facts of the year that the return does not state were dropped. A referral of the
    /// child dated between its earliest referral in the return and the year's start should be there too (episodes
    /// of need do not overlap), so one that is not was revised away; everything of a dropped referral goes with it.
    /// A module with a rejected record of the child retracts nothing.
    static func scope(
        known: FactIndex.ChildFacts, stated: Set<String>, year: CollectionYear, earliestReferral: CalendarDate?,
        rejectedModules: Set<CINModule>
    ) -> (String, FactIndex.Known) -> Int? {
        let blocked = rejectedModules.contains(.referral) ? Set(CINModule.allCases) : rejectedModules
        func direct(_ key: String, _ fact: FactIndex.Known) -> CINModule? {
            let tag = FactKey.tag(of: key)
            guard let module = CINModule.owning(tag: tag), module != .child, !blocked.contains(module) else {
                return nil
            }
            let date = fact.occurred
            if year.contains(date) { return module }
            if tag == "ref", let earliest = earliestReferral, date >= earliest && date < year.start { return module }
            return nil
        }
        var dropped: Set<Substring> = []
        for (key, fact) in known.facts where FactKey.tag(of: key) == "ref" && !stated.contains(key) && !fact.isRetracted
        {
            if direct(key, fact) != nil, let referral = FactKey.dateParts(of: key).first { dropped.insert(referral) }
        }
        return { key, fact in
            if let module = direct(key, fact) { return module.rawValue }
            let tag = FactKey.tag(of: key)
            guard let module = CINModule.owning(tag: tag), module != .child, !blocked.contains(module),
                let referral = FactKey.dateParts(of: key).first, dropped.contains(referral)
            else { return nil }
            return module.rawValue
        }
    }
}
