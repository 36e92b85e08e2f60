import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

/// Care leavers' personal advisers and deaths, over a clean council large enough to have both (20,000 children
/// over five years: about 550 adviser allocations and ten deaths with seed 7).
@Suite("Care leavers")
struct CareLeaverTests {
    static func journeys() throws -> Journeys {
        Journeys(
            try Councils.events(
                Councils.parameters(children: 20_000, from: "2020-04-01", to: "2025-03-31", defectRate: 0)))
    }

    /// A personal adviser is allocated from 16, most while the young person is still looked after (an eligible
    /// child), never before the 16th birthday.
    @Test func personalAdvisersFromSixteenWhileLookedAfter() throws {
        var allocations = 0
        var inCare = 0
        for (_, events) in try Self.journeys().children {
            let born = events.compactMap { e -> CalendarDate? in
                if case .childRegistered(let details) = e.body { return details.birthDate }
                if case .childUpdated(let details) = e.body { return details.birthDate }
                return nil
            }.last
            var open: Set<PeriodID> = []
            for e in events {
                switch e.body {
                case .careStarted(let started): open.insert(started.period)
                case .careEnded(let period, _): open.remove(period)
                case .personalAdviserAllocated:
                    allocations += 1
                    if !open.isEmpty { inCare += 1 }
                    let sixteenth = try #require(born).adding(years: 16)
                    #expect(e.occurred >= sixteenth, "an adviser before 16")
                default: break
                }
            }
        }
        #expect(allocations > 100)
        // Most care leavers were looked after at 16 for 13 weeks before leaving: their adviser comes in care.
        #expect(inCare * 2 > allocations)
    }

    /// Each young person whose contact says they died (`DIED`) has their death recorded on or before the first such
    /// contact, and nothing but those contacts comes after it.
    @Test func aDeathIsRecordedBeforeTheContactThatSaysSo() throws {
        var deaths = 0
        for (_, events) in try Self.journeys().children {
            let isDiedContact = { (e: Event) -> Bool in
                if case .careLeaverContacted(let c) = e.body { return c.inTouch.rawValue == "DIED" }
                return false
            }
            let died = events.filter { $0.type == .childDied }
            let firstDiedContact = events.first(where: isDiedContact)
            #expect(died.count <= 1)
            #expect((died.first == nil) == (firstDiedContact == nil), "a DIED contact and a death go together")
            guard let death = died.first, let contact = firstDiedContact else { continue }
            deaths += 1
            #expect(death.occurred <= contact.occurred)
            #expect(events.allSatisfy { $0.occurred <= death.occurred || isDiedContact($0) })
        }
        #expect(deaths > 0)
    }
}
