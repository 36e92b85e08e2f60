/// Every data-quality check, in the order reports list them: the order of a child's journey first (dates out of
/// order), then things that cannot run at once, outcomes that contradict each other, timescales still open,
/// recording itself, and care; then permanence, leaving care and health, and the ports of the DfE's CIN census and
/// SSDA903 validation rules, added later and listed last so that the findings of the older checks keep their order.
public enum CheckCatalogue {
    public static let all: [any Check] = [
        // Order within a child's journey
        AssessmentBeforeReferral(), S47BeforeReferral(), ICPCBeforeReferral(), CINPlanBeforeReferral(),
        CPPlanBeforeReferral(), CaseClosedBeforeReferral(), AssessmentCompletedBeforeStart(),
        S47CompletedBeforeStart(), CINPlanEndsBeforeStart(), CPPlanEndsBeforeStart(), CPPlanEndsOnStartDay(),
        CareEndsBeforeStart(), PlacementEndsBeforeStart(), MissingEpisodeEndsBeforeStart(),
        EarlyHelpEndsBeforeStart(), CPReviewOnOrBeforeStart(), ICPCBeforeS47(), ActivityAfterCaseClosed(),
        ReferralTooEarlyBeforeBirth(), DatedBeforeBirth(), DatedAfterDeath(),
        // Overlaps and concurrency
        OverlappingEpisodesOfNeed(), MoreThanOneOpenEpisode(), OverlappingCPPlans(), OverlappingCINPlans(),
        CINPlanDuringCPPlan(), OverlappingAssessments(), OverlappingS47s(), OverlappingPlacements(),
        PlacementOutsidePeriodOfCare(), OverlappingPeriodsOfCare(), OverlappingMissingEpisodes(),
        // Outcomes that contradict each other
        UnknownReferral(), ActivityOnNFAReferral(), PlanOnNFAReferral(), ClosedAfterAssessmentWithS47OrPlan(),
        ClosedAsDiedWithoutDeath(), CPPlanWithoutICPC(), CPPlanStartDiffersFromICPC(), ICPCPlanWithoutCPPlan(),
        ClosedEpisodeWithOpenAssessment(), ClosedEpisodeWithOpenS47(), ClosedEpisodeWithOpenPlan(), OpenAfterDeath(),
        ParentNotRecorded(),
        // Timescales still open on the as-of date
        AssessmentOpenOver45Days(), S47WithoutICPCAfter15Days(), CPPlanReviewOverdue(), CPVisitOverdue(),
        ReturnInterviewNotOffered(), LookedAfterReviewOverdue(),
        // Recording
        RecordedLate(), RecordedBeforeOccurred(), BackDatedCorrection(), DuplicateEvent(), UnknownChild(),
        EventAfterMerge(), StepDisagreesWithPlans(), VisitOutsideInvolvement(),
        // Care
        TemporaryHospitalOverSixWeeks(), TemporaryCarerHolidayOverThreeWeeks(), TemporaryOtherOverSevenDays(),
        PoliceProtectionOver72Hours(), PeriodOfCareWithoutPlacement(),
        // Permanence
        AdoptionWithoutDecision(), AdoptionStepsOutOfOrder(), AdoptionStepOutsideCare(), AdoptedAfterDecisionReversed(),
        AdoptedWithoutMatch(),
        // Leaving care
        CareLeaverContactWithoutCare(), CareLeaverContactWhileLookedAfter(), CareLeaverActivityWhenDiedOrHome(),
        CareLeaverInTouchActivityNotKnown(),
        // Health
        SDQOutsideAges(), HealthSurveillanceAgedFiveOrOver(), ConvictionUnderTen(),
        DeprivationOfLibertyEndsBeforeStart(), OverlappingDeprivationOfLibertyOrders(),
        // CIN census rules
        CINPlanEndsOnStartDay(), CINPlanEndsAfterDeath(), CPPlanEndsAfterDeath(), S47WithoutAssessment(),
        ClosedAfterAssessmentWithoutAssessment(), OpenEpisodeNotLatest(), MoreThanOneOpenS47(),
        MoreThanOneOpenAssessment(), ReferralWithoutPrimaryNeed(), ICPCOnWeekend(), BirthDateNotRecorded(),
        ChildOver25(), UnbornChildWithSex(), CINPlanOnNFAReferral(), CINPlanStartsAfterDeath(),
        CPPlanStartsAfterDeath(), MoreThanOneOpenCINPlan(), MoreThanOneOpenCPPlan(), CINPlanAndCPPlanOpen(),
        CPReviewDuringCINPlan(), UPNCheckLetterWrong(), UPNNotNumeric(), UPNLastCharacterInvalid(),
        UPNMissingAtSchoolAge(), ChildIDNotAlphanumeric(), SexNotRecorded(), EthnicityNotRecorded(),
        DisabilityNotRecorded(), DisabilityNoneWithOthers(), BirthDateAfterAsOf(), ExpectedBirthOutOfRange(),
        DiedBeforeBirth(), DiedBeforeCensusYear(), NoFactorsWithOtherFactors(), NoFactorsNotClosedAfterAssessment(),
        AssessmentWithoutFactors(), AssessmentFactor18A(), AssessmentFactor19A(), AssessmentOpenFromBeforeCensusYear(),
        S47OpenFromBeforeCensusYear(),
        // SSDA903 rules
        StartedCareAgedEighteenOrOver(), CriminalJusticeStatusUnderTen(), YouthCustodyUnderTen(),
        SchoolPlacementUnderFour(), ResidentialEmploymentUnderFourteen(), AdoptedAgedEighteenOrOver(),
        IndependentLivingUnderFourteen(), AdultSocialCareUnderSixteen(), SpecialGuardianshipOverEighteen(),
        StayingPutUnderEighteen(), EmergencyProtectionOver21Days(), ChildAssessmentOrderOver7Days(),
        PACEDetentionOver21Days(), PeriodStartsWithTemporaryPlacement(), PeriodEndsWithTemporaryPlacement(),
        CarerHolidayMoreThanTwice(), ShortBreakOver17Days(), ShortBreakPlacementChange(), ShortBreaksOver75DaysInYear(),
        ShortBreakInTemporaryPlacement(), ShortBreakInLongTermFostering(), ShortBreakStatusesMixed(),
        MissingWhileNotLookedAfter(), MissingEndsOutsideCare(), CareRestartedOnDayItEnded(),
        CareAfterDeathOrAdulthood(), EpisodeUnderOneDay(), AdoptedWithoutAdoptivePlacement(),
        AdoptivePlacementWithoutPlacementOrder(), AdoptedOnDayMatched(), CareLeaverContactAfterDeathInCare(),
        CareLeaverUnder17(), AdoptivePlacementBeforeDecision(), PlacementOrderBeforeDecision(),
        EarlierAdoptionDecisionNotReversed(), LookedAfterPastEighteen(), UASCUnderEleven(), SDQUnderFourAtYearEnd(),
        SDQAgedSeventeenAtYearStart(), MissingOpenAfterPlacementEnded(), MissingAtEighteenWithoutE8(),
        TwoAdoptersWithSingleAdopterSex(), SingleAdopterWithCoupleSex(), UnmarriedDifferentGenderAdoptersSex(),
        UnmarriedSameGenderAdoptersSex(), CivilPartnershipAdoptersSex(), MarriedDifferentGenderAdoptersSex(),
        MarriedSameGenderAdoptersSex(), OwnProvisionPlacementType(), OtherCouncilProvisionPlacementType(),
        OtherPublicProvisionPlacementType(), PrivateProvisionWithParents(), VoluntaryProvisionWithParents(),
        ParentsProvisionNotWithParents(), ProviderOnTemporaryPlacement(), PlacementWithoutProvider(),
        URNOnPlacementType(), OtherPlacementCodedZ1From2025(), PlacementOver350Miles(), DistanceOutOfRange(),
        DistanceForUASC(),
        ParentPlacementUnderSection20(), PlacementOrderStatusBefore2005(), EpisodeBefore1991(),
        ChangeReasonOnTemporaryPlacement(), CustodyMoveUnderTen(), PlacementChangeWithoutReason(),
        SexNotRecordedInCare(), BirthDateNotRecordedInCare(), SexUnknownInCare(), UPNNotValid(),
        UPNUnknownAtSchoolAge(), ParticipationUnderFourAtFourOrOver(), ParticipationCodeUnderFour(),
        ReviewWithoutParticipation(), CareLeaverContactAfterTransfer(), FormerFosterCarersAt17(), CareAfterAdoption(),
        InterventionOfferedWhenReceived(), InterventionOfferedNotGiven(), InterventionReceivedNotGiven(),
        SocialWorkerEpisodeUnderThreeDays(), AdoptionDecisionBeforeBirth(), CareStartsBeforeBirth(),
        MissingBeforeBirth(), ReviewOfShortBreaksOnly(),
        AdoptionDecisionBeforeLatestCare(), SocialWorkerIDNotValid(), HealthSurveillanceNotRecordedUnderFive(),
        ConvictionWithoutImmunisations(), HealthSurveillanceWithoutImmunisations(),
        URNXXXXXXXOnPlacementType(), FosterCarerAdoptionNotSameCarer(), BirthDateAfterYearEnd(),
        OverTwentyFiveAtYearStart(), FoyerUnderEighteen(), AdoptivePlacementNotFromFoster(),
        TemporaryPlacementNotFollowedByReturn(), MatchedWithoutAdoptionDecision(),
        PlacementOrderWithoutAdoptionDecision(), DecisionReversedWithoutAdoptionDecision(),
        PlacedForAdoptionWithoutDecision(), AdoptedWithoutDecision(),
        OverlappingAdoptionDecisions(), LeftCareNotAdoptedWithDecisionStanding(), DeprivationOfLibertyOutsideCare(),
        DeprivationOfLibertyBeforeBirth(), MotherhoodNotRecordedInCare(), WorkerChangeWithoutReason(),
    ]

    /// The checks `only` names, all when `nil`, in the catalogue's order.
    static func checks(only: Set<String>?) -> [any Check] { all.filter { only?.contains($0.id) ?? true } }

    /// Every check id, in report order.
    public static let ids: [String] = all.map(\.id)

    /// Report order of each id.
    static let order: [String: Int] = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })

    /// The check with this id.
    public static func check(_ id: String) -> (any Check)? {
        order[id].map { all[$0] }
    }
}
