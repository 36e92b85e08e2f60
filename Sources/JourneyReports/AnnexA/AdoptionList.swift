import JourneyCore
import JourneyProjections

/// List 10: every child with a decision that they should be placed for adoption whose adoption is open on the date
/// (no order, no reversal of the decision) or ended in the window (by an order, or the reversal), a row each.
///
/// - "Date the Child Entered Care": the start of the period of care the decision was made in (or the latest
///   started before it).
/// - "Date the child was placed for fostering in FFA or concurrent planning placement": the earliest fostering for
///   adoption placement (`U2`, `U5`) in that period, on or before the date.
/// - "Family identifier" (which links brothers and sisters placed together) is not in the log: left blank.
enum AdoptionList {
    static let name = "Adoption"

    static let note = "the family identifier is not in the log: left blank"

    static func headings(_ sex: String) -> [String] {
        [
            "Child Unique ID", "Family identifier", sex, "Ethnicity", "Date of Birth", "Age of Child (Years)",
            "Does the Child have a Disability", "Date the Child Entered Care",
            "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order",
            "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption", "Date of Adoption Order",
            "Date of Decision that Child Should No Longer be Placed for Adoption",
            "Reason Why Child No Longer Placed for Adoption",
            "Date the child was placed for fostering in FFA or concurrent planning placement",
        ]
    }

    static func rows(_ record: ChildRecord, _ child: AnnexA.ChildColumns, _ window: AnnexA.Window) -> [AnnexA.Row] {
        let asOf = window.asOf
        return record.adoptions.compactMap { adoption in
            guard let decided = adoption.decided?.date else { return nil }
            let order = window.known(adoption.orderGranted?.date)
            let reversed = window.known(adoption.reversed?.date)
            let ended = [order, reversed].compactMap { $0 }.min()
            guard window.isOpenInWindow(start: decided, end: ended) else { return nil }
            let care =
                record.periodOfCare(on: decided)
                ?? record.periodsOfCare.filter { ($0.start.map { $0 <= decided }) ?? false }
                .max { ($0.start!, $0.position) < ($1.start!, $1.position) }
            let fostering = record.placements.filter { p in
                (p.placementType.rawValue == "U2" || p.placementType.rawValue == "U5") && p.start <= asOf
                    && p.period == care?.key
            }.map(\.start).min()
            return AnnexA.Row(
                child: child.id, date: decided,
                cells: [
                    .text(child.id), .empty, child.sex, child.ethnicity, child.birthDate, child.age, child.disability,
                    .date(care?.start), .date(decided), .date(window.known(adoption.placementOrderGranted?.date)),
                    .date(window.known(adoption.matched?.date)), .date(window.known(adoption.placed?.date)),
                    .date(order), .date(reversed),
                    .text(reversed == nil ? nil : AnnexA.Labels.reversal(adoption.reversalReason)), .date(fostering),
                ])
        }
    }
}
