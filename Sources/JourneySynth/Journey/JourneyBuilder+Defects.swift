import JourneyCore

extension JourneyBuilder {
    /// Gives this involvement the child's defect: the kind drawn for the child if this involvement has what it
    /// needs, or, in the child's last involvement, the next kind that applies. The defect's mark goes on the one
    /// event that shows it, so that the summary counts only defects that reach the output. True when injected.
    mutating func injectDefect(_ defect: SynthDefect, isLastChance: Bool) -> Bool {
        // Defects draw from their own stream, so that a council with defects has the same journeys as without.
        swap(&random, &defectRandom)
        defer { swap(&random, &defectRandom) }
        // Only a child who moves placement can have overlapping placements, few among all children, and fewer still
        // are placed for adoption, looked after for a year or leave care: half of those with a defect get one of
        // those kinds (tried in turn from one drawn at random), so that the checks have some to find.
        let rare = SynthDefect.rare
        if !rare.contains(defect) && random.chance(0.5) {
            let first = random.int(in: 0...(rare.count - 1))
            for offset in 0..<rare.count where inject(rare[(first + offset) % rare.count]) { return true }
        }
        if inject(defect) { return true }
        guard isLastChance else { return false }
        let kinds = SynthDefect.allCases
        let start = kinds.firstIndex(of: defect)!
        for offset in 1..<kinds.count where inject(kinds[(start + offset) % kinds.count]) { return true }
        return false
    }

    /// Decides whether the child carries a defect, and which: late recording is the commonest in practice.
    mutating func drawDefect(rate: Double) {
        guard rate > 0, defectRandom.chance(rate) else { return }
        pendingDefect = WeightedChoice(SynthDefect.allCases.map { ($0, $0.weight) }).draw(&defectRandom)
    }

    private mutating func inject(_ defect: SynthDefect) -> Bool {
        switch defect {
        case .lateRecording: return recordLate()
        case .correction: return correct()
        case .retraction: return retract()
        case .duplicateEvent: return duplicate()
        case .assessmentCompletedBeforeStart: return completeBeforeStart()
        case .overlappingPlacements: return overlapPlacements()
        case .eventAfterClosure: return visitAfterClosure()
        case .duplicateChildMerged: return mergeDuplicateChild()
        case .adoptionMatchWithoutDecision: return matchWithoutDecision()
        case .adoptionReversedBeforeDecision: return reverseBeforeDecision()
        case .sdqScoreOutOfAge: return scoreSDQOutOfAge()
        case .careLeaverDiedWithActivity: return recordDeathWithActivity()
        case .cpPlanEndedOnStartDay: return endCPPlanOnStartDay()
        case .cinPlanEndedBeforeStart: return endCINPlan(daysBeforeStart: random.int(in: 1...30))
        case .cinPlanEndedOnStartDay: return endCINPlan(daysBeforeStart: 0)
        case .icpcBeforeS47: return holdICPCBeforeS47()
        case .placementChangeWithoutReason: return moveWithoutReason()
        case .placementProviderContradictsType: return fosterWithPublicProvider()
        case .adoptersSexContradictsLegalStatus: return contradictAdoptersSex()
        case .reviewParticipationWrongForAge: return participateWrongForAge()
        case .assessmentWithoutFactors: return completeWithoutFactors()
        }
    }

    /// Whether something recorded `days` after `day` is still in the extract.
    private func fits(_ day: CalendarDate, plus days: Int) -> Bool {
        day.adding(days: days) <= horizon
    }

    /// The indices of the records that pass `isCandidate`.
    private func candidates(_ isCandidate: (SynthRecord) -> Bool) -> [Int] {
        records.indices.filter { isCandidate(records[$0]) }
    }

    /// One of `indices` at random, or `nil` when there are none.
    private mutating func pick(_ indices: [Int]) -> Int? {
        indices.isEmpty ? nil : indices[random.int(in: 0...(indices.count - 1))]
    }

    /// An event recorded 3 to 60 days after it occurred.
    private mutating func recordLate() -> Bool {
        guard let i = pick(candidates { $0.fact.type != .childRegistered && fits($0.occurred, plus: 3) }) else {
            return false
        }
        let room = records[i].occurred.days(to: horizon)
        records[i].recorded = workingHours(on: records[i].occurred.adding(days: random.int(in: 3...min(60, room))))
        records[i].defect = .lateRecording
        return true
    }

    /// A later event replacing one, with one field changed (`corrects`: same child and type).
    private mutating func correct() -> Bool {
        guard let i = pick(candidates { Self.isAmendable($0.fact) && fits(Self.day(of: $0.recorded), plus: 20) }) else {
            return false
        }
        var correction = records[i]
        correction.fact = amended(records[i].fact)!
        correction.number = takeTag()
        correction.corrects = records[i].number
        records[i].isReferenced = true
        correction.recorded = workingHours(on: Self.day(of: records[i].recorded).adding(days: random.int(in: 1...20)))
        correction.defect = .correction
        records.append(correction)
        return true
    }

    /// A visit recorded in error, retracted a few days later (`event.retracted`).
    private mutating func retract() -> Bool {
        guard let i = pick(candidates { fits(Self.day(of: $0.recorded), plus: 10) && $0.fact.type != .childRegistered })
        else {
            return false
        }
        var wrong = records[i]
        wrong.number = takeTag()
        wrong.corrects = 0
        wrong.fact = .visitMade(kind: .childInNeed, seen: false, seenAlone: nil)
        wrong.isReferenced = true
        let dayEnd = Int64(wrong.occurred.dayNumber) * 86_400 + 86_399
        wrong.recorded = min(dayEnd, records[i].recorded + Int64(random.int(in: 60...600)))
        records.append(wrong)
        let day = Self.day(of: wrong.recorded).adding(days: random.int(in: 1...10))
        records.append(
            SynthRecord(
                recorded: workingHours(on: day), occurred: day, number: takeTag(),
                defect: .retraction, fact: .eventRetracted(event: wrong.number)))
        return true
    }

    /// The same fact recorded twice, under a second id, minutes later the same day.
    private mutating func duplicate() -> Bool {
        guard let i = pick(candidates { Self.isDuplicable($0.fact) }) else { return false }
        var copy = records[i]
        copy.number = takeTag()
        let dayEnd = Int64(copy.occurred.dayNumber) * 86_400 + 86_399
        copy.recorded = min(dayEnd, copy.recorded + Int64(random.int(in: 120...7_200)))
        copy.defect = .duplicateEvent
        records.append(copy)
        return true
    }

    /// An assessment whose authorisation date was mistyped as a day before its start.
    private mutating func completeBeforeStart() -> Bool {
        guard
            let i = pick(
                candidates {
                    if case .assessmentCompleted = $0.fact { return true } else { return false }
                }),
            case .assessmentCompleted(let assessment, _, _) = records[i].fact,
            let started = records.first(where: {
                if case .assessmentStarted(assessment, _) = $0.fact { return true } else { return false }
            })
        else { return false }
        records[i].occurred = started.occurred.adding(days: -random.int(in: 1...20))
        records[i].defect = .assessmentCompletedBeforeStart
        return true
    }

    /// A placement move whose `placement.ended` is dated days after the next placement started, so that two
    /// placements are open at once.
    private mutating func overlapPlacements() -> Bool {
        // Moves: an end with a reason, and on the same day a start that is neither temporary nor with the same
        // carer.
        var moves: [(ended: Int, started: Int)] = []
        for j in records.indices {
            guard case .placementStarted(let p) = records[j].fact, !p.placementType.isTemporary, !p.isSameCarer
            else { continue }
            if let i = records.firstIndex(where: {
                if case .placementEnded(_, let reason) = $0.fact, reason != nil, $0.occurred == records[j].occurred {
                    return true
                }
                return false
            }) {
                moves.append((i, j))
            }
        }
        guard !moves.isEmpty else { return false }
        let (i, j) = moves[random.int(in: 0...(moves.count - 1))]
        // Dated before anything that ends or starts a placement or the period after the move.
        let moved = records[j].occurred
        let next =
            records.filter {
                $0.occurred > moved
                    && [.placementStarted, .placementEnded, .careEnded].contains($0.fact.type)
            }.map(\.occurred).min() ?? horizon
        let room = min(moved.days(to: next) - 1, moved.days(to: horizon), 20)
        guard room >= 2 else { return false }
        let day = moved.adding(days: random.int(in: 2...room))
        records[i].occurred = day
        records[i].recorded = workingHours(on: day)
        records[j].defect = .overlappingPlacements
        return true
    }

    /// A visit recorded after the case closed, with nothing else in the case for 45 days after the closure.
    private mutating func visitAfterClosure() -> Bool {
        let quietTypes: Set<EventType> = [.earlyHelpStarted, .earlyHelpEnded, .steppedDown, .steppedUp, .childUpdated]
        let nextEntry = entry?.date
        guard
            let i = pick(
                candidates { closure in
                    guard closure.fact.type == .caseClosed, fits(closure.occurred, plus: 40) else { return false }
                    let limit = closure.occurred.adding(days: 45)
                    if let nextEntry, nextEntry <= limit { return false }
                    return !records.contains {
                        $0.occurred > closure.occurred && $0.occurred <= limit && !quietTypes.contains($0.fact.type)
                    }
                })
        else { return false }
        let day = records[i].occurred.adding(days: random.int(in: 3...40))
        records.append(
            SynthRecord(
                recorded: workingHours(on: day), occurred: day, number: takeTag(), defect: .eventAfterClosure,
                fact: .visitMade(kind: .childInNeed, seen: true, seenAlone: nil)))
        return true
    }

    /// A contact recorded under a second record for the child, merged into the first days later.
    private mutating func mergeDuplicateChild() -> Bool {
        guard let i = pick(candidates { $0.fact.type == .contactReceived && fits($0.occurred, plus: 60) }) else {
            return false
        }
        let day = records[i].occurred
        let source = model.referralSources.draw(&random)
        contacts += 1
        let recorded = workingHours(on: day)
        records.append(
            SynthRecord(
                recorded: recorded, occurred: day, number: takeTag(), isDuplicateChild: true, fact: .childRegistered))
        records.append(
            SynthRecord(
                recorded: recorded + 60, occurred: day, number: takeTag(), isDuplicateChild: true,
                fact: .contactReceived(contact: contacts, source: source, outcome: ContactOutcome("advice")!)))
        let merged = day.adding(days: random.int(in: 5...60))
        records.append(
            SynthRecord(
                recorded: workingHours(on: merged), occurred: merged, number: takeTag(), isDuplicateChild: true,
                defect: .duplicateChildMerged, fact: .childMerged))
        return true
    }

    /// The index of the decision of adoption `n` among the records, if it is there.
    private func decision(of n: Int32) -> Int? {
        records.firstIndex {
            if case .adoptionDecided(n) = $0.fact { return true } else { return false }
        }
    }

    /// A match whose adoption's decision was never recorded: the decision is left out.
    private mutating func matchWithoutDecision() -> Bool {
        guard
            let i = pick(
                candidates {
                    if case .adoptionMatched(let n, _, _, _) = $0.fact { return decision(of: n) != nil }
                    return false
                }),
            case .adoptionMatched(let n, _, _, _) = records[i].fact, let d = decision(of: n)
        else { return false }
        records[i].defect = .adoptionMatchWithoutDecision
        records.remove(at: d)
        return true
    }

    /// A reversal whose date was mistyped as a day before the decision it reverses.
    private mutating func reverseBeforeDecision() -> Bool {
        guard
            let i = pick(
                candidates {
                    if case .adoptionDecisionReversed(let n, _) = $0.fact { return decision(of: n) != nil }
                    return false
                }),
            case .adoptionDecisionReversed(let n, _) = records[i].fact, let d = decision(of: n)
        else { return false }
        records[i].occurred = records[d].occurred.adding(days: -random.int(in: 1...30))
        records[i].defect = .adoptionReversedBeforeDecision
        return true
    }

    /// An SDQ score recorded for a child of 1 to 3, on the day of their health surveillance.
    private mutating func scoreSDQOutOfAge() -> Bool {
        guard
            let i = pick(
                candidates {
                    guard case .healthSurveillanceRecorded = $0.fact else { return false }
                    return (1...3).contains(profile.age(at: $0.occurred))
                })
        else { return false }
        var sdq = records[i]
        sdq.number = takeTag()
        sdq.fact = .sdqRecorded(score: Int8(random.int(in: 5...25)), reason: nil)
        let dayEnd = Int64(sdq.occurred.dayNumber) * 86_400 + 86_399
        sdq.recorded = min(dayEnd, sdq.recorded + Int64(random.int(in: 60...600)))
        sdq.defect = .sdqScoreOutOfAge
        records.append(sdq)
        return true
    }

    /// A care leaver's last contact recorded as died, with the activity they were recorded in.
    private mutating func recordDeathWithActivity() -> Bool {
        guard let last = records.lastIndex(where: { $0.fact.type == .careLeaverContacted }),
            case .careLeaverContacted(let inTouch, let activity?, _) = records[last].fact, inTouch == .inTouch
        else { return false }
        records[last].fact = .careLeaverContacted(inTouch: .died, activity: activity, accommodation: .notKnown)
        records[last].defect = .careLeaverDiedWithActivity
        return true
    }

    /// The index of the record that passes `matches`, if there is one.
    private func index(_ matches: (Fact) -> Bool) -> Int? {
        records.firstIndex { matches($0.fact) }
    }

    /// A child protection plan's end mistyped as the day the plan started (CIN rule 8840): the plan's reviews, if
    /// any, stay where they were, after its recorded end.
    private mutating func endCPPlanOnStartDay() -> Bool {
        let ends = candidates { record in
            guard case .cpPlanEnded(let n) = record.fact else { return false }
            return index { if case .cpPlanStarted(n, _, _, _) = $0 { true } else { false } } != nil
        }
        guard let i = pick(ends), case .cpPlanEnded(let n) = records[i].fact,
            let s = index({ if case .cpPlanStarted(n, _, _, _) = $0 { true } else { false } }),
            records[s].occurred < records[i].occurred
        else { return false }
        records[i].occurred = records[s].occurred
        records[i].defect = .cpPlanEndedOnStartDay
        return true
    }

    /// A child in need plan's end mistyped as `daysBeforeStart` days before the plan started: 0 is the day it
    /// started (CIN rule 4012Q), more is before it (CIN rule 4011).
    private mutating func endCINPlan(daysBeforeStart: Int) -> Bool {
        let ends = candidates { record in
            guard case .cinPlanEnded(let n) = record.fact else { return false }
            return index { if case .cinPlanStarted(n, _) = $0 { true } else { false } } != nil
        }
        guard let i = pick(ends), case .cinPlanEnded(let n) = records[i].fact,
            let s = index({ if case .cinPlanStarted(n, _) = $0 { true } else { false } }),
            records[s].occurred < records[i].occurred
        else { return false }
        records[i].occurred = records[s].occurred.adding(days: -daysBeforeStart)
        records[i].defect = daysBeforeStart == 0 ? .cinPlanEndedOnStartDay : .cinPlanEndedBeforeStart
        return true
    }

    /// An initial child protection conference whose date was mistyped as 1 to 10 days before its section 47
    /// enquiry started (CIN rule 8615).
    private mutating func holdICPCBeforeS47() -> Bool {
        let conferences = candidates { record in
            guard case .icpcHeld(let n, _, _) = record.fact else { return false }
            return index { if case .s47Started(n, _, _) = $0 { true } else { false } } != nil
        }
        guard let i = pick(conferences), case .icpcHeld(let n, _, _) = records[i].fact,
            let s = index({ if case .s47Started(n, _, _) = $0 { true } else { false } })
        else { return false }
        records[i].occurred = records[s].occurred.adding(days: -random.int(in: 1...10))
        records[i].defect = .icpcBeforeS47
        return true
    }

    /// The type of the placement numbered `n`, if its start is among the records.
    private func placementType(of n: Int32) -> PlacementType? {
        for record in records {
            if case .placementStarted(let p) = record.fact, p.placement == n { return p.placementType }
        }
        return nil
    }

    /// A move from one lasting placement to another whose reason was never recorded (903 rule 225 asks for it
    /// when neither placement is temporary).
    private mutating func moveWithoutReason() -> Bool {
        let ends = candidates { record in
            guard case .placementEnded(let n, _?) = record.fact, let type = placementType(of: n), !type.isTemporary
            else { return false }
            return records.contains {
                if case .placementStarted(let p) = $0.fact, $0.occurred == record.occurred, p.placement != n {
                    return !p.placementType.isTemporary
                }
                return false
            }
        }
        guard let i = pick(ends), case .placementEnded(let n, _) = records[i].fact else { return false }
        records[i].fact = .placementEnded(placement: n, reason: nil)
        records[i].defect = .placementChangeWithoutReason
        return true
    }

    /// A foster placement (U1 to U6) recorded as provided by another public body (PR3), which foster care cannot
    /// be (903 rule 529).
    private mutating func fosterWithPublicProvider() -> Bool {
        guard
            let i = pick(
                candidates {
                    if case .placementStarted(let p) = $0.fact { return p.placementType.rawValue.hasPrefix("U") }
                    return false
                }),
            case .placementStarted(var p) = records[i].fact
        else { return false }
        p.provider = PlacementProvider("PR3")!
        records[i].fact = .placementStarted(p)
        records[i].defect = .placementProviderContradictsType
        return true
    }

    /// A couple of adopters whose legal status contradicts their sex code: a male and female couple recorded as
    /// an unmarried couple of the same gender (903 rule 518), a same-sex couple as an unmarried couple of different
    /// genders (903 rule 517).
    private mutating func contradictAdoptersSex() -> Bool {
        guard
            let i = pick(
                candidates {
                    if case .adoptionMatched(_, let sex, _, _) = $0.fact { return sex.rawValue.count == 2 }
                    return false
                }),
            case .adoptionMatched(let n, let sex, _, let isFosterCarer) = records[i].fact
        else { return false }
        let status = AdopterLegalStatus(sex.rawValue == "MF" ? "L4" : "L3")!
        records[i].fact = .adoptionMatched(
            adoption: n, adopters: sex, legalStatus: status, isFosterCarer: isFosterCarer)
        records[i].defect = .adoptersSexContradictsLegalStatus
        return true
    }

    /// A review whose participation code is wrong for the child's age: `PN0` (under 4) for a child of 4 or over
    /// (903 rule 440), `PN1` (attends and speaks) for a child under 4 (903 rule 441).
    private mutating func participateWrongForAge() -> Bool {
        guard let i = pick(candidates { $0.fact.type == .careReviewed }),
            case .careReviewed(let period, _) = records[i].fact
        else { return false }
        let code = profile.age(at: records[i].occurred) < 4 ? "PN1" : "PN0"
        records[i].fact = .careReviewed(period: period, participation: ReviewParticipation(code)!)
        records[i].defect = .reviewParticipationWrongForAge
        return true
    }

    /// An assessment authorised with its factors left unrecorded (CIN rule 8897Q asks for them, or `21`).
    private mutating func completeWithoutFactors() -> Bool {
        guard let i = pick(candidates { $0.fact.type == .assessmentCompleted }),
            case .assessmentCompleted(let assessment, _, let outcome) = records[i].fact
        else { return false }
        records[i].fact = .assessmentCompleted(assessment: assessment, factors: FactorList(), outcome: outcome)
        records[i].defect = .assessmentWithoutFactors
        return true
    }

    /// The fact with one field changed, as a worker's correction would: `nil` for facts not corrected this way.
    private mutating func amended(_ fact: Fact) -> Fact? {
        switch fact {
        case .referralReceived(let referral, let source, let need, let isNFA):
            return .referralReceived(
                referral: referral, source: otherSource(than: source), primaryNeed: need, isNFA: isNFA)
        case .contactReceived(let contact, let source, let outcome):
            return .contactReceived(contact: contact, source: otherSource(than: source), outcome: outcome)
        case .placementStarted(var p) where p.distanceTenths > 0:
            p.distanceTenths = p.distanceTenths * Int32(random.int(in: 2...5)) / 3 + 1
            return .placementStarted(p)
        case .visitMade(let kind, let seen, _):
            return .visitMade(kind: kind, seen: !seen, seenAlone: nil)
        default:
            return nil
        }
    }

    private mutating func otherSource(than source: ReferralSource) -> ReferralSource {
        var other = model.referralSources.draw(&random)
        if other == source { other = ReferralSource(index: (source.index + 1) % UInt8(ReferralSources.codes.count))! }
        return other
    }

    private static func isAmendable(_ fact: Fact) -> Bool {
        switch fact {
        case .referralReceived, .contactReceived, .visitMade: return true
        case .placementStarted(let p): return p.distanceTenths > 0
        default: return false
        }
    }

    private static func isDuplicable(_ fact: Fact) -> Bool {
        switch fact {
        case .contactReceived, .referralReceived, .visitMade, .cpPlanReviewed, .cinPlanReviewed, .careReviewed,
            .assessmentStarted, .workerAllocated:
            return true
        default:
            return false
        }
    }

}
