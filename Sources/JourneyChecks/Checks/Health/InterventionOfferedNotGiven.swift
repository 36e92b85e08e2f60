import JourneyCore

/// A substance misuse problem whose intervention was not received, without saying whether one was offered.
///
/// SSDA903 159: "If a child has been recorded as not receiving an intervention for their substance misuse problem,
/// then the additional item on whether an intervention was offered should be completed as well." (`SUBSTANCE_MISUSE`
/// 1, `INTERVENTION_RECEIVED` 0 and `INTERVENTION_OFFERED` blank.) Here each `substance-misuse.identified` by the
/// as-of date.
struct InterventionOfferedNotGiven: Check {
    var id: String { "intervention-offered-not-given" }
    var severity: Severity { .error }
    var rule: String? { "903 159" }
    var summary: String { "A substance misuse intervention is not received and whether one was offered is not given." }
    var judges: RecordFacts { [.substanceMisuse] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for s in child.record.substanceMisuse where s.date <= child.asOf {
            guard s.interventionReceived == false, s.interventionOffered == nil else { continue }
            findings.append(
                finding(
                    child, on: s.date, events: [child.event(of: s)],
                    "A substance misuse intervention was not received and whether one was offered is not given: "
                        + "record interventionOffered."))
        }
    }
}
