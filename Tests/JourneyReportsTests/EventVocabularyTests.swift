import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyReports
import JourneyTestSupport
import Testing

/// An event type is added in one place, Core's (`EventType`, `EventBody`, `EventBody+Fields.swift`); these tests fail
/// until every part of the package that reads or tells events knows it: the JSON reader and writer, the stored
/// binary form, the replay and the chronology's words. The generator's own test is `LineTests` (JourneySynthTests),
/// which does not compile until the generator makes the type or says that it does not.
@Suite("Every event type, known to every part")
struct EventVocabularyTests {
    /// What a chronology shows of an event of each type. A switch over the types, so that one added does not compile
    /// here until someone says how the chronology tells it.
    enum Shown {
        /// An entry in the event's own words.
        case entry
        /// The record it merges, among the record's merged records.
        case merge
        /// The entry of the event it retracts, gone.
        case retraction
    }

    static func shown(_ type: EventType) -> Shown {
        switch type {
        case .childMerged: .merge
        case .eventRetracted: .retraction
        case .childRegistered, .childUpdated, .childDied, .contactReceived, .referralReceived, .caseClosed,
            .assessmentStarted, .assessmentCompleted, .strategyHeld, .s47Started, .s47Completed, .icpcHeld,
            .cinPlanStarted, .cinPlanReviewed, .cinPlanEnded, .cpPlanStarted, .cpPlanCategoryChanged,
            .cpPlanReviewed, .cpPlanEnded, .earlyHelpStarted, .earlyHelpEnded, .steppedUp, .steppedDown,
            .careStarted, .legalStatusChanged, .placementStarted, .placementEnded, .careEnded, .careReviewed,
            .missingStarted, .missingEnded, .visitMade, .workerAllocated, .adoptionDecided, .placementOrderGranted,
            .adoptionMatched, .adoptionPlaced, .adoptionPlacementEnded, .adoptionDecisionReversed,
            .adoptionOrderGranted, .permanenceOrderGranted, .previousPermanenceRecorded, .careLeaverContacted,
            .pathwayPlanReviewed, .personalAdviserAllocated, .healthAssessmentCompleted, .dentalCheckCompleted,
            .immunisationsRecorded, .healthSurveillanceRecorded, .sdqRecorded, .convictionRecorded,
            .substanceMisuseIdentified, .deprivationOfLibertyStarted, .deprivationOfLibertyEnded, .motherhoodRecorded,
            .homePostcodeRecorded, .workerChangeRecorded:
            .entry
        }
    }

    static func sample(_ type: EventType) -> Event? {
        SampleEvents.everyType.first { $0.type == type }
    }

    @Test(arguments: EventType.allCases)
    func theFormatReadsWhatItWrites(type: EventType) throws {
        let event = try #require(Self.sample(type), "SampleEvents has no \(type) event")
        #expect(EventType(name: type.name) == type)
        // JSON Lines: the canonical line names the type and reads back as the same event.
        let line = event.canonicalJSONString
        #expect(line.contains(#""type":"\#(type.name)""#))
        #expect(try Event.parse(jsonLine: line).get() == event)
        // The stored binary form.
        var writer = BinaryWriter()
        event.write(binary: &writer)
        let stored = try writer.bytes.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            let e = try Event.read(binary: &reader)
            #expect(reader.isAtEnd)
            return e
        }
        #expect(stored == event)
    }

    /// The replay folds the event (it stops at a type it cannot read), and the chronology of the child tells it.
    @Test(arguments: EventType.allCases)
    func theReplayAndTheChronologyTellIt(type: EventType) throws {
        let event = try #require(Self.sample(type), "SampleEvents has no \(type) event")
        // A child with a registration and a contact, then the event: a retraction retracts the registration.
        let registration = try #require(Self.sample(.childRegistered))
        let contact = try #require(Self.sample(.contactReceived))
        var events = [registration, contact]
        if !events.contains(event) { events.append(event) }
        var state = JourneyState()
        for (i, e) in events.enumerated() {
            state.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e))
        }
        #expect(state.eventCount == UInt64(events.count))
        let byPosition = Dictionary(uniqueKeysWithValues: events.enumerated().map { (UInt64($0 + 1), $1) })

        let recordID = try #require(state.recordID(containing: event.child, asKnownAt: nil))
        let record = try #require(state.record(of: recordID, asKnownAt: nil, includingRecording: true))
        let chronology = Chronology(record, events: byPosition)
        let texts = chronology.entries.map(\.text)
        #expect(!event.plainWords.isEmpty)
        switch Self.shown(type) {
        case .entry:
            #expect(texts.contains(event.plainWords), "\(texts)")
        case .merge:
            #expect(chronology.mergedFrom == [event.child])
        case .retraction:
            #expect(!texts.contains(registration.plainWords), "\(texts)")
            #expect(texts.contains(contact.plainWords), "\(texts)")
        }
    }

    /// Each type has words of its own: a type added by copying another's words would read as that one.
    @Test func everyTypeHasWordsOfItsOwn() {
        let words = EventType.allCases.compactMap { Self.sample($0)?.plainWords }
        #expect(words.count == EventType.allCases.count)
        #expect(Set(words).count == words.count)
    }
}
