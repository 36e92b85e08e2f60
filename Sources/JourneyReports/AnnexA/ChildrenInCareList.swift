import JourneyCore
import JourneyProjections

/// List 8: every period of care open on the date or ended in the window, a row each.
///
/// - "UASC within the Last 12 Months": the child was an unaccompanied asylum-seeking child in a period of care open
///   at some time in the 12 months to the date.
/// - "second or subsequent period … within the last 12 months": this period started in the 12 months to the date,
///   and an earlier period of the child ended in them.
/// - Legal status: the latest to take effect on or before the date (or the period's end).
/// - "Number of Placements in the Last 12 months": placements in the 12 months to the date as
///   `placement-stability-short-term` counts them (`ChildRecord.placementCount(in:)`).
/// - The most recent placement: the period's placement with the latest start on or before the date.
/// - Missing and absent: episodes (`missing.started`, `missing` and `away`) starting in the 12 months to the date;
///   the return interview of the latest missing episode on or before it.
/// - Not in the log, left blank: the permanence plan, the IRO's last visit, whether the placement is in or out of
///   the authority's area and its local authority.
enum ChildrenInCareList {
    static let name = "Children in care"

    static let note =
        "the permanence plan, the date of the IRO's last visit, the placement location (in or out of area) and the "
        + "LA of placement are not in the log: left blank"

    static func headings(_ sex: String) -> [String] {
        AnnexA.ChildColumns.openingHeadings(sex) + [
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            "Does the Child have a Disability", "Date Started to be Looked After", "Child's Category of Need",
            "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
            "Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review",
            "Date of Last Social Work Visit", "What is the permanence plan for this child?",
            "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment",
            "Date of Last Dental Check", "Number of Placements in the Last 12 months", "Date Ceased to be Looked After",
            "Reason Ceased to be Looked After", "Start Date of Most Recent Placement", "Placement Type",
            "Placement Provider", "Placement postcode", "URN of Placement", "Placement Location", "LA of Placement",
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
            "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?", "Allocated Team",
            "Allocated Worker",
        ]
    }

    static func rows(_ record: ChildRecord, _ child: AnnexA.ChildColumns, _ window: AnnexA.Window) -> [AnnexA.Row] {
        let asOf = window.asOf
        let year = window.lastTwelveMonths
        let isUASC = record.periodsOfCare.contains { $0.isUASC && isOpen($0, in: year) }
        let placements = record.placementCount(in: year)
        let episodes = record.missingEpisodes.filter { $0.start.map(year.contains) ?? false }
        let missing = episodes.count { $0.kind.rawValue == "missing" }
        let absent = episodes.count { $0.kind.rawValue == "away" }
        let lastMissing = record.missingEpisodes.filter { e in
            e.kind.rawValue == "missing" && (e.start.map { $0 <= asOf } ?? false)
        }.max { $0.start! < $1.start! }
        let healthAssessment = record.healthAssessments.filter { $0 <= asOf }.max()
        let dentalCheck = record.dentalChecks.filter { $0 <= asOf }.max()
        return record.periodsOfCare.compactMap { period in
            guard let start = period.start, window.isOpenInWindow(start: start, end: period.end) else { return nil }
            let ended = window.known(period.end)
            let upTo = ended ?? asOf
            let isSubsequent =
                year.contains(start)
                && record.periodsOfCare.contains { other in
                    guard let s = other.start, let e = other.end, other.key != period.key else { return false }
                    return s < start && year.contains(e)
                }
            let status = period.legalStatuses.enumerated().filter { $0.element.date <= upTo }
                .max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
            let visit = record.visits.filter { $0.kind.rawValue == "care" && $0.date >= start && $0.date <= upTo }
                .map(\.date).max()
            let placement = record.placements.filter { $0.period == period.key && $0.start <= asOf }
                .max { ($0.start, $0.position) < ($1.start, $1.position) }
            let cells: [AnnexA.Cell] = [
                .text(AnnexA.Labels.yesNo(isUASC)), child.disability, .date(start),
                .text(AnnexA.Labels.need(period.needCode?.rawValue)), .text(AnnexA.Labels.yesNo(isSubsequent)),
                .date(status?.date), .text(AnnexA.Labels.legalStatus(status?.status)),
                .date(period.reviews.filter { $0 <= asOf }.max()), .date(visit), .empty, .empty,
                .date(healthAssessment),
                .date(dentalCheck), .integer(placements), .date(ended),
                .text(ended == nil ? nil : AnnexA.Labels.careEnd(period.endReason)), .date(placement?.start),
                .text(AnnexA.Labels.placementType(placement?.placementType)),
                .text(AnnexA.Labels.provider(placement?.provider)), .text(placement?.postcode), .text(placement?.urn),
                .empty, .empty, .integer(missing), .integer(absent),
                .text(AnnexA.Labels.yesNo(lastMissing?.returnInterviewOffered)),
                .text(AnnexA.Labels.yesNo(lastMissing?.returnInterviewAccepted)), child.team, child.worker,
            ]
            return AnnexA.Row(child: child.id, date: start, cells: child.opening + cells)
        }
    }

    /// Open at some time in `period`.
    static func isOpen(_ care: ChildRecord.PeriodOfCare, in period: ReportingPeriod) -> Bool {
        guard let start = care.start, start <= period.to else { return false }
        return care.end.map { $0 >= period.from } ?? true
    }
}
