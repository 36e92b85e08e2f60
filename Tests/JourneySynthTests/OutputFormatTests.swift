import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

/// The output is the interchange format exactly: every line parses, and is the canonical JSON of its event.
struct OutputFormatTests {
    @Test func everyLineParsesAndIsCanonical() throws {
        let (bytes, summary) = try Councils.jsonLines(Councils.parameters(children: 400, defectRate: 0.3))
        let lines = Councils.lines(bytes)
        #expect(lines.count == summary.events)
        #expect(summary.events > 1_000)
        for line in lines {
            let event = try Event.parse(jsonLine: line).get()
            #expect(event.canonicalJSONString == line)
            #expect(event.recorded != nil)
            #expect(event.source == "synth")
        }
    }

    /// Every type, the permanence, leaving care and health types among them (the steps of adoption made common enough
    /// that 2,500 children take every one). A care leaver's death is rare (a few in a hundred care leavers, over
    /// their contacts from 17 to 21): seed 7's 2,500 children have one, and `CareLeaverTests` holds deaths on a
    /// larger council. Another rare one is a deprivation of liberty order (2% of children of 12 or more in care for
    /// over 120 days): 1,500 children of seed 7 took one by chance, and none once the clean council's returns passed
    /// the DfE's validators (the draws changed); 2,500 take two.
    @Test func everyEventTypeAppears() throws {
        let (_, summary) = try Councils.jsonLines(
            Councils.parameters(children: 2_500, defectRate: 0.2, targets: Councils.manyAdoptions))
        let missing = EventType.allCases.filter { summary.eventsByType[$0] == nil }
        #expect(missing == [])
    }

    @Test func theEventStreamMatchesTheLines() throws {
        let parameters = Councils.parameters(children: 150, defectRate: 0.5)
        let (bytes, _) = try Councils.jsonLines(parameters)
        let events = try SyntheticCouncil(parameters).events()
        #expect(events.map { $0.canonicalJSONString } == Councils.lines(bytes))
    }

    @Test func chunkSizeDoesNotChangeTheBytes() throws {
        let parameters = Councils.parameters(children: 100)
        #expect(
            try Councils.jsonLines(parameters, chunkSize: 4_096).bytes
                == Councils.jsonLines(parameters, chunkSize: 1 << 20).bytes)
    }

    @Test func idsAreUniqueAndNamed() throws {
        let events = try Councils.events(Councils.parameters(children: 300, defectRate: 0.3))
        #expect(Set(events.map(\.id)).count == events.count)
        for event in events {
            #expect(event.id.rawValue.hasPrefix("s7-\(event.child.rawValue)-"))
        }
    }

    @Test func distancesAreWrittenAsJSONWritesThem() {
        // The line writer spells distances out; JSONWriter writes a Double's shortest form.
        for tenths in 0...20_000 {
            var json = JSONWriter()
            json.double(Double(tenths) / 10)
            let expected = String(decoding: json.bytes, as: UTF8.self)
            let written = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
            if written != expected {
                Issue.record("\(tenths) tenths: \(written) ≠ \(expected)")
                return
            }
        }
    }
}
