import JourneyCore
import JourneyLog
import JourneyProjections
import JourneySynth
import JourneyTestSupport

/// A hand-built log as the engine and the reports see it: the folded state, and the raw events by position.
struct HandLog {
    var events: [Event]

    init(_ builder: EventBuilder, by: [EventID: String] = [:]) {
        events = builder.events.map { e in
            var e = e
            e.by = by[e.id]
            return e
        }
    }

    var state: JourneyState {
        var s = JourneyState()
        for (i, e) in events.enumerated() { s.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e)) }
        return s
    }

    var byPosition: [UInt64: Event] {
        Dictionary(uniqueKeysWithValues: events.enumerated().map { (UInt64($0.offset + 1), $0.element) })
    }

    func record(_ child: String, asKnownAt: String? = nil) -> ChildRecord? {
        state.record(of: ChildID(child), asKnownAt: asKnownAt.map { t($0) }, includingRecording: true)
    }
}

/// The folded state of a synthetic council of `children` children from `from` to 31 March 2025 with 5% defects: with
/// corrections, retractions and merged duplicate records, for tests that compare a report drawn on all cores with
/// the same report drawn a record at a time.
func councilWithDefects(children: Int, from: String, seed: UInt64) throws -> JourneyState {
    let events = try SyntheticCouncil(
        SynthParameters(children: children, from: d(from), to: d("2025-03-31"), seed: seed, defectRate: 0.05)
    ).events()
    precondition(events.contains { $0.type == .childMerged } && events.contains { $0.corrects != nil })
    var state = JourneyState()
    for e in storedEvents(events) { state.apply(e) }
    return state
}

extension EventBuilder {
    mutating func registered(_ child: String, born: String, on date: String, sex: String = "F") {
        add(
            child, date,
            .childRegistered(ChildDetails(birthDate: d(born), sex: Sex(sex)!, ethnicity: Ethnicity("WBRI")!)))
    }

    mutating func referral(_ child: String, _ date: String, _ id: String = "R1", source: String = "6") {
        add(
            child, date,
            .referralReceived(
                ReferralReceived(
                    referral: ReferralID(id), source: ReferralSource(source)!, primaryNeed: PrimaryNeed("N1"))))
    }

    mutating func cpPlan(
        _ child: String, _ id: String, start: String, end: String? = nil, category: String = "NEG",
        referral: String = "R1", previous: Int? = nil
    ) {
        add(
            child, start,
            .cpPlanStarted(
                CPPlanStarted(
                    plan: PlanID(id), referral: ReferralID(referral), category: AbuseCategory(category)!,
                    previousPlans: previous)))
        if let end { add(child, end, .cpPlanEnded(plan: PlanID(id))) }
    }
}
