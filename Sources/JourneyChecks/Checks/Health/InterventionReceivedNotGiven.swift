import JourneyCore

/// A substance misuse problem recorded without saying whether an intervention was received.
///
/// SSDA903 192: "Child has been identified as having a substance misuse problem but the additional item on whether an
/// intervention was received has been left blank." (`SUBSTANCE_MISUSE` 1 and `INTERVENTION_RECEIVED` blank.) The
/// item is optional at append. Here each `substance-misuse.identified` by the as-of date.
struct InterventionReceivedNotGiven: Check {
    var id: String { "intervention-received-not-given" }
    var severity: Severity { .error }
    var rule: String? { "903 192" }
    var summary: String { "A substance misuse problem is recorded without whether an intervention was received." }
    var judges: RecordFacts { [.substanceMisuse] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for s in child.record.substanceMisuse where s.date <= child.asOf && s.interventionReceived == nil {
            findings.append(
                finding(
                    child, on: s.date, events: [child.event(of: s)],
                    "A substance misuse problem is recorded without whether an intervention was received: record "
                        + "interventionReceived."))
        }
    }
}
