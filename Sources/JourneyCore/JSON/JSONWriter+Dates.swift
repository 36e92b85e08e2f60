// Dates and timestamps written straight into the output, byte for byte as their `description`s, which build
// strings piece by piece: exporting a log writes one or two of them for every event.

extension JSONWriter {
    /// `"YYYY-MM-DD"`, as `CalendarDate.description`.
    mutating func date(_ date: CalendarDate) {
        let (y, m, d) = date.parts
        // Outside 0…9999 the description's padding is unusual (a minus sign inside it): leave it to that.
        guard (0...9999).contains(y) else { return string(date.description) }
        separate()
        bytes.append(UInt8(ascii: "\""))
        writeDate(y, m, d)
        bytes.append(UInt8(ascii: "\""))
    }

    /// RFC 3339, as `Timestamp.description`: in the offset and with the fraction digits it was written with.
    mutating func timestamp(_ t: Timestamp) {
        let local = t.nanoseconds + Int64(t.offsetMinutes) * 60_000_000_000
        let day = Timestamp.floorDiv(local, Timestamp.nanosecondsPerDay)
        let (y, m, d) = CalendarDate.civil(fromDays: Int(day))
        guard (0...9999).contains(y), Int32(exactly: day) != nil else { return string(t.description) }
        let within = local - day * Timestamp.nanosecondsPerDay
        let secondOfDay = Int(within / 1_000_000_000)
        let nanos = Int(within % 1_000_000_000)
        separate()
        bytes.append(UInt8(ascii: "\""))
        writeDate(y, m, d)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, width: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, width: 2)
        if t.fractionDigits > 0 {
            // The first digits of the nanoseconds, nine digits in all.
            bytes.append(UInt8(ascii: "."))
            let start = bytes.count
            appendDigits(nanos, width: 9)
            bytes.removeLast(bytes.count - start - min(9, Int(t.fractionDigits)))
        }
        if t.offsetMinutes == 0 {
            bytes.append(UInt8(ascii: "Z"))
        } else {
            let minutes = abs(Int(t.offsetMinutes))
            bytes.append(t.offsetMinutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendDigits(minutes / 60, width: 2)
            bytes.append(UInt8(ascii: ":"))
            appendDigits(minutes % 60, width: 2)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeDate(_ y: Int, _ m: Int, _ d: Int) {
        appendDigits(y, width: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(m, width: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(d, width: 2)
    }
}
