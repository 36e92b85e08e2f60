import JourneyCore

/// An assessment whose factors give 21 (no factors identified) together with other factors.
///
/// CIN 8869: "The assessment factors code “21” cannot be used in conjunction with any other assessment factors."
/// The event format takes 21 beside other codes in one list.
struct NoFactorsWithOtherFactors: Check {
    var id: String { "no-factors-with-other-factors" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8869" }
    var summary: String { "An assessment's factors give 21 (no factors identified) with other factors." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for a in child.record.assessments {
            guard let factors = a.factors, let completed = a.completed, factors.count > 1,
                factors.contains(where: { $0.rawValue == "21" })
            else { continue }
            findings.append(
                finding(
                    child, on: completed, events: [child.completion(of: a), a.position],
                    "Assessment authorised \(completed) gives factor 21 (no factors identified) with "
                        + factors.filter { $0.rawValue != "21" }.map(\.rawValue).joined(separator: ", ")
                        + ": correct the factors, giving 21 only when no factor was identified."))
        }
    }
}
