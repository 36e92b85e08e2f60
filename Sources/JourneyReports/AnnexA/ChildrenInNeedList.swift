import JourneyCore
import JourneyProjections

/// List 6: every episode of need open on the date or closed in the window (a referral that is not NFA, from its
/// date to `case.closed`), a row each.
///
/// - "Date Child Was Last Seen": the latest statutory visit in the episode, on or before the date, at which the
///   child was seen.
/// - "Case Status" on the date: looked after, else on a CP plan, else on a CIN plan, else with an assessment open;
///   a closed episode is "e) Closed episode". An open episode with none of these is left blank: the template has
///   no value for it.
enum ChildrenInNeedList {
    static let name = "Children in need"

    static func headings(_ sex: String) -> [String] {
        AnnexA.ChildColumns.openingHeadings(sex) + [
            "Does the Child have a Disability", "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
            "CIN Closure Date", "Reason for Closure", "Case Status", "Allocated Team", "Allocated Worker",
        ]
    }

    static func rows(_ record: ChildRecord, _ child: AnnexA.ChildColumns, _ window: AnnexA.Window) -> [AnnexA.Row] {
        let asOf = window.asOf
        return record.referrals.compactMap { referral in
            guard !referral.isNFA, window.isOpenInWindow(start: referral.date, end: referral.closed) else {
                return nil
            }
            let closed = window.known(referral.closed)
            let lastSeen = record.visits.filter { v in
                v.wasSeen && v.date >= referral.date && v.date <= (closed ?? asOf)
            }.map(\.date).max()
            return AnnexA.Row(
                child: child.id, date: referral.date,
                cells: child.opening + [
                    child.disability, .date(referral.date), .text(AnnexA.Labels.need(referral.primaryNeed?.rawValue)),
                    .date(lastSeen), .date(closed),
                    .text(closed == nil ? nil : AnnexA.Labels.closure(referral.closureReason)),
                    .text(caseStatus(record, isClosed: closed != nil, on: asOf)), child.team, child.worker,
                ])
        }
    }

    static func caseStatus(_ record: ChildRecord, isClosed: Bool, on date: CalendarDate) -> String? {
        if isClosed { return "e) Closed episode" }
        if record.isLookedAfter(on: date) { return "a) Looked after child" }
        if record.cpPlan(on: date) != nil { return "b) Child Protection plan" }
        let hasCINPlan = record.cinPlans.contains { p in
            guard let s = p.start, s <= date else { return false }
            return p.end.map { $0 > date } ?? true
        }
        if hasCINPlan { return "c) Child in need plan" }
        let hasOpenAssessment = record.assessments.contains { a in
            guard let s = a.started, s <= date else { return false }
            return a.completed.map { $0 > date } ?? true
        }
        return hasOpenAssessment ? "d) Open assessment" : nil
    }
}
