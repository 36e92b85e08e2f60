import JourneyCore

/// A period of care that starts on or after the child's 18th birthday.
///
/// SSDA903 352: "Child who started to be looked after was aged 18 or over." (`RNE` `S` and `DECOM >= DOB + 18
/// years`.) Here, the start of every period of care. A period whose start is not in its return (its first row has
/// an `RNE` other than `S`, and the import starts it there) is judged too, where the validator judges only `S` rows.
/// A child with no birth date is not judged.
struct StartedCareAgedEighteenOrOver: Check {
    var id: String { "started-care-aged-18-or-over" }
    var severity: Severity { .error }
    var rule: String? { "903 352" }
    var summary: String { "A period of care starts on or after the child's 18th birthday." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.periodsOfCare.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: 18)
        for period in child.record.periodsOfCare {
            guard let start = period.start, start <= child.asOf, start >= birthday else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: period), child.birthDateEvent],
                    "A period of care starts on or after the child's 18th birthday: a young person of 18 is not "
                        + "looked after; correct the start date or the birth date, or remove the period."))
        }
    }
}
