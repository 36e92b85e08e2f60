import JourneyCore

/// Reading the values of returns: dates, Booleans, counts and codes, with messages that never repeat the value
/// unless it is a code.
enum ReturnValues {
    /// A date as the SSDA903 CSV tables write it: `dd/mm/yyyy` (one-digit days and months allowed), or ISO 8601
    /// `yyyy-mm-dd` as some case systems export it.
    static func csvDate(_ text: String) -> CalendarDate? {
        if text.contains("-") { return CalendarDate(text) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// An `xs:date` (`2024-03-31`, with an optional time zone, which a date of the CIN census never needs).
    static func xmlDate(_ text: String) -> CalendarDate? {
        guard text.count >= 10 else { return nil }
        let day = text.prefix(10)
        let zone = text.dropFirst(10)
        guard zone.isEmpty || zone == "Z" || ((zone.first == "+" || zone.first == "-") && zone.count == 6) else {
            return nil
        }
        return CalendarDate(day)
    }

    /// An `xs:dateTime` as the CIN census header writes it. One without an offset is read as UTC: the census
    /// gives none, and an hour either way does not move the day a return was made.
    static func xmlTimestamp(_ text: String) -> Timestamp? {
        Timestamp(text) ?? Timestamp(text + "Z")
    }

    /// The CIN census yes/no type: `1`/`0`, or `true`/`false` as `xs:boolean` also allows.
    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true": return true
        case "0", "false": return false
        default: return nil
        }
    }

    /// Sex as the returns code it: `M`/`F`/`U` (SSDA903 from 2024-25, CIN census `Sex` from 2025), or `1` male and
    /// `2` female (SSDA903 `SEX` before 2024-25, CIN census `GenderCurrent`), where `9` is indeterminate and `0` not
    /// recorded (no sex is set).
    static func sex(_ text: String) -> (known: Bool, sex: Sex?) {
        switch text.uppercased() {
        case "M", "1": return (true, Sex("M"))
        case "F", "2": return (true, Sex("F"))
        case "U", "9": return (true, Sex("U"))
        case "0": return (true, nil)
        default: return (false, nil)
        }
    }

    static let sexProblem =
        "is not a sex code (1 or M male, 2 or F female, 9 or U unknown or indeterminate, 0 not recorded)"

    /// A unique pupil number: a letter, 11 digits, then a digit or a letter. `UN1`…`UN10` say why it is unknown:
    /// they give no UPN.
    static func upn(_ text: String) -> (valid: Bool, upn: String?) {
        let b = Array(text.utf8)
        if b.count <= 4, text.hasPrefix("UN"), let n = Int(text.dropFirst(2)), (1...10).contains(n) {
            return (true, nil)
        }
        func isLetter(_ c: UInt8) -> Bool { (65...90).contains(c) || (97...122).contains(c) }
        func isDigit(_ c: UInt8) -> Bool { (48...57).contains(c) }
        guard b.count == 13, isLetter(b[0]), b[1...11].allSatisfy(isDigit), isLetter(b[12]) || isDigit(b[12]) else {
            return (false, nil)
        }
        return (true, text.uppercased())
    }

    static let upnProblem = "is not a unique pupil number (a letter, 11 digits, then a digit or letter) or UN1…UN10"

    /// A value as an error message may show it: quoted when it could be a code (up to 6 letters and digits), so
    /// that the message says what to fix; otherwise not at all, since a value in the wrong column (a misaligned
    /// row) can be a postcode, a name or a date of birth.
    static func shown(_ value: some StringProtocol) -> String? {
        guard value.count <= 6, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return "\"\(value)\""
    }

    /// Why a value is not a code of a list, showing the value only as `shown` allows.
    static func codeProblem<List: CodeList>(_ value: String, _ list: List.Type) -> String {
        "\(shown(value).map { $0 + " " } ?? "")is not \(List.name) (allowed: \(List.allowedSummary))"
    }

    /// Why a value is not one of a few allowed ones, showing it only as `shown` allows.
    static func problem(_ value: String, isNot what: String) -> String {
        "\(shown(value).map { $0 + " " } ?? "")is not \(what)"
    }

    /// `2016-02-15`: the date in the ids of periods, placements and episodes.
    static func iso(_ date: CalendarDate) -> String { date.description }
}
