import Foundation
import JourneyCore
import JourneyLog

/// Imports a council's Annex A (an .xlsx workbook, or a folder of the CSV files `journey annex-a` writes): lists 1
/// (contacts), 3 (referrals), 4 (assessments), 5 (section 47 enquiries and ICPCs), 6 (children in need), 7 (child
/// protection), 8 (children in care), 9 (care leavers: the latest contact, pathway plan review and personal adviser)
/// and 10 (adoption: the decision and its steps, but not the match, whose event needs the adopters' details list 10
/// does not give). Lists 2 and 11 hold no child's journey the log records (early help assessments, adopters).
///
/// Rows become events recorded at the extract's date, named `annex-a-YYYY-MM-DD`, with stable ids (`aa.CHILD.ref.
/// 20240401`), reconciled with what the log holds as the returns are (`Reconciler`): a fact already there is not
/// appended again, a revised one gets a `corrects` event, and one an earlier extract stated that this one does not,
/// dated in the span this extract's list covers, is retracted. List 9 gives only the latest contact and review: a
/// later one does not retract an earlier one, only one dated after the latest the list gives does. A row or value that cannot be read goes to the
/// `--rejected` file with its sheet, row and column; the rest of the child is kept.
public struct AnnexAImporter: Importer {
    public var path: String
    /// The day the lists were extracted: every event's `recorded` is its last second.
    public var extracted: CalendarDate
    public var options: ImportOptions

    public init(path: String, extracted: CalendarDate, options: ImportOptions = ImportOptions()) {
        self.path = path
        self.extracted = extracted
        self.options = options
    }

    static let tableNames = [
        "contacts", "referrals", "assessments", "section 47", "children in need", "child protection",
        "children in care", "care leavers", "adoption", "children",
    ]
    static let tableOfList = [1: 0, 3: 1, 4: 2, 5: 3, 6: 4, 7: 5, 8: 6, 9: 7, 10: 8]
    /// The table of the child's registration, which every list gives.
    static let childrenTable = tableNames.count - 1

    public func run(
        into writer: some EventStoreWriter, reading log: some EventStoreReader,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportReport {
        let rejectedFile = try options.rejectedFile.map(RejectedFile.init(path:))
        let input = try AnnexAReader.read(path)
        guard !input.tables.isEmpty else {
            throw ImportError.noReturn(
                "\(path) holds no Annex A list that journey imports (lists 1, 3 to 10, told by sheet or file name)")
        }
        guard let recorded = options.recorded ?? Timestamp(lastSecondOf: extracted),
            let year = CollectionYear(containing: extracted)
        else {
            throw ImportError.unknownYear("--extracted is outside the years the log can hold")
        }
        let source = "annex-a-\(extracted)"
        // The adviser's name is kept, to tell an adviser already allocated from a new one (`AnnexARows.facts`).
        let index = try FactIndex.load(
            from: log, prefix: "aa", sourcePrefix: "annex-a-", keepsBody: { $0 == .personalAdviserAllocated })
        let reconciler = Reconciler(index: index, source: source, recorded: recorded)
        var report = ImportReport(
            source: source, collectionYear: year, recorded: recorded,
            tables: Self.tableNames.map { TableReport(name: $0) })
        var rows = AnnexARows(file: path, extracted: extracted)
        for table in input.tables {
            report.tables[Self.tableOfList[table.list]!].rows += table.rows.count
            rows.add(table)
        }
        for (list, problems) in rows.rejectedByList {
            for p in problems { report.tables[Self.tableOfList[list]!].reject([p]) }
        }
        for (list, problems) in rows.valuesByList {
            report.tables[Self.tableOfList[list]!].valuesRejected += problems.count
            for p in problems { report.tables[Self.tableOfList[list]!].rejections[p.reason, default: 0] += 1 }
        }
        let spans = rows.spans
        let blocked = Set(rows.rejectedByList.keys)
        let children = rows.children.keys.sorted()
        let reason = "not in the \(source) Annex A"
        report.append = try ImportBatch.append(
            to: writer, readThrough: log.lastPosition, problemLimit: options.problemLimit
        ) { batch in
            for (done, child) in children.enumerated() {
                progress?(ImportProgress(stage: .appending, done: done, total: children.count))
                let facts = rows.facts(
                    of: child, known: index[child], isRegisteredElsewhere: index.registeredElsewhere.contains(child))
                try reconciler.append(facts, to: batch, report: &report)
                try reconciler.retract(
                    child: child, stated: Set(facts.map(\.key)), reason: reason, to: batch, report: &report,
                    isInScope: Self.scope(spans, blocked: blocked, stated: rows.children[child]?.stated ?? .init()))
            }
            for child in index.children.keys.filter({ rows.children[$0] == nil }).sorted() {
                try reconciler.retract(
                    child: child, stated: [], reason: reason, to: batch, report: &report,
                    isInScope: Self.scope(spans, blocked: blocked, stated: .init()))
            }
            try rejectedFile?.write(rows.rejected)
            if !rows.rejected.isEmpty && !options.skipInvalid {
                let problems = rows.rejected.flatMap(\.problems)
                throw ImportError.invalid(
                    problems: Array(problems.prefix(options.problemLimit)), total: problems.count,
                    rejected: rows.rejected)
            }
        }
        report.rejected = rows.rejected
        report.skipped = input.skipped
        for (list, headings) in input.unmatched.sorted(by: { $0.key < $1.key }) {
            report.notes.append(
                "list \(list): \(headings.count) column\(headings.count == 1 ? "" : "s") not imported ("
                    + headings.prefix(6).joined(separator: "; ") + (headings.count > 6 ? "; …" : "") + ")")
        }
        if rows.unlinked > 0 {
            report.notes.append(
                "\(rows.unlinked) assessments, enquiries or plans have no referral on or before them in lists 3 or 6: "
                    + "they name the referral of their own date")
        }
        return report
    }

    /// A fact of an earlier extract is retracted when this extract should have stated it: the list that states it
    /// was read with no rejected row, and the fact's date lies within the dates this extract's list covers.
    ///
    /// Two lists say less. List 9 gives a care leaver's latest contact and pathway plan review, so an earlier one
    /// is not contradicted by a later: only one after the latest the child's row gives is retracted (none when the
    /// child has no row, or a blank). The steps of an adoption are retracted when list 10 gives the adoption without
    /// them, or when the adoption itself is retracted (its decision within the decisions the list spans).
    static func scope(
        _ spans: [String: ClosedRange<CalendarDate>], blocked: Set<Int>, stated: AnnexARows.Stated
    ) -> (String, FactIndex.Known) -> Int? {
        { key, fact in
            let tag = String(FactKey.tag(of: key))
            guard let list = AnnexARows.listOfTag[tag], !blocked.contains(list) else { return nil }
            if tag == "clc" || tag == "ppr" {
                guard let latest = stated.latest[tag], fact.occurred > latest else { return nil }
            } else if AnnexARows.adoptionSteps.contains(tag) {
                guard let decided = FactKey.dateParts(of: key).first.map(String.init) else { return nil }
                let isInSpan = spans["ad"].map {
                    FactKey.compact($0.lowerBound) <= decided && decided <= FactKey.compact($0.upperBound)
                }
                guard stated.adoptions.contains(decided) || isInSpan == true else { return nil }
            } else {
                guard let span = spans[tag], span.contains(fact.occurred) else { return nil }
            }
            return tableOfList[list]
        }
    }
}
