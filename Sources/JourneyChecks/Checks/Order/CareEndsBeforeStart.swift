import JourneyCore

/// A period of care that ends before it starts.
///
/// SSDA903 episodes run from `DECOM` to `DEC`; a period ending before it starts has no days looked after and makes
/// every placement in it look outside it. SSDA903 356: "The date the episode ceased is before the date the same
/// episode started." (`DEC` before `DECOM`.) The return cuts a period into rows at each change, each ending where
/// the next begins; only a period ending before it starts makes a row ending before it starts.
struct CareEndsBeforeStart: Check {
    var id: String { "care-ends-before-start" }
    var severity: Severity { .error }
    var rule: String? { "903 356" }
    var summary: String { "A period of care ends before the date it started." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findEndsBeforeStart(
            child, child.record.periodsOfCare, start: { $0.start }, end: { $0.end },
            events: { [child.end(of: $0), child.start(of: $0)] },
            spell: "Period of care", into: &findings)
    }
}
