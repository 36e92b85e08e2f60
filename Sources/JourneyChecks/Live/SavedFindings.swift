import JourneyCore
import JourneyLog

/// The findings of a `LiveChecks` as bytes, so that a later run (the command line is a new process each time) can
/// read them back instead of checking every record again, and check only the records the events appended since
/// change.
///
///     magic "JRNYFND" · format (1 byte) · question (length, bytes) · children checked
///     · records whose findings change on a later as-of day (count; each its id and the last day they hold, as
///       days after the as-of date, zigzag-coded), by day and then id
///     · the checks that have found an answer that changes with the day (`DayReadingChecks`: a byte, 1 when every
///       check's findings read the day; a count; each check's place among those run, as its difference from the
///       one before), in order
///     · tables of checks, children, message templates and teams · findings (count, each below)
///     · CRC-32C of everything before it (u32)
///
/// A finding is its check's and child's numbers in their tables, its severity (a byte), its date as days before
/// the as-of date, its positions (count, then the first and each one's difference from the one before), its
/// message (its template's number, then the template's dates as days after the finding's date and its numbers),
/// its team's number (0 for none) and its event ids (count, strings). Integers are LEB128, signed ones
/// zigzag-coded first; strings are a LEB128 length and UTF-8; a table is a count and its entries, numbered from 0
/// in the order first met, so the same findings always give the same bytes.
///
/// The tables are there because findings repeat: a check's id, a child with several findings, a team, and above
/// all the words of a message. A message is mostly its check's fixed words with a date or two in them
/// (`MessageTemplate`), unique as a whole; kept as a template and its values, the 954 findings of a 20,000-child
/// synthetic council (`journey synth --children 20000 --seed 3`) take 33 KB: a fifth of the 163 KB they take with
/// each message interned whole, a sixth of the 208 KB they take written out.
///
/// Reading never traps: a short, long or changed file, a number past its table or a date out of range is damage,
/// and the caller gets nothing back.
enum SavedFindings {
    static let magic = Array("JRNYFND".utf8)
    /// Bumped whenever the layout changes: a file of another format is not read.
    static let format: UInt8 = 3

    /// The canonical bytes of the question a `LiveChecks` answers: the as-of date, the weekday bank holidays,
    /// `recordedLateDays`, the team attribution and the ids of the checks run, in order. Two runs find the same
    /// findings in the same records exactly when these bytes are equal, so a file of findings is used only when
    /// its question is this run's.
    ///
    /// The ids of the checks cover `--only` and a build with another catalogue; a check that keeps its id but
    /// changes what it finds is a new `format`.
    static func question(_ context: CheckContext, checks: [String]) -> [UInt8] {
        var w = BinaryWriter(capacity: 512)
        w.varint(zigzag(Int64(context.asOf.dayNumber)))
        let holidays = context.calendar.weekdayHolidayNumbers
        w.varint(UInt64(holidays.count))
        var previous: Int64 = 0
        for day in holidays {
            w.varint(zigzag(Int64(day) - previous))
            previous = Int64(day)
        }
        w.varint(zigzag(Int64(context.recordedLateDays)))
        switch context.teamAttribution {
        case .asOf: w.byte(0)
        case .findingDate: w.byte(1)
        }
        w.varint(UInt64(checks.count))
        for id in checks { w.string(id) }
        return w.bytes
    }

    /// The bytes of `findings` (in report order), `children`, `holdThrough` (`LiveChecks.holdThrough`) and
    /// `dayReading`, for `question` judged on `asOf`; with `days`, `holdThrough`'s bytes as `days(_:asOf:)` makes
    /// them, asked for once the findings are encoded: a caller may make them on another core meanwhile
    /// (`SavedChecks`).
    static func encode(
        question: [UInt8], asOf: CalendarDate, children: Int, findings: [Finding],
        holdThrough: [ChildID: CalendarDate], dayReading: DayReadingChecks, days: (() -> [UInt8])? = nil
    ) -> [UInt8] {
        var checks = Table<String>()
        var childIDs = Table<String>()
        var templates = Table<MessageTemplate.Skeleton>()
        var teams = Table<String>()
        var body = BinaryWriter(capacity: 16 * findings.count + 16)
        body.varint(UInt64(findings.count))
        for f in findings {
            body.varint(checks.number(f.check))
            body.byte(UInt8(Severity.allCases.firstIndex(of: f.severity)!))
            body.varint(childIDs.number(f.child.rawValue))
            body.varint(zigzag(Int64(asOf.dayNumber) - Int64(f.date.dayNumber)))
            body.varint(UInt64(f.positions.count))
            var previous: UInt64 = 0
            for p in f.positions {
                body.varint(zigzag(Int64(bitPattern: p &- previous)))
                previous = p
            }
            let (skeleton, values) = MessageTemplate.skeleton(f.message)
            body.varint(templates.number(skeleton))
            for value in values {
                switch value {
                case .date(let date): body.varint(zigzag(Int64(date.dayNumber) - Int64(f.date.dayNumber)))
                case .number(let n): body.varint(n)
                }
            }
            body.varint(f.team.map { teams.number($0) + 1 } ?? 0)
            body.varint(UInt64(f.eventIDs.count))
            for id in f.eventIDs { body.string(id.rawValue) }
        }

        var w = BinaryWriter(capacity: magic.count + 1 + question.count + 8 + body.bytes.count + 4)
        w.bytes += magic
        w.byte(format)
        w.varint(UInt64(question.count))
        w.bytes += question
        w.varint(UInt64(children))
        w.bytes += days?() ?? Self.days(holdThrough, asOf: asOf)
        w.byte(dayReading.everyCheck ? 1 : 0)
        let reading = dayReading.indices
        w.varint(UInt64(reading.count))
        var previousCheck = 0
        for i in reading {
            w.varint(UInt64(i - previousCheck))
            previousCheck = i
        }
        for table in [checks, childIDs] {
            w.varint(UInt64(table.values.count))
            for s in table.values { w.string(s) }
        }
        w.varint(UInt64(templates.values.count))
        for skeleton in templates.values {
            let template = MessageTemplate(skeleton: skeleton)
            w.varint(UInt64(template.kinds.count))
            for kind in template.kinds { w.byte(kind.rawValue) }
            for piece in template.pieces { w.string(piece) }
        }
        w.varint(UInt64(teams.values.count))
        for s in teams.values { w.string(s) }
        w.bytes += body.bytes
        let crc = w.bytes.withUnsafeBytes { CRC32C.checksum($0) }
        w.fixed(crc)
        return w.bytes
    }

    /// The bytes `encode` writes of `holdThrough`, for findings judged on `asOf`: its count, then each record's id
    /// and its day (from `asOf`), in order (`inOrder`). A caller may make them on another core (`SavedChecks`).
    /// With `order`, the order saved findings held them in and the records changed since, only those are ordered
    /// (`DaysInOrder.merged`).
    static func days(_ holdThrough: [ChildID: CalendarDate], asOf: CalendarDate, order: DaysInOrder? = nil)
        -> [UInt8]
    {
        var w = BinaryWriter(capacity: 16 * holdThrough.count + 8)
        w.varint(UInt64(holdThrough.count))
        for (day, record) in order.flatMap({ $0.merged(holdThrough) }) ?? inOrder(holdThrough) {
            w.string(record.rawValue)
            w.varint(zigzag(Int64(day) - Int64(asOf.dayNumber)))
        }
        return w.bytes
    }

    /// The records whose findings change on a later day by day, then by id (its UTF-8 bytes): an order that does not
    /// depend on how they were found, so that the same findings give the same bytes. Compared first by the ids'
    /// first 8 bytes, as a number: half a million records at 10M events. What is sorted is each record's day, its
    /// first 8 bytes and its place, 16 bytes with nothing to retain or release, and an id is read only to break a
    /// tie: sorting the records themselves, each with its id's string, was half the time of saving the findings.
    static func inOrder(_ holdThrough: [ChildID: CalendarDate]) -> [(day: Int32, record: ChildID)] {
        struct Key {
            var day: Int32
            var place: Int32
            var head: UInt64
        }
        let records = Array(holdThrough)
        var keys = records.indices.map { i in
            var head: UInt64 = 0
            var shift = 56
            for byte in records[i].key.rawValue.utf8.prefix(8) {
                head |= UInt64(byte) << UInt64(shift)
                shift -= 8
            }
            return Key(day: records[i].value.dayNumber, place: Int32(truncatingIfNeeded: i), head: head)
        }
        keys.sort { a, b in
            if a.day != b.day { return a.day < b.day }
            if a.head != b.head { return a.head < b.head }
            return records[Int(a.place)].key.rawValue.utf8.lexicographicallyPrecedes(
                records[Int(b.place)].key.rawValue.utf8)
        }
        return keys.map { ($0.day, records[Int($0.place)].key) }
    }

    /// The children count and findings of `bytes`, made by `encode` for the same `question` and `asOf`, each
    /// finding of one of `checks`; `nil` when the question differs or the bytes are damaged. The records whose
    /// findings change on a later day are `holdThrough(_:question:asOf:)`'s to read.
    static func decode(_ bytes: [UInt8], question: [UInt8], asOf: CalendarDate, checks: Set<String>) -> (
        children: Int, findings: [Finding]
    )? {
        checked(bytes) { (r: inout BinaryReader) throws(BinaryReader.Damage) in
            try read(&r, question: question, asOf: asOf, checks: checks)
        }
    }

    /// The records whose findings change on a later day (`LiveChecks.holdThrough`) that `bytes` hold, made by
    /// `encode` for the same `question` and `asOf`. Read apart from the findings, on another core while the
    /// checkpoint is read, to know which records a run judged on a later day builds again; with the order the bytes
    /// hold them in (`inOrder`), for a later save to keep (`DaysInOrder`).
    static func holdThrough(_ bytes: [UInt8], question: [UInt8], asOf: CalendarDate) -> (
        days: [ChildID: CalendarDate], order: DaysInOrder, dayReading: DayReadingChecks
    )? {
        checked(bytes) { (r: inout BinaryReader) throws(BinaryReader.Damage) in
            let header = try readHeader(&r, question: question, asOf: asOf, keepingDays: true)
            return (header.holdThrough, DaysInOrder(saved: header.inOrder), header.dayReading)
        }
    }

    /// Whether `bytes`, made by `encode`, answer `question`: their header alone read, without the checksum, which
    /// `decode` checks when they are read.
    static func asks(_ bytes: [UInt8], question: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            return (try? savedQuestion(&r))?.elementsEqual(question) == true
        }
    }

    /// The magic and format, then the question the bytes answer.
    private static func savedQuestion(_ r: inout BinaryReader) throws(BinaryReader.Damage) -> UnsafeRawBufferPointer {
        for byte in magic + [format] {
            guard try r.byte() == byte else { throw BinaryReader.Damage("not this format") }
        }
        return try r.bytes()
    }

    /// `read` on the bytes before the checksum, when it is good.
    private static func checked<T>(_ bytes: [UInt8], _ read: (inout BinaryReader) throws(BinaryReader.Damage) -> T)
        -> T?
    {
        bytes.withUnsafeBytes { buffer -> T? in
            guard buffer.count >= magic.count + 1 + 4 else { return nil }
            let contents = UnsafeRawBufferPointer(rebasing: buffer[..<(buffer.count - 4)])
            var sum = BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[(buffer.count - 4)...]))
            guard let stored = try? sum.fixed(UInt32.self), stored == CRC32C.checksum(contents) else { return nil }
            var r = BinaryReader(contents)
            return try? read(&r)
        }
    }

    /// The magic and format, the question (which must be `question`), the children count, the records whose
    /// findings change on a later day with their days, when `keepingDays` (otherwise they are read past), and the
    /// checks that read the day.
    private static func readHeader(
        _ r: inout BinaryReader, question: [UInt8], asOf: CalendarDate, keepingDays: Bool
    ) throws(BinaryReader.Damage) -> (
        children: Int, holdThrough: [ChildID: CalendarDate], inOrder: [(day: Int32, record: ChildID)],
        dayReading: DayReadingChecks
    ) {
        let savedQuestion = try savedQuestion(&r)
        guard savedQuestion.count == question.count, savedQuestion.elementsEqual(question) else {
            throw BinaryReader.Damage("another question")
        }
        let children = try r.varint()
        guard children <= UInt64(Int.max) else { throw BinaryReader.Damage("a count is malformed") }
        let held = try r.count()
        var holdThrough: [ChildID: CalendarDate] = [:]
        var inOrder: [(day: Int32, record: ChildID)] = []
        // Room for every one (a hundred thousand at 10M events: growing the table cost more).
        if keepingDays {
            holdThrough.reserveCapacity(held)
            inOrder.reserveCapacity(held)
        }
        for _ in 0..<held {
            var name = r
            try r.skipString()
            let (day, overflow) = try Int64(asOf.dayNumber).addingReportingOverflow(unzigzag(r.varint()))
            guard !overflow, let dayNumber = Int32(exactly: day) else {
                throw BinaryReader.Damage("a date out of range")
            }
            let date = CalendarDate(dayNumber: dayNumber)
            if keepingDays {
                let record = ChildID(try name.string())
                holdThrough[record] = date
                inOrder.append((dayNumber, record))
            }
        }
        let everyCheck = try r.byte()
        guard everyCheck <= 1 else { throw BinaryReader.Damage("a flag is malformed") }
        var reading: [Int] = []
        var check: UInt64 = 0
        for n in 0..<(try r.count()) {
            let step = try r.varint()
            // Ascending, each a place among the checks run (a question names a few hundred at most).
            guard step > 0 || n == 0, step <= UInt64(UInt16.max) - check else {
                throw BinaryReader.Damage("a check's place is malformed")
            }
            check += step
            reading.append(Int(check))
        }
        return (Int(children), holdThrough, inOrder, DayReadingChecks(reading, everyCheck: everyCheck == 1))
    }

    private static func read(
        _ r: inout BinaryReader, question: [UInt8], asOf: CalendarDate, checks asked: Set<String>
    ) throws(BinaryReader.Damage) -> (children: Int, findings: [Finding]) {
        let children = try readHeader(&r, question: question, asOf: asOf, keepingDays: false).children

        func table() throws(BinaryReader.Damage) -> [String] {
            let n = try r.count()
            var strings: [String] = []
            strings.reserveCapacity(n)
            for _ in 0..<n { strings.append(try r.string()) }
            return strings
        }
        let checks = try table()
        let childIDs = try table().map { ChildID($0) }
        let templateCount = try r.count()
        var templates: [MessageTemplate] = []
        templates.reserveCapacity(templateCount)
        for _ in 0..<templateCount {
            let n = try r.count()
            var kinds: [MessageTemplate.Kind] = []
            kinds.reserveCapacity(n)
            for _ in 0..<n {
                guard let kind = try MessageTemplate.Kind(rawValue: r.byte()) else {
                    throw BinaryReader.Damage("a message's value of no kind")
                }
                kinds.append(kind)
            }
            var pieces: [String] = []
            pieces.reserveCapacity(n + 1)
            for _ in 0...n { pieces.append(try r.string()) }
            templates.append(MessageTemplate(pieces: pieces, kinds: kinds))
        }
        let teams = try table()
        guard checks.allSatisfy(asked.contains) else { throw BinaryReader.Damage("a check not asked") }

        func number(in count: Int) throws(BinaryReader.Damage) -> Int {
            let n = try r.varint()
            guard n < UInt64(count) else { throw BinaryReader.Damage("a number past its table") }
            return Int(n)
        }
        let count = try r.count()
        var findings: [Finding] = []
        findings.reserveCapacity(count)
        for _ in 0..<count {
            let check = try checks[number(in: checks.count)]
            let severityIndex = Int(try r.byte())
            guard severityIndex < Severity.allCases.count else { throw BinaryReader.Damage("a severity") }
            let child = try childIDs[number(in: childIDs.count)]
            let (day, overflow) = try Int64(asOf.dayNumber).subtractingReportingOverflow(unzigzag(r.varint()))
            guard !overflow, let dayNumber = Int32(exactly: day) else {
                throw BinaryReader.Damage("a date out of range")
            }
            let positionCount = try r.count()
            var positions: [UInt64] = []
            positions.reserveCapacity(positionCount)
            var previous: UInt64 = 0
            for _ in 0..<positionCount {
                previous &+= try UInt64(bitPattern: unzigzag(r.varint()))
                positions.append(previous)
            }
            let template = try templates[number(in: templates.count)]
            var message = template.pieces[0]
            for (kind, piece) in zip(template.kinds, template.pieces.dropFirst()) {
                switch kind {
                case .date:
                    let (day, overflow) = try Int64(dayNumber).addingReportingOverflow(unzigzag(r.varint()))
                    guard !overflow, MessageTemplate.days.contains(day) else {
                        throw BinaryReader.Damage("a date out of range")
                    }
                    message += CalendarDate(dayNumber: Int32(day)).description
                case .number:
                    message += String(try r.varint())
                }
                message += piece
            }
            let teamNumber = try number(in: teams.count + 1)
            var finding = Finding(
                check: check, severity: Severity.allCases[severityIndex], child: child,
                date: CalendarDate(dayNumber: dayNumber), positions: positions, message: message,
                team: teamNumber == 0 ? nil : teams[teamNumber - 1])
            let idCount = try r.count()
            if idCount > 0 {
                finding.eventIDs.reserveCapacity(idCount)
                for _ in 0..<idCount { finding.eventIDs.append(try EventID(r.string())) }
            }
            findings.append(finding)
        }
        guard r.isAtEnd else { throw BinaryReader.Damage("bytes after the findings") }
        return (children, findings)
    }

    /// Signed to unsigned with small magnitudes small: 0, −1, 1, −2… → 0, 1, 2, 3…
    static func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }

    static func unzigzag(_ u: UInt64) -> Int64 { Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1) }
}

/// Numbers each distinct value from 0 in the order first met.
private struct Table<Value: Hashable> {
    private(set) var values: [Value] = []
    private var numbers: [Value: UInt64] = [:]

    mutating func number(_ v: Value) -> UInt64 {
        if let n = numbers[v] { return n }
        let n = UInt64(values.count)
        values.append(v)
        numbers[v] = n
        return n
    }
}

/// A finding's message as the words its check always writes, with the dates and numbers that vary between
/// findings taken out: "Assessment authorised 2024-07-21 has no factors…" is the template "Assessment authorised
/// {date} has no factors…" and the date. A check writes few templates, so the file numbers each once and a finding
/// holds its template's number and its values, a few bytes where the message is a hundred or more.
///
/// Exact for any message: a date is taken out only when it is written as `CalendarDate` writes it (`YYYY-MM-DD`,
/// a day that exists), a number only when `String(UInt64)` writes it back the same (no leading zero, at most 18
/// digits); anything else stays in the words.
struct MessageTemplate: Hashable {
    /// The words between the values: one more than the values.
    var pieces: [String]
    var kinds: [Kind]

    enum Kind: UInt8 {
        case date = 0
        case number = 1
    }

    enum Value: Equatable {
        case date(CalendarDate)
        case number(UInt64)
    }

    /// The day numbers of 0001-01-01 to 9999-12-31, the dates `CalendarDate` writes in four digits.
    static let days =
        Int64(
            CalendarDate(year: 1, month: 1, day: 1)!.dayNumber)...Int64(
            CalendarDate(year: 9999, month: 12, day: 31)!.dayNumber)

    /// Marks a value taken out of a skeleton (`skeleton(_:)`), followed by its kind: a byte no UTF-8 text holds.
    static let valueMark: UInt8 = 0xFF

    /// A template as one array of bytes (`skeleton(_:)`), hashed as one run of bytes: an array of bytes hashes
    /// each byte on its own, which took longer than splitting the message.
    struct Skeleton: Hashable {
        var bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// The template of `message` as one array of bytes, and its values: the message's UTF-8 with each value taken out
    /// replaced by `valueMark` and its kind (`init(skeleton:)` makes the template of it). Dates and numbers are taken
    /// out only where they stand alone: a digit run against a letter ("V3", "s47", "C049131") is part of a word. Two
    /// messages have one template exactly when their skeletons are equal.
    /// The findings are split each time they are saved (fifteen thousand after a day's append at 10M events), and a
    /// string for each piece, and hashing the pieces one by one to number the template, were most of the time.
    static func skeleton(_ message: String) -> (skeleton: Skeleton, values: [Value]) {
        var message = message
        return message.withUTF8 { u in
            func isDigit(_ i: Int) -> Bool { i >= 0 && i < u.count && u[i] >= 0x30 && u[i] <= 0x39 }
            func isLetter(_ i: Int) -> Bool {
                guard i >= 0 && i < u.count else { return false }
                let lower = u[i] | 0x20
                return lower >= 0x61 && lower <= 0x7A
            }
            var skeleton: [UInt8] = []
            skeleton.reserveCapacity(u.count)
            var values: [Value] = []
            var start = 0
            func take(_ value: Value, _ kind: Kind, from i: Int, to end: Int) {
                skeleton.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
                skeleton.append(valueMark)
                skeleton.append(kind.rawValue)
                values.append(value)
                start = end
            }
            var i = 0
            while i < u.count {
                guard isDigit(i), !isDigit(i - 1), !isLetter(i - 1) else {
                    i += 1
                    continue
                }
                var j = i
                while isDigit(j) { j += 1 }
                if j - i == 4, i + 10 <= u.count, !isDigit(i + 10), !isLetter(i + 10),
                    let date = CalendarDate(isoBytes: UnsafeBufferPointer(rebasing: u[i..<(i + 10)]))
                {
                    take(.date(date), .date, from: i, to: i + 10)
                    i += 10
                    continue
                }
                if !isLetter(j), j - i <= 18, u[i] != 0x30 || j - i == 1 {
                    var n: UInt64 = 0
                    for k in i..<j { n = n * 10 + UInt64(u[k] - 0x30) }
                    take(.number(n), .number, from: i, to: j)
                }
                i = j
            }
            skeleton.append(contentsOf: UnsafeBufferPointer(rebasing: u[start...]))
            return (Skeleton(bytes: skeleton), values)
        }
    }

    /// The template `skeleton(_:)` made `skeleton` of.
    init(skeleton: Skeleton) {
        let skeleton = skeleton.bytes
        pieces = []
        kinds = []
        var start = 0
        var i = 0
        while i < skeleton.count {
            // A mark is always followed by its kind (`skeleton(_:)` writes both), and no kind is the mark.
            if skeleton[i] == Self.valueMark, i + 1 < skeleton.count, let kind = Kind(rawValue: skeleton[i + 1]) {
                pieces.append(String(decoding: skeleton[start..<i], as: UTF8.self))
                kinds.append(kind)
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(String(decoding: skeleton[start...], as: UTF8.self))
    }

    init(pieces: [String], kinds: [Kind]) {
        self.pieces = pieces
        self.kinds = kinds
    }
}

/// The records whose findings change on a later day (`LiveChecks.holdThrough`) in the order saved findings held them
/// (`SavedFindings.inOrder`), and the records an update has taken out or checked again since. Saving them again then
/// orders only those and merges them in: sorting the hundred thousand of a 10M-event council again, after a day's
/// append changed a few thousand, kept the save of the findings waiting after the rest of the run was done.
package struct DaysInOrder: Sendable {
    /// By day, then by id, as read.
    var saved: [(day: Int32, record: ChildID)]
    /// Those whose day may differ from `saved`'s: taken out (and so no longer held), or checked again.
    var touched: Set<ChildID> = []

    /// `holdThrough` in `SavedFindings.inOrder`'s order: the saved records not touched, in their order, merged with
    /// the touched ones `holdThrough` holds, ordered. `nil` if the two are not `holdThrough` exactly (the caller
    /// then orders it all), which an update that marks every record it changes as touched never leaves.
    func merged(_ holdThrough: [ChildID: CalendarDate]) -> [(day: Int32, record: ChildID)]? {
        let kept = saved.filter { !touched.contains($0.record) }
        let fresh = touched.compactMap { record in holdThrough[record].map { (day: $0.dayNumber, record: record) } }
            .sorted(by: Self.precedes)
        guard kept.count + fresh.count == holdThrough.count else { return nil }
        var merged: [(day: Int32, record: ChildID)] = []
        merged.reserveCapacity(holdThrough.count)
        var (i, j) = (0, 0)
        while i < kept.count || j < fresh.count {
            if j == fresh.count || (i < kept.count && Self.precedes(kept[i], fresh[j])) {
                merged.append(kept[i])
                i += 1
            } else {
                merged.append(fresh[j])
                j += 1
            }
        }
        return merged
    }

    /// `SavedFindings.inOrder`'s order: by day, then by the id's UTF-8 bytes.
    static func precedes(_ a: (day: Int32, record: ChildID), _ b: (day: Int32, record: ChildID)) -> Bool {
        if a.day != b.day { return a.day < b.day }
        return a.record.rawValue.utf8.lexicographicallyPrecedes(b.record.rawValue.utf8)
    }
}
