import JourneyCore

/// A substance misuse problem whose intervention was received, with whether one was offered also given.
///
/// SSDA903 158: "If a child has been recorded as receiving an intervention for their substance misuse problem, then
/// the additional item on whether an intervention was offered should be left blank." (`INTERVENTION_RECEIVED` 1
/// and `INTERVENTION_OFFERED` given.) Here each `substance-misuse.identified` by the as-of date.
struct InterventionOfferedWhenReceived: Check {
    var id: String { "intervention-offered-when-received" }
    var severity: Severity { .error }
    var rule: String? { "903 158" }
    var summary: String { "A substance misuse intervention is received and whether one was offered is also given." }
    var judges: RecordFacts { [.substanceMisuse] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for s in child.record.substanceMisuse where s.date <= child.asOf {
            guard s.interventionReceived == true, s.interventionOffered != nil else { continue }
            findings.append(
                finding(
                    child, on: s.date, events: [child.event(of: s)],
                    "A substance misuse intervention was received and whether one was offered is also given: leave "
                        + "interventionOffered out when the intervention was received."))
        }
    }
}
