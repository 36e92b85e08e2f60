import JourneyCore

/// Writes JSON text through a raw pointer into memory the caller has made room in.
///
/// The generator writes millions of lines; going through `JSONWriter`'s arrays and strings would cost more than
/// simulating the journeys, so the lines are spelled out directly (`JSONCursor+Line.swift`), with the type names
/// Core spells (`EventType.staticName`). `Event.canonicalJSON()` remains the definition of the bytes: `LineTests`
/// checks the line of every fact the generator makes against it, and `OutputFormatTests` every line of a council.
struct JSONCursor {
    var position: UnsafeMutablePointer<UInt8>
    /// The day of the last date written, and its ten bytes.
    private var lastDay = Int32.min
    private var lastDate: (UInt64, UInt16) = (0, 0)

    init(position: UnsafeMutablePointer<UInt8>) {
        self.position = position
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        position.pointee = b
        position += 1
    }

    /// Bytes known to be JSON already (keys with their quotes and colon, punctuation).
    @inline(__always)
    mutating func raw(_ text: StaticString) {
        let n = text.utf8CodeUnitCount
        position.update(from: text.utf8Start, count: n)
        position += n
    }

    @inline(__always)
    mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        position.update(from: bytes.baseAddress!, count: bytes.count)
        position += bytes.count
    }

    /// A string that needs no escaping (codes, identifiers and names made by the generator).
    @inline(__always)
    mutating func quoted(_ text: String) {
        byte(0x22)
        for b in text.utf8 { byte(b) }
        byte(0x22)
    }

    @inline(__always)
    mutating func quoted<List>(_ code: Code<List>) {
        quoted(code.rawValue)
    }

    mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// A whole number, 0 or more.
    mutating func whole(_ value: Int) {
        precondition(value >= 0)
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        var n = value
        var p = position + count
        position = p
        repeat {
            p -= 1
            p.pointee = 48 + UInt8(n % 10)
            n /= 10
        } while n > 0
    }

    /// Tenths as JSON writes the `Double` they stand for: `12.3`, and `20` rather than `20.0` (`JSONWriter`).
    mutating func tenths(_ value: Int) {
        whole(value / 10)
        if value % 10 != 0 {
            byte(0x2E)
            byte(48 + UInt8(value % 10))
        }
    }

    @inline(__always)
    mutating func twoDigits(_ n: Int) {
        byte(48 + UInt8(n / 10))
        byte(48 + UInt8(n % 10))
    }

    /// `YYYY-MM-DD`, without quotes. Events come in date order, so the last date written is kept and copied when
    /// the next is the same day.
    mutating func date(_ d: CalendarDate) {
        if d.dayNumber == lastDay {
            withUnsafeBytes(of: lastDate) {
                position.update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 10)
            }
            position += 10
            return
        }
        let start = position
        let (y, m, day) = d.parts
        twoDigits(y / 100)
        twoDigits(y % 100)
        byte(0x2D)
        twoDigits(m)
        byte(0x2D)
        twoDigits(day)
        lastDay = d.dayNumber
        withUnsafeMutableBytes(of: &lastDate) { $0.baseAddress!.copyMemory(from: start, byteCount: 10) }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the epoch, without quotes (RFC 3339 in UTC, as `Timestamp` writes
    /// it).
    mutating func timestamp(_ seconds: Int64) {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        date(CalendarDate(dayNumber: Int32(day)))
        time(secondOfDay: Int(seconds - day * 86_400))
    }

    /// `THH:MM:SSZ`.
    mutating func time(secondOfDay second: Int) {
        byte(0x54)
        twoDigits(second / 3600)
        byte(0x3A)
        twoDigits(second / 60 % 60)
        byte(0x3A)
        twoDigits(second % 60)
        byte(0x5A)
    }
}
