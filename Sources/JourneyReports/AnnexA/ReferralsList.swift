import JourneyCore
import JourneyProjections

/// List 3: every referral received in the window, NFA referrals included, a row each.
///
/// "Number of Referrals in Last 12 Months" counts the child's referrals in the 12 months before this one, by the
/// look-back of the `re-referrals` metric (`ChildRecord.referralsInTwelveMonths(before:)`): 0 for a first referral,
/// 1 or more for a re-referral.
enum ReferralsList {
    static let name = "Referrals"

    static func headings(_ sex: String) -> [String] {
        AnnexA.ChildColumns.openingHeadings(sex) + [
            "Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months",
            "Allocated Team", "Allocated Worker",
        ]
    }

    static func rows(_ record: ChildRecord, _ child: AnnexA.ChildColumns, _ window: AnnexA.Window) -> [AnnexA.Row] {
        record.referrals.filter { window.contains($0.date) }.map { referral in
            AnnexA.Row(
                child: child.id, date: referral.date,
                cells: child.opening + [
                    .date(referral.date), .text(AnnexA.Labels.source(referral.source)),
                    .text(AnnexA.Labels.yesNo(referral.isNFA)),
                    .integer(record.referralsInTwelveMonths(before: referral.date)), child.team, child.worker,
                ])
        }
    }
}
