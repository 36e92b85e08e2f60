import JourneyCore
import JourneyProjections

/// List 5: every section 47 enquiry started in the window, with its initial child protection conference.
///
/// - The start date is the enquiry's (`s47.started`), which the strategy discussion initiates.
/// - "deemed unnecessary": the enquiry's outcome says no conference is required (`icpcRequired` false).
/// - The conference is the one that names the enquiry (or, naming none, the first of its referral on or after the
///   enquiry's start), held on or before the date.
/// - The two counts are of the child's other enquiries started, and initial conferences held, in the 12 months
///   before this enquiry's start: as "Number of Referrals in Last 12 Months" counts referrals before a referral.
enum S47List {
    static let name = "Section 47 enquiries and ICPCs"

    static func headings(_ sex: String) -> [String] {
        AnnexA.ChildColumns.openingHeadings(sex) + [
            "Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?",
            "Date of Initial Child Protection Conference",
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
            "Allocated Team", "Allocated Worker",
        ]
    }

    static func rows(_ record: ChildRecord, _ child: AnnexA.ChildColumns, _ window: AnnexA.Window) -> [AnnexA.Row] {
        record.s47Enquiries.compactMap { enquiry in
            guard let start = enquiry.started, window.contains(start) else { return nil }
            let conference = record.conferences.filter { c in
                c.date <= window.asOf
                    && (c.s47 == enquiry.key || (c.s47 == nil && c.referral == enquiry.referral && c.date >= start))
            }.min { ($0.date, $0.position) < ($1.date, $1.position) }
            let yearBefore = start.adding(months: -12)
            let earlierEnquiries = record.s47Enquiries.count { other in
                guard let s = other.started else { return false }
                return s >= yearBefore && s < start
            }
            let earlierConferences = record.conferences.count { $0.date >= yearBefore && $0.date < start }
            return AnnexA.Row(
                child: child.id, date: start,
                cells: child.opening + [
                    child.disability, .date(start), .text(AnnexA.Labels.yesNo(enquiry.icpcRequired.map { !$0 })),
                    .date(conference?.date),
                    .text(AnnexA.Labels.yesNo(conference.map { $0.outcome.rawValue == "plan" })),
                    .integer(earlierEnquiries), .integer(earlierConferences), child.team, child.worker,
                ])
        }
    }
}
