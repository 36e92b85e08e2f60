import JourneyCore
import JourneyLog
import JourneyProjections
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// What a record holds (`RecordFacts`), and the checks not called on a record that holds nothing they judge
/// (`Check.judges`): each must find nothing on a record with those lists emptied, and a run that leaves them out finds
/// what a run that calls every check finds.
@Suite("The kinds of fact a record holds, and the checks that judge them")
struct RecordFactsTests {
    /// A list of `ChildRecord`: its name, its flag, and how to empty it.
    struct Kind: Sendable {
        let name: String
        let flag: RecordFacts
        let empty: @Sendable (inout ChildRecord) -> Void

        init(_ name: String, _ flag: RecordFacts, empty: @escaping @Sendable (inout ChildRecord) -> Void) {
            self.name = name
            self.flag = flag
            self.empty = empty
        }
    }

    /// Every list of `ChildRecord`.
    static let kinds: [Kind] = [
        Kind("mergedFrom", .mergedFrom) { $0.mergedFrom = [] },
        Kind("disabilities", .disabilities) { $0.disabilities = [] },
        Kind("allocations", .allocations) { $0.allocations = [] },
        Kind("contacts", .contacts) { $0.contacts = [] },
        Kind("referrals", .referrals) { $0.referrals = [] },
        Kind("assessments", .assessments) { $0.assessments = [] },
        Kind("strategyDiscussions", .strategyDiscussions) { $0.strategyDiscussions = [] },
        Kind("s47Enquiries", .s47Enquiries) { $0.s47Enquiries = [] },
        Kind("conferences", .conferences) { $0.conferences = [] },
        Kind("cinPlans", .cinPlans) { $0.cinPlans = [] },
        Kind("cpPlans", .cpPlans) { $0.cpPlans = [] },
        Kind("earlyHelp", .earlyHelp) { $0.earlyHelp = [] },
        Kind("steps", .steps) { $0.steps = [] },
        Kind("periodsOfCare", .periodsOfCare) { $0.periodsOfCare = [] },
        Kind("placements", .placements) { $0.placements = [] },
        Kind("missingEpisodes", .missingEpisodes) { $0.missingEpisodes = [] },
        Kind("visits", .visits) { $0.visits = [] },
        Kind("adoptions", .adoptions) { $0.adoptions = [] },
        Kind("permanenceOrders", .permanenceOrders) { $0.permanenceOrders = [] },
        Kind("previousPermanence", .previousPermanence) { $0.previousPermanence = [] },
        Kind("careLeaverContacts", .careLeaverContacts) { $0.careLeaverContacts = [] },
        Kind("pathwayPlanReviews", .pathwayPlanReviews) { $0.pathwayPlanReviews = [] },
        Kind("personalAdvisers", .personalAdvisers) { $0.personalAdvisers = [] },
        Kind("healthAssessments", .healthAssessments) { $0.healthAssessments = [] },
        Kind("dentalChecks", .dentalChecks) { $0.dentalChecks = [] },
        Kind("immunisations", .immunisations) { $0.immunisations = [] },
        Kind("healthSurveillance", .healthSurveillance) { $0.healthSurveillance = [] },
        Kind("sdqs", .sdqs) { $0.sdqs = [] },
        Kind("convictions", .convictions) { $0.convictions = [] },
        Kind("substanceMisuse", .substanceMisuse) { $0.substanceMisuse = [] },
        Kind("deprivationOfLibertyOrders", .deprivationOfLibertyOrders) { $0.deprivationOfLibertyOrders = [] },
        Kind("motherhood", .motherhood) { $0.motherhood = [] },
        Kind("homePostcodes", .homePostcodes) { $0.homePostcodes = [] },
        Kind("workerChangeReasons", .workerChangeReasons) { $0.workerChangeReasons = [] },
    ]

    /// Every list of `ChildRecord`, by name, with its flag.
    static let flags = Dictionary(uniqueKeysWithValues: kinds.map { ($0.name, $0.flag) })

    /// `record` with every list of the kinds in `facts` emptied.
    static func emptying(_ facts: RecordFacts, of record: ChildRecord) -> ChildRecord {
        var r = record
        for kind in kinds where facts.contains(kind.flag) { kind.empty(&r) }
        return r
    }

    /// The lists of `record` and how many each holds, read by reflection, so that a list added to the record later
    /// is met here whether or not it was given a flag.
    static func lists(of record: ChildRecord) -> [(name: String, count: Int)] {
        Mirror(reflecting: record).children.compactMap { child in
            let value = Mirror(reflecting: child.value)
            guard let name = child.label, value.displayStyle == .collection else { return nil }
            return (name, value.children.count)
        }
    }

    static func state(_ events: [Event]) -> JourneyState {
        var state = JourneyState()
        for (i, e) in events.enumerated() { state.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e)) }
        return state
    }

    /// The built-in sample (the DfE's sample CIN census and SSDA903 returns imported, with the mistakes they hold),
    /// small councils with defects (corrections, retractions, merged records, dates out of order, care without
    /// placements) and random logs: records of every shape the checks meet.
    static func states() throws -> [JourneyState] {
        #expect(LiveChecksSavedTests.sample.count > 1_000)
        var states = [state(LiveChecksSavedTests.sample)]
        for (seed, rate) in [(UInt64(7), 0.1), (3, 0.3)] {
            let parameters = SynthParameters(
                children: 300, from: d("2021-04-01"), to: d("2025-03-31"), seed: seed, defectRate: rate)
            states.append(state(try SyntheticCouncil(parameters).events()))
        }
        for seed in UInt64(0)..<8 { states.append(state(randomLog(seed: seed, events: 400, children: 40))) }
        return states
    }

    static func records(of state: JourneyState) -> [ChildRecord] {
        state.reduceRecords(
            includingRecording: true, parts: 1, initial: { [ChildRecord]() }, add: { $0.append($1) },
            merge: { $0 += $1 })
    }

    @Test("Each list of a record has its own flag, set when the list holds anything")
    func everyListHasAFlag() throws {
        #expect(Set(Self.flags.values.map(\.rawValue)).count == Self.flags.count)
        #expect(!Self.flags.values.contains { $0.contains(.anyRecord) })
        var seen = RecordFacts()
        for state in try Self.states() {
            for record in Self.records(of: state) {
                let facts = RecordFacts(record)
                #expect(facts.contains(.anyRecord))
                let lists = Self.lists(of: record)
                for list in lists {
                    let flag = try #require(Self.flags[list.name], "\(list.name) has no flag")
                    #expect(facts.contains(flag) == (list.count > 0), "\(list.name)")
                    // Emptying a kind empties its list and no other: tried on the first record that holds it.
                    guard list.count > 0, !seen.contains(flag) else { continue }
                    seen.insert(flag)
                    for emptied in Self.lists(of: Self.emptying(flag, of: record)) {
                        let before = lists.first { $0.name == emptied.name }!.count
                        #expect(emptied.count == (emptied.name == list.name ? 0 : before), "\(list.name)")
                    }
                }
            }
        }
        // The flags were tried on records that hold the lists the checks name most.
        #expect(seen.isSuperset(of: [.referrals, .assessments, .periodsOfCare, .placements, .adoptions, .cpPlans]))
    }

    @Test("A check finds nothing on a record whose lists of the kinds it judges are all empty")
    func checksFindNothingWithoutWhatTheyJudge() throws {
        let checks = CheckCatalogue.all.filter { $0.judges != .everything }
        // Most of the catalogue names what it judges: the SSDA903 rules, care, permanence, plans and enquiries.
        #expect(checks.count > 150)
        var foundOnWholeRecords: Set<String> = []
        var foundOnEmptied: [String: Int] = [:]
        for state in try Self.states() {
            let records = Self.records(of: state)
            for day in ["2023-06-30", "2025-03-31", "2026-12-31"] {
                let context = CheckContext(asOf: d(day))
                for record in records {
                    let whole = ChildJourney(record, context: context)
                    for check in checks {
                        var findings: [Finding] = []
                        check.check(whole, into: &findings)
                        if !findings.isEmpty { foundOnWholeRecords.insert(check.id) }
                        findings = []
                        check.check(
                            ChildJourney(Self.emptying(check.judges, of: record), context: context), into: &findings)
                        if !findings.isEmpty { foundOnEmptied[check.id, default: 0] += findings.count }
                    }
                }
            }
        }
        #expect(foundOnEmptied.isEmpty, "found on records without what the check judges: \(foundOnEmptied)")
        // The records are not empty of findings to begin with: many of the checks find something on them whole.
        #expect(foundOnWholeRecords.count > 60, "\(foundOnWholeRecords.count)")
    }

    @Test("A run that calls only the checks a record's facts call for finds what calling every check finds")
    func runFindsWhatEveryCheckFinds() throws {
        let checks = CheckCatalogue.all
        for state in try Self.states() {
            for attribution in [CheckContext.TeamAttribution.asOf, .findingDate] {
                let context = CheckContext(asOf: d("2025-03-31"), teamAttribution: attribution)
                // Every check called on every record, one record after another, as one part would.
                var every: [Finding] = []
                var reading = DayReadingChecks()
                for record in Self.records(of: state) {
                    JourneyState.check(
                        record, with: checks, running: Array(checks.indices), context, into: &every,
                        dayReading: &reading)
                }
                let found = state.check(context, parts: 3).findings
                let expected = Finding.inReportOrder([every])
                // Compared whole; the message names the checks whose findings differ, not thousands of findings.
                let same = found == expected
                let differing = Set(found.map(\.check)).symmetricDifference(expected.map(\.check))
                #expect(same, "\(differing): \(found.count) findings against \(expected.count)")
            }
        }
    }
}
