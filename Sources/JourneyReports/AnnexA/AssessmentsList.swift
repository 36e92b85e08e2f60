import JourneyCore
import JourneyProjections

/// List 4: every assessment open at some time in the window: started on or before the date and not authorised
/// before the window (started in it, authorised in it, or still open).
///
/// - "Child Seen During Continuous Assessment": a statutory visit at which the child was seen, from the start to
///   the authorisation (or the date): yes; visits but none seen: no; no visit in that time: unknown.
/// - "Was the child assessed as requiring LA children's social care support?": from the authorised assessment's
///   outcome (child in need or section 47: yes; no further action or early help: no); blank while it is open.
enum AssessmentsList {
    static let name = "Assessments"

    static func headings(_ sex: String) -> [String] {
        AnnexA.ChildColumns.openingHeadings(sex) + [
            "Does the Child have a Disability", "Continuous Assessment Start Date",
            "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation",
            "Was the child assessed as requiring LA children's social care support?", "Allocated Team",
            "Allocated Worker",
        ]
    }

    static func rows(_ record: ChildRecord, _ child: AnnexA.ChildColumns, _ window: AnnexA.Window) -> [AnnexA.Row] {
        record.assessments.compactMap { assessment in
            guard let start = assessment.started, window.isOpenInWindow(start: start, end: assessment.completed)
            else { return nil }
            let authorised = window.known(assessment.completed)
            let visits = record.visits.filter { $0.date >= start && $0.date <= (authorised ?? window.asOf) }
            let seen: Bool? = visits.isEmpty ? nil : visits.contains { $0.wasSeen }
            let requiresSupport: Bool? =
                authorised == nil
                ? nil
                : assessment.outcome.flatMap { o in
                    switch o.rawValue {
                    case "cin", "s47": true
                    case "no-further-action", "early-help": false
                    default: nil
                    }
                }
            return AnnexA.Row(
                child: child.id, date: start,
                cells: child.opening + [
                    child.disability, .date(start), .text(AnnexA.Labels.yesNoUnknown(seen)), .date(authorised),
                    .text(AnnexA.Labels.yesNo(requiresSupport)), child.team, child.worker,
                ])
        }
    }
}
