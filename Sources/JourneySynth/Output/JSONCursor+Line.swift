import JourneyCore

extension JSONCursor {
    /// The most bytes one line can take: the longest line the generator makes is about 400 bytes.
    static let maximumLineLength = 1_024

    /// Writes `record` as one line of the interchange format, newline included: the bytes of
    /// `Event.canonicalJSON()` for the same event. `seed` is the seed's part of the id (`s42-`), `child` the
    /// child's identifier, and `details` the child's details for `child.registered` and `child.updated`.
    mutating func line(_ record: SynthRecord, seed: ShortBytes, child: ShortBytes, details: ChildDetails?) {
        raw("{\"id\":\"")
        idPrefix(seed, child)
        whole(Int(record.number))
        raw("\",\"type\":\"")
        raw(record.fact.type.staticName)
        raw("\",\"child\":\"")
        child.withBytes { raw($0) }
        raw("\",\"occurred\":\"")
        let occurred = position
        date(record.occurred)
        raw("\",\"recorded\":\"")
        if record.recorded / 86_400 == Int64(record.occurred.dayNumber) {
            // Recorded on the day it occurred (nearly always): the date is already written.
            position.update(from: occurred, count: 10)
            position += 10
            time(secondOfDay: Int(record.recorded % 86_400))
        } else {
            timestamp(record.recorded)
        }
        raw("\",\"data\":")
        data(record.fact, seed: seed, child: child, details: details)
        if record.corrects != 0 {
            raw(",\"corrects\":\"")
            idPrefix(seed, child)
            whole(Int(record.corrects))
            byte(0x22)
        }
        raw(",\"source\":\"")
        raw(synthSource)
        raw("\"}\n")
    }

    /// `s42-C000123-`.
    @inline(__always)
    private mutating func idPrefix(_ seed: ShortBytes, _ child: ShortBytes) {
        seed.withBytes { raw($0) }
        child.withBytes { raw($0) }
        byte(0x2D)
    }

    // The `data` object, fields in the format's order (EventBody+Fields.swift).
    mutating func data(_ fact: Fact, seed: ShortBytes, child: ShortBytes, details: ChildDetails?) {
        switch fact {
        case .childRegistered, .childBorn:
            self.details(details!)
        case .childMerged:
            // On the duplicate record (`D…`), into the child it duplicated (`C…`).
            raw("{\"into\":\"C")
            child.withBytes { raw(UnsafeBufferPointer(rebasing: $0.dropFirst())) }
            raw("\"}")
        case .contactReceived(let contact, let source, let outcome):
            raw("{\"contact\":\"CT")
            whole(Int(contact))
            raw("\",\"source\":")
            quoted(source)
            raw(",\"outcome\":")
            quoted(outcome)
            byte(0x7D)
        case .referralReceived(let referral, let source, let need, let isNFA):
            referralField(referral, first: true)
            raw(",\"source\":")
            quoted(source)
            raw(",\"primaryNeed\":")
            quoted(need)
            if isNFA { raw(",\"nfa\":true") }
            byte(0x7D)
        case .caseClosed(let referral, let reason):
            referralField(referral, first: true)
            raw(",\"reason\":")
            quoted(reason)
            byte(0x7D)
        case .assessmentStarted(let assessment, let referral):
            raw("{\"assessment\":\"A")
            whole(Int(assessment))
            byte(0x22)
            referralField(referral, first: false)
            byte(0x7D)
        case .assessmentCompleted(let assessment, let factors, let outcome):
            raw("{\"assessment\":\"A")
            whole(Int(assessment))
            // No factors recorded (a defect) leaves the field out, as `SynthRecord.event` does.
            if factors.count > 0 {
                raw("\",\"factors\":[")
                for i in 0..<factors.count {
                    if i > 0 { byte(0x2C) }
                    quoted(factors[i])
                }
                raw("],\"outcome\":")
            } else {
                raw("\",\"outcome\":")
            }
            quoted(outcome)
            byte(0x7D)
        case .strategyHeld(let strategy, let referral):
            raw("{\"strategy\":\"SD")
            whole(Int(strategy))
            byte(0x22)
            referralField(referral, first: false)
            byte(0x7D)
        case .s47Started(let s47, let referral, let strategy):
            raw("{\"s47\":\"S")
            whole(Int(s47))
            byte(0x22)
            referralField(referral, first: false)
            raw(",\"strategy\":\"SD")
            whole(Int(strategy))
            raw("\"}")
        case .s47Completed(let s47, let icpcRequired):
            raw("{\"s47\":\"S")
            whole(Int(s47))
            raw("\",\"icpcRequired\":")
            bool(icpcRequired)
            byte(0x7D)
        case .icpcHeld(let s47, let referral, let outcome):
            raw("{\"s47\":\"S")
            whole(Int(s47))
            byte(0x22)
            referralField(referral, first: false)
            raw(",\"outcome\":")
            quoted(outcome)
            byte(0x7D)
        case .cinPlanStarted(let plan, let referral):
            raw("{\"plan\":\"CIN")
            whole(Int(plan))
            byte(0x22)
            referralField(referral, first: false)
            byte(0x7D)
        case .cinPlanReviewed(let plan), .cinPlanEnded(let plan):
            raw("{\"plan\":\"CIN")
            whole(Int(plan))
            raw("\"}")
        case .cpPlanStarted(let plan, let referral, let category, let previousPlans):
            raw("{\"plan\":\"CP")
            whole(Int(plan))
            byte(0x22)
            referralField(referral, first: false)
            raw(",\"category\":")
            quoted(category)
            if previousPlans >= 0 {
                raw(",\"previousPlans\":")
                whole(Int(previousPlans))
            }
            byte(0x7D)
        case .cpPlanCategoryChanged(let plan, let category):
            raw("{\"plan\":\"CP")
            whole(Int(plan))
            raw("\",\"category\":")
            quoted(category)
            byte(0x7D)
        case .cpPlanReviewed(let plan), .cpPlanEnded(let plan):
            raw("{\"plan\":\"CP")
            whole(Int(plan))
            raw("\"}")
        case .earlyHelpStarted(let episode):
            raw("{\"episode\":\"EH")
            whole(Int(episode))
            raw("\"}")
        case .earlyHelpEnded(let episode, let outcome):
            raw("{\"episode\":\"EH")
            whole(Int(episode))
            raw("\",\"outcome\":")
            quoted(outcome)
            byte(0x7D)
        case .steppedUp(let from, let to), .steppedDown(let from, let to):
            raw("{\"from\":")
            quoted(from)
            raw(",\"to\":")
            quoted(to)
            byte(0x7D)
        case .careStarted(let period, let legalStatus, let need, let isUASC):
            periodField(period)
            raw(",\"legalStatus\":")
            quoted(legalStatus)
            raw(",\"needCode\":")
            quoted(need)
            if isUASC { raw(",\"uasc\":true") }
            byte(0x7D)
        case .legalStatusChanged(let period, let legalStatus):
            periodField(period)
            raw(",\"legalStatus\":")
            quoted(legalStatus)
            byte(0x7D)
        case .placementStarted(let p):
            raw("{\"placement\":\"PL")
            whole(Int(p.placement))
            raw("\",\"period\":\"PC")
            whole(Int(p.period))
            raw("\",\"placementType\":")
            quoted(p.placementType)
            if let provider = p.provider {
                raw(",\"provider\":")
                quoted(provider)
            }
            if p.postcode != 0 {
                raw(",\"postcode\":\"")
                raw(HomePostcodes.postcode(p.postcode))
                byte(0x22)
            }
            if p.home != 0 {
                raw(",\"urn\":")
                quoted(LifecycleID.urn(home: p.home))
            }
            if p.distanceTenths >= 0 {
                raw(",\"distanceMiles\":")
                tenths(Int(p.distanceTenths))
            }
            if p.isSameCarer { raw(",\"sameCarer\":true") }
            byte(0x7D)
        case .placementEnded(let placement, let reason):
            raw("{\"placement\":\"PL")
            whole(Int(placement))
            byte(0x22)
            if let reason {
                raw(",\"reason\":")
                quoted(reason)
            }
            byte(0x7D)
        case .careEnded(let period, let reason):
            periodField(period)
            raw(",\"reason\":")
            quoted(reason)
            byte(0x7D)
        case .careReviewed(let period, let participation):
            periodField(period)
            raw(",\"participation\":")
            quoted(participation)
            byte(0x7D)
        case .missingStarted(let episode, let kind):
            raw("{\"episode\":\"M")
            whole(Int(episode))
            raw("\",\"kind\":")
            quoted(kind)
            byte(0x7D)
        case .missingEnded(let episode, let offered, let accepted):
            raw("{\"episode\":\"M")
            whole(Int(episode))
            raw("\",\"returnInterviewOffered\":")
            bool(offered)
            if offered {
                raw(",\"returnInterviewAccepted\":")
                bool(accepted)
            }
            byte(0x7D)
        case .visitMade(let kind, let seen, let seenAlone):
            raw("{\"kind\":")
            quoted(kind)
            raw(",\"seen\":")
            bool(seen)
            if let seenAlone {
                raw(",\"seenAlone\":")
                bool(seenAlone)
            }
            byte(0x7D)
        case .workerAllocated(let team, let worker):
            raw("{\"team\":")
            quoted(team.name)
            raw(",\"worker\":")
            quoted(team.workerID(worker))
            byte(0x7D)
        case .eventRetracted(let event):
            raw("{\"event\":\"")
            idPrefix(seed, child)
            whole(Int(event))
            raw("\",\"reason\":\"")
            raw(Fact.retractionReason)
            raw("\"}")
        default:
            permanenceOrHealth(fact)
        }
    }

    /// The `data` of the permanence, leaving care and health facts (issue 18), and of motherhood, the home postcode
    /// and the reason for a change of worker, in the format's order.
    private mutating func permanenceOrHealth(_ fact: Fact) {
        switch fact {
        case .adoptionDecided(let adoption), .placementOrderGranted(let adoption), .adoptionOrderGranted(let adoption):
            adoptionField(adoption)
            byte(0x7D)
        case .adoptionMatched(let adoption, let adopters, let legalStatus, let isFosterCarer):
            adoptionField(adoption)
            raw(adopters.isSingle ? ",\"adopters\":1,\"adoptersSex\":" : ",\"adopters\":2,\"adoptersSex\":")
            quoted(adopters)
            raw(",\"adoptersLegalStatus\":")
            quoted(legalStatus)
            if isFosterCarer { raw(",\"fosterCarerAdopting\":true") }
            byte(0x7D)
        case .adoptionPlaced(let adoption, let placement):
            adoptionField(adoption)
            raw(",\"placement\":\"PL")
            whole(Int(placement))
            raw("\"}")
        case .adoptionPlacementEnded(let adoption, let reason):
            adoptionField(adoption)
            raw(",\"reason\":")
            quoted(reason)
            byte(0x7D)
        case .adoptionDecisionReversed(let adoption, let reason):
            adoptionField(adoption)
            raw(",\"reason\":")
            quoted(reason)
            byte(0x7D)
        case .permanenceOrderGranted(let kind, let period):
            raw("{\"kind\":")
            quoted(kind)
            raw(",\"period\":\"PC")
            whole(Int(period))
            raw("\"}")
        case .previousPermanenceRecorded(let kind, let year):
            raw("{\"kind\":")
            quoted(kind)
            if year != 0 {
                raw(",\"la\":\"")
                raw(LifecycleID.authority)
                raw("\",\"orderDate\":\"ZZ/ZZ/")
                whole(Int(year))
                byte(0x22)
            }
            byte(0x7D)
        case .careLeaverContacted(let inTouch, let activity, let accommodation):
            raw("{\"inTouch\":")
            quoted(inTouch)
            if let activity {
                raw(",\"activity\":")
                quoted(activity)
            }
            if let accommodation {
                raw(",\"accommodation\":")
                quoted(accommodation)
            }
            byte(0x7D)
        case .personalAdviserAllocated(let adviser):
            raw("{\"adviser\":")
            quoted(LifecycleID.adviser(adviser))
            byte(0x7D)
        case .immunisationsRecorded(let upToDate), .healthSurveillanceRecorded(let upToDate):
            raw("{\"upToDate\":")
            bool(upToDate)
            byte(0x7D)
        case .sdqRecorded(let score, let reason):
            if let reason {
                raw("{\"reasonNotTaken\":")
                quoted(reason)
            } else {
                raw("{\"score\":")
                whole(Int(score))
            }
            byte(0x7D)
        case .substanceMisuseIdentified(let offered, let received):
            byte(0x7B)
            if let offered {
                raw("\"interventionOffered\":")
                bool(offered)
            }
            if let received {
                raw(offered == nil ? "\"interventionReceived\":" : ",\"interventionReceived\":")
                bool(received)
            }
            byte(0x7D)
        case .deprivationOfLibertyStarted(let order), .deprivationOfLibertyEnded(let order):
            raw("{\"order\":\"DOL")
            whole(Int(order))
            raw("\"}")
        case .pathwayPlanReviewed, .healthAssessmentCompleted, .dentalCheckCompleted, .convictionRecorded, .childDied:
            raw("{}")
        case .motherhoodRecorded(let isMother, let firstChildBirthDate):
            raw("{\"mother\":")
            bool(isMother)
            if let firstChildBirthDate {
                raw(",\"firstChildBirthDate\":\"")
                date(firstChildBirthDate)
                byte(0x22)
            }
            byte(0x7D)
        case .homePostcodeRecorded(let postcode):
            raw("{\"postcode\":\"")
            raw(HomePostcodes.postcode(postcode))
            raw("\"}")
        case .workerChangeRecorded(let reason):
            raw("{\"reason\":")
            quoted(reason)
            byte(0x7D)
        default:
            // Cannot fail on input: the generator's own facts, and `data(_:seed:child:details:)` sends here only the
            // types it does not write itself; `LineTests` writes a fact of every type.
            preconditionFailure("\(fact.type) is written by data(_:seed:child:details:)")
        }
    }

    @inline(__always)
    private mutating func adoptionField(_ adoption: Int32) {
        raw("{\"adoption\":\"AD")
        whole(Int(adoption))
        byte(0x22)
    }

    /// `{"referral":"R2"` or `,"referral":"R2"`.
    @inline(__always)
    private mutating func referralField(_ referral: Int32, first: Bool) {
        raw(first ? "{\"referral\":\"R" : ",\"referral\":\"R")
        whole(Int(referral))
        byte(0x22)
    }

    @inline(__always)
    private mutating func periodField(_ period: Int32) {
        raw("{\"period\":\"PC")
        whole(Int(period))
        byte(0x22)
    }
}

extension JSONCursor {
    /// Canonical JSON of child details, in the format's field order (events.md, `child.registered`).
    mutating func details(_ d: ChildDetails) {
        byte(0x7B)
        var first = true
        func key(_ name: StaticString, _ cursor: inout JSONCursor) {
            if !first { cursor.byte(0x2C) }
            first = false
            cursor.byte(0x22)
            cursor.raw(name)
            cursor.raw("\":")
        }
        if let v = d.birthDate {
            key("birthDate", &self)
            byte(0x22)
            date(v)
            byte(0x22)
        }
        if let v = d.expectedBirthDate {
            key("expectedBirthDate", &self)
            byte(0x22)
            date(v)
            byte(0x22)
        }
        if let v = d.sex {
            key("sex", &self)
            quoted(v)
        }
        if let v = d.ethnicity {
            key("ethnicity", &self)
            quoted(v)
        }
        if let v = d.disabilities {
            key("disabilities", &self)
            byte(0x5B)
            for (i, code) in v.enumerated() {
                if i > 0 { byte(0x2C) }
                quoted(code)
            }
            byte(0x5D)
        }
        if let v = d.upn {
            key("upn", &self)
            quoted(v)
        }
        if let v = d.ward {
            key("ward", &self)
            quoted(v)
        }
        byte(0x7D)
    }
}
