import Foundation

/// Whether a CSV table is UTF-8 text, checked before CSV.swift reads it.
///
/// CSV.swift reads a UTF-16 file as UTF-8 text with a zero byte in every other place (so no column is recognised,
/// and the table was skipped as one the importer does not read), and stops a row early at a byte UTF-8 does not
/// allow, reading on or failing with a later line. The whole file is checked first, a chunk at a time.
enum CSVEncoding {
    /// Why the file is not UTF-8 text (`it is UTF-16 text …`, `line 3 is not UTF-8 text …`), or `nil` when it is.
    static func problem(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var line = 1
        var isFirst = true
        while true {
            let data = (try? handle.read(upToCount: 1 << 20)) ?? Data()
            let atEnd = data.isEmpty
            pending += data
            if isFirst {
                isFirst = false
                if let problem = markProblem(pending) { return problem }
            }
            // Check up to the last line break (never inside a character), or to the end.
            let end = atEnd ? pending.count : (pending.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)
            if end > 0 {
                if let bad = firstInvalidLine(pending[..<end]) { return "line \(line + bad) is not UTF-8 text" }
                line += pending[..<end].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                pending.removeFirst(end)
            }
            if atEnd { return nil }
        }
    }

    /// A problem told from the first bytes: a UTF-16 or UTF-32 byte-order mark, or zero bytes.
    static func markProblem(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            return "it is UTF-32 text (it starts with a UTF-32 byte-order mark)"
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "it is UTF-16 text (it starts with a UTF-16 byte-order mark)"
        }
        if bytes.prefix(4096).contains(0) { return "it is UTF-16 text, or not text at all (it holds zero bytes)" }
        return nil
    }

    /// The line (0 for the first) of the first byte UTF-8 does not allow, or `nil` when every line is UTF-8.
    static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        for (i, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where String(validating: line, as: UTF8.self) == nil {
            return i
        }
        return nil
    }
}
