/// An instant with the UTC offset it was written in: the `recorded` time of an event (RFC 3339).
///
/// Two timestamps are equal when they name the same instant, whatever their offsets; the offset and the
/// number of fraction digits are kept only so that an event exports as it was written.
///
/// A timestamp holds nanoseconds in 64 bits, which reach from 1677 to 2262; the years it accepts are the whole
/// years inside that span, `supportedYears` (1678 to 2261), so that no arithmetic on a parsed timestamp (its
/// offset applied, a day added) can overflow. A time outside them is refused where it is parsed, with
/// `rangeProblem`, never wrapped or trapped.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public let nanoseconds: Int64
    /// The offset from UTC it was written in, in minutes (`Z` is 0).
    public let offsetMinutes: Int16
    /// Digits written after the decimal point of the seconds (0 to 9).
    public let fractionDigits: UInt8

    public init(nanoseconds: Int64, offsetMinutes: Int16 = 0, fractionDigits: UInt8 = 0) {
        self.nanoseconds = nanoseconds
        self.offsetMinutes = offsetMinutes
        self.fractionDigits = fractionDigits
    }

    /// The years a timestamp can name: the whole years within the reach of 64-bit nanoseconds since 1970.
    public static let supportedYears: ClosedRange<Int> = 1678...2261

    /// The days of `supportedYears`, as day numbers, for the parser's check.
    static let supportedDays: ClosedRange<Int32> = {
        // Both days exist: 1 January and 31 December of years within 1...9999.
        let first = CalendarDate(year: supportedYears.lowerBound, month: 1, day: 1)!
        let last = CalendarDate(year: supportedYears.upperBound, month: 12, day: 31)!
        return first.dayNumber...last.dayNumber
    }()

    /// The instants of `supportedDays`, in nanoseconds since 1970: what a stored time must lie in to be read.
    public static let supportedNanoseconds: ClosedRange<Int64> =
        Int64(supportedDays.lowerBound) * nanosecondsPerDay...(Int64(supportedDays.upperBound) + 1)
        * nanosecondsPerDay - 1

    /// Whether stored parts make a time: an instant in `supportedNanoseconds`, an offset under a day, at most nine
    /// fraction digits. A stored record that fails this is damaged, and printing it would overflow.
    public static func isValid(nanoseconds: Int64, offsetMinutes: Int16, fractionDigits: UInt8) -> Bool {
        supportedNanoseconds.contains(nanoseconds) && abs(Int(offsetMinutes)) < 24 * 60 && fractionDigits <= 9
    }

    /// Whether a timestamp can name instants on this date.
    public static func canHold(_ date: CalendarDate) -> Bool { supportedDays.contains(date.dayNumber) }

    /// Says why a date cannot be held as a time, or `nil` when it can.
    public static func rangeProblem(_ date: CalendarDate) -> String? {
        guard !canHold(date) else { return nil }
        let years = "\(supportedYears.lowerBound) to \(supportedYears.upperBound)"
        return "\(date) is outside the years \(years) that times can hold"
    }

    /// Says why text that starts with a valid date (`2300-01-01T00:00:00Z`) cannot be a time, or `nil` when it
    /// does not start with a date or the date is in range: the parser's refusal, explained.
    public static func rangeProblem(in text: some StringProtocol) -> String? {
        CalendarDate(text.prefix(10)).flatMap(rangeProblem)
    }

    /// Midnight UTC at the start of a date, or `nil` outside `supportedYears`.
    public init?(startOf date: CalendarDate) {
        guard Self.canHold(date) else { return nil }
        self.init(nanoseconds: Int64(date.dayNumber) * Self.nanosecondsPerDay)
    }

    /// The last representable instant (to the nanosecond) of a date in UTC, or `nil` outside `supportedYears`.
    public init?(endOf date: CalendarDate) {
        guard Self.canHold(date) else { return nil }
        self.init(nanoseconds: Int64(date.dayNumber + 1) * Self.nanosecondsPerDay - 1)
    }

    /// The last whole second of a date in UTC (23:59:59Z), the time the statutory returns' dates are taken to
    /// mean, or `nil` outside `supportedYears`.
    public init?(lastSecondOf date: CalendarDate) {
        guard Self.canHold(date) else { return nil }
        self.init(nanoseconds: Int64(date.dayNumber + 1) * Self.nanosecondsPerDay - 1_000_000_000)
    }

    static let nanosecondsPerDay: Int64 = 86_400 * 1_000_000_000

    /// Parses RFC 3339 (`2023-05-02T09:10:00Z`, `2023-05-02T10:10:00.250+01:00`); `t`, `z` and a space
    /// separator are accepted as RFC 3339 allows.
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)
        guard let t = bytes.withUnsafeMutableBufferPointer({ Timestamp(rfc3339: UnsafeBufferPointer($0)) })
        else { return nil }
        self = t
    }

    public init?(rfc3339 b: UnsafeBufferPointer<UInt8>) {
        guard b.count >= 20 else { return nil }
        guard let date = CalendarDate(isoBytes: UnsafeBufferPointer(rebasing: b[0..<10])), Self.canHold(date)
        else { return nil }
        let sep = b[10]
        guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " ") else { return nil }
        func two(_ i: Int) -> Int? {
            let a = Int(b[i]) &- 48
            let c = Int(b[i + 1]) &- 48
            guard (0...9).contains(a), (0...9).contains(c) else { return nil }
            return a * 10 + c
        }
        guard let hh = two(11), b[13] == UInt8(ascii: ":"), let mm = two(14), b[16] == UInt8(ascii: ":"),
            let ss = two(17), hh <= 23, mm <= 59, ss <= 59
        else { return nil }
        var i = 19
        var fraction: Int64 = 0
        var digits = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, (48...57).contains(b[i]) {
                guard digits < 9 else { return nil }
                fraction = fraction * 10 + Int64(b[i] - 48)
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { fraction *= 10 }
        }
        guard i < b.count else { return nil }
        var offset = 0
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            i += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard b.count == i + 6, let oh = two(i + 1), b[i + 3] == UInt8(ascii: ":"), let om = two(i + 4),
                oh <= 23, om <= 59
            else { return nil }
            offset = (oh * 60 + om) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        default:
            return nil
        }
        guard i == b.count else { return nil }
        // A leap second (:60) is refused: no case system records one, and keeping it would change the instant.
        let seconds = Int64(date.dayNumber) * 86_400 + Int64(hh * 3600 + mm * 60 + ss) - Int64(offset * 60)
        nanoseconds = seconds * 1_000_000_000 + fraction
        offsetMinutes = Int16(offset)
        fractionDigits = UInt8(digits)
    }

    /// The calendar date of this instant in the offset it was written in.
    public var localDate: CalendarDate {
        let local = nanoseconds + Int64(offsetMinutes) * 60_000_000_000
        return CalendarDate(dayNumber: Int32(Self.floorDiv(local, Self.nanosecondsPerDay)))
    }

    /// The calendar date of this instant in UTC, whatever offset it was written in: what "the day it was recorded"
    /// means to the checks and the chronology.
    public var utcDate: CalendarDate {
        CalendarDate(dayNumber: Int32(Self.floorDiv(nanoseconds, Self.nanosecondsPerDay)))
    }

    /// RFC 3339, in the offset and with the fraction digits it was written with.
    public var description: String {
        let local = nanoseconds + Int64(offsetMinutes) * 60_000_000_000
        let day = Self.floorDiv(local, Self.nanosecondsPerDay)
        let within = local - day * Self.nanosecondsPerDay
        let secondOfDay = Int(within / 1_000_000_000)
        let nanos = within % 1_000_000_000
        var s = CalendarDate(dayNumber: Int32(day)).description
        s +=
            "T" + CalendarDate.pad(secondOfDay / 3600, 2) + ":" + CalendarDate.pad(secondOfDay / 60 % 60, 2) + ":"
            + CalendarDate.pad(secondOfDay % 60, 2)
        if fractionDigits > 0 {
            let all = CalendarDate.pad(Int(nanos), 9)
            s += "." + all.prefix(Int(fractionDigits))
        }
        if offsetMinutes == 0 {
            s += "Z"
        } else {
            let m = abs(Int(offsetMinutes))
            s += (offsetMinutes < 0 ? "-" : "+") + CalendarDate.pad(m / 60, 2) + ":" + CalendarDate.pad(m % 60, 2)
        }
        return s
    }

    public static func == (a: Timestamp, b: Timestamp) -> Bool { a.nanoseconds == b.nanoseconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(nanoseconds) }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.nanoseconds < b.nanoseconds }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
