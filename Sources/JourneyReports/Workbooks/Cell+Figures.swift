import JourneyCore
import JourneyWorkbook

extension Cell {
    /// A figure as the CSV writes it (`12`, `86.4`, `0.5333`, or empty), as a number: a whole number, or a decimal
    /// shown with as many places as the CSV gives, so the workbook shows the CSV's figure and holds it as a number.
    /// Anything else is text.
    static func figure(_ text: String) -> Cell {
        if text.isEmpty { return .empty }
        if let n = Int(text) { return .integer(n) }
        guard let places = decimalPlaces(text), let v = Double(text) else { return .text(text) }
        return .number(v, format: .decimals(places))
    }

    /// A percentage as the CSV writes it (`86.4`, meaning 86.4%), as the share it is, 0.864, shown `86.4%`: the
    /// number a spreadsheet's own percentages hold. Empty for none; anything else is text.
    static func percentage(_ text: String) -> Cell {
        if text.isEmpty { return .empty }
        guard let places = decimalPlaces(text) ?? (Int(text) != nil ? 0 : nil) else { return .text(text) }
        // The digits without the point, over 10^(places + 2): one correctly rounded division, so 86.4 gives the
        // double nearest 0.864 (86.4 / 100 in doubles can land a unit away).
        let negative = text.hasPrefix("-")
        let digits = text.filter { $0 != "." && $0 != "-" }
        guard let whole = Int(digits) else { return .text(text) }
        var scale = 100.0
        for _ in 0..<places { scale *= 10 }
        let value = Double(negative ? -whole : whole) / scale
        let format = places == 0 ? NumberFormat("0%") : NumberFormat("0." + String(repeating: "0", count: places) + "%")
        return .number(value, format: format)
    }

    /// A CSV cell of the package's CSV writers as a workbook cell: text as text, a number as a number.
    static func csv(_ cell: CSVCell) -> Cell {
        switch cell {
        case .text(let s): return s.isEmpty ? .empty : .text(s)
        case .number(let s): return figure(s)
        }
    }

    /// The places after the point of a plain decimal (`-12.50` has 2), or `nil` for anything else.
    static func decimalPlaces(_ text: String) -> Int? {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return parts[1].count
    }
}
