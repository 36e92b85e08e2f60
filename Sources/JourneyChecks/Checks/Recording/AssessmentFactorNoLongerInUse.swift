import JourneyCore

extension Check {
    /// Adds a finding for each assessment authorised with `factor`, a factor code the CIN census has replaced by
    /// `replacements` (CIN 8945Q for 18A, 8950Q for 19A): the assessment's authorisation and its start, and the codes
    /// to record instead.
    func findAssessments(
        givingFactor factor: String, replacedBy replacements: String, _ child: ChildJourney,
        into findings: inout [Finding]
    ) {
        for a in child.record.assessments {
            guard let completed = a.completed, a.factors?.contains(where: { $0.rawValue == factor }) == true else {
                continue
            }
            findings.append(
                finding(
                    child, on: completed, events: [child.completion(of: a), a.position],
                    "Assessment authorised \(completed) gives factor \(factor), no longer in use: record "
                        + "\(replacements) instead."))
        }
    }
}
