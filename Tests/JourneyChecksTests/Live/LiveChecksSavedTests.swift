import Foundation
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// Findings saved by one run and read back by the next are the findings the first run had: the same report, to
/// the byte, and the same reports after appends as a full run gives. Bytes of another question, or damaged, are
/// refused.
struct LiveChecksSavedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The built-in sample's events (the CIN census and SSDA903 samples imported, with a correction of each).
    static let sample: [Event] = {
        let path = root.appendingPathComponent("event-logs/sample.jsonl").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line -> Event? in
            guard case .success(let event) = Event.parse(jsonLine: String(line)) else { return nil }
            return event
        }
    }()

    /// Every third check of the catalogue: an `--only` that leaves some out.
    static let subset = Set(CheckCatalogue.all.enumerated().filter { $0.offset % 3 == 0 }.map(\.element.id))

    static let attributions: [CheckContext.TeamAttribution] = [.asOf, .findingDate]

    func stored(_ events: [Event], from position: Int = 0) -> [StoredEvent] {
        storedEvents(events, from: position)
    }

    func state(_ events: [Event]) -> JourneyState {
        var state = JourneyState()
        for e in stored(events) { state.apply(e) }
        return state
    }

    /// Where two reports differ, as they print: `nil` when the table (both ways), the CSV and the JSON are the
    /// same and so are the findings.
    static func printedDifference(_ a: CheckReport, _ b: CheckReport) -> String? {
        if let d = LiveChecksTests.difference(a, b) { return d }
        if a.csv() != b.csv() || a.csv(byTeam: true) != b.csv(byTeam: true) { return "the CSV differs" }
        if a.table() != b.table() || a.table(byTeam: true) != b.table(byTeam: true) { return "the table differs" }
        if a.json() != b.json() || a.json(byTeam: true) != b.json(byTeam: true) { return "the JSON differs" }
        return nil
    }

    /// Checks `head`, saves the findings, reads them back over the same state, then appends `tail` in chunks of
    /// `chunk` to both: after each, the two reports are the same and a full run's, and so are their saved bytes.
    /// Returns the number of findings at the start and at the end.
    @discardableResult
    func expectSavedRoundTrip(
        head: [Event], tail: [Event], chunk: Int, context: CheckContext, only: Set<String>?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (Int, Int) {
        let headState = state(head)
        var original = LiveChecks(headState, context: context, only: only)
        let bytes = original.savedFindings()
        // The same findings give the same bytes.
        #expect(original.savedFindings() == bytes, sourceLocation: sourceLocation)
        var restored = try #require(
            LiveChecks(headState, context: context, only: only, savedFindings: bytes), sourceLocation: sourceLocation)
        #expect(Self.printedDifference(restored.report, original.report) == nil, sourceLocation: sourceLocation)
        #expect(restored.savedFindings() == bytes, sourceLocation: sourceLocation)
        let first = original.report.findings.count

        var next = head.count
        for start in stride(from: 0, to: tail.count, by: chunk) {
            let events = stored(Array(tail[start..<min(start + chunk, tail.count)]), from: next)
            next += events.count
            original.apply(events)
            restored.apply(events)
            let full = restored.state.check(context, only: only)
            #expect(
                Self.printedDifference(restored.report, full) == nil, "after \(next) events",
                sourceLocation: sourceLocation)
            #expect(
                Self.printedDifference(restored.report, original.report) == nil, "after \(next) events",
                sourceLocation: sourceLocation)
        }
        // Kept up to date the same way, the same bytes.
        let end = restored.savedFindings()
        #expect(end == original.savedFindings(), sourceLocation: sourceLocation)
        // Checked afresh, the same findings and days. The checks that read the day are those seen to on any record
        // since the first full run: those of the records as they stand, and perhaps some of records since changed.
        let afresh = LiveChecks(restored.state, context: context, only: only)
        #expect(restored.findings == afresh.findings, sourceLocation: sourceLocation)
        #expect(restored.holdThrough == afresh.holdThrough, sourceLocation: sourceLocation)
        var both = afresh.dayReading
        both.formUnion(restored.dayReading)
        #expect(both == restored.dayReading, sourceLocation: sourceLocation)
        if restored.dayReading == afresh.dayReading {
            #expect(end == afresh.savedFindings(), sourceLocation: sourceLocation)
        }
        return (first, restored.report.findings.count)
    }

    @Test("The built-in sample, saved and read back, then its last 100 events appended")
    func sampleLog() throws {
        let events = Self.sample
        #expect(events.count > 10_000)
        let cut = events.count - 100
        for attribution in Self.attributions {
            for only in [nil, Self.subset] {
                let context = CheckContext(asOf: d("2025-03-31"), teamAttribution: attribution)
                let (first, _) = try expectSavedRoundTrip(
                    head: Array(events[..<cut]), tail: Array(events[cut...]), chunk: 50, context: context,
                    only: only)
                // The comparison means something only if there are findings to save.
                #expect(first > 0)
            }
        }
    }

    @Test(
        "Random logs with corrections, retractions and merges, saved and read back, then appended to",
        arguments: 0..<6)
    func randomLogs(seed: UInt64) throws {
        let events = randomLog(seed: seed, events: 300, children: 20)
        for attribution in Self.attributions {
            for only in [nil, Self.subset] {
                let context = CheckContext(asOf: d("2025-06-30"), teamAttribution: attribution)
                let (first, last) = try expectSavedRoundTrip(
                    head: Array(events[..<150]), tail: Array(events[150...]), chunk: 10, context: context, only: only)
                if only == nil { #expect(first > 0 && last > 0) }
            }
        }
    }

    /// A council with defects: merges, corrections and retractions, and appends that change old records.
    @Test func councilWithDefects() throws {
        let events = try SyntheticCouncil(
            SynthParameters(children: 300, from: d("2022-04-01"), to: d("2025-03-31"), seed: 7, defectRate: 0.1)
        ).events()
        let context = CheckContext(asOf: d("2025-03-31"))
        let changes = oldRecordChanges(after: events, within: 2_000)
        let (first, _) = try expectSavedRoundTrip(head: events, tail: changes, chunk: 1, context: context, only: nil)
        #expect(first > 0)
    }

    // MARK: The question

    @Test func aDifferentQuestionIsRefused() throws {
        let events = randomLog(seed: 3, events: 200, children: 20)
        let state = state(events)
        let context = CheckContext(asOf: d("2025-06-30"))
        let bytes = LiveChecks(state, context: context, only: Self.subset).savedFindings()
        // The same question, asked again from scratch, is answered.
        #expect(
            LiveChecks(state, context: CheckContext(asOf: d("2025-06-30")), only: Self.subset, savedFindings: bytes)
                != nil)

        var otherDate = context
        otherDate.asOf = d("2025-07-01")
        var otherAttribution = context
        otherAttribution.teamAttribution = .findingDate
        var otherLateDays = context
        otherLateDays.recordedLateDays = 6
        var otherCalendar = context
        otherCalendar.calendar = WorkingDayCalendar(bankHolidays: [])
        for other in [otherDate, otherAttribution, otherLateDays, otherCalendar] {
            #expect(LiveChecks(state, context: other, only: Self.subset, savedFindings: bytes) == nil)
        }
        var fewer = Self.subset
        fewer.remove(fewer.first!)
        for only in [nil, fewer, Set(CheckCatalogue.all.map(\.id))] {
            #expect(LiveChecks(state, context: context, only: only, savedFindings: bytes) == nil)
        }
        // Every check named is every check run: the same question as no `--only`.
        let all = LiveChecks(state, context: context, only: nil).savedFindings()
        #expect(LiveChecks(state, context: context, only: Set(CheckCatalogue.all.map(\.id)), savedFindings: all) != nil)
    }

    /// The question's bytes worked out by hand from the layout in `SavedFindings.question`.
    @Test func questionBytes() {
        // 2025-01-01 is day 20,089 (55 years of 365 days and the 14 leap days of 1972–2024); 2025-04-01 is 90 days
        // on (January 31, February 28, March 31), day 20,179; Good Friday, 18 April, is day 20,196 and Easter Monday,
        // 21 April, day 20,199. Saturday 19 April is a weekend day and is left out.
        let calendar = WorkingDayCalendar(bankHolidays: [d("2025-04-18"), d("2025-04-19"), d("2025-04-21")])
        #expect(calendar.weekdayHolidayNumbers == [20_196, 20_199])
        // As of 1970-01-03, day 2: zigzag 4. Two holidays: 20,196 zigzag 40,392 = 2·128² + 59·128 + 72, in LEB128
        // 72|128, 59|128, 2 = 0xC8 0xBB 0x02; then 3 days on, zigzag 6. Recorded late after 5 days: zigzag 10.
        // Charged as of the as-of date: 0. One check, "x": count 1, length 1, 0x78.
        let context = CheckContext(asOf: d("1970-01-03"), calendar: calendar, recordedLateDays: 5)
        #expect(
            SavedFindings.question(context, checks: ["x"]) == [4, 2, 0xC8, 0xBB, 0x02, 6, 10, 0, 1, 1, 0x78])
        // Charged on the finding's date, 1; recorded late after 0 days, 0; no holidays; checks "ab" and "c".
        let other = CheckContext(
            asOf: d("1969-12-31"), calendar: WorkingDayCalendar(bankHolidays: []), recordedLateDays: 0,
            teamAttribution: .findingDate)
        // Day −1: zigzag 1.
        #expect(
            SavedFindings.question(other, checks: ["ab", "c"]) == [1, 0, 0, 1, 2, 2, 0x61, 0x62, 1, 0x63])
    }

    // MARK: The findings' bytes

    /// Two findings worked out by hand from the layout in `SavedFindings`: the strings they share are written once.
    @Test func findingBytes() throws {
        let asOf = d("1970-01-03")  // day 2
        let question: [UInt8] = [9, 9, 9]
        var second = Finding(
            check: "x", severity: .warning, child: "C1", date: d("1970-01-04"), positions: [300],
            message: "m 1970-01-05 x 12")
        second.eventIDs = ["e9"]
        let findings = [
            Finding(
                check: "x", severity: .warning, child: "C1", date: d("1969-12-31"), positions: [7, 5], message: "m",
                team: "T"),
            second,
        ]
        let holdThrough: [ChildID: CalendarDate] = ["C1": d("1970-01-05"), "C0": d("1970-01-02")]
        // The checks at places 2 and 130 of those run read the day, and what every check reads does not.
        let dayReading = DayReadingChecks([130, 2], everyCheck: false)
        let bytes = SavedFindings.encode(
            question: question, asOf: asOf, children: 3, findings: findings, holdThrough: holdThrough,
            dayReading: dayReading)
        let expected: [UInt8] =
            Array("JRNYFND".utf8) + [3]  // magic, format 3
            + [3, 9, 9, 9]  // the question: its length, its bytes
            + [3]  // 3 children checked
            // Two records whose findings change on a later day, by day: "C0" through 1970-01-02, day 1, one day
            // before the as-of date (zigzag 1); "C1" through 1970-01-05, day 4, two after (zigzag 4).
            + [2, 2, 0x43, 0x30, 1, 2, 0x43, 0x31, 4]
            // Not every check (0); two checks read the day: 2, then 130 − 2 = 128, in LEB128 0|128, 1 = 0x80 0x01.
            + [0, 2, 2, 0x80, 0x01]
            + [1, 1, 0x78]  // checks: one, "x"
            + [1, 2, 0x43, 0x31]  // children: one, "C1"
            // Message templates: two. "m", no values: 0, then its one piece. Then "m {date} x {number}": 2 values,
            // a date (0) and a number (1), then its three pieces "m ", " x " and "".
            + [2, 0, 1, 0x6D, 2, 0, 1, 2, 0x6D, 0x20, 3, 0x20, 0x78, 0x20, 0]
            + [1, 1, 0x54]  // teams: one, "T"
            + [2]  // two findings
            // check 0, a warning (1), child 0; 1969-12-31 is day −1, 3 days before the as-of date: zigzag 6; two
            // positions, 7 (zigzag 14) and 5 − 7 = −2 (zigzag 3); template 0; team 0 written 1; no event ids.
            + [0, 1, 0, 6, 2, 14, 3, 0, 1, 0]
            // check 0, warning, child 0; 1970-01-04 is day 3, −1 days before: zigzag 1; one position, 300, zigzag
            // 600 = 4·128 + 88, in LEB128 88|128, 4 = 0xD8 0x04; template 1, its date 1970-01-05 (day 4) one day
            // after the finding's (zigzag 2) and its number 12; no team 0; one event id, "e9".
            + [0, 1, 0, 1, 1, 0xD8, 0x04, 1, 2, 12, 0, 1, 2, 0x65, 0x39]
        #expect(Array(bytes.dropLast(4)) == expected)
        // Last the CRC-32C of all before it, little-endian.
        let crc = expected.withUnsafeBytes { CRC32C.checksum($0) }
        #expect(Array(bytes.suffix(4)) == [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: crc >> $0) })

        let decoded = try #require(SavedFindings.decode(bytes, question: question, asOf: asOf, checks: ["x"]))
        #expect(decoded.children == 3)
        #expect(decoded.findings == findings)
        let held = try #require(SavedFindings.holdThrough(bytes, question: question, asOf: asOf))
        #expect(held.days == holdThrough)
        #expect(held.dayReading == dayReading)
        #expect(held.dayReading.indices == [2, 130])
        #expect(SavedFindings.holdThrough(bytes, question: question, asOf: asOf)?.days == holdThrough)
        // Another as-of date reads other dates: the dates are kept relative to it.
        #expect(
            SavedFindings.decode(bytes, question: question, asOf: d("1970-01-04"), checks: ["x"])?.findings != findings)
        // A finding of a check not asked is refused, and so is another question.
        #expect(SavedFindings.decode(bytes, question: question, asOf: asOf, checks: ["y"]) == nil)
        #expect(SavedFindings.decode(bytes, question: [9, 9], asOf: asOf, checks: ["x"]) == nil)
    }

    /// Messages split by hand into the words and the dates and numbers taken out of them.
    @Test func messageTemplates() {
        func split(_ m: String) -> ([String], [MessageTemplate.Value]) {
            let (skeleton, values) = MessageTemplate.skeleton(m)
            let template = MessageTemplate(skeleton: skeleton)
            #expect(template.kinds.count == values.count && template.pieces.count == values.count + 1)
            return (template.pieces, values)
        }
        #expect(
            split("Assessment authorised 2024-07-21 has no factors")
                == (["Assessment authorised ", " has no factors"], [.date(d("2024-07-21"))]))
        #expect(
            split("3 CP plans have no end date (started 2022-12-04, 2023-10-09)")
                == (
                    ["", " CP plans have no end date (started ", ", ", ")"],
                    [.number(3), .date(d("2022-12-04")), .date(d("2023-10-09"))]
                ))
        // Against a letter, a run of digits is part of a word; with a leading zero or of 19 digits, it would not be
        // written back the same as a number.
        #expect(
            split("V3 s47 C049131 3rd 007 1234567890123456789") == (["V3 s47 C049131 3rd 007 1234567890123456789"], []))
        // No 29 February in 2023: 2023 and 29 are numbers, "02" has its leading zero.
        #expect(split("2023-02-29") == (["", "-02-", ""], [.number(2023), .number(29)]))
        // 18 digits is a number; a date followed by a digit is not a date.
        #expect(split("999999999999999999") == (["", ""], [.number(999_999_999_999_999_999)]))
        #expect(split("2024-01-015") == (["", "-01-015"], [.number(2024)]))
    }

    /// Whatever a message holds, it is read back as it was.
    @Test func messagesReadBackExactly() throws {
        let messages = [
            "", "0", "00", "1", "0000-01-01", "0001-01-01", "9999-12-31", "2024-13-01", "2024-02-29", "é 2024-01-01 ü",
            "-5", "1e5", "18446744073709551615", "999999999999999999", "x 2024-01-01x", "2024-01-01 2024-01-02",
            "open 46 working days since 2025-01-06", "line\nbreak 7", "2024-01-01-02",
        ]
        let findings = messages.enumerated().map { i, m in
            Finding(
                check: "x", severity: .query, child: "C1", date: d("2024-06-01"), positions: [UInt64(i)], message: m)
        }
        let bytes = SavedFindings.encode(
            question: [], asOf: d("2025-03-31"), children: 1, findings: findings, holdThrough: [:],
            dayReading: DayReadingChecks())
        let decoded = SavedFindings.decode(bytes, question: [], asOf: d("2025-03-31"), checks: ["x"])
        #expect(decoded?.findings.map(\.message) == messages)
    }

    // MARK: Damage

    /// The bytes with their checksum made again after a change, so that the change reaches the reading of the
    /// contents.
    func resealed(_ contents: some Collection<UInt8>) -> [UInt8] {
        var bytes = Array(contents)
        let crc = bytes.withUnsafeBytes { CRC32C.checksum($0) }
        withUnsafeBytes(of: crc.littleEndian) { bytes += $0 }
        return bytes
    }

    /// A small question (a few checks, two holidays) over a random log, so that damage at every byte is tried:
    /// the checks that find least in it, until they find 30 or more.
    func damageCase(seed: UInt64) -> (JourneyState, CheckContext, Set<String>, LiveChecks) {
        let state = state(randomLog(seed: seed, events: 200, children: 20))
        let context = CheckContext(
            asOf: d("2025-06-30"), calendar: WorkingDayCalendar(bankHolidays: [d("2025-04-18"), d("2025-04-21")]),
            teamAttribution: .findingDate)
        var counts: [String: Int] = [:]
        for f in state.check(context).findings { counts[f.check, default: 0] += 1 }
        var only: Set<String> = []
        var total = 0
        for (check, n) in counts.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) where total < 30 {
            only.insert(check)
            total += n
        }
        return (state, context, only, LiveChecks(state, context: context, only: only))
    }

    @Test func damagedBytesAreRefused() throws {
        let (state, context, only, live) = damageCase(seed: 5)
        let bytes = live.savedFindings()
        #expect(live.report.findings.count > 10)
        #expect(LiveChecks(state, context: context, only: only, savedFindings: bytes) != nil)
        // Cut short anywhere, or a byte more.
        for length in 0..<bytes.count {
            #expect(LiveChecks(state, context: context, only: only, savedFindings: Array(bytes[..<length])) == nil)
        }
        #expect(LiveChecks(state, context: context, only: only, savedFindings: bytes + [0]) == nil)
        // Any byte changed: the checksum catches every change within 32 bits.
        for i in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[i] ^= flip
                #expect(LiveChecks(state, context: context, only: only, savedFindings: damaged) == nil)
            }
        }
    }

    /// Damage the checksum does not see (the checksum made again) reaches the reading itself, which must never
    /// trap; cut short, it is always refused, since every count and length is written before what it counts.
    @Test func damageBehindAGoodChecksumNeverTraps() throws {
        let (_, context, only, live) = damageCase(seed: 6)
        #expect(live.report.findings.count > 10)
        let contents = Array(live.savedFindings().dropLast(4))
        func decode(_ bytes: [UInt8]) -> [Finding]? {
            SavedFindings.decode(bytes, question: live.question, asOf: context.asOf, checks: only)?.findings
        }
        #expect(decode(resealed(contents)) == live.report.findings)
        for length in 0..<contents.count {
            #expect(decode(resealed(contents.prefix(length))) == nil)
        }
        for i in contents.indices {
            for flip: UInt8 in [0x01, 0x40, 0x80, 0xFF] {
                var damaged = contents
                damaged[i] ^= flip
                _ = decode(resealed(damaged))
            }
        }
        // Random bytes after half the file, and alone: counts and lengths past the end are refused before anything
        // is allocated for them.
        var rng = SeededRandom(state: 11)
        for _ in 0..<200 {
            let junk = (0..<Int.random(in: 0..<64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = decode(resealed(Array(contents.prefix(contents.count / 2)) + junk))
            _ = decode(resealed(junk))
        }
    }

    /// The records' days ordered from the order they were saved in, with some taken out, some given another day and
    /// some added (as an update leaves them), are in the order a sort of all of them gives: byte for byte the same
    /// saved days. Ids of several lengths share their first 8 bytes, and many records share a day, so both parts of
    /// the order are tried.
    @Test func daysOrderedFromTheirSavedOrderAreThoseOfAFullSort() {
        var rng = SeededRandom(state: 5)
        let asOf = CalendarDate(dayNumber: 20_000)
        func id() -> ChildID {
            ChildID("C000000" + String(Int.random(in: 0..<400, using: &rng)) + (Bool.random(using: &rng) ? "" : "b"))
        }
        func day() -> CalendarDate { CalendarDate(dayNumber: 20_000 + Int32.random(in: 1...12, using: &rng)) }
        for _ in 0..<50 {
            var holdThrough: [ChildID: CalendarDate] = [:]
            for _ in 0..<Int.random(in: 0..<300, using: &rng) { holdThrough[id()] = day() }
            var order = DaysInOrder(saved: SavedFindings.inOrder(holdThrough))
            for _ in 0..<Int.random(in: 0..<40, using: &rng) {
                let record = Bool.random(using: &rng) ? (holdThrough.keys.randomElement(using: &rng) ?? id()) : id()
                holdThrough[record] = Bool.random(using: &rng) ? nil : day()
                order.touched.insert(record)
            }
            let merged = order.merged(holdThrough)
            #expect(merged.map { $0.map(\.day) } == SavedFindings.inOrder(holdThrough).map(\.day))
            #expect(merged.map { $0.map(\.record) } == SavedFindings.inOrder(holdThrough).map(\.record))
            #expect(
                SavedFindings.days(holdThrough, asOf: asOf, order: order) == SavedFindings.days(holdThrough, asOf: asOf)
            )
        }
        // A record changed but not marked touched: the two no longer make the records' days, and a full sort does.
        var holdThrough = [
            ChildID("A"): CalendarDate(dayNumber: 20_001), ChildID("B"): CalendarDate(dayNumber: 20_002),
        ]
        let order = DaysInOrder(saved: SavedFindings.inOrder(holdThrough))
        holdThrough[ChildID("C")] = CalendarDate(dayNumber: 20_001)
        #expect(order.merged(holdThrough) == nil)
        #expect(
            SavedFindings.days(holdThrough, asOf: asOf, order: order) == SavedFindings.days(holdThrough, asOf: asOf))
    }
}
