import JourneyCore

/// An assessment giving factor 18A, which the CIN census replaced by 18B and 18C.
///
/// CIN 8945Q: "the assessment factors code '18A' should not be used ('18B' or '18C' should be used
/// instead)". The event format keeps 18A, for the returns of earlier years.
struct AssessmentFactor18A: Check {
    var id: String { "assessment-factor-18a" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8945Q" }
    var summary: String { "An assessment gives factor 18A, replaced by 18B and 18C." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findAssessments(givingFactor: "18A", replacedBy: "18B or 18C", child, into: &findings)
    }
}
