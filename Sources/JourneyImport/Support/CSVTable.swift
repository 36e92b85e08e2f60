import CSV
import Foundation
import JourneyCore

/// One CSV table of a return, read a row at a time: the header row names the columns, in any order, with or
/// without a byte-order mark. The file must be UTF-8 (or ASCII): a UTF-16 file is refused rather than read as
/// text with a zero byte in every other place.
final class CSVTable {
    let path: String
    /// The header row as written.
    let header: [String]
    /// Column name (trimmed, upper case) → position.
    let columns: [String: Int]
    /// The first column named twice (trimmed, upper case), with the positions of both (1 for the first column).
    let repeatedColumn: (name: String, first: Int, second: Int)?
    /// The line of the row last read: the header is line 1. (A quoted field with a line break in it would move
    /// the lines after it; the returns have none.)
    private(set) var line = 1
    private let reader: CSVReader

    init(path: String) throws {
        self.path = path
        guard let stream = InputStream(fileAtPath: path) else {
            throw ImportError.unreadable(file: path, reason: "no such file")
        }
        if let problem = CSVEncoding.problem(ofFileAt: path) {
            throw ImportError.unreadable(file: path, reason: problem + ": save it as CSV UTF-8 and import it again")
        }
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true, trimFields: true)
        } catch {
            throw ImportError.unreadable(file: path, reason: "it has no header row")
        }
        header = reader.headerRow ?? []
        var columns: [String: Int] = [:]
        var repeated: (String, Int, Int)?
        for (i, name) in header.enumerated() {
            let clean = name.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces)
                .uppercased()
            if let first = columns[clean] {
                // Unnamed columns (a header row ending in commas) are no column at all.
                if repeated == nil && !clean.isEmpty { repeated = (clean, first + 1, i + 1) }
            } else {
                columns[clean] = i
            }
        }
        self.columns = columns
        repeatedColumn = repeated
    }

    /// The next row, or `nil` at the end of the file. Throws when the file is not UTF-8 text.
    func next() throws -> [String]? {
        guard let row = reader.next() else {
            // CSV.swift reports the end of a file that does not end in a line break as `cannotReadFile`, after
            // the last row: only a decoding or stream error is a failure.
            switch reader.error as? CSVError {
            case .unicodeDecoding?, .stringEncodingMismatch?:
                throw ImportError.unreadable(file: path, reason: "line \(line + 1) is not UTF-8 text")
            case .streamErrorHasOccurred(let error)?:
                throw ImportError.unreadable(file: path, reason: "line \(line + 1) could not be read (\(error))")
            default:
                break
            }
            return nil
        }
        line += 1
        // A blank line reads as one empty field.
        if row.count == 1 && row[0].isEmpty { return try next() }
        return row
    }
}

/// One row of a CSV table, with the problems found in it so far.
struct CSVRow {
    let fields: [String]
    let columns: [String: Int]
    let file: String
    let line: Int
    let table: String
    var child: ChildID?
    /// Problems that reject the row.
    var problems: [ImportProblem] = []
    /// Problems that leave only a value out: the row is imported without it.
    var dropped: [ImportProblem] = []
    /// What is imported when an optional value is left out (`the episode`); `nil`: a bad value rejects the row.
    var kept: String?

    /// The trimmed value of a column, or `nil` when the column is absent or the value empty.
    func text(_ column: String) -> String? {
        guard let i = columns[column], i < fields.count else { return nil }
        let value = fields[i].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// A problem that rejects the row; `rule` names the rule broken when it is not the column's own.
    mutating func problem(_ field: String?, _ message: String, detail: String? = nil, rule: String? = nil) {
        problems.append(
            ImportProblem(
                file: file, line: line, record: table, child: child, field: field, message: message, detail: detail,
                rule: rule))
    }

    /// Leaves an optional value out of the row (or, with no `kept`, rejects the row for it).
    mutating func drop(_ field: String, _ message: String, rule: String? = nil) {
        guard let kept else { return problem(field, message, rule: rule) }
        dropped.append(
            ImportProblem(
                file: file, line: line, record: table, child: child, field: field,
                message: message + "; the value is left out, \(kept) is imported", rule: rule))
    }
}

extension CSVRow {
    /// A required value: a problem when it is missing.
    mutating func required(_ column: String) -> String? {
        guard let value = text(column) else {
            problem(column, "is missing")
            return nil
        }
        return value
    }

    /// A date (`dd/mm/yyyy`); the value is not repeated in the message, since dates can be personal data. A bad
    /// optional date is left out of the row unless `leavingOut` is false (an end date the row's meaning rests on).
    mutating func date(_ column: String, required isRequired: Bool, leavingOut: Bool = true) -> CalendarDate? {
        guard let value = isRequired ? required(column) : text(column) else { return nil }
        guard let date = ReturnValues.csvDate(value) else {
            if isRequired || !leavingOut {
                problem(column, "is not a date (dd/mm/yyyy)")
            } else {
                drop(column, "is not a date (dd/mm/yyyy)")
            }
            return nil
        }
        return date
    }

    /// A code of a statutory list; a bad optional code is left out of the row unless `leavingOut` is false.
    mutating func code<List: CodeList>(_ column: String, required isRequired: Bool, leavingOut: Bool = true)
        -> Code<List>?
    {
        guard let value = isRequired ? required(column) : text(column) else { return nil }
        guard let code = Code<List>(value.uppercased()) else {
            if isRequired || !leavingOut {
                problem(column, ReturnValues.codeProblem(value, List.self))
            } else {
                drop(column, ReturnValues.codeProblem(value, List.self))
            }
            return nil
        }
        return code
    }

    /// A yes-or-no item of the SSDA903 (`0` or `1`, as the 903's rule 181 allows): `value` is `nil` when blank; a
    /// value other than `0` or `1` is left out (`isValid` false).
    mutating func flag(_ column: String) -> (value: Bool?, isValid: Bool) {
        guard let value = text(column) else { return (nil, true) }
        switch value {
        case "1": return (true, true)
        case "0": return (false, true)
        default:
            drop(column, ReturnValues.problem(value, isNot: "0 or 1"))
            return (nil, false)
        }
    }

    /// Free text for an event field (a postcode, a URN): 1–256 bytes.
    mutating func freeText(_ column: String) -> String? {
        guard let value = text(column) else { return nil }
        guard value.utf8.count <= String.maximumFieldLength else {
            drop(column, "is longer than \(String.maximumFieldLength) characters")
            return nil
        }
        return value
    }
}
