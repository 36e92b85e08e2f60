import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// The records an append of corrections and retractions changes are found among the atoms by their ids' prints
/// (`AtomIDSieve`), not by reading every atom: the same children as that reading, wherever the named events are.
struct LiveNamedEventsTests {
    static let contexts = [MetricContext(period: .rollingYear(to: d("2025-03-31")), dimensions: [.team])]

    /// A referral for each of children A, B, C and D, and an assessment for A and B: ids e1 to e6.
    static func head() -> EventBuilder {
        var log = EventBuilder()
        log.add("A", "2024-04-02", .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("6")!)))
        log.add("A", "2024-04-05", .assessmentStarted(assessment: "A1", referral: "R1"))
        log.add("B", "2024-05-01", .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("6")!)))
        log.add("B", "2024-05-03", .assessmentStarted(assessment: "A1", referral: "R1"))
        log.add("C", "2024-06-01", .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("6")!)))
        log.add("D", "2024-07-01", .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("6")!)))
        return log
    }

    /// `head`, then batches appended to it, each with the update it must make.
    struct Script {
        var log = LiveNamedEventsTests.head()
        let head: [Event]
        var batches: [(events: [Event], expected: LiveUpdate)] = []

        init() { head = log.events }

        mutating func batch(_ expected: LiveUpdate, _ add: (inout EventBuilder) -> Void) {
            let start = log.events.count
            add(&log)
            batches.append((Array(log.events[start...]), expected))
        }

        /// A batch of one event that changes one child's record: that record taken out and put back.
        mutating func oneRecordChanged(_ add: (inout EventBuilder) -> Void) {
            batch(LiveUpdate(events: 1, recordsRemoved: 1, recordsAdded: 1), add)
        }
    }

    /// Live figures of `head`, then each batch appended in turn: after each, the live figures against a full
    /// evaluation, and the records taken out and put back against `expected`.
    func expectBatches(
        head: [Event], _ batches: [(events: [Event], expected: LiveUpdate)],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> LiveMetrics {
        var state = JourneyState()
        for e in storedEvents(head) { state.apply(e) }
        var live = LiveMetrics(state, contexts: Self.contexts)
        state = JourneyState()
        var next = head.count
        for (n, batch) in batches.enumerated() {
            let update = live.apply(storedEvents(batch.events, from: next))
            next += batch.events.count
            #expect(update == batch.expected, "batch \(n + 1)", sourceLocation: sourceLocation)
            #expect(
                LiveMetricsTests.difference(live.reports, live.state.metrics(Self.contexts)) == nil,
                "batch \(n + 1)", sourceLocation: sourceLocation)
        }
        return live
    }

    @Test func correctionRetractionOfAnotherChildsEventAndTheirRetractions() {
        var script = Script()
        // e7 corrects A's assessment e2 (same child, same type): A has a new atom and e2 is dropped; only A's
        // record changes: one out, one in.
        script.oneRecordChanged {
            $0.add("A", "2024-04-04", .assessmentStarted(assessment: "A1", referral: "R1"), corrects: "e2")
        }
        // e8, on C's stream, retracts B's assessment e4: the retraction is no atom, so no child has a new one; B's
        // record loses e4: B alone, though the retraction is C's.
        script.oneRecordChanged {
            $0.add("C", "2024-08-01", .eventRetracted(event: "e4", reason: "entered in error"))
        }
        // e9, on D's stream, retracts the correction e7: e7 is dropped and e2 comes back (both A's): A alone.
        script.oneRecordChanged {
            $0.add("D", "2024-08-02", .eventRetracted(event: "e7", reason: "entered in error"))
        }
        // e10, on D's stream, retracts the retraction e8: e8 no longer counts and e4 comes back, B's; e8 itself
        // is no atom. B alone.
        script.oneRecordChanged {
            $0.add("D", "2024-08-03", .eventRetracted(event: "e8", reason: "entered in error"))
        }
        // A new event of C with a retraction of D's referral e6 in the same batch: C has a new atom, D loses e6.
        script.batch(LiveUpdate(events: 2, recordsRemoved: 2, recordsAdded: 2)) {
            $0.add("C", "2024-08-04", .assessmentStarted(assessment: "A1", referral: "R1"))
            $0.add("A", "2024-08-05", .eventRetracted(event: "e6", reason: "entered in error"))
        }
        let live = expectBatches(head: script.head, script.batches)
        // The prints cover every atom held before the last batch: e1–e6 and e7, the correction (7 atoms).
        #expect(live.records.atomIDs.count == 7)
    }

    /// Events folded in before the prints are first made, and between two updates that name events: the prints
    /// are made at the first and brought up to date at the next, so both find atoms from appends without drops.
    @Test func printsMadeLateAndKeptUpToDate() {
        var script = Script()
        // e7: a new event of B, no drop: B alone.
        script.oneRecordChanged {
            $0.add("B", "2024-09-01", .assessmentCompleted(AssessmentCompleted(assessment: "A1")))
        }
        // e8, A's, retracts e7 (B's, folded in by the update before): B alone.
        script.oneRecordChanged {
            $0.add("A", "2024-09-02", .eventRetracted(event: "e7", reason: "entered in error"))
        }
        // e9: a new event of D, no drop: D alone.
        script.oneRecordChanged {
            $0.add("D", "2024-09-03", .assessmentStarted(assessment: "A1", referral: "R1"))
        }
        // e10, C's, retracts e9 (D's, folded in since the prints were made): D alone.
        script.oneRecordChanged {
            $0.add("C", "2024-09-04", .eventRetracted(event: "e9", reason: "entered in error"))
        }
        let live = expectBatches(head: script.head, script.batches)
        // Made at the second batch over e1–e7 (7 atoms), brought up to e9 (8 atoms: e8 is no atom) at the fourth.
        #expect(live.records.atomIDs.count == 8)
    }

    /// A log the append rules would refuse, which the fold takes as it is: one id on two children's events, and a
    /// correction of another child's event. The records that change are those a reading of every atom finds.
    @Test func anIDOnTwoChildrenAndACorrectionOfAnotherChilds() {
        let referral = EventBody.referralReceived(ReferralReceived(referral: "R2", source: ReferralSource("6")!))
        var head = Self.head().events
        for child in ["C", "D"] {
            head.append(
                Event(
                    id: "twin", child: ChildID(child), occurred: d("2024-09-01"), recorded: t("2024-09-01"),
                    body: referral))
        }
        let retraction = Event(
            id: "x1", child: "A", occurred: d("2024-10-01"), recorded: t("2024-10-01"),
            body: .eventRetracted(event: "twin", reason: "entered in error"))
        // A correction on A's stream of B's referral e3: A has a new atom, B loses e3.
        let correction = Event(
            id: "x2", child: "A", occurred: d("2024-10-02"), recorded: t("2024-10-02"),
            body: .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("6")!)), corrects: "e3")
        _ = expectBatches(
            head: head,
            [
                // "twin" is dropped from both C and D: two out, two in.
                ([retraction], LiveUpdate(events: 1, recordsRemoved: 2, recordsAdded: 2)),
                // A (its new atom) and B (e3 dropped).
                ([correction], LiveUpdate(events: 1, recordsRemoved: 2, recordsAdded: 2)),
            ])
    }

    /// Two ids with the same print, on C's and D's events: retracting C's reads D's atom to compare the whole id
    /// and leaves D's record alone.
    @Test func idsWithTheSamePrintAreToldApart() throws {
        let target = EventID("e5").stableHash
        // The first id of the form "p<n>" whose hash has the top 16 bits of e5's (about 65,536 tries).
        let twin = try #require(
            (0..<4_000_000).lazy.map { EventID("p\($0)") }.first {
                AtomIDSieve.print($0.stableHash) == AtomIDSieve.print(target) && $0.stableHash != target
            })
        var head = Self.head().events
        head.append(
            Event(
                id: twin, child: "D", occurred: d("2024-09-01"), recorded: t("2024-09-01"),
                body: .assessmentStarted(assessment: "A1", referral: "R1")))
        let retraction = Event(
            id: "x1", child: "A", occurred: d("2024-10-01"), recorded: t("2024-10-01"),
            body: .eventRetracted(event: "e5", reason: "entered in error"))
        // C alone: D's event has e5's print but not its id.
        _ = expectBatches(head: head, [([retraction], LiveUpdate(events: 1, recordsRemoved: 1, recordsAdded: 1))])
    }

    /// The prints against a reading of every atom, for atoms whose ids share prints and repeat across children,
    /// made in steps.
    @Test func sieveFindsWhatAReadingOfEveryAtomFinds() {
        // Ids 1…600 shifted so that the top 16 bits take only 8 values: many ids share each print. Atom i is child
        // i % 7's, and every 50th atom repeats the id of the one 25 before it, of another child.
        var atoms: [Atom] = []
        var children: [UInt32] = []
        for i in 0..<600 {
            let id = i % 50 == 0 && i > 0 ? atoms[i - 25].id : (UInt64(i % 8) << 48) | UInt64(i + 1)
            atoms.append(Atom(type: .referralReceived, occurred: 0, id: id, position: UInt64(i + 1), recorded: 0))
            children.append(UInt32(i % 7))
        }
        // Grouped never (every print recent), at every step, and once 100 prints are recent: at 250 (250 recent),
        // and at 600 (350 recent, more than 100 and than an eighth of 250).
        for groupingAfter in [1 << 16, 1, 100] {
            var sieve = AtomIDSieve(groupingAfter: groupingAfter)
            for end in [0, 1, 250, 250, 600] {
                sieve.extend(to: end, from: atoms)
                #expect(sieve.count == end)
                let namings = [
                    [UInt64(3) << 48 | 4], [26, 76, 401, 599, 0x7777], atoms.map(\.id).filter { $0 % 3 == 0 },
                ]
                for named in namings {
                    var ids = EventIDSet()
                    for id in named { ids.insert(id) }
                    // Before the prints' end, up to it, and past it (the atoms not yet printed compared whole).
                    for count in [end / 2, end, 600] {
                        let read = Set((0..<count).filter { ids.contains(atoms[$0].id) }.map { Int(children[$0]) })
                        #expect(
                            sieve.children(ofAtomsWithIDs: ids, atoms: atoms, atomChildren: children, before: count)
                                == read)
                    }
                }
            }
        }
        // By hand: id 4 is atom 3's ((3 << 48) | 4, i = 3), child 3; and atom 50 repeats atom 25's id
        // ((1 << 48) | 26), so naming it finds children 25 % 7 = 4 and 50 % 7 = 1.
        var sieve = AtomIDSieve(groupingAfter: 1)
        sieve.extend(to: 600, from: atoms)
        var ids = EventIDSet()
        ids.insert(UInt64(3) << 48 | 4)
        #expect(sieve.children(ofAtomsWithIDs: ids, atoms: atoms, atomChildren: children, before: 600) == [3])
        ids = EventIDSet()
        ids.insert(UInt64(1) << 48 | 26)
        #expect(sieve.children(ofAtomsWithIDs: ids, atoms: atoms, atomChildren: children, before: 600) == [4, 1])
    }
}
