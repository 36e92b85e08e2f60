import JourneyCore

/// Text for HTML and SVG: escaped, with the pack's number and date formats.
enum HTMLText {
    /// `&`, `<`, `>` and quotes escaped: team names and check summaries come from data and files.
    static func escape(_ text: String) -> String { escapeHTML(text) }

    /// A percentage to one decimal place, "45.2%"; "–" for none.
    static func percentage(_ value: Double?) -> String {
        guard let value else { return "–" }
        return decimal(value) + "%"
    }

    /// One decimal place, as figures are reported: "45.2", "-0.5".
    static func decimal(_ value: Double) -> String {
        let t = tenths(value)
        return (t < 0 ? "-" : "") + "\(abs(t) / 10).\(abs(t) % 10)"
    }

    /// A target, "86%" or "22.6%": whole numbers without their ".0".
    static func target(_ value: Double) -> String {
        let t = tenths(value)
        return t % 10 == 0 ? "\(t / 10)%" : decimal(value) + "%"
    }

    /// An SVG coordinate: two decimal places at most, so the bytes do not depend on floating-point noise.
    static func coordinate(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100
        let fraction = abs(hundredths) % 100
        if fraction == 0 { return sign + "\(whole)" }
        return sign + "\(whole)."
            + (fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0" : "") + "\(fraction)")
    }

    /// A tick's label: whole numbers, as every axis of the pack steps in them.
    static func tick(_ value: Double, isPercentage: Bool) -> String {
        let text = abs(value - value.rounded()) < 1e-9 ? "\(Int(value.rounded()))" : decimal(value)
        return text + (isPercentage ? "%" : "")
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "November 2024".
    static func month(_ date: CalendarDate) -> String { "\(monthNames[date.month - 1]) \(date.year)" }

    /// "Nov 24", for axis labels.
    static func shortMonth(_ date: CalendarDate) -> String {
        let year = date.year % 100
        return "\(monthNames[date.month - 1].prefix(3)) \(year < 10 ? "0" : "")\(year)"
    }

    /// "30 November 2024".
    static func day(_ date: CalendarDate) -> String { "\(date.day) \(month(date))" }

    /// A count with thousands separated, "12,345".
    static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
