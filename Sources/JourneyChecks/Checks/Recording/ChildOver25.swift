import JourneyCore

/// A child over 25 on the as-of date with an episode of need open after their 25th birthday.
///
/// CIN 8775Q: "Please check and either amend data or provide a reason: Child is over 25 years old" (the validator:
/// a `PersonBirthDate` more than 25 years before the `ReferenceDate`, with a `CINdetails` that has no
/// `CINclosureDate` or one after the 25th birthday). Children's services end at 18, or 25 for a care leaver or a
/// disabled young person; an older "child" is usually a wrong birth date. Judged on the as-of date as the census
/// judges on its reference date; the stream sees every episode of the child, the census those of its year. The
/// finding is dated on the episode's referral, not the birthday, so that it does not give the birth date away.
struct ChildOver25: Check {
    var id: String { "child-over-25" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8775Q" }
    var summary: String { "A child over 25 has an episode of need open after their 25th birthday." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let birth = child.record.birthDate else { return }
        let twentyFifth = birth.adding(years: 25)
        // The episode first: a child with none open after the 25th birthday is never judged, and the birthday is not
        // noted as a day its findings change (`AsOfDate`).
        guard let episode = child.record.referrals.first(where: { r in r.closed.map { $0 > twentyFifth } ?? true }),
            twentyFifth < child.asOf
        else { return }
        findings.append(
            finding(
                child, on: episode.date, events: [child.birthDateEvent, episode.position],
                "Child was over 25 on \(child.asOf), with the episode of need referred \(episode.date) "
                    + "\(episode.closed.map { "closed \($0), after" } ?? "still open after") their 25th birthday: "
                    + "correct the date of birth, or close the episode."))
    }
}
