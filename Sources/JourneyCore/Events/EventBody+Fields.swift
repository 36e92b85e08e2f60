// The fields of each event type, by name and in the order docs/events.md lists them. This is the one
// place that knows them: JSON parsing, canonical JSON and the stored binary form all go through it.
// A Boolean with a default (`nfa`, `uasc`, `sameCarer`, `fosterCarerAdopting`) is written only when true, so `{}` and
// `{"nfa":false}` are the same event.

extension EventBody {
    static func read<R: FieldReader>(_ type: EventType, from r: inout R) throws -> EventBody {
        switch type {
        case .childRegistered: return .childRegistered(try ChildDetails.read(from: &r))
        case .childUpdated: return .childUpdated(try ChildDetails.read(from: &r))
        case .childDied: return .childDied
        case .childMerged: return .childMerged(into: try r.required("into"))
        case .contactReceived:
            return .contactReceived(
                ContactReceived(
                    contact: try r.required("contact"), source: try r.required("source"),
                    outcome: try r.optional("outcome")))
        case .referralReceived:
            return .referralReceived(
                ReferralReceived(
                    referral: try r.required("referral"), source: try r.required("source"),
                    primaryNeed: try r.optional("primaryNeed"), isNFA: try r.optional("nfa") ?? false))
        case .caseClosed: return .caseClosed(referral: try r.required("referral"), reason: try r.required("reason"))
        case .assessmentStarted:
            return .assessmentStarted(assessment: try r.required("assessment"), referral: try r.required("referral"))
        case .assessmentCompleted:
            return .assessmentCompleted(
                AssessmentCompleted(
                    assessment: try r.required("assessment"), factors: try r.optional("factors"),
                    outcome: try r.optional("outcome")))
        case .strategyHeld:
            return .strategyHeld(strategy: try r.required("strategy"), referral: try r.required("referral"))
        case .s47Started:
            return .s47Started(
                s47: try r.required("s47"), referral: try r.required("referral"), strategy: try r.optional("strategy"))
        case .s47Completed:
            return .s47Completed(s47: try r.required("s47"), icpcRequired: try r.required("icpcRequired"))
        case .icpcHeld:
            return .icpcHeld(
                s47: try r.optional("s47"), referral: try r.required("referral"), outcome: try r.required("outcome"))
        case .cinPlanStarted: return .cinPlanStarted(plan: try r.required("plan"), referral: try r.required("referral"))
        case .cinPlanReviewed: return .cinPlanReviewed(plan: try r.required("plan"))
        case .cinPlanEnded: return .cinPlanEnded(plan: try r.required("plan"))
        case .cpPlanStarted:
            return .cpPlanStarted(
                CPPlanStarted(
                    plan: try r.required("plan"), referral: try r.required("referral"),
                    category: try r.required("category"), previousPlans: try r.optional("previousPlans")))
        case .cpPlanCategoryChanged:
            return .cpPlanCategoryChanged(plan: try r.required("plan"), category: try r.required("category"))
        case .cpPlanReviewed: return .cpPlanReviewed(plan: try r.required("plan"))
        case .cpPlanEnded: return .cpPlanEnded(plan: try r.required("plan"))
        case .earlyHelpStarted: return .earlyHelpStarted(episode: try r.required("episode"))
        case .earlyHelpEnded:
            return .earlyHelpEnded(episode: try r.required("episode"), outcome: try r.optional("outcome"))
        case .steppedUp: return .steppedUp(from: try r.required("from"), to: try r.required("to"))
        case .steppedDown: return .steppedDown(from: try r.required("from"), to: try r.required("to"))
        case .careStarted:
            return .careStarted(
                CareStarted(
                    period: try r.required("period"), legalStatus: try r.required("legalStatus"),
                    needCode: try r.required("needCode"), isUASC: try r.optional("uasc") ?? false))
        case .legalStatusChanged:
            return .legalStatusChanged(period: try r.required("period"), legalStatus: try r.required("legalStatus"))
        case .placementStarted:
            return .placementStarted(
                PlacementStarted(
                    placement: try r.required("placement"), period: try r.required("period"),
                    placementType: try r.required("placementType"), provider: try r.optional("provider"),
                    postcode: try r.optional("postcode"), urn: try r.optional("urn"),
                    distanceMiles: try r.optional("distanceMiles"), isSameCarer: try r.optional("sameCarer") ?? false))
        case .placementEnded:
            return .placementEnded(placement: try r.required("placement"), reason: try r.optional("reason"))
        case .careEnded: return .careEnded(period: try r.required("period"), reason: try r.required("reason"))
        case .careReviewed:
            return .careReviewed(period: try r.required("period"), participation: try r.optional("participation"))
        case .missingStarted: return .missingStarted(episode: try r.required("episode"), kind: try r.required("kind"))
        case .missingEnded:
            return .missingEnded(
                MissingEnded(
                    episode: try r.required("episode"),
                    returnInterviewOffered: try r.optional("returnInterviewOffered"),
                    returnInterviewAccepted: try r.optional("returnInterviewAccepted")))
        case .visitMade:
            return .visitMade(
                VisitMade(
                    kind: try r.required("kind"), wasSeen: try r.required("seen"),
                    wasSeenAlone: try r.optional("seenAlone")))
        case .workerAllocated: return .workerAllocated(team: try r.required("team"), worker: try r.optional("worker"))
        case .eventRetracted: return .eventRetracted(event: try r.required("event"), reason: try r.required("reason"))
        case .adoptionDecided: return .adoptionDecided(adoption: try r.required("adoption"))
        case .placementOrderGranted: return .placementOrderGranted(adoption: try r.required("adoption"))
        case .adoptionMatched:
            return .adoptionMatched(
                AdoptionMatched(
                    adoption: try r.required("adoption"), adopters: try r.required("adopters"),
                    adoptersSex: try r.required("adoptersSex"),
                    adoptersLegalStatus: try r.required("adoptersLegalStatus"),
                    isFosterCarerAdopting: try r.optional("fosterCarerAdopting") ?? false))
        case .adoptionPlaced:
            return .adoptionPlaced(adoption: try r.required("adoption"), placement: try r.optional("placement"))
        case .adoptionPlacementEnded:
            return .adoptionPlacementEnded(adoption: try r.required("adoption"), reason: try r.optional("reason"))
        case .adoptionDecisionReversed:
            return .adoptionDecisionReversed(adoption: try r.required("adoption"), reason: try r.required("reason"))
        case .adoptionOrderGranted: return .adoptionOrderGranted(adoption: try r.required("adoption"))
        case .permanenceOrderGranted:
            return .permanenceOrderGranted(kind: try r.required("kind"), period: try r.optional("period"))
        case .previousPermanenceRecorded:
            return .previousPermanenceRecorded(
                PreviousPermanence(
                    kind: try r.required("kind"), la: try r.optional("la"), orderDate: try r.optional("orderDate")))
        case .careLeaverContacted:
            return .careLeaverContacted(
                CareLeaverContacted(
                    inTouch: try r.required("inTouch"), activity: try r.optional("activity"),
                    accommodation: try r.optional("accommodation")))
        case .pathwayPlanReviewed: return .pathwayPlanReviewed
        case .personalAdviserAllocated: return .personalAdviserAllocated(adviser: try r.optional("adviser"))
        case .healthAssessmentCompleted: return .healthAssessmentCompleted
        case .dentalCheckCompleted: return .dentalCheckCompleted
        case .immunisationsRecorded: return .immunisationsRecorded(isUpToDate: try r.required("upToDate"))
        case .healthSurveillanceRecorded: return .healthSurveillanceRecorded(isUpToDate: try r.required("upToDate"))
        case .sdqRecorded:
            return .sdqRecorded(
                SDQRecorded(score: try r.optional("score"), reasonNotTaken: try r.optional("reasonNotTaken")))
        case .convictionRecorded: return .convictionRecorded
        case .substanceMisuseIdentified:
            return .substanceMisuseIdentified(
                interventionOffered: try r.optional("interventionOffered"),
                interventionReceived: try r.optional("interventionReceived"))
        case .deprivationOfLibertyStarted: return .deprivationOfLibertyStarted(order: try r.required("order"))
        case .deprivationOfLibertyEnded: return .deprivationOfLibertyEnded(order: try r.required("order"))
        case .motherhoodRecorded:
            return .motherhoodRecorded(
                isMother: try r.required("mother"), firstChildBirthDate: try r.optional("firstChildBirthDate"))
        case .homePostcodeRecorded: return .homePostcodeRecorded(postcode: try r.required("postcode"))
        case .workerChangeRecorded: return .workerChangeRecorded(reason: try r.required("reason"))
        }
    }

    func write<W: FieldWriter>(to w: inout W) {
        switch self {
        case .childRegistered(let d), .childUpdated(let d): d.write(to: &w)
        case .childDied: break
        case .childMerged(let into): w.required("into", into)
        case .contactReceived(let c):
            w.required("contact", c.contact)
            w.required("source", c.source)
            w.optional("outcome", c.outcome)
        case .referralReceived(let r):
            w.required("referral", r.referral)
            w.required("source", r.source)
            w.optional("primaryNeed", r.primaryNeed)
            w.optional("nfa", r.isNFA ? true : nil)
        case .caseClosed(let referral, let reason):
            w.required("referral", referral)
            w.required("reason", reason)
        case .assessmentStarted(let assessment, let referral):
            w.required("assessment", assessment)
            w.required("referral", referral)
        case .assessmentCompleted(let a):
            w.required("assessment", a.assessment)
            w.optional("factors", a.factors)
            w.optional("outcome", a.outcome)
        case .strategyHeld(let strategy, let referral):
            w.required("strategy", strategy)
            w.required("referral", referral)
        case .s47Started(let s47, let referral, let strategy):
            w.required("s47", s47)
            w.required("referral", referral)
            w.optional("strategy", strategy)
        case .s47Completed(let s47, let icpcRequired):
            w.required("s47", s47)
            w.required("icpcRequired", icpcRequired)
        case .icpcHeld(let s47, let referral, let outcome):
            w.optional("s47", s47)
            w.required("referral", referral)
            w.required("outcome", outcome)
        case .cinPlanStarted(let plan, let referral):
            w.required("plan", plan)
            w.required("referral", referral)
        case .cinPlanReviewed(let plan), .cinPlanEnded(let plan), .cpPlanReviewed(let plan), .cpPlanEnded(let plan):
            w.required("plan", plan)
        case .cpPlanStarted(let p):
            w.required("plan", p.plan)
            w.required("referral", p.referral)
            w.required("category", p.category)
            w.optional("previousPlans", p.previousPlans)
        case .cpPlanCategoryChanged(let plan, let category):
            w.required("plan", plan)
            w.required("category", category)
        case .earlyHelpStarted(let episode): w.required("episode", episode)
        case .earlyHelpEnded(let episode, let outcome):
            w.required("episode", episode)
            w.optional("outcome", outcome)
        case .steppedUp(let from, let to), .steppedDown(let from, let to):
            w.required("from", from)
            w.required("to", to)
        case .careStarted(let c):
            w.required("period", c.period)
            w.required("legalStatus", c.legalStatus)
            w.required("needCode", c.needCode)
            w.optional("uasc", c.isUASC ? true : nil)
        case .legalStatusChanged(let period, let legalStatus):
            w.required("period", period)
            w.required("legalStatus", legalStatus)
        case .placementStarted(let p):
            w.required("placement", p.placement)
            w.required("period", p.period)
            w.required("placementType", p.placementType)
            w.optional("provider", p.provider)
            w.optional("postcode", p.postcode)
            w.optional("urn", p.urn)
            w.optional("distanceMiles", p.distanceMiles)
            w.optional("sameCarer", p.isSameCarer ? true : nil)
        case .placementEnded(let placement, let reason):
            w.required("placement", placement)
            w.optional("reason", reason)
        case .careEnded(let period, let reason):
            w.required("period", period)
            w.required("reason", reason)
        case .careReviewed(let period, let participation):
            w.required("period", period)
            w.optional("participation", participation)
        case .missingStarted(let episode, let kind):
            w.required("episode", episode)
            w.required("kind", kind)
        case .missingEnded(let m):
            w.required("episode", m.episode)
            w.optional("returnInterviewOffered", m.returnInterviewOffered)
            w.optional("returnInterviewAccepted", m.returnInterviewAccepted)
        case .visitMade(let v):
            w.required("kind", v.kind)
            w.required("seen", v.wasSeen)
            w.optional("seenAlone", v.wasSeenAlone)
        case .workerAllocated(let team, let worker):
            w.required("team", team)
            w.optional("worker", worker)
        case .eventRetracted(let event, let reason):
            w.required("event", event)
            w.required("reason", reason)
        case .adoptionDecided(let adoption), .placementOrderGranted(let adoption), .adoptionOrderGranted(let adoption):
            w.required("adoption", adoption)
        case .adoptionMatched(let m):
            w.required("adoption", m.adoption)
            w.required("adopters", m.adopters)
            w.required("adoptersSex", m.adoptersSex)
            w.required("adoptersLegalStatus", m.adoptersLegalStatus)
            w.optional("fosterCarerAdopting", m.isFosterCarerAdopting ? true : nil)
        case .adoptionPlaced(let adoption, let placement):
            w.required("adoption", adoption)
            w.optional("placement", placement)
        case .adoptionPlacementEnded(let adoption, let reason):
            w.required("adoption", adoption)
            w.optional("reason", reason)
        case .adoptionDecisionReversed(let adoption, let reason):
            w.required("adoption", adoption)
            w.required("reason", reason)
        case .permanenceOrderGranted(let kind, let period):
            w.required("kind", kind)
            w.optional("period", period)
        case .previousPermanenceRecorded(let p):
            w.required("kind", p.kind)
            w.optional("la", p.la)
            w.optional("orderDate", p.orderDate)
        case .careLeaverContacted(let c):
            w.required("inTouch", c.inTouch)
            w.optional("activity", c.activity)
            w.optional("accommodation", c.accommodation)
        case .pathwayPlanReviewed, .healthAssessmentCompleted, .dentalCheckCompleted, .convictionRecorded: break
        case .personalAdviserAllocated(let adviser): w.optional("adviser", adviser)
        case .immunisationsRecorded(let isUpToDate), .healthSurveillanceRecorded(let isUpToDate):
            w.required("upToDate", isUpToDate)
        case .sdqRecorded(let s):
            w.optional("score", s.score)
            w.optional("reasonNotTaken", s.reasonNotTaken)
        case .substanceMisuseIdentified(let offered, let received):
            w.optional("interventionOffered", offered)
            w.optional("interventionReceived", received)
        case .deprivationOfLibertyStarted(let order), .deprivationOfLibertyEnded(let order):
            w.required("order", order)
        case .motherhoodRecorded(let isMother, let firstChildBirthDate):
            w.required("mother", isMother)
            w.optional("firstChildBirthDate", firstChildBirthDate)
        case .homePostcodeRecorded(let postcode): w.required("postcode", postcode)
        case .workerChangeRecorded(let reason): w.required("reason", reason)
        }
    }

    /// A rule of the type's definition that the fields break, beyond each field's own form.
    var problem: EventProblem? {
        switch self {
        case .steppedUp(let from, let to) where to <= from:
            return EventProblem(field: "data.to", message: "\"\(to)\" is not a higher level than \"\(from)\"")
        case .steppedDown(let from, let to) where to >= from:
            return EventProblem(field: "data.to", message: "\"\(to)\" is not a lower level than \"\(from)\"")
        case .adoptionMatched(let m) where !(1...2).contains(m.adopters):
            return EventProblem(field: "data.adopters", message: "must be 1 or 2 (the 903's NB_ADOPTR)")
        case .previousPermanenceRecorded(let p) where (p.orderDate?.utf8.count ?? 0) > 10:
            return EventProblem(
                field: "data.orderDate",
                message: "must be 1–10 characters long (the 903's DATE_PERM: DD/MM/YYYY, ZZ for a part not known)")
        case .sdqRecorded(let s) where (s.score == nil) == (s.reasonNotTaken == nil):
            return EventProblem(
                field: s.score == nil ? "data.score" : "data.reasonNotTaken",
                message: "exactly one of score and reasonNotTaken must be given (a score, or why there is none)")
        case .sdqRecorded(let s) where s.score.map { $0 > 40 } ?? false:
            return EventProblem(field: "data.score", message: "must be 0–40 (the SDQ's total difficulties score)")
        case .motherhoodRecorded(false, .some):
            return EventProblem(
                field: "data.firstChildBirthDate",
                message: "must not be given when mother is false (the 903's rule 612: MC_DOB only for a mother)")
        case .homePostcodeRecorded(let postcode) where postcode.utf8.count > 8:
            return EventProblem(
                field: "data.postcode",
                message: "must be 1–8 characters long (the 903's HOME_POST: a full postcode, such as SW1A 1AA)")
        default:
            return nil
        }
    }
}

extension ChildDetails {
    static func read<R: FieldReader>(from r: inout R) throws -> ChildDetails {
        ChildDetails(
            birthDate: try r.optional("birthDate"), expectedBirthDate: try r.optional("expectedBirthDate"),
            sex: try r.optional("sex"), ethnicity: try r.optional("ethnicity"),
            disabilities: try r.optional("disabilities"), upn: try r.optional("upn"), ward: try r.optional("ward"))
    }

    func write<W: FieldWriter>(to w: inout W) {
        w.optional("birthDate", birthDate)
        w.optional("expectedBirthDate", expectedBirthDate)
        w.optional("sex", sex)
        w.optional("ethnicity", ethnicity)
        w.optional("disabilities", disabilities)
        w.optional("upn", upn)
        w.optional("ward", ward)
    }
}
