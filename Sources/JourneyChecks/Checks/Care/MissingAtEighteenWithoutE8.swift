import JourneyCore

/// Care that ends on the 18th birthday, the day a missing episode ended, for a reason other than `E8`.
///
/// SSDA903 580: "Child is missing when cease being looked after but reason episode ceased not 'E8'." The validator
/// flags an episode whose `DEC` is both the child's 18th birthday and a missing episode's `MIS_END` (a child missing
/// when they turned 18, the missing period closed by their leaving care), unless its `REC` is `E8` (ceased for any
/// other reason); an `X1` row ending that day is flagged too. Here the rows read back from the periods
/// (`CareEpisode`) that end on that day. A child with no birth date is not judged.
struct MissingAtEighteenWithoutE8: Check {
    var id: String { "missing-at-18-without-e8" }
    var severity: Severity { .error }
    var rule: String? { "903 580" }
    var summary: String { "Care ends on the 18th birthday while the child is missing, for a reason other than E8." }
    var judges: RecordFacts { [.missingEpisodes] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.missingEpisodes.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: 18)
        // The missing episode first: a child with none ending on the birthday is never judged, and its birthday is
        // not noted as a day its findings change (`AsOfDate`).
        guard let missing = child.record.missingEpisodes.first(where: { $0.end == birthday }),
            birthday <= child.asOf
        else { return }
        for row in child.careEpisodes where row.end == birthday {
            if row.endsPeriod && row.period.endReason?.rawValue == "E8" { continue }
            findings.append(
                finding(
                    child, on: birthday,
                    events: [row.endsPeriod ? child.end(of: row.period) : nil, child.end(of: missing)],
                    "Care ends on the 18th birthday while the child is missing, for a reason other than E8: record "
                        + "the end of care with E8 (ceased for any other reason)."))
        }
    }
}
