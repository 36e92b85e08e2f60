import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

/// The same arguments give the same bytes; another seed gives another council.
struct DeterminismTests {
    @Test func theSameSeedGivesTheSameBytes() throws {
        let parameters = Councils.parameters(children: 250, defectRate: 0.1)
        let first = try Councils.jsonLines(parameters)
        let second = try Councils.jsonLines(parameters)
        #expect(first.bytes == second.bytes)
        #expect(first.summary == second.summary)
    }

    @Test func anotherSeedGivesAnotherCouncil() throws {
        let a = try Councils.jsonLines(Councils.parameters(children: 250, seed: 1)).bytes
        let b = try Councils.jsonLines(Councils.parameters(children: 250, seed: 2)).bytes
        #expect(a != b)
        #expect(!a.isEmpty && !b.isEmpty)
    }

    @Test func theCleanCouncilIsTheSameJourneysWithoutDefects() throws {
        // Defects are drawn after a child's journey, so switching them off changes no journey: the clean council's
        // child registrations are the defective council's, less the duplicate records.
        let clean = try Councils.events(Councils.parameters(children: 200, defectRate: 0))
        let defective = try Councils.events(Councils.parameters(children: 200, defectRate: 0.5))
        let registrations = { (events: [Event]) in
            events.filter { $0.type == .childRegistered && $0.child.rawValue.hasPrefix("C") }.map(\.canonicalJSONString)
        }
        #expect(registrations(clean) == registrations(defective))
    }
}
