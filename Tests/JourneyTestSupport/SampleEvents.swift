import JourneyCore

/// One event of every type, with every optional field set (and one with none), for round-trip tests.
public enum SampleEvents {
    public static let everyType: [Event] = {
        let bodies: [EventBody] = [
            .childRegistered(
                ChildDetails(
                    birthDate: d("2016-03-14"), expectedBirthDate: d("2016-03-20"), sex: Sex("F")!,
                    ethnicity: Ethnicity("WBRI")!, disabilities: [Disability("AUT")!, Disability("COMM")!],
                    upn: "A123456789012", ward: "Riverside \"East\"")),
            .childUpdated(ChildDetails(ward: "Hill")),
            .childDied,
            .childMerged(into: "C200"),
            .contactReceived(
                ContactReceived(contact: "K1", source: ReferralSource("6")!, outcome: ContactOutcome("referral")!)),
            .referralReceived(
                ReferralReceived(
                    referral: "R1", source: ReferralSource("10")!, primaryNeed: PrimaryNeed("N1")!, isNFA: true)),
            .caseClosed(referral: "R1", reason: ClosureReason("RC8")!),
            .assessmentStarted(assessment: "A1", referral: "R1"),
            .assessmentCompleted(
                AssessmentCompleted(
                    assessment: "A1", factors: [AssessmentFactor("3A")!, AssessmentFactor("24A")!],
                    outcome: AssessmentOutcome("s47")!)),
            .strategyHeld(strategy: "S1", referral: "R1"),
            .s47Started(s47: "E1", referral: "R1", strategy: "S1"),
            .s47Completed(s47: "E1", icpcRequired: false),
            .icpcHeld(s47: "E1", referral: "R1", outcome: .plan),
            .cinPlanStarted(plan: "P1", referral: "R1"),
            .cinPlanReviewed(plan: "P1"),
            .cinPlanEnded(plan: "P1"),
            .cpPlanStarted(
                CPPlanStarted(plan: "P2", referral: "R1", category: AbuseCategory("MUL")!, previousPlans: 2)),
            .cpPlanCategoryChanged(plan: "P2", category: AbuseCategory("NEG")!),
            .cpPlanReviewed(plan: "P2"),
            .cpPlanEnded(plan: "P2"),
            .earlyHelpStarted(episode: "EH1"),
            .earlyHelpEnded(episode: "EH1", outcome: EarlyHelpOutcome("stepped-up")!),
            .steppedUp(from: .earlyHelp, to: .childProtection),
            .steppedDown(from: .care, to: .universal),
            .careStarted(
                CareStarted(period: "L1", legalStatus: LegalStatus("C2")!, needCode: CareNeed("N8")!, isUASC: true)),
            .legalStatusChanged(period: "L1", legalStatus: LegalStatus("E1")!),
            .placementStarted(
                PlacementStarted(
                    placement: "PL1", period: "L1", placementType: PlacementType("U4")!,
                    provider: PlacementProvider("PR4")!,
                    postcode: "AB1 2CD", urn: "SC123456", distanceMiles: 21.75, isSameCarer: true)),
            .placementEnded(placement: "PL1", reason: PlacementChangeReason("CARPL")!),
            .careEnded(period: "L1", reason: CareEndReason("E4A")!),
            .careReviewed(period: "L1", participation: ReviewParticipation("PN1")!),
            .missingStarted(episode: "M1", kind: MissingKind("away")!),
            .missingEnded(MissingEnded(episode: "M1", returnInterviewOffered: true, returnInterviewAccepted: false)),
            .visitMade(VisitMade(kind: VisitKind("cp")!, wasSeen: true, wasSeenAlone: false)),
            .workerAllocated(team: "North", worker: "W 17"),
            .eventRetracted(event: "e1", reason: "recorded on the wrong child"),
            .adoptionDecided(adoption: "AD1"),
            .placementOrderGranted(adoption: "AD1"),
            .adoptionMatched(
                AdoptionMatched(
                    adoption: "AD1", adopters: 2, adoptersSex: AdopterSex("MF")!,
                    adoptersLegalStatus: AdopterLegalStatus("L11")!, isFosterCarerAdopting: true)),
            .adoptionPlaced(adoption: "AD1", placement: "PL9"),
            .adoptionPlacementEnded(adoption: "AD1", reason: PlacementChangeReason("CREQO")!),
            .adoptionDecisionReversed(adoption: "AD1", reason: AdoptionReversalReason("RD3")!),
            .adoptionOrderGranted(adoption: "AD1"),
            .permanenceOrderGranted(kind: PermanenceOrderKind("special-guardianship")!, period: "L1"),
            .previousPermanenceRecorded(
                PreviousPermanence(kind: PreviousPermanenceKind("P2")!, la: "316", orderDate: "ZZ/ZZ/2015")),
            .careLeaverContacted(
                CareLeaverContacted(
                    inTouch: CareLeaverContactStatus("YES")!, activity: CareLeaverActivity("F4")!,
                    accommodation: CareLeaverAccommodation("D1")!)),
            .pathwayPlanReviewed,
            .personalAdviserAllocated(adviser: "A. Adviser"),
            .healthAssessmentCompleted,
            .dentalCheckCompleted,
            .immunisationsRecorded(isUpToDate: true),
            .healthSurveillanceRecorded(isUpToDate: false),
            .sdqRecorded(SDQRecorded(score: 17)),
            .convictionRecorded,
            .substanceMisuseIdentified(interventionOffered: true, interventionReceived: false),
            .deprivationOfLibertyStarted(order: "DOL1"),
            .deprivationOfLibertyEnded(order: "DOL1"),
            .motherhoodRecorded(isMother: true, firstChildBirthDate: d("2024-03-02")),
            .homePostcodeRecorded(postcode: "TW9 3RN"),
            .workerChangeRecorded(reason: SWReason("LEFTRL")!),
        ]
        return bodies.enumerated().map { i, body in
            Event(
                id: EventID("e\(i + 1)"), child: "C100", occurred: d("2024-05-01").adding(days: i),
                recorded: Timestamp("2024-06-01T10:15:30.5+01:00")!, body: body,
                corrects: i == 8 ? "e9x" : nil, source: "lcs", by: "worker 12")
        }
    }()
}
