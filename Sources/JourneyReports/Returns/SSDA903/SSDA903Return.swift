import JourneyCore
import JourneyProjections

/// The SSDA903 return (children looked after) for a collection year, written from children's records: its CSV
/// tables, in the DfE's file and column names as `journey import ssda903` and the DfE's validator read them, and
/// every value the return needs that the log does not hold (`blanks`).
///
/// Who is in it (SSDA903 guide, "Who should be included"):
/// - every child looked after at any time in the year (a period of care open on or after 1 April that started on
///   or before 31 March), short breaks included: their episodes, reviews, missing episodes, UASC, decisions to
///   place for adoption, previous permanence, social worker episodes and DoLOs;
/// - among them, those adopted in the year (AD1) and those looked after continuously for 12 months at 31 March,
///   short breaks aside (OC2);
/// - care leavers with a contact around their birthday in the year (OC3), whether looked after in it or not;
/// - a header row for every child of any table.
///
/// Rows come child by child, in order of the child's id, each child's rows in date order.
public struct SSDA903Return: Sendable {
    /// The collection year: 1 April `startYear` to 31 March `startYear + 1`.
    public let startYear: Int
    public let year: ReportingPeriod
    /// Each table's rows, cells as the CSV holds them, in `Table` order.
    public private(set) var rows: [[[String]]] = Table.allCases.map { _ in [] }
    /// Each value the return needs that the log does not hold, once per table, child and field.
    public private(set) var blanks: [Blank] = []

    /// The children of the rows so far, with their tables' rows, sorted by `finish()`.
    private var children: [ChildRows] = []

    /// A return for the collection year starting on 1 April of `startYear` (2024 for 2024-25).
    public init(startYear: Int) {
        self.startYear = startYear
        let from = CalendarDate(year: startYear, month: 4, day: 1)!
        year = ReportingPeriod(from: from, to: CalendarDate(year: startYear + 1, month: 3, day: 31)!)
    }

    /// The return of these records.
    public init(startYear: Int, records: some Sequence<ChildRecord>) {
        self.init(startYear: startYear)
        for record in records { add(record) }
        finish()
    }

    /// A value the return needs that the log does not hold: written as the DfE's code for "not known" where it has
    /// one (`written`), blank otherwise.
    public struct Blank: Sendable, Hashable {
        public var table: Table
        public var child: ChildID
        public var field: String
        /// What was written instead: a "not known" code, or `""`.
        public var written: String
    }

    /// One child's rows, kept together until `finish()` orders the children.
    fileprivate struct ChildRows: Sendable {
        var child: ChildID
        var rows: [(table: Table, cells: [String])] = []
        var blanks: [Blank] = []
    }

    /// Adds one child's rows (none when the child is in no table of the year).
    public mutating func add(_ record: ChildRecord) {
        var out = ChildRows(child: record.id)
        let context = Context(record: record, year: year, startYear: startYear)
        context.write(into: &out)
        guard !out.rows.isEmpty else { return }
        children.append(out)
    }

    /// The return of every record of `state` as known at `asKnownAt` (`nil`: as the log stands), the records read
    /// on all cores: each part of the children gathers its children's rows, and the parts are joined and ordered by
    /// child id (`finish`), as adding every record in turn gives (each child is one record).
    public init(startYear: Int, state: JourneyState, asKnownAt: Timestamp?) {
        self = state.reduceRecords(
            asKnownAt: asKnownAt, initial: { SSDA903Return(startYear: startYear) }, add: { $0.add($1) },
            merge: { $0.children += $1.children })
        finish()
    }

    /// Orders the rows by child id: call once every record is added.
    public mutating func finish() {
        children.sort { $0.child.rawValue < $1.child.rawValue }
        rows = Table.allCases.map { _ in [] }
        blanks = []
        for child in children {
            for row in child.rows { rows[row.table.rawValue].append(row.cells) }
            blanks += child.blanks
        }
        children = []
    }

    /// The rows of one table.
    public func rows(of table: Table) -> [[String]] { rows[table.rawValue] }

    /// The number of children in the return (its header rows).
    public var childCount: Int { rows[Table.header.rawValue].count }
}

extension SSDA903Return {
    /// What one child's rows are written from.
    fileprivate struct Context {
        let record: ChildRecord
        let year: ReportingPeriod
        let startYear: Int

        var dob: String { SSDA903Return.date(record.birthDate) }

        func write(into out: inout ChildRows) {
            let periods = record.periodsOfCare.filter { p in
                guard let start = p.start, start <= year.to else { return false }
                return p.end.map { $0 >= year.from } ?? true
            }.sorted { ($0.start!, $0.position) < ($1.start!, $1.position) }
            let isLookedAfter = !periods.isEmpty
            // 903 rules 393, 165 and 399: MOTHER is asked of a girl with an episode in the return that is not a
            // short break (V3, V4), and of no one else.
            var asksMother = false
            var body: [(Table, [String])] = []
            var blanks: [Blank] = []
            func blank(_ table: Table, _ field: String, _ written: String = "") {
                blanks.append(Blank(table: table, child: record.id, field: field, written: written))
            }
            if isLookedAfter {
                for episode in SSDA903Return.episodes(of: record, periods: periods, in: year) {
                    if !episode.isShortBreak { asksMother = true }
                    body.append((.episodes, episode.cells(child: record.id)))
                    if episode.isPlacementTypeRefused, let type = episode.placementType {
                        blank(.episodes, "PLACE", type.rawValue)
                    }
                    for field in episode.blankFields { blank(.episodes, field) }
                }
                reviews(periods, into: &body)
                missing(into: &body)
                uasc(periods, into: &body, blank: blank)
                adoptions(periods, into: &body)
                // 903 rules 630 and 634: previous permanence is of a child with an episode that began in the year.
                if periods.contains(where: { p in
                    record.ssda903Episodes(of: p).contains { year.contains($0.start) }
                }) {
                    previousPermanence(into: &body, blank: blank)
                }
                oc2(periods, into: &body)
                socialWorkers(into: &body, blank: blank)
                deprivationOfLiberty(into: &body)
            }
            oc3(into: &body)
            guard !body.isEmpty else { return }
            out.rows.append((.header, header(asksMother: asksMother, blank: blank)))
            out.rows += body.map { (table: $0.0, cells: $0.1) }
            // One finding per table, child and field, in table order, then the order met.
            var seen: Set<Blank> = []
            out.blanks = blanks.filter { seen.insert($0).inserted }.enumerated()
                .sorted { ($0.element.table, $0.offset) < ($1.element.table, $1.offset) }.map(\.element)
        }

        /// CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB.
        ///
        /// SEX is `M`/`F`/`U` from 2024-25 (903 rule 101), `1` male / `2` female before, where `U` has no code and is
        /// left blank. ETHNIC not recorded is `NOBT` (information not yet obtained). A UPN not recorded is `UN5`,
        /// the code of the UN1–UN5 list that says only that the UPN could not be found (the others give a reason
        /// the log cannot know). MOTHER (`0`, `1`) and MC_DOB are written for a girl with an episode of the year
        /// that is not a short break (`asksMother`), as the log says on 31 March (`ChildRecord.motherhood(on:)`):
        /// blank for anyone else (903 rules 165, 174, 399, 628: not asked of a boy, a care leaver not looked after in
        /// the year or a child on short breaks alone), and blank with a finding when the log does not say, or gives
        /// a mother no first child's date of birth (903 rule 611).
        func header(asksMother: Bool = false, blank: (Table, String, String) -> Void) -> [String] {
            var sex = ""
            if let s = record.sex {
                if startYear >= 2024 {
                    sex = s.rawValue
                } else {
                    sex = s.rawValue == "M" ? "1" : s.rawValue == "F" ? "2" : ""
                }
            }
            if sex.isEmpty { blank(.header, "SEX", "") }
            if record.birthDate == nil { blank(.header, "DOB", "") }
            let ethnic = record.ethnicity?.rawValue ?? "NOBT"
            if record.ethnicity == nil { blank(.header, "ETHNIC", "NOBT") }
            let upn = record.upn ?? "UN5"
            if record.upn == nil { blank(.header, "UPN", "UN5") }
            var mother = ""
            var firstChildBorn = ""
            if record.sex?.rawValue == "F" && asksMother {
                if let m = record.motherhood(on: year.to) {
                    mother = m.isMother ? "1" : "0"
                    if m.isMother {
                        firstChildBorn = SSDA903Return.date(m.firstChildBirthDate)
                        if m.firstChildBirthDate == nil { blank(.header, "MC_DOB", "") }
                    }
                } else {
                    blank(.header, "MOTHER", "")
                }
            }
            return [record.id.rawValue, sex, dob, ethnic, upn, mother, firstChildBorn]
        }

        /// CHILD, DOB, REVIEW, REVIEW_CODE: the reviews of the year of the child's periods of care, one a day (the
        /// table knows a review by its date).
        func reviews(_ periods: [ChildRecord.PeriodOfCare], into body: inout [(Table, [String])]) {
            var byDate: [CalendarDate: ReviewParticipation?] = [:]
            for p in periods {
                for (i, date) in p.reviews.enumerated() where year.contains(date) && byDate[date] == nil {
                    byDate[date] = i < p.reviewParticipation.count ? p.reviewParticipation[i] : nil
                }
            }
            for date in byDate.keys.sorted() {
                body.append(
                    (.reviews, [record.id.rawValue, dob, SSDA903Return.date(date), byDate[date]!?.rawValue ?? ""]))
            }
        }

        /// CHILD, DOB, MISSING, MIS_START, MIS_END: episodes that began in the year (`M` missing, `A` away without
        /// authorisation); an end after 31 March is not yet known to the return.
        func missing(into body: inout [(Table, [String])]) {
            let episodes = record.missingEpisodes.compactMap { e in e.start.map { (start: $0, e: e) } }
                .filter { year.contains($0.start) }.sorted { $0.start < $1.start }
            var seen: Set<CalendarDate> = []
            for (start, e) in episodes where seen.insert(start).inserted {
                let end = e.end.flatMap { $0 <= year.to ? $0 : nil }
                body.append(
                    (
                        .missing,
                        [
                            record.id.rawValue, dob, e.kind.rawValue == "away" ? "A" : "M", SSDA903Return.date(start),
                            SSDA903Return.date(end),
                        ]
                    ))
            }
        }

        /// CHILD, SEX, DOB, DUC: a child with a period of care of the year that began while UASC. The log does not
        /// hold the date the child ceased to be UASC: DUC is the 18th birthday, when an unaccompanied asylum-seeking
        /// *child* ceases to be one (the 903 guide's usual case), blank without a date of birth.
        func uasc(
            _ periods: [ChildRecord.PeriodOfCare], into body: inout [(Table, [String])],
            blank: (Table, String, String) -> Void
        ) {
            guard periods.contains(where: \.isUASC) else { return }
            let duc = record.birthDate.map { $0.adding(years: 18) }
            if duc == nil { blank(.uasc, "DUC", "") }
            let sex = header(blank: { _, _, _ in })[1]
            body.append((.uasc, [record.id.rawValue, sex, dob, SSDA903Return.date(duc)]))
        }

        /// AD1 (children adopted in the year: an adoption order granted in it, or a period of care that ended in it
        /// with REC E11 or E12) and placed_for_adoption (decisions to place for adoption made by 31 March, neither
        /// reversed nor ended in an adoption order before 1 April: a child adopted before the year and looked after
        /// again has no standing decision, and the old one would read as made before this care began, 903 1003).
        func adoptions(_ periods: [ChildRecord.PeriodOfCare], into body: inout [(Table, [String])]) {
            let decided = record.adoptions.filter { $0.decided != nil }
                .sorted { ($0.decided!.date, $0.position) < ($1.decided!.date, $1.position) }
            let adoptedByOrder = record.adoptions.contains { $0.orderGranted.map { year.contains($0.date) } ?? false }
            let adoptedByEnd = periods.contains { p in
                guard let end = p.end, year.contains(end), let reason = p.endReason?.rawValue else { return false }
                return reason == "E11" || reason == "E12"
            }
            if adoptedByOrder || adoptedByEnd, let adoption = decided.last(where: { $0.decided!.date <= year.to }) {
                let isMatched = adoption.matched != nil
                body.append(
                    (
                        .ad1,
                        [
                            record.id.rawValue, dob, SSDA903Return.date(adoption.decided?.date),
                            SSDA903Return.date(adoption.matched?.date),
                            isMatched ? ((adoption.isFosterCarerAdopting ?? false) ? "1" : "0") : "",
                            adoption.adopters.map(String.init) ?? "", adoption.adoptersSex?.rawValue ?? "",
                            adoption.adoptersLegalStatus?.rawValue ?? "",
                        ]
                    ))
            }
            var seen: Set<CalendarDate> = []
            for adoption in decided {
                let date = adoption.decided!.date
                guard date <= year.to, seen.insert(date).inserted else { continue }
                if let reversed = adoption.reversed, reversed.date < year.from { continue }
                if let order = adoption.orderGranted, order.date < year.from { continue }
                let reversal = adoption.reversed.flatMap { $0.date <= year.to ? $0.date : nil }
                body.append(
                    (
                        .placedAdoption,
                        [
                            record.id.rawValue, dob, SSDA903Return.date(date), SSDA903Return.date(reversal),
                            reversal == nil ? "" : adoption.reversalReason?.rawValue ?? "",
                        ]
                    ))
            }
        }

        /// CHILD, DOB, PREV_PERM, LA_PERM, DATE_PERM: the latest entry recorded; `Z1` when none is, the code the
        /// 903 gives a child with no previous permanence option or none known (rule 630 asks LA_PERM and DATE_PERM
        /// of every other code, which the log would not have either).
        func previousPermanence(into body: inout [(Table, [String])], blank: (Table, String, String) -> Void) {
            let entry = record.previousPermanence.max { ($0.date, $0.position) < ($1.date, $1.position) }
            if entry == nil { blank(.previousPermanence, "PREV_PERM", "Z1") }
            body.append(
                (
                    .previousPermanence,
                    [
                        record.id.rawValue, dob, entry?.kind.rawValue ?? "Z1", entry?.la ?? "", entry?.orderDate ?? "",
                    ]
                ))
        }

        /// OC2, for a child looked after continuously for at least 12 months at 31 March (a period of care open on
        /// 31 March that began on or before 1 April), short breaks (V3/V4 alone) aside. Each item is what the log
        /// holds for the year: a health assessment, dental check or conviction in it is `1`, none `0`;
        /// CONVICTED blank for a child under 10 at 31 March (903 rule 542);
        /// immunisations and development checks (HEALTH_CHECK) the latest recorded in it, blank when none; the SDQ
        /// the latest in it; substance misuse `1` with its interventions when identified in it.
        func oc2(_ periods: [ChildRecord.PeriodOfCare], into body: inout [(Table, [String])]) {
            guard
                periods.contains(where: { p in
                    p.start! <= year.from && p.isOpen(on: year.to) && !p.isShortBreak(upTo: year.to)
                })
            else { return }
            func latest<T>(_ items: [T], _ date: (T) -> CalendarDate) -> T? {
                items.filter { year.contains(date($0)) }.max { date($0) < date($1) }
            }
            func flag(_ value: Bool?) -> String { value.map { $0 ? "1" : "0" } ?? "" }
            let sdq = latest(record.sdqs, \.date)
            let misuse = latest(record.substanceMisuse, \.date)
            body.append(
                (
                    .oc2,
                    [
                        record.id.rawValue, dob, sdq?.score.map(String.init) ?? "", sdq?.reasonNotTaken?.rawValue ?? "",
                        // 903 rule 542: no conviction information for a child under 10 at 31 March.
                        (record.age(on: year.to).map { $0 < 10 } ?? false)
                            ? "" : flag(record.convictions.contains(where: year.contains)),
                        flag(latest(record.healthSurveillance, \.date)?.isUpToDate),
                        flag(latest(record.immunisations, \.date)?.isUpToDate),
                        flag(record.dentalChecks.contains(where: year.contains)),
                        flag(record.healthAssessments.contains(where: year.contains)),
                        flag(misuse != nil), flag(misuse?.interventionReceived), flag(misuse?.interventionOffered),
                    ]
                ))
        }

        /// CHILD, DOB, IN_TOUCH, ACTIV, ACCOM: the latest contact with a care leaver in the year; none for a young
        /// person of 17 or 18 at 31 March looked after on their latest birthday, or whose care ended on or after it
        /// (903 rules 1007, 1016: that birthday's care leaver information is not required).
        func oc3(into body: inout [(Table, [String])]) {
            if let born = record.birthDate, [17, 18].contains(born.completedYears(at: year.to)) {
                let birthday = born.adding(years: born.completedYears(at: year.to))
                let isLookedAfterOnBirthday = record.periodsOfCare.contains { p in
                    guard let start = p.start, start <= birthday else { return false }
                    return p.end.map { $0 >= birthday } ?? true
                }
                if isLookedAfterOnBirthday { return }
            }
            guard
                let contact = record.careLeaverContacts.filter({ year.contains($0.date) })
                    .max(by: { ($0.date, $0.position) < ($1.date, $1.position) })
            else { return }
            body.append(
                (
                    .oc3,
                    [
                        record.id.rawValue, dob, contact.inTouch.rawValue, contact.activity?.rawValue ?? "",
                        contact.accommodation?.rawValue ?? "",
                    ]
                ))
        }

        /// CHILD, DOB, SW_ID, SW_DECOM, SW_DEC, SW_REASON: the social worker episodes of the record
        /// (`ChildRecord.socialWorkerEpisodes(upTo:endingWithInvolvement:)`: one a day, each ending when the next
        /// begins or, before that, when the child's involvement ended; the latest open) in force at some time in the
        /// year. An episode ends with the involvement from 2024-25, when the rules first leave a gap before a first
        /// contact aside (SW10STG2), as 2025-26's ask it (SW10bSTG2); before, each new episode had to begin within 7
        /// days of the previous one's end (2023-24's SW10STG2, SW11aSTG2), and each runs to the next. SW_REASON is
        /// the reason recorded for the change on the episode's first day (`worker-change.recorded`); blank when none
        /// is, a finding (903 rules SW01bSTG1, SW13STG1 ask it of every episode from 1 April 2023).
        func socialWorkers(into body: inout [(Table, [String])], blank: (Table, String, String) -> Void) {
            for episode in record.socialWorkerEpisodes(upTo: year.to, endingWithInvolvement: startYear >= 2024) {
                if let end = episode.end, end < year.from { continue }
                let a = episode.allocation
                let reason = record.workerChangeReason(on: a.date)
                if reason == nil { blank(.socialWorkers, "SW_REASON", "") }
                body.append(
                    (
                        .socialWorkers,
                        [
                            record.id.rawValue, dob, a.worker!, SSDA903Return.date(a.date),
                            SSDA903Return.date(episode.end), reason?.rawValue ?? "",
                        ]
                    ))
            }
        }

        /// CHILD, DOB, DOLO_START, DOLO_END: orders in force at some time in the year; an end after 31 March is not
        /// yet the return's (903 rule 704).
        func deprivationOfLiberty(into body: inout [(Table, [String])]) {
            let orders = record.deprivationOfLibertyOrders.compactMap { o in o.start.map { (start: $0, end: o.end) } }
                .filter { $0.start <= year.to && ($0.end.map { $0 >= year.from } ?? true) }
                .sorted { $0.start < $1.start }
            var seen: Set<CalendarDate> = []
            for order in orders where seen.insert(order.start).inserted {
                let end = order.end.flatMap { $0 <= year.to ? $0 : nil }
                body.append(
                    (.dolo, [record.id.rawValue, dob, SSDA903Return.date(order.start), SSDA903Return.date(end)]))
            }
        }
    }

    /// A date as the 903 tables write it, `dd/mm/yyyy`; blank for none.
    static func date(_ date: CalendarDate?) -> String {
        guard let date else { return "" }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }
}
