import JourneyCore

/// A child whose recorded death is before the census year, with an episode of need open in it.
///
/// CIN 8545Q: "Child's date of death should be within the census year" (a `PersonDeathDate` before the census
/// year's start, or after its end). A child who died before the year is in the year's return only through an
/// episode still open in it: the episode should have been closed (RC2, died) or the date of death is wrong. A death
/// after the as-of date is not judged: the return as at that date does not know it. The census year is the year
/// ending on the as-of date.
struct DiedBeforeCensusYear: Check {
    var id: String { "died-before-census-year" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8545Q" }
    var summary: String { "The child died before the census year, but an episode of need is open in it." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let start = child.censusYearStart
        guard let died = child.record.diedOn, died < start,
            let open = child.record.referrals.first(where: { child.isReturned($0) })
        else { return }
        findings.append(
            finding(
                child, on: died, events: [child.deathEvent, open.position],
                "Child's recorded death on \(died) is before the census year starting \(start), but the "
                    + "\(open.isNFA ? "referral" : "episode") of \(open.date) is in it: close the episode on the date "
                    + "of death (RC2), or correct the date of death."))
    }
}
