import JourneyCore

/// A period of care ended as adopted (`E11`, `E12`) with no adoption whose decision and match are recorded.
///
/// A child adopted from care has the SSDA903's AD1 facts: the date of the decision (`DATE_INT`), the date of the
/// match and the adopters (`DATE_MATCH`, `NB_ADOPTR`, `SEX_ADOPTR`, `LS_ADOPTR`, `FOSTER_CARE`), which this format
/// records as `adoption.decided` and `adoption.matched`. SSDA903 601: "The additional fields relating to adoption
/// have not been completed although the episode data shows that the child was adopted during the year". A warning:
/// the adoption may be right and only its earlier steps missing from the log, which starts part-way through some
/// children's histories.
struct AdoptedWithoutMatch: Check {
    var id: String { "adopted-without-match" }
    var severity: Severity { .warning }
    var rule: String? { "903 601" }
    var summary: String {
        "A period of care ended as adopted (E11, E12), but no adoption with its decision and match is recorded."
    }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard !record.adoptions.contains(where: { $0.decided != nil && $0.matched != nil }) else { return }
        for p in record.periodsOfCare {
            guard let end = p.end, let reason = p.endReason, reason.isAdoption else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p)],
                    "Period of care ended \(end) with reason \(reason) (adopted), but no adoption with a decision to "
                        + "place for adoption and a match with adopters is recorded: record them (the 903's AD1), or "
                        + "correct the reason care ended."))
        }
    }
}
