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

    @Test func nothingIsRecordedAfterTheExtract() throws {
        let parameters = Councils.parameters(children: 300, defectRate: 0.3)
        for event in try Councils.events(parameters) {
            #expect(event.occurred <= parameters.to)
            #expect(event.recorded!.localDate <= parameters.to)
        }
    }

    @Test func withNoHistoryTheLogBeginsOnFrom() throws {
        var parameters = Councils.parameters(children: 300, defectRate: 0.3)
        parameters.historyYears = 0
        for event in try Councils.events(parameters) {
            #expect(event.recorded!.localDate >= parameters.from && event.recorded!.localDate <= parameters.to)
        }
    }

    @Test func theLogOpensWithTheCasesOpenOnFromAndTheirHistory() throws {
        let parameters = Councils.parameters(children: 1_000, defectRate: 0)
        let from = parameters.from
        var childrenWithHistory = 0
        for (_, events) in Journeys(try Councils.events(parameters)).children {
            // Before `from`: who the child is, and the one involvement still open on `from` (with the one before it
            // when early help stepped up into it). Involvements over before `from` are not in the log.
            let history = events.filter {
                $0.recorded!.localDate < from && $0.type != .childRegistered && $0.type != .childUpdated
            }
            guard !history.isEmpty else { continue }
            childrenWithHistory += 1
            // A case closed before `from` is there only because it went on: in early help, or for a care leaver
            // (a personal adviser, pathway plan reviews, contacts to 21).
            let aftercare: Set<EventType> = [.careLeaverContacted, .pathwayPlanReviewed, .personalAdviserAllocated]
            for (i, event) in history.enumerated() where event.type == .caseClosed {
                let wentOn =
                    history[i...].contains { $0.type == .earlyHelpStarted }
                    || events.contains { aftercare.contains($0.type) && $0.occurred >= from }
                #expect(wentOn, "a case closed before the log began")
            }
            #expect(history.filter { $0.type == .contactReceived }.count <= 1, "two involvements before the log")
            #expect(events.contains { $0.occurred >= from }, "history of a case not open on the first day")
        }
        // A council running for years has open cases on the first day.
        #expect(childrenWithHistory > 50)
    }
}
