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
    /// The CSV so far, as UTF-8: what a command writes out, with no string made of all of it.
    public private(set) var bytes: [UInt8] = []

    /// The CSV so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A writer holding the header row.
    public init(header: [String]) {
        append(header.map(CSVCell.text))
    }

    /// Appends one record, with its CRLF: each field written straight into the bytes, with no string of its own (a
    /// report of a hundred thousand findings spent a third of its run making them).
    public mutating func append(_ cells: [CSVCell]) {
        for cell in cells {
            startField()
            appendField(cell)
        }
        endRecord()
    }

    /// Whether the record being written has a field yet: the next field then starts with a comma.
    private var isInRecord = false

    private mutating func startField() {
        if isInRecord { bytes.append(UInt8(ascii: ",")) }
        isInRecord = true
    }

    // MARK: A record a field at a time
    //
    // For a writer of many records (`journey check`'s findings), with no array of cells and no joined string made
    // for each: the same bytes as `append(_:)` with the cells named.

    /// Appends a text field, as `.text(s)`.
    public mutating func appendText(_ s: String) {
        startField()
        appendQuoted(s, apostrophe: Self.startsAsFormula(s))
    }

    /// Appends a text field of `parts` joined by single spaces, as `.text(parts.joined(separator: " "))`.
    public mutating func appendText(joining parts: [String]) {
        appendJoined(parts) { $0 }
    }

    /// Appends a text field of event ids joined by single spaces, as `.text` of their texts joined would be.
    public mutating func appendText(joining ids: [EventID]) {
        appendJoined(ids) { $0.rawValue }
    }

    /// The two above, specialised for each: called from another module, a generic `Collection` of strings went
    /// through its witnesses for every element, and an identifier generic over its tag looked its type's metadata up
    /// for every call (a quarter, then a sixth, of a large report's run).
    private mutating func appendJoined<Part>(_ parts: [Part], _ text: (Part) -> String) {
        // A part that must be quoted is quoted with the whole field: that case goes through the joined text.
        guard parts.allSatisfy({ !Self.mustQuote(text($0)) }) else {
            return appendText(parts.map(text).joined(separator: " "))
        }
        startField()
        // The joined text's first byte is its first part's, or the space after an empty first part.
        if let first = parts.first.map(text), Self.startsAsFormula(first.isEmpty && parts.count > 1 ? " " : first) {
            bytes.append(UInt8(ascii: "'"))
        }
        for (i, part) in parts.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: " ")) }
            append(text(part))
        }
    }

    /// Appends a text field of `numbers` in decimal joined by single spaces, as `.text` of them joined would be
    /// (digits and spaces are never quoted or guarded).
    public mutating func appendText(joining numbers: [UInt64]) {
        startField()
        for (i, n) in numbers.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: " ")) }
            appendDecimal(n)
        }
    }

    /// Ends the record with its CRLF.
    public mutating func endRecord() {
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
        isInRecord = false
    }

    private mutating func appendDecimal(_ n: UInt64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for UInt64.max's 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            var n = n
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// One record, with its CRLF.
    public static func record(_ cells: [CSVCell]) -> String {
        var out = CSVWriter()
        out.append(cells)
        return out.text
    }

    /// One field: guarded if it is text, quoted if it must be.
    public static func field(_ cell: CSVCell) -> String {
        var out = CSVWriter()
        out.appendField(cell)
        return out.text
    }

    /// A writer with no header, its bytes' storage reserved for about `capacity` bytes: for rows written in parts
    /// and joined after a header.
    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends one field: text guarded (`guarded`) and quoted if it must be (`quoted`); a plain number as it is.
    mutating func appendField(_ cell: CSVCell) {
        switch cell {
        case .text(let s): appendQuoted(s, apostrophe: Self.startsAsFormula(s))
        case .number(let s):
            if Self.isPlainNumber(s) { append(s) } else { appendField(.text(s)) }
        }
    }

    /// Whether `s` starts with a character that makes a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`, a
    /// tab or a carriage return. They are all ASCII, so the first byte is the whole first character: read from the
    /// bytes, with no `Character` made and hashed for every field.
    static func startsAsFormula(_ s: String) -> Bool {
        switch s.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"),
            UInt8(ascii: "\r"):
            true
        default: false
        }
    }

    /// The text with a leading apostrophe if it starts as a formula would.
    public static func guarded(_ s: String) -> String {
        guard startsAsFormula(s) else { return s }
        return "'" + s
    }

    /// The text quoted when it holds a comma, a double quote, CR or LF (RFC 4180), as it is otherwise.
    public static func quoted(_ s: String) -> String {
        var out = CSVWriter()
        out.appendQuoted(s, apostrophe: false)
        return out.text
    }

    /// The one quoting rule: `s`, after an apostrophe when `apostrophe` (which needs no quoting itself), in double
    /// quotes with its own doubled when it holds a comma, a double quote, CR or LF.
    /// Whether `s` holds a comma, a double quote, CR or LF: a field that holds it is quoted (RFC 4180).
    static func mustQuote(_ s: String) -> Bool {
        s.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
    }

    mutating func appendQuoted(_ s: String, apostrophe: Bool) {
        var s = s
        s.withUTF8 { utf8 in
            var mustQuote = false
            var hasQuote = false
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r"): mustQuote = true
                case UInt8(ascii: "\""):
                    mustQuote = true
                    hasQuote = true
                default: break
                }
            }
            if mustQuote { bytes.append(UInt8(ascii: "\"")) }
            if apostrophe { bytes.append(UInt8(ascii: "'")) }
            if hasQuote {
                for byte in utf8 {
                    bytes.append(byte)
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                }
            } else {
                bytes.append(contentsOf: utf8)
            }
            if mustQuote { bytes.append(UInt8(ascii: "\"")) }
        }
    }

    /// Appends `s`'s UTF-8 as it is: in one copy from a native string's storage.
    private mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
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
