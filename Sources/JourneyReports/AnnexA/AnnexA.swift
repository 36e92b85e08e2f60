import JourneyCore
import JourneyProjections

/// Ofsted's Annex A: the lists of children a council sends when an inspection of its children's services is
/// announced (the ILACS framework), written from the log's records as data: each list its number, name, Ofsted's
/// headings in Ofsted's order, and rows of typed cells. A writer (CSV here, a workbook elsewhere) turns them into a
/// file; nothing here knows about files.
///
/// The headings, their order and the forms of the values ("a) Male", "a) 1A: Individual", dates as dd/mm/yyyy) are
/// those of the Annex A template as the Social Finance / LIIA schema records it (docs/annex-a.md). Lists of activity
/// (contacts, referrals, assessments, section 47 enquiries) hold what happened in the `months` before `asOf`; lists
/// of children (children in need, CP plans, children in care, care leavers, adoption) hold those open on `asOf` and
/// those whose episode, plan, period or adoption ended in those months.
public enum AnnexA {
    /// Ofsted's default look-back: the six months before the date (docs/annex-a.md says why).
    public static let defaultMonths = 6

    /// One cell of a list.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case integer(Int)
        case date(CalendarDate)
        case empty

        /// Text, or empty for none.
        static func text(_ s: String?) -> Cell { s.map(Cell.text) ?? .empty }
        static func date(_ d: CalendarDate?) -> Cell { d.map(Cell.date) ?? .empty }
        static func integer(_ n: Int?) -> Cell { n.map(Cell.integer) ?? .empty }

        /// As Annex A writes it: dates dd/mm/yyyy, whole numbers in digits.
        public var written: String {
            switch self {
            case .text(let s): s
            case .integer(let n): String(n)
            case .date(let d): AnnexA.written(d)
            case .empty: ""
            }
        }
    }

    /// One list: its number (1…11), name, headings and rows, with a note when the log cannot fill it.
    public struct List: Sendable, Hashable {
        public var number: Int
        public var name: String
        public var headings: [String]
        public var rows: [[Cell]]
        /// Why the list is written with its headings only (or what it cannot hold), for the reader of the output.
        public var note: String?

        /// `list-03-referrals`: the file name a writer gives it, without extension.
        public var fileStem: String {
            let number = self.number < 10 ? "0\(self.number)" : "\(self.number)"
            return "list-\(number)-" + name.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
        }
    }

    /// What the lists are drawn for: the date, and the months before it that the lists of activity cover.
    public struct Window: Sendable, Hashable {
        public var asOf: CalendarDate
        public var months: Int
        /// The first day of the window: the day after the same date `months` months before (6 months to
        /// 31 March 2025 is 1 October 2024 to 31 March 2025).
        public var from: CalendarDate { asOf.adding(months: -months).adding(days: 1) }
        public var period: ReportingPeriod { ReportingPeriod(from: from, to: asOf) }
        /// The 12 months to `asOf`, for the columns that say "in the last 12 months" whatever the window.
        public var lastTwelveMonths: ReportingPeriod {
            ReportingPeriod(from: asOf.adding(months: -12).adding(days: 1), to: asOf)
        }

        public init(asOf: CalendarDate, months: Int = AnnexA.defaultMonths) {
            self.asOf = asOf
            self.months = months
        }

        public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= asOf }

        /// Open at some time in the window: started on or before `asOf`, and not ended before the window's first
        /// day (an end after `asOf` is not yet known on `asOf`).
        func isOpenInWindow(start: CalendarDate?, end: CalendarDate?) -> Bool {
            guard let start, start <= asOf else { return false }
            return end.map { $0 >= from } ?? true
        }

        /// An end as known on `asOf`: `nil` when it is after it.
        func known(_ date: CalendarDate?) -> CalendarDate? { date.flatMap { $0 <= asOf ? $0 : nil } }
    }

    /// dd/mm/yyyy, as the template's date columns hold them.
    public static func written(_ date: CalendarDate) -> String {
        let (y, m, d) = date.parts
        return (d < 10 ? "0\(d)" : "\(d)") + "/" + (m < 10 ? "0\(m)" : "\(m)") + "/" + String(y)
    }

    /// The lists 1 to 11, in order, from every record the body gives (records in any order).
    public static func lists(_ window: Window, records: ((ChildRecord) -> Void) -> Void) -> [List] {
        var builders = Builders(window)
        records { builders.add($0) }
        return builders.lists()
    }

    /// The lists 1 to 11 of every record of `state` as known at `asKnownAt`, with the log's span as then known (for
    /// the command's check of the date and its note on the 12 months), in one pass over the records on all cores:
    /// each part of the children gathers its rows, and the parts' rows are joined before they are sorted. The lists
    /// are those of `lists(_:records:)` over the same records: rows are sorted by child and date, and a child's rows
    /// come from its one record, in the order that record's row was made.
    public static func lists(_ window: Window, of state: JourneyState, asKnownAt: Timestamp?) -> (
        lists: [List], span: LogSpan?
    ) {
        let (builders, span) = state.reduceRecordsWithSpan(
            asKnownAt: asKnownAt, initial: { Builders(window) }, add: { $0.add($1) }, merge: { $0.merge($1) })
        return (builders.lists(), span)
    }
}

extension AnnexA {
    /// A row with what it is sorted by: the child, then the row's date, then the order it was made in.
    struct Row {
        var child: String
        var date: CalendarDate?
        var cells: [Cell]
    }

    /// The lists being gathered, one record at a time.
    struct Builders: Sendable {
        let window: Window
        var rows: [[Row]] = Array(repeating: [], count: 11)

        init(_ window: Window) { self.window = window }

        /// Another part's rows after these.
        mutating func merge(_ other: Builders) {
            for i in rows.indices { rows[i] += other.rows[i] }
        }

        mutating func add(_ record: ChildRecord) {
            let child = ChildColumns(record, window)
            rows[0] += ContactsList.rows(record, child, window)
            rows[2] += ReferralsList.rows(record, child, window)
            rows[3] += AssessmentsList.rows(record, child, window)
            rows[4] += S47List.rows(record, child, window)
            rows[5] += ChildrenInNeedList.rows(record, child, window)
            rows[6] += ChildProtectionList.rows(record, child, window)
            rows[7] += ChildrenInCareList.rows(record, child, window)
            rows[8] += CareLeaversList.rows(record, child, window)
            rows[9] += AdoptionList.rows(record, child, window)
        }

        func lists() -> [List] {
            let sex = ChildColumns.sexHeading(window.asOf)
            let made: [(number: Int, name: String, headings: [String], note: String?)] = [
                (1, ContactsList.name, ContactsList.headings(sex), nil),
                (2, EarlyHelpList.name, EarlyHelpList.headings(sex), EarlyHelpList.note),
                (3, ReferralsList.name, ReferralsList.headings(sex), nil),
                (4, AssessmentsList.name, AssessmentsList.headings(sex), nil),
                (5, S47List.name, S47List.headings(sex), nil),
                (6, ChildrenInNeedList.name, ChildrenInNeedList.headings(sex), nil),
                (7, ChildProtectionList.name, ChildProtectionList.headings(sex), nil),
                (8, ChildrenInCareList.name, ChildrenInCareList.headings(sex), ChildrenInCareList.note),
                (9, CareLeaversList.name, CareLeaversList.headings(sex), nil),
                (10, AdoptionList.name, AdoptionList.headings(sex), AdoptionList.note),
                (11, AdoptersList.name, AdoptersList.headings(sex), AdoptersList.note),
            ]
            return made.map { list in
                let sorted = rows[list.number - 1].enumerated().sorted { a, b in
                    let (x, y) = (a.element, b.element)
                    if x.child != y.child { return x.child < y.child }
                    if x.date != y.date {
                        return (x.date ?? CalendarDate(dayNumber: .min)) < (y.date ?? .init(dayNumber: .min))
                    }
                    return a.offset < b.offset
                }
                return List(
                    number: list.number, name: list.name, headings: list.headings, rows: sorted.map(\.element.cells),
                    note: list.note)
            }
        }
    }
}
