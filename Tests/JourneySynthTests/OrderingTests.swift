import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

/// Events come in recorded order, and corrections and retractions name earlier events of the same child.
struct OrderingTests {
    @Test func eventsAreInRecordedOrder() throws {
        let events = try Councils.events(Councils.parameters(children: 400, defectRate: 0.3))
        for (a, b) in zip(events, events.dropFirst()) {
            #expect(a.recorded! <= b.recorded!)
        }
    }

    @Test func eachChildsEventsAreNumberedInOrder() throws {
        let events = try Councils.events(Councils.parameters(children: 300, defectRate: 0.3))
        var last: [ChildID: Int] = [:]
        for event in events {
            let n = Int(event.id.rawValue.split(separator: "-").last!)!
            #expect(n == (last[event.child] ?? 0) + 1)
            last[event.child] = n
        }
    }

    @Test func correctionsAndRetractionsNameEarlierEventsOfTheSameChild() throws {
        let events = try Councils.events(Councils.parameters(children: 600, defectRate: 1))
        var seen: [EventID: Event] = [:]
        var corrections = 0
        var retractions = 0
        for event in events {
            if let target = event.corrects {
                let original = try #require(seen[target])
                #expect(original.child == event.child && original.type == event.type)
                #expect(original.recorded! < event.recorded!)
                corrections += 1
            }
            if case .eventRetracted(let target, _) = event.body {
                let original = try #require(seen[target])
                #expect(original.child == event.child)
                retractions += 1
            }
            seen[event.id] = event
        }
        #expect(corrections > 0 && retractions > 0)
    }

    @Test func nothingIsRecordedOutsideThePeriod() throws {
        let parameters = Councils.parameters(children: 300, defectRate: 0.3)
        for event in try Councils.events(parameters) {
            #expect(event.occurred <= parameters.to)
            #expect(event.recorded!.localDate >= parameters.from && event.recorded!.localDate <= parameters.to)
        }
    }
}
