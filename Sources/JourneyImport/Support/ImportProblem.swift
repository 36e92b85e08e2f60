import Foundation
import JourneyCore

/// Why a row of a return (or an element of an XML return) was not imported: where it is, which field, and the rule
/// it breaks.
///
/// Messages never repeat dates, postcodes, UPNs or other values from the return: they can be a child's personal
/// data. Codes are repeated, since a code shows what to fix and identifies no one. The child's identifier is
/// pseudonymous and is kept in `child`, so that a rejected row can be found.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as it was named on the command line.
    public var file: String
    /// 1 for the first line of the file (a CSV header is line 1), or the line of the XML element.
    public var line: Int
    /// The table (`episodes`) or, for XML, the path of the element (`Child[3]/CINdetails[1]/Assessments[2]`).
    public var record: String
    public var child: ChildID?
    /// The column or element at fault, or `nil` for the row as a whole.
    public var field: String?
    /// The rule broken.
    public var message: String
    /// What is particular to this row (the line of the row it repeats), left out of `reason`.
    public var detail: String?
    /// The rule broken, by name: the DfE validation rule where there is one (`CIN 8500`), else the schema or the
    /// event format's limit (`CIN census schema (assessment factor codes)`).
    public var rule: String?

    public init(
        file: String, line: Int, record: String, child: ChildID? = nil, field: String? = nil, message: String,
        detail: String? = nil, rule: String? = nil
    ) {
        self.file = file
        self.line = line
        self.record = record
        self.child = child
        self.field = field
        self.message = message
        self.detail = detail
        self.rule = rule
    }

    /// The rule broken, without the place: what the summary groups rejections by.
    public var reason: String {
        field.map { "\($0): \(message)" } ?? message
    }

    public var description: String {
        "\(Self.fileName(file)) line \(line), \(record)" + (field.map { ", field \($0)" } ?? "") + ": \(message)"
            + (detail.map { " (\($0))" } ?? "") + (rule.map { " [\($0)]" } ?? "")
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// A rejected row with its problems, and the row as it was read, for the `--rejected` file.
public struct RejectedRecord: Hashable, Sendable {
    public var problems: [ImportProblem]
    /// The CSV row as read (it may hold personal data), or `nil` for XML.
    public var fields: [String]?

    public init(problems: [ImportProblem], fields: [String]? = nil) {
        self.problems = problems
        self.fields = fields
    }
}

/// Why an import did not happen. Nothing was appended.
///
/// The message says what is wrong, not which option puts it right: the caller says that in its own words (the
/// command line names `--skip-invalid` and `--rejected`).
public enum ImportError: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// A file could not be opened or read as the kind of file expected.
    case unreadable(file: String, reason: String)
    /// A path names nothing the importer can read.
    case noReturn(String)
    /// Rows of the return break its rules; with `--skip-invalid` the valid rows would have been imported.
    case invalid(problems: [ImportProblem], total: Int, rejected: [RejectedRecord])
    /// The collection year could not be told from the return and was not given: the message says why; how to give
    /// it is the caller's to say.
    case unknownYear(String)
    /// A file the import writes (`--rejected`) could not be written.
    case unwritable(file: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "could not read \(file): \(reason)"
        case .noReturn(let message):
            return message
        case .invalid(let problems, let total, _):
            let lines = problems.map { "  " + $0.description }.joined(separator: "\n")
            let more = total > problems.count ? "\n  … and \(total - problems.count) more" : ""
            return "the return was not imported and nothing was appended (\(total) problem"
                + (total == 1 ? "" : "s") + "):\n" + lines + more
        case .unknownYear(let message):
            return message
        case .unwritable(let file, let reason):
            return "could not write \(file): \(reason). Nothing was appended."
        }
    }

    public var errorDescription: String? { description }
}

extension RejectedRecord {
    /// The columns of the `--rejected` file.
    public static let csvHeader = ["file", "line", "record", "child", "field", "reason", "rule", "row"]

    /// Writes rejected records as CSV to a file created (or made) readable by its owner only: one line per
    /// problem, with the rule it breaks where one is known, and the row as it was read (CSV tables only). The file can hold personal data (the rows), as the
    /// return does.
    public static func writeCSV(_ records: [RejectedRecord], to path: String) throws {
        try RejectedFile(path: path).write(records)
    }

    /// The records as CSV, with the header row `csvHeader` (`CSVWriter`: text guarded against formula injection).
    /// The row as read is one cell, its fields quoted as RFC 4180 quotes them.
    static func csv(_ records: [RejectedRecord]) -> String {
        var csv = CSVWriter(header: csvHeader)
        for record in records {
            let row = record.fields.map { $0.map(CSVWriter.quoted).joined(separator: ",") } ?? ""
            for p in record.problems {
                csv.append([
                    .text(ImportProblem.fileName(p.file)), .number(p.line), .text(p.record),
                    .text(p.child?.rawValue ?? ""), .text(p.field ?? ""),
                    .text(p.message + (p.detail.map { " (\($0))" } ?? "")), .text(p.rule ?? ""), .text(row),
                ])
            }
        }
        return csv.text
    }
}
