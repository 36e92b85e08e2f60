import JourneyCore

/// Writes a deterministic stream of valid events in the interchange format, one JSON line each.
///
/// Children are taken a thousand at a time and their events interleaved, as a log holds many children's events
/// in time order; each child gets ten events from one of four stories (child in need, child protection, care,
/// early help), so every part of the format's vocabulary that matters for speed is there: short identifiers,
/// codes, dates, timestamps with and without an offset, Booleans, a number, code lists and free text. Field
/// sizes are those of a case management system's export: ids like `e-000001234`, children like `C012345`.
struct EventGenerator {
    static let childrenPerBlock = 1000
    static let eventsPerChild = 10

    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    /// Line `i` (from 0) of the stream, with its newline.
    mutating func line(_ i: Int) -> [UInt8] {
        bytes.removeAll(keepingCapacity: true)
        let blockSize = Self.childrenPerBlock * Self.eventsPerChild
        let j = i % blockSize
        let child = (i / blockSize) * Self.childrenPerBlock + j % Self.childrenPerBlock + 1
        let step = j / Self.childrenPerBlock
        // 2015-01-01 is day 16436; children start over about eight years.
        let start = 16436 + (child &* 7919) % 3000
        let occurred = Int32(start + step * 17 + child % 5)

        text("{\"id\":\"e-")
        number(i + 1, width: 9)
        text("\",\"type\":\"")
        text(Self.stories[child % 4][step])
        text("\",\"child\":\"C")
        number(child, width: 6)
        text("\",\"occurred\":\"")
        date(occurred)
        text("\"")
        // One event in ten leaves `recorded` to be stamped at append; one in seven is in British Summer Time.
        if i % 10 != 7 {
            text(",\"recorded\":\"")
            date(occurred + Int32(step % 3))
            text("T")
            number(8 + i % 9, width: 2)
            text(":")
            number(i % 60, width: 2)
            text(":")
            number(i / 60 % 60, width: 2)
            text(i % 7 == 3 ? "+01:00\"" : "Z\"")
        }
        text(",\"data\":{")
        data(story: child % 4, step: step, child: child, occurred: occurred)
        text("}")
        if i % 3 != 0 { text(",\"source\":\"lcs\"") }
        if i % 2 == 0 {
            text(",\"by\":\"worker-")
            number(i / 97 % 10000, width: 4)
            text("\"")
        }
        text("}\n")
        return bytes
    }

    /// The types of each story, in order: child in need, child protection, care, early help.
    static let stories = [
        [
            "child.registered", "contact.received", "referral.received", "assessment.started",
            "assessment.completed", "cin-plan.started", "worker.allocated", "visit.made", "cin-plan.reviewed",
            "cin-plan.ended",
        ],
        [
            "child.registered", "referral.received", "strategy.held", "s47.started", "s47.completed", "icpc.held",
            "cp-plan.started", "visit.made", "cp-plan.reviewed", "cp-plan.category-changed",
        ],
        [
            "child.registered", "referral.received", "care.started", "placement.started", "care.reviewed",
            "missing.started", "missing.ended", "placement.ended", "placement.started", "legal-status.changed",
        ],
        [
            "child.registered", "contact.received", "early-help.started", "worker.allocated", "early-help.ended",
            "stepped-up", "referral.received", "assessment.started", "assessment.completed", "case.closed",
        ],
    ]

    static let sources = ["1A", "2A", "3A", "5A", "6", "8", "9", "10"]
    static let ethnicities = ["WBRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "BCRB", "OOTH", "NOBT"]
    static let needs = ["N1", "N2", "N4", "N5", "N6", "N8"]
    static let teams = ["Locality Team North", "Locality Team South", "Children in Care Team 2", "Early Help Hub"]
    static let workers = ["Sam Taylor", "Priya Shah", "Jordan O'Neill", "Alex Morgan", "Chris Okafor"]
    static let postcodes = ["LS1 4AP", "BD7 1DP", "HX1 2RS", "WF1 5QQ"]

    mutating func data(story: Int, step: Int, child: Int, occurred: Int32) {
        if step == 0 {
            registered(child: child, occurred: occurred, isFull: story != 3)
            return
        }
        switch (story, step) {
        case (0, 1), (3, 1):
            id("contact", "CON", child)
            code("source", Self.sources[child % Self.sources.count])
            code("outcome", story == 0 ? "referral" : "early-help")
        case (0, 2), (1, 1), (2, 1), (3, 6):
            id("referral", "REF", child)
            code("source", Self.sources[(child / 3) % Self.sources.count])
            code("primaryNeed", story == 3 ? "N5" : "N1")
        case (0, 3), (3, 7):
            id("assessment", "ASM", child)
            id("referral", "REF", child)
        case (0, 4):
            id("assessment", "ASM", child)
            text(",\"factors\":[\"3A\",\"4B\",\"2C\"]")
            code("outcome", "cin")
        case (3, 8):
            id("assessment", "ASM", child)
            text(",\"factors\":[\"21\"]")
            code("outcome", "no-further-action")
        case (0, 5):
            id("plan", "PLN", child)
            id("referral", "REF", child)
        case (0, 6), (3, 3):
            code("team", Self.teams[story == 3 ? 3 : child % 3], first: true)
            if story == 0 { code("worker", Self.workers[child % Self.workers.count]) }
        case (0, 7), (1, 7):
            text(story == 0 ? "\"kind\":\"cin\"" : "\"kind\":\"cp\"")
            text(",\"seen\":true,\"seenAlone\":")
            text(child % 2 == 0 ? "true" : "false")
        case (0, 8), (0, 9), (1, 8):
            id("plan", "PLN", child, first: true)
        case (1, 2):
            id("strategy", "STR", child)
            id("referral", "REF", child)
        case (1, 3):
            id("s47", "S47", child)
            id("referral", "REF", child)
            id("strategy", "STR", child)
        case (1, 4):
            id("s47", "S47", child)
            text(",\"icpcRequired\":true")
        case (1, 5):
            id("s47", "S47", child)
            id("referral", "REF", child)
            code("outcome", "plan")
        case (1, 6):
            id("plan", "PLN", child)
            id("referral", "REF", child)
            code("category", "NEG")
            text(",\"previousPlans\":")
            number(child % 3, width: 1)
        case (1, 9):
            id("plan", "PLN", child)
            code("category", "EMO")
        case (2, 2):
            id("period", "PER", child)
            code("legalStatus", "C2")
            code("needCode", Self.needs[child % Self.needs.count])
        case (2, 3), (2, 8):
            id("placement", "PLC", child, suffix: step == 3 ? "-1" : "-2")
            id("period", "PER", child)
            code("placementType", step == 3 ? "U1" : "U3")
            code("provider", step == 3 ? "PR1" : "PR4")
            code("postcode", Self.postcodes[child % Self.postcodes.count])
            if step == 3 { code("urn", "SC" + String(100_000 + child % 900_000)) }
            text(step == 3 ? ",\"distanceMiles\":12.5" : ",\"distanceMiles\":3")
        case (2, 4):
            id("period", "PER", child)
            code("participation", "PN1")
        case (2, 5):
            id("episode", "MIS", child)
            code("kind", "missing")
        case (2, 6):
            id("episode", "MIS", child)
            text(",\"returnInterviewOffered\":true,\"returnInterviewAccepted\":false")
        case (2, 7):
            id("placement", "PLC", child, suffix: "-1")
            code("reason", "CARPL")
        case (2, 9):
            id("period", "PER", child)
            code("legalStatus", "C1")
        case (3, 2):
            id("episode", "EH", child)
        case (3, 4):
            id("episode", "EH", child)
            code("outcome", "stepped-up")
        case (3, 5):
            text("\"from\":\"early-help\",\"to\":\"cin\"")
        case (3, 9):
            id("referral", "REF", child)
            code("reason", "RC8")
        default:
            preconditionFailure("no data for story \(story), step \(step)")
        }
    }

    mutating func registered(child: Int, occurred: Int32, isFull: Bool) {
        text("\"birthDate\":\"")
        date(occurred - Int32(400 + child % 5000))
        text("\"")
        code("sex", child % 2 == 0 ? "F" : "M")
        code("ethnicity", Self.ethnicities[child % Self.ethnicities.count])
        guard isFull else { return }
        text(child % 5 == 0 ? ",\"disabilities\":[\"LD\",\"COMM\"]" : ",\"disabilities\":[\"NONE\"]")
        text(",\"upn\":\"A")
        number(child &* 7_777_777 % 1_000_000_000_000, width: 12)
        text("\",\"ward\":\"E0500")
        number(child % 10000, width: 4)
        text("\"")
    }

    /// `"name":"PREFIX012345SUFFIX"`, after a comma unless it is the first field.
    mutating func id(_ name: String, _ prefix: String, _ child: Int, suffix: String = "", first: Bool = false) {
        if !first && bytes.last != UInt8(ascii: "{") { text(",") }
        text("\"" + name + "\":\"" + prefix)
        number(child, width: 6)
        text(suffix + "\"")
    }

    mutating func code(_ name: String, _ value: String, first: Bool = false) {
        if !first && bytes.last != UInt8(ascii: "{") { text(",") }
        text("\"" + name + "\":\"" + value + "\"")
    }

    mutating func text(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func number(_ value: Int, width: Int) {
        var digits: [UInt8] = []
        var v = value
        repeat {
            digits.append(UInt8(48 + v % 10))
            v /= 10
        } while v > 0
        for _ in digits.count..<max(width, digits.count) { bytes.append(48) }
        bytes.append(contentsOf: digits.reversed())
    }

    mutating func date(_ dayNumber: Int32) {
        let (y, m, d) = CalendarDate(dayNumber: dayNumber).parts
        number(y, width: 4)
        bytes.append(UInt8(ascii: "-"))
        number(m, width: 2)
        bytes.append(UInt8(ascii: "-"))
        number(d, width: 2)
    }

    /// Writes `count` events to `path`.
    static func write(count: Int, to path: String) throws {
        let file = try OutputFile(path: path)
        var generator = EventGenerator()
        for i in 0..<count { try file.write(generator.line(i)) }
        try file.close()
    }
}
