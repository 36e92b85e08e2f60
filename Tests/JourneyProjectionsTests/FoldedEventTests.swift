import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// A replay reads each event's atom straight from its stored bytes (`FoldedEvent`), following the binary field
/// order by hand. These tests hold it to the decoded `Event`, field by field through the atom's named properties,
/// for every type, with every optional field given and with none (what those properties store, `AtomTests`).
@Suite("Reading atoms from stored events")
struct FoldedEventTests {
    /// What the atom of `e` must hold, from the decoded event (`RecordBuilder` reads the fields back), with the
    /// texts the fold numbers beside it. Read alone, with no strings numbered before, a ward, team or worker is
    /// number 1 of its kind.
    static func expected(_ e: Event, position: UInt64) -> (atom: Atom, text: String?, worker: String?) {
        var atom = Atom(
            type: e.type, occurred: e.occurred.dayNumber, id: e.id.stableHash, position: position,
            recorded: e.recorded?.nanoseconds ?? Int64.min)
        var text: String?
        var worker: String?
        switch e.body {
        case .childRegistered(let c), .childUpdated(let c):
            atom.sex = c.sex
            atom.ethnicity = c.ethnicity
            atom.birthDate = c.birthDate
            atom.expectedBirthDate = c.expectedBirthDate
            atom.hasDisability = c.disabilities.map { $0.contains { $0.rawValue != "NONE" } }
            // One bit per code index: NONE is index 0, MOB 1, HAND 2…
            atom.disabilityMask = (c.disabilities ?? []).reduce(0) { $0 | (1 << UInt32($1.index)) }
            // The UPN is the first text the fold numbers among its texts.
            atom.upnNumber = c.upn == nil ? 0 : 1
            atom.wardNumber = c.ward == nil ? 0 : 1
            text = c.ward
        case .childDied: break
        case .childMerged(let into): text = into.rawValue
        case .contactReceived(let c):
            atom.key = c.contact.stableHash
            atom.referralSource = c.source
            atom.contactOutcome = c.outcome
        case .referralReceived(let r):
            atom.key = r.referral.stableHash
            atom.referralSource = r.source
            atom.primaryNeed = r.primaryNeed
            atom.isNFA = r.isNFA
        case .caseClosed(let referral, let reason):
            atom.key = referral.stableHash
            atom.closureReason = reason
        case .assessmentStarted(let assessment, let referral):
            atom.key = assessment.stableHash
            atom.ref = referral.stableHash
        case .assessmentCompleted(let a):
            atom.key = a.assessment.stableHash
            atom.assessmentOutcome = a.outcome
            // One bit per code index, and bit 63 when a list is given (even an empty one).
            atom.assessmentFactorMask = a.factors.map { $0.reduce(1 << 63) { $0 | (1 << UInt64($1.index)) } } ?? 0
        case .strategyHeld(let strategy, let referral):
            atom.key = strategy.stableHash
            atom.ref = referral.stableHash
        case .s47Started(let s47, let referral, _):
            atom.key = s47.stableHash
            atom.ref = referral.stableHash
        case .s47Completed(let s47, let icpcRequired):
            atom.key = s47.stableHash
            atom.icpcRequired = icpcRequired
        case .icpcHeld(let s47, let referral, let outcome):
            atom.key = s47?.stableHash ?? 0
            atom.ref = referral.stableHash
            atom.conferenceOutcome = outcome
        case .cinPlanStarted(let plan, let referral):
            atom.key = plan.stableHash
            atom.ref = referral.stableHash
        case .cinPlanReviewed(let plan), .cinPlanEnded(let plan), .cpPlanReviewed(let plan), .cpPlanEnded(let plan):
            atom.key = plan.stableHash
        case .cpPlanStarted(let p):
            atom.key = p.plan.stableHash
            atom.ref = p.referral.stableHash
            atom.abuseCategory = p.category
            atom.previousPlans = p.previousPlans
        case .cpPlanCategoryChanged(let plan, let category):
            atom.key = plan.stableHash
            atom.abuseCategory = category
        case .earlyHelpStarted(let episode): atom.key = episode.stableHash
        case .earlyHelpEnded(let episode, let outcome):
            atom.key = episode.stableHash
            atom.earlyHelpOutcome = outcome
        case .steppedUp(let from, let to), .steppedDown(let from, let to):
            atom.stepFrom = from
            atom.stepTo = to
        case .careStarted(let c):
            atom.key = c.period.stableHash
            atom.legalStatus = c.legalStatus
            atom.careNeed = c.needCode
            atom.isUASC = c.isUASC
        case .legalStatusChanged(let period, let legalStatus):
            atom.key = period.stableHash
            atom.legalStatus = legalStatus
        case .placementStarted(let p):
            atom.key = p.placement.stableHash
            atom.ref = p.period.stableHash
            atom.placementType = p.placementType
            atom.placementProvider = p.provider
            atom.isSameCarer = p.isSameCarer
            atom.distanceMiles = p.distanceMiles
        case .placementEnded(let placement, let reason):
            atom.key = placement.stableHash
            atom.placementChangeReason = reason
        case .careEnded(let period, let reason):
            atom.key = period.stableHash
            atom.careEndReason = reason
        case .careReviewed(let period, let participation):
            atom.key = period.stableHash
            atom.reviewParticipation = participation
        case .missingStarted(let episode, let kind):
            atom.key = episode.stableHash
            atom.missingKind = kind
        case .missingEnded(let m):
            atom.key = m.episode.stableHash
            atom.returnInterviewOffered = m.returnInterviewOffered
            atom.returnInterviewAccepted = m.returnInterviewAccepted
        case .visitMade(let v):
            atom.visitKind = v.kind
            atom.wasSeen = v.wasSeen
            atom.wasSeenAlone = v.wasSeenAlone
        case .workerAllocated(let team, let w):
            atom.teamNumber = 1
            atom.workerNumber = w == nil ? 0 : 1
            text = team
            worker = w
        case .eventRetracted(let target, _):
            atom.retracted = target.stableHash
        case .adoptionDecided(let adoption), .placementOrderGranted(let adoption), .adoptionOrderGranted(let adoption):
            atom.key = adoption.stableHash
        case .adoptionMatched(let m):
            atom.key = m.adoption.stableHash
            atom.adopters = m.adopters
            atom.adoptersSex = m.adoptersSex
            atom.adoptersLegalStatus = m.adoptersLegalStatus
            atom.isFosterCarerAdopting = m.isFosterCarerAdopting
        case .adoptionPlaced(let adoption, let placement):
            atom.key = adoption.stableHash
            atom.ref = placement?.stableHash ?? 0
        case .adoptionPlacementEnded(let adoption, let reason):
            atom.key = adoption.stableHash
            atom.adoptivePlacementEndReason = reason
        case .adoptionDecisionReversed(let adoption, let reason):
            atom.key = adoption.stableHash
            atom.adoptionReversalReason = reason
        case .permanenceOrderGranted(let kind, let period):
            atom.permanenceOrderKind = kind
            atom.key = period?.stableHash ?? 0
        case .previousPermanenceRecorded(let p):
            // Texts are numbered in the order read: the authority, then the order date.
            atom.previousPermanenceKind = p.kind
            atom.previousPermanenceLANumber = p.la == nil ? 0 : 1
            atom.previousPermanenceDateNumber = p.orderDate == nil ? 0 : (p.la == nil ? 1 : 2)
        case .careLeaverContacted(let c):
            atom.careLeaverContactStatus = c.inTouch
            atom.careLeaverActivity = c.activity
            atom.careLeaverAccommodation = c.accommodation
        case .pathwayPlanReviewed, .healthAssessmentCompleted, .dentalCheckCompleted, .convictionRecorded: break
        case .personalAdviserAllocated(let adviser): atom.adviserNumber = adviser == nil ? 0 : 1
        case .immunisationsRecorded(let isUpToDate), .healthSurveillanceRecorded(let isUpToDate):
            atom.isUpToDate = isUpToDate
        case .sdqRecorded(let q):
            atom.sdqScore = q.score
            atom.sdqReason = q.reasonNotTaken
        case .substanceMisuseIdentified(let offered, let received):
            atom.interventionOffered = offered
            atom.interventionReceived = received
        case .deprivationOfLibertyStarted(let order), .deprivationOfLibertyEnded(let order):
            atom.key = order.stableHash
        case .motherhoodRecorded(let isMother, let born):
            atom.isMother = isMother
            atom.firstChildBirthDate = born
        // The postcode is the first text the fold numbers.
        case .homePostcodeRecorded: atom.homePostcodeNumber = 1
        case .workerChangeRecorded(let reason): atom.workerChangeReason = reason
        }
        return (atom, text, worker)
    }

    /// The same event with every optional field left out (and every defaulted Boolean at its default).
    static func withoutOptionals(_ e: Event) -> Event {
        var e = e
        e.recorded = nil
        e.corrects = nil
        e.source = nil
        e.by = nil
        switch e.body {
        case .childRegistered: e.body = .childRegistered(ChildDetails())
        case .childUpdated: e.body = .childUpdated(ChildDetails())
        case .contactReceived(var c):
            c.outcome = nil
            e.body = .contactReceived(c)
        case .referralReceived(var r):
            r.primaryNeed = nil
            r.isNFA = false
            e.body = .referralReceived(r)
        case .assessmentCompleted(var a):
            a.factors = nil
            a.outcome = nil
            e.body = .assessmentCompleted(a)
        case .s47Started(let s47, let referral, _): e.body = .s47Started(s47: s47, referral: referral, strategy: nil)
        case .icpcHeld(_, let referral, let outcome): e.body = .icpcHeld(s47: nil, referral: referral, outcome: outcome)
        case .cpPlanStarted(var p):
            p.previousPlans = nil
            e.body = .cpPlanStarted(p)
        case .earlyHelpEnded(let episode, _): e.body = .earlyHelpEnded(episode: episode, outcome: nil)
        case .careStarted(var c):
            c.isUASC = false
            e.body = .careStarted(c)
        case .placementStarted(var p):
            p.provider = nil
            p.postcode = nil
            p.urn = nil
            p.distanceMiles = nil
            p.isSameCarer = false
            e.body = .placementStarted(p)
        case .placementEnded(let placement, _): e.body = .placementEnded(placement: placement, reason: nil)
        case .careReviewed(let period, _): e.body = .careReviewed(period: period, participation: nil)
        case .missingEnded(var m):
            m.returnInterviewOffered = nil
            m.returnInterviewAccepted = nil
            e.body = .missingEnded(m)
        case .visitMade(var v):
            v.wasSeenAlone = nil
            e.body = .visitMade(v)
        case .workerAllocated(let team, _): e.body = .workerAllocated(team: team, worker: nil)
        case .adoptionMatched(var m):
            m.isFosterCarerAdopting = false
            e.body = .adoptionMatched(m)
        case .adoptionPlaced(let adoption, _): e.body = .adoptionPlaced(adoption: adoption, placement: nil)
        case .adoptionPlacementEnded(let adoption, _): e.body = .adoptionPlacementEnded(adoption: adoption, reason: nil)
        case .permanenceOrderGranted(let kind, _): e.body = .permanenceOrderGranted(kind: kind, period: nil)
        case .previousPermanenceRecorded(let p): e.body = .previousPermanenceRecorded(PreviousPermanence(kind: p.kind))
        case .careLeaverContacted(let c): e.body = .careLeaverContacted(CareLeaverContacted(inTouch: c.inTouch))
        case .personalAdviserAllocated: e.body = .personalAdviserAllocated(adviser: nil)
        case .substanceMisuseIdentified:
            e.body = .substanceMisuseIdentified(interventionOffered: nil, interventionReceived: nil)
        case .motherhoodRecorded(let isMother, _):
            e.body = .motherhoodRecorded(isMother: isMother, firstChildBirthDate: nil)
        default: break
        }
        return e
    }

    static func folded(_ e: Event, position: UInt64) throws -> (FoldedEvent, FoldedStrings) {
        var w = BinaryWriter()
        e.write(binary: &w)
        var strings = FoldedStrings()
        let folded = try w.bytes.withUnsafeBytes { try FoldedEvent(position: position, stored: $0, strings: &strings) }
        return (folded, strings)
    }

    static let events = SampleEvents.everyType + SampleEvents.everyType.map(withoutOptionals)

    @Test("Every type, with every optional field and with none", arguments: events.indices)
    func atomOfEveryType(_ i: Int) throws {
        let event = Self.events[i]
        let (folded, strings) = try Self.folded(event, position: UInt64(i + 7))
        let expected = Self.expected(event, position: UInt64(i + 7))
        switch event.type {
        case .eventRetracted: #expect(folded.kind == .retraction)
        case .childMerged: #expect(folded.kind == .merge)
        default: #expect(folded.kind == .atom)
        }
        #expect(folded.child == ChildKey(event.child))
        #expect(folded.child.child == event.child)
        #expect(folded.corrects == (event.corrects?.stableHash ?? 0))
        switch event.type {
        case .childRegistered, .childUpdated:
            #expect(strings.wards.strings == (expected.text.map { [$0] } ?? []))
        case .workerAllocated:
            #expect(strings.teams.strings == [expected.text!])
            #expect(strings.workers.strings == (expected.worker.map { [$0] } ?? []))
        case .childMerged:
            #expect(folded.mergedInto.rawValue == expected.text)
        default:
            #expect(expected.text == nil && expected.worker == nil)
        }
        if event.type != .childRegistered && event.type != .childUpdated { #expect(strings.wards.strings.isEmpty) }
        if event.type != .workerAllocated { #expect(strings.teams.strings.isEmpty && strings.workers.strings.isEmpty) }
        switch event.body {
        case .previousPermanenceRecorded(let p):
            #expect(strings.texts.strings == [p.la, p.orderDate].compactMap { $0 })
        case .personalAdviserAllocated(let adviser): #expect(strings.texts.strings == [adviser].compactMap { $0 })
        case .homePostcodeRecorded(let postcode): #expect(strings.texts.strings == [postcode])
        case .childRegistered(let c), .childUpdated(let c): #expect(strings.texts.strings == [c.upn].compactMap { $0 })
        // The texts only the returns read, kept by the event's position.
        case .placementStarted(let p):
            let place = p.postcode == nil && p.urn == nil ? nil : (p.postcode ?? "") + "\u{1F}" + (p.urn ?? "")
            #expect(strings.texts.strings == [place].compactMap { $0 })
            #expect(strings.eventText(at: folded.atom.position) == place)
        default: #expect(strings.texts.strings.isEmpty)
        }
        if folded.kind == .atom {
            #expect(folded.atom == expected.atom, "\(event.type)")
        } else {
            #expect(folded.atom.id == expected.atom.id)
            // A merge's atom holds the id merged into (`mergedInto`, above).
            if folded.kind == .retraction { #expect(folded.atom.retracted == expected.atom.retracted) }
            #expect(folded.atom.recorded == expected.atom.recorded)
        }
    }

    @Test("The optional fields were dropped, so both halves of the cases differ")
    func withoutOptionalsDiffers() {
        let changed = zip(SampleEvents.everyType, SampleEvents.everyType.map(Self.withoutOptionals))
            .filter { $0.0 != $0.1 }.count
        #expect(changed == SampleEvents.everyType.count)
    }

    @Test("A stored event with a code out of its list, cut short, or with bytes after it, is damage")
    func damage() throws {
        let event = SampleEvents.everyType.first { $0.type == .careEnded }!
        var w = BinaryWriter()
        event.write(binary: &w)
        let good = w.bytes
        // The reason is the last byte of a care.ended event: no list has 255 codes.
        var badCode = good
        badCode[badCode.count - 1] = 255
        for bytes in [badCode, Array(good.dropLast()), good + [0]] {
            #expect(throws: BinaryReader.Damage.self) {
                var strings = FoldedStrings()
                _ = try bytes.withUnsafeBytes { try FoldedEvent(position: 1, stored: $0, strings: &strings) }
            }
        }
        var strings = FoldedStrings()
        _ = try good.withUnsafeBytes { try FoldedEvent(position: 1, stored: $0, strings: &strings) }
    }

    @Test("A child id longer than the format allows is damage, not a wrong child")
    func longChildID() {
        let event = Event(
            id: "x", child: ChildID(String(repeating: "C", count: 25)), occurred: d("2024-01-01"), body: .childDied)
        #expect(throws: BinaryReader.Damage.self) { _ = try Self.folded(event, position: 1) }
    }
}

@Suite("Finding a child's history")
struct ChildKeyTests {
    @Test("A child id too long for the format finds nothing, and does not stop the program")
    func tooLongAnID() throws {
        var state = JourneyState()
        state.apply(
            StoredEvent(
                position: 1, version: 1,
                event: Event(id: "e1", child: "C1", occurred: d("2024-01-01"), body: .childDied)))
        #expect(state.childNumbers[ChildKey("C1")] == 0)
        #expect(state.childNumbers[ChildKey(ChildID(String(repeating: "C", count: 40)))] == nil)
        #expect(state.record(of: ChildID(String(repeating: "C", count: 40))) == nil)
    }

    @Test("A chunk's children are looked up all at once: each known child's number, -1 for one not yet numbered")
    func numbersOfAChunk() throws {
        // Children C1, C2 and C00000000000000000003 (three words of id) numbered 0, 1, 2 as they are added; a chunk of
        // events of C2, C9 (never numbered), C00000000000000000003, C1, C2 and C00000000000000000004 (differs from a
        // numbered child in its last byte alone).
        var numbers = ChildNumbers()
        for (n, id) in ["C1", "C2", "C00000000000000000003"].enumerated() {
            #expect(numbers.append(ChildKey(ChildID(id))) == n)
        }
        let children = ["C2", "C9", "C00000000000000000003", "C1", "C2", "C00000000000000000004"]
        let events = try children.enumerated().map { i, child in
            try FoldedEventTests.folded(
                Event(id: EventID("e\(i)"), child: ChildID(child), occurred: d("2024-01-01"), body: .childDied),
                position: UInt64(i + 1)
            ).0
        }
        let found = events.withUnsafeBufferPointer { numbers.numbers(of: $0) }
        #expect(found == [1, -1, 2, 0, 1, -1])
    }

    @Test("Keys of ids that differ only after the first word, or only in length, differ")
    func keysCompareEveryByte() {
        #expect(ChildKey("C0000000001") != ChildKey("C0000000002"))
        #expect(ChildKey("C00000000000000000001") == ChildKey("C00000000000000000001"))
        #expect(ChildKey("C1") != ChildKey("C1\u{0}"))
    }
}
