/// The median of repeated measurements: one slow run (another build on the second core, a page-cache miss)
/// moves it less than it moves the mean.
func median(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "a median of no measurements")
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Formatting for the result table.
enum Format {
    /// `1234567.8` → `1,234,568`.
    static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 && c != "-" { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// A number with `places` decimals.
    static func fixed(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(abs(scaled) % Int(scale))
        while fraction.count < places { fraction = "0" + fraction }
        return places == 0 ? String(whole) : "\(whole).\(fraction)"
    }

    /// Kibibytes as mebibytes.
    static func megabytes(kilobytes: Int) -> String { fixed(Double(kilobytes) / 1024, 1) + " MiB" }

    static func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
        guard text.count < width else { return text }
        let pad = String(repeating: " ", count: width - text.count)
        return right ? pad + text : text + pad
    }
}
