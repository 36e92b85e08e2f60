/// One cell of a CSV file: text, guarded against formula injection when written, or a number, written as it is.
public enum CSVCell: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Text: a team's name, a child's id, a message, a code.
    case text(String)
    /// A number in plain decimal notation (`12`, `-3`, `86.4`). Anything else given as a number is written as text.
    case number(String)

    public init(stringLiteral value: String) { self = .text(value) }

    /// An empty cell.
    public static let empty = CSVCell.text("")

    /// A whole number.
    public static func number(_ n: Int) -> CSVCell { .number(String(n)) }

    /// A whole number, or an empty cell for none.
    public static func number(_ n: Int?) -> CSVCell { n.map { .number(String($0)) } ?? .empty }
}

/// The package's one CSV writer: RFC 4180 text that opens in Excel and LibreOffice without running anything.
///
/// - A header row, then one record per line, each ending CRLF; a field holding a comma, a double quote, CR or LF is
///   quoted, with its double quotes doubled (RFC 4180, section 2).
/// - A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read by a spreadsheet as a
///   formula (OWASP, "CSV injection"): it is written with a leading apostrophe (`'=HYPERLINK("x")`, `'-cmd`), which
///   a spreadsheet shows and does not evaluate. Only text is guarded: a number cell (`-3`, `86.4`) is written as
///   it is, so it stays a number.
///
/// CSV.swift, with which JourneyImport reads returns, has a `CSVWriter` of its own: a file that imports both names
/// this one `JourneyCore.CSVWriter`.
public struct CSVWriter: Sendable {
    /// The CSV so far.
    public private(set) var text: String

    /// A writer holding the header row.
    public init(header: [String]) {
        text = Self.record(header.map(CSVCell.text))
    }

    /// Appends one record.
    public mutating func append(_ cells: [CSVCell]) {
        Self.append(cells, to: &text)
    }

    /// One record, with its CRLF.
    public static func record(_ cells: [CSVCell]) -> String {
        var out = ""
        append(cells, to: &out)
        return out
    }

    /// Appends one record, with its CRLF, to `out`: each field written straight into it, with no string of its own
    /// (a report of a hundred thousand findings spent a third of its run making them).
    static func append(_ cells: [CSVCell], to out: inout String) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out += "," }
            switch cell {
            case .text(let s): appendField(s, to: &out)
            case .number(let s): if isPlainNumber(s) { out += s } else { appendField(s, to: &out) }
            }
        }
        out += "\r\n"
    }

    /// One field: guarded if it is text, quoted if it must be.
    public static func field(_ cell: CSVCell) -> String {
        var out = ""
        switch cell {
        case .text(let s): appendField(s, to: &out)
        case .number(let s): if isPlainNumber(s) { out = s } else { appendField(s, to: &out) }
        }
        return out
    }

    /// Appends `s` guarded (`guarded`) and quoted if it must be (`quoted`).
    static func appendField(_ s: String, to out: inout String) {
        let isFormula = s.unicodeScalars.first.map { formulaStarts.contains(Character($0)) } ?? false
        appendQuoted(s, apostrophe: isFormula, to: &out)
    }

    /// The characters that make a spreadsheet read a cell as a formula when they start it.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The text with a leading apostrophe if it starts as a formula would.
    public static func guarded(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, formulaStarts.contains(Character(first)) else { return s }
        return "'" + s
    }

    /// The text quoted when it holds a comma, a double quote, CR or LF (RFC 4180), as it is otherwise.
    public static func quoted(_ s: String) -> String {
        var out = ""
        appendQuoted(s, apostrophe: false, to: &out)
        return out
    }

    /// The one quoting rule: `s`, after an apostrophe when `apostrophe` (which needs no quoting itself), in double
    /// quotes with its own doubled when it holds a comma, a double quote, CR or LF.
    static func appendQuoted(_ s: String, apostrophe: Bool, to out: inout String) {
        var mustQuote = false
        var hasQuote = false
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r"): mustQuote = true
            case UInt8(ascii: "\""):
                mustQuote = true
                hasQuote = true
            default: break
            }
        }
        if mustQuote { out += "\"" }
        if apostrophe { out += "'" }
        if hasQuote {
            for (i, part) in s.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { out += "\"\"" }
                out += part
            }
        } else {
            out += s
        }
        if mustQuote { out += "\"" }
    }

    /// Whether the text is a decimal number a spreadsheet reads as the same number: an optional minus, digits, and
    /// optionally a point and more digits.
    static func isPlainNumber(_ s: String) -> Bool {
        var digits = Substring(s).utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// An age band (`1-4`, `10-15`) as Excel keeps it as text (`1 to 4`, `10 to 15`): Excel reads `1-4` as the
    /// 1st of April and `10-15` as October 2015. Other text (`under 1`, `16+`) is as it is.
    public static func ageBand(_ band: String) -> String {
        let parts = band.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return band }
        return "\(parts[0]) to \(parts[1])"
    }
}
