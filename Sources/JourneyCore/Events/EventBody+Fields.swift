// The fields of each event type, by name and in the order docs/events.md lists them. This is the one
// place that knows them: JSON parsing, canonical JSON and the stored binary form all go through it.
// A Boolean with a default (`nfa`, `uasc`, `sameCarer`) is written only when true, so `{}` and
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
        }
    }

    /// A rule of the type's definition that the fields break, beyond each field's own form.
    var problem: EventProblem? {
        switch self {
        case .steppedUp(let from, let to) where to <= from:
            return EventProblem(field: "data.to", message: "\"\(to)\" is not a higher level than \"\(from)\"")
        case .steppedDown(let from, let to) where to >= from:
            return EventProblem(field: "data.to", message: "\"\(to)\" is not a lower level than \"\(from)\"")
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
