/// CSV that opens in Excel: RFC 4180 (a header row, CRLF line ends, fields with a comma, a quote or a line break
/// quoted, quotes doubled).
enum CSV {
    /// One record from its fields, with its CRLF.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = "\""
        for c in s { out += c == "\"" ? "\"\"" : String(c) }
        return out + "\""
    }

    /// Text typed by people (a team's name): a leading `=`, `+`, `-` or `@` would make a spreadsheet read a formula,
    /// so it gets a leading apostrophe (OWASP, CSV injection).
    static func text(_ s: String) -> String {
        guard let first = s.first, "=+-@".contains(first) else { return s }
        return "'" + s
    }
}

/// A fraction as a percentage with one decimal place, or empty for none.
func percent(_ value: Double?) -> String {
    guard let value else { return "" }
    let tenths = Int((value * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}

extension String {
    /// Padded with spaces on the right to `width` characters.
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
