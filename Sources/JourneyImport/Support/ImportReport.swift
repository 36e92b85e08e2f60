import Foundation
import JourneyCore
import JourneyLog

/// What an import did, table by table: rows read, the events they stand for, and what happened to each.
public struct ImportReport: Sendable {
    /// The return, as named in each event's `source` (`ssda903-2018`, `cin-census-2024`).
    public var source: String
    public var collectionYear: CollectionYear
    /// The `recorded` time given to every event of the import.
    public var recorded: Timestamp
    /// The tables (SSDA903) or modules (CIN census), in the order of the return.
    public var tables: [TableReport]
    /// Files or elements not read, with why.
    public var skipped: [String] = []
    /// Rows not imported, with their problems (empty unless `--skip-invalid`).
    public var rejected: [RejectedRecord] = []
    /// Readings of the return worth knowing about (an open period the return does not continue, …).
    public var notes: [String] = []
    /// What the log did with the batch.
    public var append = AppendReport()

    public init(source: String, collectionYear: CollectionYear, recorded: Timestamp, tables: [TableReport]) {
        self.source = source
        self.collectionYear = collectionYear
        self.recorded = recorded
        self.tables = tables
    }

    /// The report of one table, by name.
    public subscript(table name: String) -> TableReport? {
        tables.first { $0.name == name }
    }

    /// Events of each type the return stands for, over all tables (new, already in the log, or revised).
    public var eventsByType: [EventType: Int] {
        tables.reduce(into: [:]) { total, table in total.merge(table.events, uniquingKeysWith: +) }
    }

    public var newEvents: Int { tables.reduce(0) { $0 + $1.new } }
    public var unchangedEvents: Int { tables.reduce(0) { $0 + $1.unchanged } }
    public var revisedEvents: Int { tables.reduce(0) { $0 + $1.revised } }
    public var retractedEvents: Int { tables.reduce(0) { $0 + $1.retracted } }
    public var supersededEvents: Int { tables.reduce(0) { $0 + $1.superseded } }
    public var rejectedRows: Int { tables.reduce(0) { $0 + $1.rejected } }
}

/// One table of a return (or one module of the CIN census): its rows and the events they became.
public struct TableReport: Hashable, Sendable {
    public var name: String
    /// Rows (or elements) read.
    public var rows = 0
    /// Rows that repeat an earlier row exactly: skipped.
    public var duplicates = 0
    /// Rows not imported because they break a rule.
    public var rejected = 0
    /// Values left out of rows that were imported without them (a bad code in a list, a bad optional date).
    public var valuesRejected = 0
    /// Why rows or values were rejected: the rule (field and message) → how many rows.
    public var rejections: [String: Int] = [:]
    /// The events the rows stand for, by type, whether new, already in the log or revised.
    public var events: [EventType: Int] = [:]
    /// Events appended for facts the log did not hold.
    public var new = 0
    /// Facts the log already held with the same content: nothing appended.
    public var unchanged = 0
    /// Facts the log held with other content: a `corrects` event appended.
    public var revised = 0
    /// Facts whose version in the log was recorded after this return (by a later return, or corrected by hand): left
    /// as they are.
    public var superseded = 0
    /// Facts of earlier imports that this return no longer states: an `event.retracted` appended.
    public var retracted = 0

    public init(name: String) {
        self.name = name
    }

    public var eventCount: Int { events.values.reduce(0, +) }

    mutating func reject(_ problems: [ImportProblem]) {
        rejected += 1
        for reason in Set(problems.map(\.reason)) { rejections[reason, default: 0] += 1 }
    }
}

extension ImportReport {
    /// The summary printed after an import: one line per table, then what was appended and why rows were skipped.
    public var summary: String {
        var lines = ["\(source) (collection year \(collectionYear), recorded \(recorded))"]
        let width = max(tables.map(\.name.count).max() ?? 0, 8)
        for table in tables {
            let name = table.name.padding(toLength: width, withPad: " ", startingAt: 0)
            var line =
                "  \(name) \(table.rows) row\(table.rows == 1 ? "" : "s") → \(table.eventCount) event"
                + (table.eventCount == 1 ? "" : "s")
            let types = table.events.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            if !types.isEmpty { line += " (" + types.joined(separator: ", ") + ")" }
            var outcome: [String] = []
            if table.new > 0 { outcome.append("\(table.new) new") }
            if table.unchanged > 0 { outcome.append("\(table.unchanged) already in the log") }
            if table.revised > 0 { outcome.append("\(table.revised) revised") }
            if table.superseded > 0 { outcome.append("\(table.superseded) left as recorded after this return") }
            if table.retracted > 0 { outcome.append("\(table.retracted) retracted") }
            if !outcome.isEmpty { line += "; " + outcome.joined(separator: ", ") }
            if table.duplicates > 0 {
                line += "; \(table.duplicates) duplicate row\(table.duplicates == 1 ? "" : "s") skipped"
            }
            if table.rejected > 0 { line += "; \(table.rejected) rejected" }
            if table.valuesRejected > 0 {
                line += "; \(table.valuesRejected) value\(table.valuesRejected == 1 ? "" : "s") left out"
            }
            lines.append(line)
            for (reason, count) in table.rejections.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                lines.append("      \(count) × \(reason)")
            }
        }
        for item in skipped { lines.append("  skipped: \(item)") }
        var appended = "appended \(append.appended) event\(append.appended == 1 ? "" : "s")"
        if let p = append.positions { appended += " (positions \(p.lowerBound)…\(p.upperBound))" }
        if append.duplicates > 0 { appended += "; \(append.duplicates) already in the log with the same id" }
        lines.append(appended)
        for note in notes { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
