import JourneyCore

/// One cell of a worksheet: text, a whole number, a decimal number shown with a number format, a date, or nothing.
///
/// Text is never read as a formula: it is written as a string (`t="inlineStr"`), so a message starting with `=` or
/// `-` stays text, and needs none of the apostrophe guarding `CSVWriter` gives a CSV.
public enum Cell: Sendable, Hashable {
    /// Text: a team's name, a child's id, a code, a message.
    case text(String)
    /// A whole number: a count, a number of days.
    case integer(Int)
    /// A decimal number, shown with `format` (`0.0`, `0.0%`). A percentage format shows the value times 100: a
    /// share of 86.4% is the number 0.864. Infinity and NaN, which a spreadsheet cannot hold, are written empty.
    case number(Double, format: NumberFormat)
    /// A day, written as Excel's date serial (1900 date system) shown `dd/mm/yyyy`, so a spreadsheet sorts and
    /// filters it as a date. A day before 1 January 1900 or after 31 December 9999, which Excel cannot hold, is
    /// written as text (`yyyy-mm-dd`).
    case date(CalendarDate)
    /// Nothing.
    case empty

    /// A decimal number in the general format.
    public static func number(_ value: Double) -> Cell { .number(value, format: .general) }

    /// Text, or an empty cell for none.
    public static func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }

    /// A whole number, or an empty cell for none.
    public static func integer(_ value: Int?) -> Cell { value.map(Cell.integer) ?? .empty }

    /// A date, or an empty cell for none.
    public static func date(_ value: CalendarDate?) -> Cell { value.map(Cell.date) ?? .empty }
}

/// How a decimal number is shown: an Excel number format code (ECMA-376 part 1, 18.8.31).
public struct NumberFormat: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The format code, such as `0.0` or `0.0%`.
    public var code: String

    public init(_ code: String) { self.code = code }
    public init(stringLiteral code: String) { self.code = code }

    /// As many digits as the number needs.
    public static let general = NumberFormat("General")
    /// One decimal place: `86.4`, `120.0`.
    public static let oneDecimal = NumberFormat("0.0")
    /// A percentage to one decimal place: the number 0.864 shown `86.4%`.
    public static let percentage = NumberFormat("0.0%")

    /// A fixed number of decimal places (`0` for none): `decimals(4)` is `0.0000`.
    public static func decimals(_ places: Int) -> NumberFormat {
        places <= 0 ? NumberFormat("0") : NumberFormat("0." + String(repeating: "0", count: places))
    }
}
