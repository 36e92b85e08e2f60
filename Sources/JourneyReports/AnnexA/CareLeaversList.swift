import JourneyCore
import JourneyProjections

/// List 9: care leavers on the date, a row each.
///
/// Who (the Children (Leaving Care) Act 2000 and the Care Leavers (England) Regulations 2010, as the log can tell
/// them): a young person not looked after on the date whose last period of care ended on or after their 16th
/// birthday, not by adoption, a special guardianship or child arrangements order, or death (E11, E12, E2, E41,
/// E45–E48); aged 16 to 20 on the date, or 21 to 24 with a service from the authority in the window (a care
/// leaver contact, a pathway plan review or a personal adviser allocated); not dead (`child.died`, or a latest contact
/// saying `DIED`).
/// - "Eligibility Category": looked after for 13 weeks or more in all since their 14th birthday, to that end:
///   relevant (under 18 on the date) or former relevant (18 or over); less: qualifying.
/// - "LA in Touch", the accommodation and the activity: the latest care leaver contact on or before the date.
enum CareLeaversList {
    static let name = "Care leavers"

    /// Care ended by these reasons does not make a care leaver.
    static let notLeavingCare: Set<String> = ["E11", "E12", "E2", "E41", "E45", "E46", "E47", "E48"]

    static func headings(_ sex: String) -> [String] {
        AnnexA.ChildColumns.openingHeadings(sex) + [
            "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
            "Does the Child have a Disability", "Allocated Team", "Allocated Worker", "Allocated Personal Advisor",
            "Eligibility Category", "Latest Pathway Plan Review Date", "LA in Touch", "Latest Date of Contact",
            "Type of Accommodation", "Suitability of Accommodation", "Activity Status",
        ]
    }

    static func rows(_ record: ChildRecord, _ child: AnnexA.ChildColumns, _ window: AnnexA.Window) -> [AnnexA.Row] {
        let asOf = window.asOf
        // A young person who has died is no longer a care leaver: a `child.died`, or a contact saying so.
        guard let born = record.birthDate, !record.isLookedAfter(on: asOf), !(record.diedOn.map { $0 <= asOf } ?? false)
        else { return [] }
        let age = born.completedYears(at: asOf)
        let ended = record.periodsOfCare.compactMap { p in p.end.flatMap { $0 <= asOf ? (p, $0) : nil } }
        guard let (last, end) = ended.max(by: { ($0.1, $0.0.position) < ($1.1, $1.0.position) }),
            end >= born.adding(years: 16), !(last.endReason.map { notLeavingCare.contains($0.rawValue) } ?? false),
            age >= 16, age <= 24
        else { return [] }
        let contact = record.careLeaverContacts.filter { $0.date <= asOf }
            .max { ($0.date, $0.position) < ($1.date, $1.position) }
        if contact?.inTouch.rawValue == "DIED" { return [] }
        if age >= 21 {
            let isServed =
                contact.map { window.contains($0.date) } == true
                || record.pathwayPlanReviews.contains(where: window.contains)
                || record.personalAdvisers.contains { window.contains($0.date) }
            guard isServed else { return [] }
        }
        let category: String
        if daysLookedAfter(record, from: born.adding(years: 14), to: end) >= 91 {
            category = age < 18 ? "a) Relevant child" : "b) Former relevant child"
        } else {
            category = "c) Qualifying care leaver"
        }
        let cells: [AnnexA.Cell] = [
            .text(AnnexA.Labels.yesNo(record.periodsOfCare.contains { $0.isUASC })), child.disability, child.team,
            child.worker, .text(record.personalAdviser(on: asOf)?.adviser), .text(category),
            .date(record.pathwayPlanReviews.filter { $0 <= asOf }.max()),
            .text(AnnexA.Labels.inTouch(contact?.inTouch)), .date(contact?.date),
            .text(AnnexA.Labels.accommodation(contact?.accommodation)),
            .text(AnnexA.Labels.suitability(contact?.accommodation)), .text(AnnexA.Labels.activity(contact?.activity)),
        ]
        return [AnnexA.Row(child: child.id, date: end, cells: child.opening + cells)]
    }

    /// Days looked after from `from` to `to` (13 weeks is 91), over every period of care; a day in two periods
    /// counts once, as the periods of one child do not overlap.
    static func daysLookedAfter(_ record: ChildRecord, from: CalendarDate, to: CalendarDate) -> Int {
        record.periodsOfCare.reduce(0) { total, p in
            guard let start = p.start else { return total }
            let s = max(start, from)
            let e = min(p.end ?? to, to)
            return total + max(0, s.days(to: e))
        }
    }
}
