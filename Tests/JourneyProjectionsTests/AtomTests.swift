import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// An atom is what a checkpoint saves, byte for byte: its size and the meaning of its bytes for each type are a
/// format. A change to either must bump `Checkpoint.formatVersion`, so that old checkpoints are rebuilt.
@Suite("Atoms as a checkpoint saves them")
struct AtomTests {
    @Test("An atom is 56 bytes, with nothing between its fields")
    func size() {
        #expect(MemoryLayout<Atom>.size == 56)
        #expect(MemoryLayout<Atom>.stride == 56)
        // FoldedEvent makes the codes the scanner has checked from their index alone.
        #expect(MemoryLayout<Sex>.size == 1 && MemoryLayout<PlacementType>.size == 1)
    }

    /// The bytes of the atom of every type, with every optional field and with none, hashed together. Pinned: a
    /// change here is a change of the checkpoint's format.
    @Test("The bytes of every type's atom are those a checkpoint of this format holds")
    func bytesOfEveryType() throws {
        func hash(_ events: [Event]) throws -> UInt64 {
            var bytes: [UInt8] = []
            for (i, event) in events.enumerated() {
                var (folded, _) = try FoldedEventTests.folded(event, position: UInt64(i + 7))
                withUnsafeBytes(of: &folded.atom) { bytes += $0 }
            }
            #expect(bytes.count == events.count * 56)
            return bytes.withUnsafeBytes { StableHash.of($0) }
        }
        // The types of format 4, every one's atom unchanged by format 5.
        let format4 = SampleEvents.everyType.filter { $0.type <= .deprivationOfLibertyEnded }
        let all = try hash(format4 + format4.map(FoldedEventTests.withoutOptionals))
        #expect(all == 4_590_705_094_484_723_737)
        // Format 5 added the types of motherhood, the home postcode and the reason a social worker changed.
        let added = SampleEvents.everyType.filter { $0.type > .deprivationOfLibertyEnded }
        #expect(added.map(\.type) == [.motherhoodRecorded, .homePostcodeRecorded, .workerChangeRecorded])
        let addedTypes = try hash(added + added.map(FoldedEventTests.withoutOptionals))
        #expect(addedTypes == 5_145_692_669_687_162_787)
        // The types of format 2 hold what they held but for two: format 3 added types (and the fold's texts);
        // format 4 added the UPN and the disability codes to `child.registered` and `child.updated`, and the
        // factors to `assessment.completed` (for the CIN census return).
        let first = SampleEvents.everyType.filter { $0.type <= .eventRetracted }
        let firstTypes = try hash(first + first.map(FoldedEventTests.withoutOptionals))
        #expect(firstTypes == 4_517_968_297_883_132_338)
    }

    /// An atom of `type` with nothing in its slots.
    static func empty(_ type: EventType) -> Atom {
        Atom(type: type, occurred: 0, id: 1, position: 1, recorded: 0)
    }

    @Test("What a property is given, it gives back; absent stays absent")
    func roundTrips() {
        var atom = Self.empty(.childRegistered)
        #expect(atom.sex == nil && atom.hasDisability == nil && atom.birthDate == nil)
        for hasDisability in [nil, false, true] as [Bool?] {
            atom.hasDisability = hasDisability
            #expect(atom.hasDisability == hasDisability)
        }
        atom.sex = Sex.all.last
        #expect(atom.sex == Sex.all.last)
        atom.birthDate = d("2010-02-28")
        atom.expectedBirthDate = CalendarDate(dayNumber: 0)
        #expect(atom.birthDate == d("2010-02-28") && atom.expectedBirthDate == CalendarDate(dayNumber: 0))

        var plan = Self.empty(.cpPlanStarted)
        for count in [nil, 0, 3, Int.max] as [Int?] {
            plan.previousPlans = count
            #expect(plan.previousPlans == count)
        }

        var placement = Self.empty(.placementStarted)
        for miles in [nil, 0, 12.5, -1] as [Double?] {
            placement.distanceMiles = miles
            #expect(placement.distanceMiles == miles)
        }
        for isSameCarer in [false, true] {
            placement.isSameCarer = isSameCarer
            #expect(placement.isSameCarer == isSameCarer)
        }
        placement.placementType = PlacementType.all.last!
        #expect(placement.placementType == PlacementType.all.last!)
    }

    @Test("Only the types whose key and ref are ids are kept apart in a merged record")
    func scoping() {
        var visit = Self.empty(.visitMade)
        visit.wasSeen = true
        #expect(visit.scoped(99) == visit)
        var assessment = Self.empty(.assessmentStarted)
        assessment.key = 6
        #expect(assessment.scoped(99).key == (6 ^ 99) | 1)
        #expect(assessment.scoped(99).ref == 0)
        #expect(assessment.scoped(0) == assessment)
    }
}
