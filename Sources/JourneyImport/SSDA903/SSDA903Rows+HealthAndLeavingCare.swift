import JourneyCore

/// A row of the OC2 table: what the return says of a child looked after for 12 months at 31 March. Each item is
/// read on its own: one that cannot be read is left out, and the others are imported.
struct OC2Row: Hashable, Sendable {
    var line: Int
    var healthAssessment: Bool?
    var teethCheck: Bool?
    var immunisations: Bool?
    var healthCheck: Bool?
    var convicted: Bool?
    var substanceMisuse: Bool?
    var interventionReceived: Bool?
    var interventionOffered: Bool?
    /// The SDQ: a score or a reason, or `nil` when the row gives neither (or a value that cannot be read).
    var sdq: SDQRecorded?

    func isSame(as other: OC2Row) -> Bool {
        var a = self
        a.line = other.line
        return a == other
    }
}

/// A row of the OC3 table: contact with a care leaver around their birthday.
struct OC3Row: Hashable, Sendable {
    /// The file, for a rejection found only once the child's date of birth is known.
    var file: String
    var line: Int
    var contact: CareLeaverContacted
    /// The row's DOB, when given and readable; else the header's is used.
    var birthDate: CalendarDate?

    func isSame(as other: OC3Row) -> Bool { contact == other.contact && birthDate == other.birthDate }
}

/// A row of the social worker episodes table: the social worker (SW_ID) allocated from SW_DECOM, and why the
/// worker changed (SW_REASON).
struct SocialWorkerRow: Hashable, Sendable {
    var line: Int
    var start: CalendarDate
    var worker: String
    var reason: SWReason?

    func isSame(as other: SocialWorkerRow) -> Bool {
        start == other.start && worker == other.worker && reason == other.reason
    }
}

/// A row of the DoLO table: a deprivation of liberty order, from DOLO_START to DOLO_END.
struct DoLORow: Hashable, Sendable {
    /// The file, for a rejection found only once the collection year is known.
    var file: String
    var line: Int
    var start: CalendarDate
    var end: CalendarDate?

    func isSame(as other: DoLORow) -> Bool { start == other.start && end == other.end }
}

extension CSVRow {
    /// Reads an OC2 row. An item other than `0` or `1` (903 181) is left out; so is an SDQ that gives both a score
    /// and a reason (903 197a), or a score or reason that cannot be read (903 180, 196). A row with neither a
    /// score nor a reason gives no `sdq.recorded`: the 903 asks for one only of a child aged 4 to 16 looked after
    /// for 12 months (903 186, 197B), which is for the data-quality checks to question, not the importer.
    mutating func oc2Row() -> OC2Row? {
        kept = "the row's other items"
        var row = OC2Row(line: line)
        row.healthAssessment = flag("HEALTH_ASSESSMENT").value
        row.teethCheck = flag("TEETH_CHECK").value
        row.immunisations = flag("IMMUNISATIONS").value
        row.healthCheck = flag("HEALTH_CHECK").value
        row.convicted = flag("CONVICTED").value
        row.substanceMisuse = flag("SUBSTANCE_MISUSE").value
        row.interventionReceived = flag("INTERVENTION_RECEIVED").value
        row.interventionOffered = flag("INTERVENTION_OFFERED").value
        var score: Int?
        var isSDQReadable = true
        if let text = text("SDQ_SCORE") {
            if let n = Int(text), (0...40).contains(n) {
                score = n
            } else {
                drop("SDQ_SCORE", ReturnValues.problem(text, isNot: "an SDQ score (a whole number 0–40)"))
                isSDQReadable = false
            }
        }
        let reason: SDQReason? = code("SDQ_REASON", required: false)
        if text("SDQ_REASON") != nil && reason == nil { isSDQReadable = false }
        if isSDQReadable {
            if score != nil && reason != nil {
                drop(
                    "SDQ_REASON", "is given with SDQ_SCORE: an SDQ is a score or the reason there is none, not both",
                    rule: "903 197a")
            } else if score != nil || reason != nil {
                row.sdq = SDQRecorded(score: score, reasonNotTaken: reason)
            }
        }
        return problems.isEmpty ? row : nil
    }

    /// Reads an OC3 row: IN_TOUCH is required; a bad ACTIV or ACCOM is left out and the contact imported without
    /// it. The contact's date is the young person's birthday in the collection year, from the row's DOB or, when
    /// it has none, the header's.
    mutating func oc3Row() -> OC3Row? {
        let inTouch: CareLeaverContactStatus? = code("IN_TOUCH", required: true)
        kept = "the contact"
        let activity: CareLeaverActivity? = code("ACTIV", required: false)
        let accommodation: CareLeaverAccommodation? = code("ACCOM", required: false)
        let birthDate = date("DOB", required: false)
        guard problems.isEmpty, let inTouch else { return nil }
        return OC3Row(
            file: file, line: line,
            contact: CareLeaverContacted(inTouch: inTouch, activity: activity, accommodation: accommodation),
            birthDate: birthDate)
    }

    /// Reads a social worker episode: SW_ID and SW_DECOM are required; SW_REASON, when it is not a code of its list
    /// (903 SW13STG1), is left out and the episode kept. SW_DEC is not read: the next allocation replaces the one
    /// before.
    mutating func socialWorkerRow() -> SocialWorkerRow? {
        kept = "the social worker episode"
        let reason: SWReason? = code("SW_REASON", required: false)
        let start = date("SW_DECOM", required: true)
        var worker = required("SW_ID")
        if let value = worker, value.utf8.count > String.maximumFieldLength {
            problem("SW_ID", "is longer than \(String.maximumFieldLength) characters")
            worker = nil
        }
        guard problems.isEmpty, let start, let worker else { return nil }
        return SocialWorkerRow(line: line, start: start, worker: worker, reason: reason)
    }

    /// Reads a DoLO row: DOLO_START is required; DOLO_END, when given, must be a date (the order would read as
    /// open without it) on or after the start (903 702).
    mutating func doloRow() -> DoLORow? {
        let start = date("DOLO_START", required: true)
        let end = date("DOLO_END", required: false, leavingOut: false)
        if let start, let end, end < start {
            problem("DOLO_END", "is before DOLO_START", rule: "903 702")
        }
        guard problems.isEmpty, let start else { return nil }
        return DoLORow(file: file, line: line, start: start, end: end)
    }
}
