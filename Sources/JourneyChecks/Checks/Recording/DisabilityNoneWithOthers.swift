import JourneyCore

/// A child whose disabilities are NONE together with other codes.
///
/// CIN 8790: "Disability information includes both None and other values". The event format takes NONE beside
/// other codes in one list.
struct DisabilityNoneWithOthers: Check {
    var id: String { "disability-none-with-others" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8790" }
    var summary: String { "The child's disabilities hold NONE together with other codes." }
    var judges: RecordFacts { [.disabilities] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let disabilities = child.record.disabilities
        guard disabilities.count > 1, disabilities.contains(where: { $0.rawValue == "NONE" }) else { return }
        addDetailsFinding(
            child,
            "Child's disabilities hold NONE together with "
                + disabilities.filter { $0.rawValue != "NONE" }.map(\.rawValue).joined(separator: ", ")
                + ": record the disabilities again with child.updated, without NONE, or with NONE alone.",
            into: &findings)
    }
}
