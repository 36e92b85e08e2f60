import JourneyCore

extension Code {
    /// "police (6)": the meaning, with the code in brackets for those who know the codes.
    var inWords: String {
        guard let meaning else { return rawValue }
        // The words of the event format ("no-further-action") are their own meaning: no code to add.
        return meaning == rawValue.replacingHyphens ? meaning : "\(meaning) (\(rawValue))"
    }
}

extension Event {
    /// The event in plain words, codes translated: "Referral received from police (6); primary need: abuse or
    /// neglect (N1)". Postcodes and URNs are left out: a chronology names the placement, not the address, and says
    /// that a home postcode was recorded, not what it is.
    public var plainWords: String {
        switch body {
        case .childRegistered(let c): return "Child registered" + details(c)
        case .childUpdated(let c): return "Child's details changed" + details(c)
        case .childDied: return "Child died"
        case .childMerged(let into): return "Record merged into \(into)"
        case .contactReceived(let c):
            return "Contact received from \(c.source.inWords)" + (c.outcome.map { "; outcome: \($0.inWords)" } ?? "")
        case .referralReceived(let r):
            var s = "Referral received from \(r.source.inWords)"
            if let need = r.primaryNeed { s += "; primary need: \(need.inWords)" }
            if r.isNFA { s += "; no further action" }
            return s
        case .caseClosed(_, let reason): return "Case closed: \(reason.inWords)"
        case .assessmentStarted: return "Assessment started"
        case .assessmentCompleted(let a):
            var s = "Assessment authorised"
            if let outcome = a.outcome { s += "; outcome: \(outcome.inWords)" }
            if let factors = a.factors, !factors.isEmpty {
                s += "; factors: " + factors.map(\.rawValue).joined(separator: ", ")
            }
            return s
        case .strategyHeld: return "Strategy discussion held"
        case .s47Started: return "Section 47 enquiry started"
        case .s47Completed(_, let required):
            return "Section 47 enquiry completed; " + (required ? "ICPC required" : "ICPC not required")
        case .icpcHeld(_, _, let outcome):
            return "Initial child protection conference held; outcome: \(outcome.inWords)"
        case .cinPlanStarted: return "Child in need plan started"
        case .cinPlanReviewed: return "Child in need plan reviewed"
        case .cinPlanEnded: return "Child in need plan ended"
        case .cpPlanStarted(let p):
            var s = "Child protection plan started; category: \(p.category.inWords)"
            if let n = p.previousPlans, n > 0 { s += "; previous plans recorded: \(n)" }
            return s
        case .cpPlanCategoryChanged(_, let category):
            return "Child protection plan category changed to \(category.inWords)"
        case .cpPlanReviewed: return "Child protection review conference held"
        case .cpPlanEnded: return "Child protection plan ended"
        case .earlyHelpStarted: return "Early help started"
        case .earlyHelpEnded(_, let outcome):
            return "Early help ended" + (outcome.map { "; outcome: \($0.inWords)" } ?? "")
        case .steppedUp(let from, let to): return "Stepped up from \(from.meaning!) to \(to.meaning!)"
        case .steppedDown(let from, let to): return "Stepped down from \(from.meaning!) to \(to.meaning!)"
        case .careStarted(let c):
            var s =
                "Became looked after; legal status: \(c.legalStatus.inWords); category of need: \(c.needCode.inWords)"
            if c.isUASC { s += "; unaccompanied asylum-seeking child" }
            return s
        case .legalStatusChanged(_, let status): return "Legal status changed to \(status.inWords)"
        case .placementStarted(let p):
            var s = "Placement started: \(p.placementType.inWords)"
            if let provider = p.provider { s += "; provider: \(provider.inWords)" }
            if let miles = p.distanceMiles { s += "; \(miles.formatted1) miles from home" }
            if p.isSameCarer { s += "; same carer" }
            return s
        case .placementEnded(_, let reason): return "Placement ended" + (reason.map { ": \($0.inWords)" } ?? "")
        case .careEnded(_, let reason): return "Ceased to be looked after: \(reason.inWords)"
        case .careReviewed(_, let participation):
            return "Looked-after review held" + (participation.map { "; participation: \($0.inWords)" } ?? "")
        case .missingStarted(_, let kind): return "Went \(kind == MissingKind("missing")! ? "missing" : kind.meaning!)"
        case .missingEnded(let m):
            var s = "Returned"
            if let offered = m.returnInterviewOffered {
                s += offered ? "; return interview offered" : "; return interview not offered"
                if let accepted = m.returnInterviewAccepted { s += accepted ? ", accepted" : ", not accepted" }
            }
            return s
        case .visitMade(let v):
            let seen = v.wasSeen ? (v.wasSeenAlone == true ? "child seen alone" : "child seen") : "child not seen"
            return "\(v.kind.meaning!.prefix(1).uppercased() + v.kind.meaning!.dropFirst()); \(seen)"
        case .workerAllocated(let team, let worker):
            return "Allocated to team \(team)" + (worker.map { ", worker \($0)" } ?? "")
        case .eventRetracted(_, let reason): return "Retracted an earlier record: \(reason)"
        case .adoptionDecided: return "Decision that the child should be placed for adoption"
        case .placementOrderGranted: return "Placement order granted"
        case .adoptionMatched(let m):
            var s = "Matched with prospective adopters: \(m.adoptersSex.inWords); \(m.adoptersLegalStatus.inWords)"
            if m.isFosterCarerAdopting { s += "; the foster carer is adopting" }
            return s
        case .adoptionPlaced: return "Placed with prospective adopters"
        case .adoptionPlacementEnded(_, let reason):
            return "Placement with prospective adopters ended before an adoption order"
                + (reason.map { ": \($0.inWords)" } ?? "")
        case .adoptionDecisionReversed(_, let reason):
            return "Decision that the child should no longer be placed for adoption: \(reason.inWords)"
        case .adoptionOrderGranted: return "Adoption order granted"
        case .permanenceOrderGranted(let kind, _):
            return "\(kind.meaning!.prefix(1).uppercased() + kind.meaning!.dropFirst()) granted"
        case .previousPermanenceRecorded(let p):
            var s = "Previous permanence recorded: \(p.kind.inWords)"
            if let la = p.la { s += "; arranged by authority \(la)" }
            if let date = p.orderDate { s += "; order dated \(date)" }
            return s
        case .careLeaverContacted(let c):
            var s = "Care leaver contact: \(c.inTouch.inWords)"
            if let activity = c.activity { s += "; activity: \(activity.inWords)" }
            if let accommodation = c.accommodation { s += "; accommodation: \(accommodation.inWords)" }
            return s
        case .pathwayPlanReviewed: return "Pathway plan reviewed"
        case .personalAdviserAllocated(let adviser):
            return "Personal adviser allocated" + (adviser.map { ": \($0)" } ?? "")
        case .healthAssessmentCompleted: return "Health assessment completed"
        case .dentalCheckCompleted: return "Dental check completed"
        case .immunisationsRecorded(let isUpToDate):
            return "Immunisations " + (isUpToDate ? "up to date" : "not up to date")
        case .healthSurveillanceRecorded(let isUpToDate):
            return "Development checks " + (isUpToDate ? "up to date" : "not up to date")
        case .sdqRecorded(let q):
            if let score = q.score { return "Strengths and difficulties questionnaire: score \(score)" }
            return "No strengths and difficulties score: \(q.reasonNotTaken.map(\.inWords) ?? "no reason given")"
        case .convictionRecorded: return "Convicted of an offence"
        case .substanceMisuseIdentified(let offered, let received):
            var s = "Substance misuse problem identified"
            if let offered { s += offered ? "; intervention offered" : "; intervention not offered" }
            if let received { s += received ? "; intervention received" : "; intervention not received" }
            return s
        case .deprivationOfLibertyStarted: return "Deprivation of liberty order started"
        case .deprivationOfLibertyEnded: return "Deprivation of liberty order ended"
        case .motherhoodRecorded(let isMother, let firstChildBirthDate):
            guard isMother else { return "Recorded as not a mother" }
            return "Recorded as a mother" + (firstChildBirthDate.map { "; first child born \($0)" } ?? "")
        case .homePostcodeRecorded: return "Home postcode recorded"
        case .workerChangeRecorded(let reason): return "Social worker changed: \(reason.inWords)"
        }
    }

    private func details(_ c: ChildDetails) -> String {
        var parts: [String] = []
        if let b = c.birthDate { parts.append("born \(b)") }
        if let b = c.expectedBirthDate { parts.append("expected \(b)") }
        if let s = c.sex { parts.append("sex: \(s.inWords)") }
        if let e = c.ethnicity { parts.append("ethnicity: \(e.inWords)") }
        if let d = c.disabilities { parts.append("disabilities: " + d.map(\.rawValue).joined(separator: ", ")) }
        if let w = c.ward { parts.append("ward: \(w)") }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: "; ")
    }
}

extension String {
    var replacingHyphens: String { String(map { $0 == "-" ? " " : $0 }) }
}

extension Double {
    /// One decimal place, the same on every platform.
    var formatted1: String {
        let tenths = Int((self * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
