import JourneyCore

/// The source every synthetic event carries, so that nobody mistakes a synthetic log for a real one. Text that
/// needs no escaping, which the line writer copies as it stands.
let synthSource: StaticString = "synth"

extension SynthRecord {
    /// The event this record stands for.
    func event(profile: ChildProfile, names: ChildNames) -> Event {
        let prefix = isDuplicateChild ? names.duplicateEventPrefix : names.eventPrefix
        return Event(
            id: EventID(prefix + String(number)),
            child: ChildID(isDuplicateChild ? names.duplicate : names.child),
            occurred: occurred,
            recorded: Timestamp(nanoseconds: recorded * 1_000_000_000),
            body: fact.body(profile: profile, eventPrefix: prefix, into: ChildID(names.child)),
            corrects: corrects == 0 ? nil : EventID(prefix + String(corrects)),
            source: synthSource.description)
    }
}

extension Fact {
    /// The event body, with identifiers written out: `eventPrefix` names the events of the record the fact is on
    /// (a retraction names one of them), `into` the child a duplicate record is merged into.
    func body(profile: ChildProfile, eventPrefix: String, into: ChildID) -> EventBody {
        typealias ID = LifecycleID
        switch self {
        case .childRegistered:
            return .childRegistered(profile.registeredDetails)
        case .childBorn:
            return .childUpdated(profile.birthDetails)
        case .childMerged:
            return .childMerged(into: into)
        case .childDied:
            return .childDied
        case .contactReceived(let contact, let source, let outcome):
            return .contactReceived(ContactReceived(contact: ID.contact(contact), source: source, outcome: outcome))
        case .referralReceived(let referral, let source, let need, let isNFA):
            return .referralReceived(
                ReferralReceived(referral: ID.referral(referral), source: source, primaryNeed: need, isNFA: isNFA))
        case .caseClosed(let referral, let reason):
            return .caseClosed(referral: ID.referral(referral), reason: reason)
        case .assessmentStarted(let assessment, let referral):
            return .assessmentStarted(assessment: ID.assessment(assessment), referral: ID.referral(referral))
        case .assessmentCompleted(let assessment, let factors, let outcome):
            return .assessmentCompleted(
                AssessmentCompleted(
                    assessment: ID.assessment(assessment), factors: factors.count > 0 ? factors.factors : nil,
                    outcome: outcome))
        case .strategyHeld(let strategy, let referral):
            return .strategyHeld(strategy: ID.strategy(strategy), referral: ID.referral(referral))
        case .s47Started(let s47, let referral, let strategy):
            return .s47Started(s47: ID.s47(s47), referral: ID.referral(referral), strategy: ID.strategy(strategy))
        case .s47Completed(let s47, let icpcRequired):
            return .s47Completed(s47: ID.s47(s47), icpcRequired: icpcRequired)
        case .icpcHeld(let s47, let referral, let outcome):
            return .icpcHeld(s47: ID.s47(s47), referral: ID.referral(referral), outcome: outcome)
        case .cinPlanStarted(let plan, let referral):
            return .cinPlanStarted(plan: ID.cinPlan(plan), referral: ID.referral(referral))
        case .cinPlanReviewed(let plan):
            return .cinPlanReviewed(plan: ID.cinPlan(plan))
        case .cinPlanEnded(let plan):
            return .cinPlanEnded(plan: ID.cinPlan(plan))
        case .cpPlanStarted(let plan, let referral, let category, let previousPlans):
            return .cpPlanStarted(
                CPPlanStarted(
                    plan: ID.cpPlan(plan), referral: ID.referral(referral), category: category,
                    previousPlans: previousPlans < 0 ? nil : Int(previousPlans)))
        case .cpPlanCategoryChanged(let plan, let category):
            return .cpPlanCategoryChanged(plan: ID.cpPlan(plan), category: category)
        case .cpPlanReviewed(let plan):
            return .cpPlanReviewed(plan: ID.cpPlan(plan))
        case .cpPlanEnded(let plan):
            return .cpPlanEnded(plan: ID.cpPlan(plan))
        case .earlyHelpStarted(let episode):
            return .earlyHelpStarted(episode: ID.earlyHelp(episode))
        case .earlyHelpEnded(let episode, let outcome):
            return .earlyHelpEnded(episode: ID.earlyHelp(episode), outcome: outcome)
        case .steppedUp(let from, let to):
            return .steppedUp(from: from, to: to)
        case .steppedDown(let from, let to):
            return .steppedDown(from: from, to: to)
        case .careStarted(let period, let legalStatus, let need, let isUASC):
            return .careStarted(
                CareStarted(period: ID.period(period), legalStatus: legalStatus, needCode: need, isUASC: isUASC))
        case .legalStatusChanged(let period, let legalStatus):
            return .legalStatusChanged(period: ID.period(period), legalStatus: legalStatus)
        case .placementStarted(let p):
            return .placementStarted(
                PlacementStarted(
                    placement: ID.placement(p.placement), period: ID.period(p.period), placementType: p.placementType,
                    provider: p.provider,
                    postcode: p.postcode == 0 ? nil : HomePostcodes.postcode(p.postcode).description,
                    urn: p.home == 0 ? nil : ID.urn(home: p.home),
                    distanceMiles: p.distanceTenths < 0 ? nil : Double(p.distanceTenths) / 10,
                    isSameCarer: p.isSameCarer))
        case .placementEnded(let placement, let reason):
            return .placementEnded(placement: ID.placement(placement), reason: reason)
        case .careEnded(let period, let reason):
            return .careEnded(period: ID.period(period), reason: reason)
        case .careReviewed(let period, let participation):
            return .careReviewed(period: ID.period(period), participation: participation)
        case .missingStarted(let episode, let kind):
            return .missingStarted(episode: ID.missing(episode), kind: kind)
        case .missingEnded(let episode, let offered, let accepted):
            return .missingEnded(
                MissingEnded(
                    episode: ID.missing(episode), returnInterviewOffered: offered,
                    returnInterviewAccepted: offered ? accepted : nil))
        case .visitMade(let kind, let seen, let seenAlone):
            return .visitMade(VisitMade(kind: kind, wasSeen: seen, wasSeenAlone: seenAlone))
        case .workerAllocated(let team, let worker):
            return .workerAllocated(team: team.name, worker: team.workerID(worker))
        case .eventRetracted(let event):
            return .eventRetracted(
                event: EventID(eventPrefix + String(event)), reason: Fact.retractionReason.description)
        case .adoptionDecided(let adoption):
            return .adoptionDecided(adoption: ID.adoption(adoption))
        case .placementOrderGranted(let adoption):
            return .placementOrderGranted(adoption: ID.adoption(adoption))
        case .adoptionMatched(let adoption, let adopters, let legalStatus, let isFosterCarer):
            return .adoptionMatched(
                AdoptionMatched(
                    adoption: ID.adoption(adoption), adopters: adopters.isSingle ? 1 : 2, adoptersSex: adopters,
                    adoptersLegalStatus: legalStatus, isFosterCarerAdopting: isFosterCarer))
        case .adoptionPlaced(let adoption, let placement):
            return .adoptionPlaced(adoption: ID.adoption(adoption), placement: ID.placement(placement))
        case .adoptionPlacementEnded(let adoption, let reason):
            return .adoptionPlacementEnded(adoption: ID.adoption(adoption), reason: reason)
        case .adoptionDecisionReversed(let adoption, let reason):
            return .adoptionDecisionReversed(adoption: ID.adoption(adoption), reason: reason)
        case .adoptionOrderGranted(let adoption):
            return .adoptionOrderGranted(adoption: ID.adoption(adoption))
        case .permanenceOrderGranted(let kind, let period):
            return .permanenceOrderGranted(kind: kind, period: ID.period(period))
        case .previousPermanenceRecorded(let kind, let year):
            return .previousPermanenceRecorded(
                PreviousPermanence(
                    kind: kind, la: year == 0 ? nil : ID.authority.description,
                    orderDate: year == 0 ? nil : ID.orderYear(year)))
        case .careLeaverContacted(let inTouch, let activity, let accommodation):
            return .careLeaverContacted(
                CareLeaverContacted(inTouch: inTouch, activity: activity, accommodation: accommodation))
        case .pathwayPlanReviewed:
            return .pathwayPlanReviewed
        case .personalAdviserAllocated(let adviser):
            return .personalAdviserAllocated(adviser: ID.adviser(adviser))
        case .healthAssessmentCompleted:
            return .healthAssessmentCompleted
        case .dentalCheckCompleted:
            return .dentalCheckCompleted
        case .immunisationsRecorded(let upToDate):
            return .immunisationsRecorded(isUpToDate: upToDate)
        case .healthSurveillanceRecorded(let upToDate):
            return .healthSurveillanceRecorded(isUpToDate: upToDate)
        case .sdqRecorded(let score, let reason):
            return .sdqRecorded(SDQRecorded(score: score < 0 ? nil : Int(score), reasonNotTaken: reason))
        case .convictionRecorded:
            return .convictionRecorded
        case .substanceMisuseIdentified(let offered, let received):
            return .substanceMisuseIdentified(interventionOffered: offered, interventionReceived: received)
        case .deprivationOfLibertyStarted(let order):
            return .deprivationOfLibertyStarted(order: ID.deprivationOfLiberty(order))
        case .deprivationOfLibertyEnded(let order):
            return .deprivationOfLibertyEnded(order: ID.deprivationOfLiberty(order))
        case .motherhoodRecorded(let isMother, let firstChildBirthDate):
            return .motherhoodRecorded(isMother: isMother, firstChildBirthDate: firstChildBirthDate)
        case .homePostcodeRecorded(let postcode):
            return .homePostcodeRecorded(postcode: HomePostcodes.postcode(postcode).description)
        case .workerChangeRecorded(let reason):
            return .workerChangeRecorded(reason: reason)
        }
    }

    /// Why the generator retracts an event (text that needs no escaping, as `synthSource`).
    static let retractionReason: StaticString = "recorded in error"
}

extension Code where List == AdopterSexes {
    /// `M1`, `F1`: a single adopter (SSDA903 `NB_ADOPTR` 1); the couples are two.
    var isSingle: Bool { rawValue.last == "1" }
}
