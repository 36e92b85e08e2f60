import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneySynth

/// The generator spells its lines out byte by byte (`JSONCursor.line`) rather than through `Event.canonicalJSON()`.
/// These tests hold every fact it makes, of every event type, with each optional field given and left out, to the
/// canonical JSON of the event the fact stands for (`SynthRecord.event`), so that no branch of the writer waits for a
/// random council to reach it.
@Suite("The generator's lines, fact by fact")
struct LineTests {
    /// The facts the generator makes of each type. A switch over Core's types, so that a type added there does not
    /// compile here until the generator makes it, or says that it does not.
    static func facts(of type: EventType) -> [Fact] {
        switch type {
        case .childRegistered: [.childRegistered]
        case .childUpdated: [.childBorn]
        case .childDied: [.childDied]
        case .childMerged: [.childMerged]
        case .contactReceived:
            [.contactReceived(contact: 3, source: ReferralSource("6")!, outcome: ContactOutcome("referral")!)]
        case .referralReceived:
            [
                .referralReceived(
                    referral: 2, source: ReferralSource("10")!, primaryNeed: PrimaryNeed("N1")!, isNFA: false),
                .referralReceived(
                    referral: 12, source: ReferralSource("1A")!, primaryNeed: PrimaryNeed("N4")!, isNFA: true),
            ]
        case .caseClosed: [.caseClosed(referral: 2, reason: ClosureReason("RC8")!)]
        case .assessmentStarted: [.assessmentStarted(assessment: 1, referral: 2)]
        case .assessmentCompleted:
            [
                .assessmentCompleted(assessment: 1, factors: .none, outcome: AssessmentOutcome("s47")!),
                .assessmentCompleted(
                    assessment: 10, factors: Self.factors, outcome: AssessmentOutcome("no-further-action")!),
                // No factors recorded (a defect): the field left out.
                .assessmentCompleted(assessment: 2, factors: FactorList(), outcome: AssessmentOutcome("cin")!),
            ]
        case .strategyHeld: [.strategyHeld(strategy: 1, referral: 2)]
        case .s47Started: [.s47Started(s47: 1, referral: 2, strategy: 1)]
        case .s47Completed: [.s47Completed(s47: 1, icpcRequired: true), .s47Completed(s47: 1, icpcRequired: false)]
        case .icpcHeld: [.icpcHeld(s47: 1, referral: 2, outcome: .plan)]
        case .cinPlanStarted: [.cinPlanStarted(plan: 1, referral: 2)]
        case .cinPlanReviewed: [.cinPlanReviewed(plan: 1)]
        case .cinPlanEnded: [.cinPlanEnded(plan: 1)]
        case .cpPlanStarted:
            [
                .cpPlanStarted(plan: 1, referral: 2, category: AbuseCategory("NEG")!, previousPlans: -1),
                .cpPlanStarted(plan: 2, referral: 3, category: AbuseCategory("MUL")!, previousPlans: 0),
                .cpPlanStarted(plan: 3, referral: 4, category: AbuseCategory("PHY")!, previousPlans: 12),
            ]
        case .cpPlanCategoryChanged: [.cpPlanCategoryChanged(plan: 1, category: AbuseCategory("EMO")!)]
        case .cpPlanReviewed: [.cpPlanReviewed(plan: 1)]
        case .cpPlanEnded: [.cpPlanEnded(plan: 1)]
        case .earlyHelpStarted: [.earlyHelpStarted(episode: 1)]
        case .earlyHelpEnded: [.earlyHelpEnded(episode: 1, outcome: EarlyHelpOutcome("stepped-up")!)]
        case .steppedUp: [.steppedUp(from: .earlyHelp, to: .childInNeed)]
        case .steppedDown: [.steppedDown(from: .childInNeed, to: .earlyHelp)]
        case .careStarted:
            [
                .careStarted(period: 1, legalStatus: LegalStatus("C2")!, need: CareNeed("N1")!, isUASC: false),
                .careStarted(period: 2, legalStatus: LegalStatus("V2")!, need: CareNeed("N4")!, isUASC: true),
            ]
        case .legalStatusChanged: [.legalStatusChanged(period: 1, legalStatus: LegalStatus("C2")!)]
        case .placementStarted:
            [
                .placementStarted(
                    PlacementFact(
                        placement: 1, period: 1, placementType: PlacementType("U4")!,
                        provider: PlacementProvider("PR4")!, distanceTenths: 123, home: 17, isSameCarer: false)),
                .placementStarted(
                    PlacementFact(
                        placement: 2, period: 1, placementType: PlacementType("U1")!, provider: nil,
                        distanceTenths: -1, home: 0, isSameCarer: true)),
                .placementStarted(
                    PlacementFact(
                        placement: 3, period: 1, placementType: PlacementType("K2")!,
                        provider: PlacementProvider("PR1")!, distanceTenths: 200, home: 0, isSameCarer: false)),
                // With a postcode, and with a URN too.
                .placementStarted(
                    PlacementFact(
                        placement: 4, period: 1, placementType: PlacementType("U6")!,
                        provider: PlacementProvider("PR1")!, distanceTenths: 31, home: 0, isSameCarer: false,
                        postcode: 5)),
                .placementStarted(
                    PlacementFact(
                        placement: 5, period: 1, placementType: PlacementType("K2")!,
                        provider: PlacementProvider("PR4")!, distanceTenths: -1, home: 9, isSameCarer: false,
                        postcode: Int16(HomePostcodes.all.count))),
            ]
        case .placementEnded:
            [
                .placementEnded(placement: 1, reason: PlacementChangeReason("CARPL")!),
                .placementEnded(placement: 2, reason: nil),
            ]
        case .careEnded: [.careEnded(period: 1, reason: CareEndReason("E4A")!)]
        case .careReviewed: [.careReviewed(period: 1, participation: ReviewParticipation("PN1")!)]
        case .missingStarted: [.missingStarted(episode: 1, kind: MissingKind("away")!)]
        case .missingEnded:
            [
                .missingEnded(episode: 1, offered: true, accepted: true),
                .missingEnded(episode: 2, offered: true, accepted: false),
                .missingEnded(episode: 3, offered: false, accepted: false),
            ]
        case .visitMade:
            [
                .visitMade(kind: VisitKind("cp")!, seen: true, seenAlone: true),
                .visitMade(kind: VisitKind("cp")!, seen: true, seenAlone: false),
                .visitMade(kind: VisitKind("cp")!, seen: false, seenAlone: nil),
            ]
        case .workerAllocated:
            [.workerAllocated(team: .north, worker: 3), .workerAllocated(team: .leavingCare, worker: 11)]
        case .eventRetracted: [.eventRetracted(event: 4)]
        case .adoptionDecided: [.adoptionDecided(adoption: 1)]
        case .placementOrderGranted: [.placementOrderGranted(adoption: 2)]
        case .adoptionMatched:
            [
                .adoptionMatched(
                    adoption: 1, adopters: AdopterSex("MF")!, legalStatus: AdopterLegalStatus("L11")!,
                    isFosterCarer: false),
                .adoptionMatched(
                    adoption: 12, adopters: AdopterSex("F1")!, legalStatus: AdopterLegalStatus("L0")!,
                    isFosterCarer: true),
            ]
        case .adoptionPlaced: [.adoptionPlaced(adoption: 1, placement: 14)]
        case .adoptionPlacementEnded:
            [.adoptionPlacementEnded(adoption: 1, reason: PlacementChangeReason("CREQB")!)]
        case .adoptionDecisionReversed:
            [.adoptionDecisionReversed(adoption: 3, reason: AdoptionReversalReason("RD2")!)]
        case .adoptionOrderGranted: [.adoptionOrderGranted(adoption: 1)]
        case .permanenceOrderGranted:
            [
                .permanenceOrderGranted(kind: PermanenceOrderKind("special-guardianship")!, period: 2),
                .permanenceOrderGranted(kind: PermanenceOrderKind("child-arrangements")!, period: 11),
            ]
        case .previousPermanenceRecorded:
            [
                .previousPermanenceRecorded(kind: PreviousPermanenceKind("Z1")!, year: 0),
                .previousPermanenceRecorded(kind: PreviousPermanenceKind("P2")!, year: 2019),
            ]
        case .careLeaverContacted:
            [
                .careLeaverContacted(
                    inTouch: CareLeaverContactStatus("YES")!, activity: CareLeaverActivity("F5")!,
                    accommodation: CareLeaverAccommodation("Z1")!),
                .careLeaverContacted(
                    inTouch: CareLeaverContactStatus("DIED")!, activity: CareLeaverActivity("0")!,
                    accommodation: CareLeaverAccommodation("0")!),
                .careLeaverContacted(inTouch: CareLeaverContactStatus("NO")!, activity: nil, accommodation: nil),
                .careLeaverContacted(
                    inTouch: CareLeaverContactStatus("NREQ")!, activity: nil,
                    accommodation: CareLeaverAccommodation("S2")!),
            ]
        case .pathwayPlanReviewed: [.pathwayPlanReviewed]
        case .personalAdviserAllocated:
            [.personalAdviserAllocated(adviser: 7), .personalAdviserAllocated(adviser: 20)]
        case .healthAssessmentCompleted: [.healthAssessmentCompleted]
        case .dentalCheckCompleted: [.dentalCheckCompleted]
        case .immunisationsRecorded: [.immunisationsRecorded(upToDate: true), .immunisationsRecorded(upToDate: false)]
        case .healthSurveillanceRecorded:
            [.healthSurveillanceRecorded(upToDate: true), .healthSurveillanceRecorded(upToDate: false)]
        case .sdqRecorded:
            [
                .sdqRecorded(score: 0, reason: nil), .sdqRecorded(score: 40, reason: nil),
                .sdqRecorded(score: -1, reason: SDQReason("SDQ5")!),
            ]
        case .convictionRecorded: [.convictionRecorded]
        case .substanceMisuseIdentified:
            [
                .substanceMisuseIdentified(offered: nil, received: true),
                .substanceMisuseIdentified(offered: true, received: false),
                .substanceMisuseIdentified(offered: false, received: false),
                .substanceMisuseIdentified(offered: true, received: nil),
                .substanceMisuseIdentified(offered: nil, received: nil),
            ]
        case .deprivationOfLibertyStarted: [.deprivationOfLibertyStarted(order: 1)]
        case .deprivationOfLibertyEnded: [.deprivationOfLibertyEnded(order: 3)]
        case .motherhoodRecorded:
            [
                .motherhoodRecorded(isMother: false, firstChildBirthDate: nil),
                .motherhoodRecorded(isMother: true, firstChildBirthDate: d("2023-11-30")),
            ]
        // The first postcode, and one past the end of the list, taken round it.
        case .homePostcodeRecorded:
            [.homePostcodeRecorded(postcode: 1), .homePostcodeRecorded(postcode: Int16(HomePostcodes.all.count + 2))]
        case .workerChangeRecorded: SWReasons.codes.map { .workerChangeRecorded(reason: SWReason($0)!) }
        }
    }

    static let factors: FactorList = {
        var list = FactorList()
        for code in ["3A", "24A", "2B"] { list.append(AssessmentFactor(code)!) }
        return list
    }()

    /// A child known from birth, and one first registered before birth (whose registration says less).
    static let profiles = [
        ChildProfile(
            ordinal: 42, birthDate: d("2016-03-14"), sex: Sex("F")!, ethnicity: Ethnicity("WBRI")!,
            disabilities: [Disability("AUT")!, Disability("COMM")!], ward: 3, isUASC: false),
        ChildProfile(
            ordinal: 1_234_567, birthDate: d("2024-06-02"), expectedBirthDate: d("2024-06-10"), sex: Sex("M")!,
            ethnicity: Ethnicity("ABAN")!, disabilities: [Disability("NONE")!], ward: 0, isUASC: false),
    ]

    /// The records each fact is written in: recorded on the day it occurred or on a later one, correcting another
    /// event or not, on the child's record or on its duplicate (where alone a merge is made: the duplicate is
    /// merged into the child).
    static func records(of fact: Fact) -> [SynthRecord] {
        let occurred = d("2024-07-01")
        let sameDay = Int64(occurred.dayNumber) * 86_400 + 9 * 3_600 + 5 * 60 + 7
        return [
            SynthRecord(
                recorded: sameDay, occurred: occurred, number: 7, isDuplicateChild: fact.type == .childMerged,
                fact: fact),
            SynthRecord(
                recorded: sameDay + 40 * 86_400 + 3_599, occurred: occurred, number: 123, corrects: 9,
                isDuplicateChild: true, fact: fact),
        ]
    }

    @Test(arguments: EventType.allCases)
    func everyFactIsWrittenAsItsCanonicalJSON(type: EventType) throws {
        let seed: UInt64 = 42
        for fact in Self.facts(of: type) {
            #expect(fact.type == type)
            for profile in Self.profiles {
                let width = ChildNames.width(forChildren: profile.ordinal)
                let names = ChildNames(ordinal: profile.ordinal, width: width, seed: seed)
                for record in Self.records(of: fact) {
                    let event = record.event(profile: profile, names: names)
                    let details = profile.details(of: fact)
                    var bytes = [UInt8](repeating: 0, count: JSONCursor.maximumLineLength)
                    let count = bytes.withUnsafeMutableBufferPointer { buffer in
                        var cursor = JSONCursor(position: buffer.baseAddress!)
                        let child = ShortBytes(
                            letter: record.isDuplicateChild ? 0x44 : 0x43, ordinal: profile.ordinal, width: width)
                        cursor.line(record, seed: ShortBytes(seedPrefix: seed), child: child, details: details)
                        return cursor.position - buffer.baseAddress!
                    }
                    let line = String(decoding: bytes[0..<count], as: UTF8.self)
                    #expect(line == event.canonicalJSONString + "\n")
                    #expect(try Event.parse(jsonLine: String(line.dropLast())).get() == event)
                }
            }
        }
    }

    /// The generator makes every type: none is without a fact (a care leaver's death, the rarest, is in
    /// `CareLeaverTests`).
    @Test func everyTypeHasAFact() {
        #expect(EventType.allCases.filter { Self.facts(of: $0).isEmpty } == [])
    }
}
