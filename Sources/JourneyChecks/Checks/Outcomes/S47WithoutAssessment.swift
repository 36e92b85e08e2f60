import JourneyCore
import JourneyProjections

/// An episode of need with a section 47 enquiry but no assessment.
///
/// CIN 2991Q: "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is
/// no assessment on the episode". An enquiry is part of an assessment of the child's needs (Working Together): one
/// with no assessment in its episode usually means the assessment was recorded on another referral, or not at all.
/// One finding per episode, on its first enquiry. The census sees the episode's assessments of its year only; the
/// stream sees all of them, so an assessment in an earlier year of a long episode keeps the rule here.
struct S47WithoutAssessment: Check {
    var id: String { "s47-without-assessment" }
    var severity: Severity { .query }
    var rule: String? { "CIN 2991Q" }
    var summary: String { "An episode of need has a section 47 enquiry but no assessment." }
    var judges: RecordFacts { [.s47Enquiries] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard !record.s47Enquiries.isEmpty else { return }
        // By episode, once: a record may hold thousands of referrals.
        // The episodes assessed: read from a child's handful of assessments, not a set made for every child.
        var assessed = FactKeys()
        var firstEnquiry: [UInt64: ChildRecord.S47Enquiry] = [:]
        for s in record.s47Enquiries
        where s.started != nil && !assessed.contain(s.referral, among: record.assessments, key: { $0.referral }) {
            if let f = firstEnquiry[s.referral], (f.started!, f.position) <= (s.started!, s.position) { continue }
            firstEnquiry[s.referral] = s
        }
        guard !firstEnquiry.isEmpty else { return }
        for r in record.referrals {
            guard let first = firstEnquiry[r.key] else { continue }
            findings.append(
                finding(
                    child, on: first.started!, events: [child.start(of: first), r.position],
                    "Section 47 enquiry started \(first.started!) in the episode referred \(r.date), which has no "
                        + "assessment: record the assessment, or link the enquiry or the assessment to the referral "
                        + "it belongs to."))
        }
    }
}
