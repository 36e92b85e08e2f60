import JourneyCore

/// An assessment giving factor 19A, which the CIN census replaced by 19B and 19C.
///
/// CIN 8950Q: "the assessment factors code '19A' should not be used ('19B' or '19C' should be used
/// instead)". The event format keeps 19A, for the returns of earlier years.
struct AssessmentFactor19A: Check {
    var id: String { "assessment-factor-19a" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8950Q" }
    var summary: String { "An assessment gives factor 19A, replaced by 19B and 19C." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findAssessments(givingFactor: "19A", replacedBy: "19B or 19C", child, into: &findings)
    }
}
