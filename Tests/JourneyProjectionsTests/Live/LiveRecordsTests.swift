import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

/// Which records an update of live records builds, and how it tells them apart.
struct LiveRecordsTests {
    /// Ids folded, with whether the events changed each record.
    static let ids = RecordFold<[(ChildID, Bool)]>(
        initial: { [] }, add: { ids, record, changedByEvents in ids.append((record.id, changedByEvents)) },
        merge: { $0 += $1 })

    /// The tiny council but its last event (C1's second CP plan), then that event: the update takes C1 out as it
    /// stood and puts it back as it stands. C2, named for judging again only, is the same as it stood and as it
    /// stands: it is put back, told so, and not taken out; C1, named too, is still a record the events changed.
    @Test func aRecordOnlyJudgedAgainIsToldApart() {
        let events = tinyCouncil.events
        var state = JourneyState()
        for e in storedEvents(Array(events.dropLast())) { state.apply(e) }
        var records = LiveRecords(state)
        records.apply(storedEvents([events.last!], from: events.count - 1))
        var removed: [(ChildID, Bool)] = []
        let (taken, added) = records.update(
            remaking: [ChildID("C2"), ChildID("C1")], removing: { removed.append(($0, $1)) }, taking: Self.ids,
            adding: Self.ids)
        #expect(removed.map(\.0) == [ChildID("C1"), ChildID("C2")])
        #expect(removed.map(\.1) == [true, false])
        #expect(taken.value.map(\.0) == [ChildID("C1")])
        #expect(taken.records == 1)
        #expect(added.value.map(\.0) == [ChildID("C1"), ChildID("C2")])
        #expect(added.value.map(\.1) == [true, false])
        #expect(added.records == 2)
    }

    /// With nothing named, every record an update builds is one the events changed.
    @Test func withNothingNamedEveryRecordChanged() {
        let events = tinyCouncil.events
        var state = JourneyState()
        for e in storedEvents(Array(events.dropLast(4))) { state.apply(e) }
        var records = LiveRecords(state)
        records.apply(storedEvents(Array(events.suffix(4)), from: events.count - 4))
        let (taken, added) = records.update(taking: Self.ids, adding: Self.ids)
        // The last four events are C2's assessment completed and three of C1's: both records change.
        #expect(taken.value.map(\.0) == [ChildID("C1"), ChildID("C2")])
        #expect(added.value.map(\.1) == [true, true])
    }
}
