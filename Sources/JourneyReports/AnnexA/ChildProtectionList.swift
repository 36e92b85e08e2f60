import JourneyCore
import JourneyProjections

/// List 7: every CP plan open on the date or ended in the window, a row each.
///
/// - "Latest Category of Abuse": the last `cp-plan.category-changed` on or before the date, else the initial one.
/// - "Date of the Last Statutory Visit" and "Was the Child Seen Alone?": the latest CP visit in the plan, on or
///   before the date (seen alone not recorded: unknown; no visit: both blank).
/// - "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months": a legal status
///   L1 (police protection) or L2 (emergency protection order) taking effect in the six months to the date; the
///   log holds these only for a child accommodated under them, so "b) No" means none the log knows of.
/// - "Number of Previous Child Protection Plans": the plan's own count where recorded (CIN census
///   `NumberOfPreviousCPP`), else the child's earlier plans in the log, as the CIN census return writes it.
enum ChildProtectionList {
    static let name = "Child protection"

    static func headings(_ sex: String) -> [String] {
        AnnexA.ChildColumns.openingHeadings(sex) + [
            "Does the Child have a Disability", "Child Protection Plan Start Date", "Initial Category of Abuse",
            "Latest Category of Abuse", "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
            "Date of latest review conference", "Child Protection Plan End Date",
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
            "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker",
        ]
    }

    static func rows(_ record: ChildRecord, _ child: AnnexA.ChildColumns, _ window: AnnexA.Window) -> [AnnexA.Row] {
        let asOf = window.asOf
        let sixMonths = ReportingPeriod(from: asOf.adding(months: -6).adding(days: 1), to: asOf)
        let isProtected = record.periodsOfCare.contains { period in
            period.legalStatuses.contains {
                ($0.status.rawValue == "L1" || $0.status.rawValue == "L2") && sixMonths.contains($0.date)
            }
        }
        return record.cpPlans.compactMap { plan in
            guard let start = plan.start, window.isOpenInWindow(start: start, end: plan.end) else { return nil }
            let end = window.known(plan.end)
            let latest = plan.categoryChanges.last { $0.date <= asOf }?.category ?? plan.category
            let visit = record.visits.filter { v in
                v.kind.rawValue == "cp" && v.date >= start && v.date <= (end ?? asOf)
            }.max { $0.date < $1.date }
            let previous =
                plan.previousPlans
                ?? record.cpPlans.count { q in
                    guard let t = q.start else { return false }
                    return (t, q.position) < (start, plan.position)
                }
            return AnnexA.Row(
                child: child.id, date: start,
                cells: child.opening + [
                    child.disability, .date(start), .text(AnnexA.Labels.abuse(plan.category)),
                    .text(AnnexA.Labels.abuse(latest)), .date(visit?.date),
                    .text(visit.map { AnnexA.Labels.yesNoUnknown($0.wasSeenAlone) }),
                    .date(plan.reviews.filter { $0 <= asOf }.max()), .date(end),
                    .text(AnnexA.Labels.yesNo(isProtected)), .integer(previous), child.team, child.worker,
                ])
        }
    }
}
