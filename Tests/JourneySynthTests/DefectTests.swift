import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

/// The defects counted in the summary are the defects in the output, found here independently of the generator.
struct DefectTests {
    /// With adoptions common, so that the adoption defects have children to go to.
    static let parameters = Councils.parameters(
        children: 2_000, from: "2020-04-01", defectRate: 1, targets: Councils.manyAdoptions)

    @Test func everyKindOfDefectIsInjectedAndCounted() throws {
        let (bytes, summary) = try Councils.jsonLines(Self.parameters)
        let events = try Councils.lines(bytes).map { try Event.parse(jsonLine: $0).get() }
        let found = Self.detect(events)
        for kind in SynthDefect.allCases {
            #expect(summary.count(of: kind) > 0, "no \(kind.rawValue)")
            #expect(found[kind, default: 0] == summary.count(of: kind), "\(kind.rawValue)")
        }
        // One defect per child given one, so about as many as children in the log: fewer, by the children whose
        // only involvement in it began before `from` (those carry none) and the few whose defect would fall after
        // the extract.
        let children = Double(summary.children)
        #expect(Double(summary.totalDefects) > 0.8 * children, "\(summary.totalDefects) of \(summary.children)")
        #expect(summary.totalDefects <= summary.children)
    }

    @Test func theDefectRateIsAShareOfChildren() throws {
        let (_, summary) = try Councils.jsonLines(Councils.parameters(children: 2_000, defectRate: 0.05))
        // 5% of the children in the log, with room for chance and for those carrying none.
        let expected = 0.05 * Double(summary.children)
        #expect(Double(summary.totalDefects) > 0.6 * expected && Double(summary.totalDefects) < 1.4 * expected)
    }

    /// Each kind of defect, found from the events alone.
    static func detect(_ events: [Event]) -> [SynthDefect: Int] {
        var found: [SynthDefect: Int] = [:]
        var retracted: Set<EventID> = []
        for event in events {
            if event.corrects != nil { found[.correction, default: 0] += 1 }
            if case .eventRetracted(let target, _) = event.body {
                found[.retraction, default: 0] += 1
                retracted.insert(target)
            }
            if event.type == .childMerged { found[.duplicateChildMerged, default: 0] += 1 }
        }
        // The same fact twice: same child, type, date and data (a fact retracted as recorded in error aside).
        var facts: [String: Int] = [:]
        for event in events where !retracted.contains(event.id) && event.corrects == nil {
            var copy = event
            copy.id = "x"
            copy.recorded = nil
            facts[copy.canonicalJSONString, default: 0] += 1
        }
        found[.duplicateEvent] = facts.values.reduce(0) { $0 + $1 - 1 }

        for (_, journey) in Journeys(events).children {
            let mistyped = Self.detectPermanenceAndHealth(journey, into: &found).union(
                Self.detectPlans(journey, into: &found))
            Self.detectCare(journey, into: &found)
            var started: [AssessmentID: CalendarDate] = [:]
            var beforeStart: Set<EventID> = []
            for event in journey {
                if case .assessmentStarted(let a, _) = event.body { started[a] = event.occurred }
            }
            for event in journey {
                if case .assessmentCompleted(let c) = event.body, let start = started[c.assessment],
                    event.occurred < start
                {
                    beforeStart.insert(event.id)
                }
            }
            found[.assessmentCompletedBeforeStart, default: 0] += beforeStart.count
            // Late: recorded on a later day than it occurred (corrections and mistyped dates aside).
            found[.lateRecording, default: 0] +=
                journey.filter {
                    $0.recorded!.localDate > $0.occurred && $0.corrects == nil && !beforeStart.contains($0.id)
                        && !mistyped.contains($0.id)
                }.count
            // Overlapping: a placement (not temporary) starting while another of the period is open.
            let lasting = Journeys.placements(journey).filter { !$0.type.isTemporary }
            found[.overlappingPlacements, default: 0] +=
                lasting.filter { p in
                    lasting.contains { q in
                        q.id != p.id && q.period == p.period && q.start < p.start && (q.end == nil || q.end! > p.start)
                    }
                }.count
            // After closure: a visit outside every open episode, after one closed.
            let episodes = Journeys.episodes(journey)
            found[.eventAfterClosure, default: 0] +=
                journey.filter { event in
                    event.type == .visitMade && !retracted.contains(event.id)
                        && !episodes.contains {
                            event.occurred >= $0.start && ($0.end == nil || event.occurred <= $0.end!)
                        }
                        && episodes.contains { $0.end != nil && $0.end! < event.occurred }
                }.count
        }
        return found
    }

    /// The defects of adoption, health and leaving care in one child's events; returns the reversals dated before
    /// their decisions (mistyped dates, so recorded later than they say they occurred).
    static func detectPermanenceAndHealth(_ journey: [Event], into found: inout [SynthDefect: Int]) -> Set<EventID> {
        var decided: [AdoptionID: CalendarDate] = [:]
        var born: CalendarDate?
        for event in journey {
            switch event.body {
            case .adoptionDecided(let a): decided[a] = event.occurred
            case .childRegistered(let c), .childUpdated(let c): born = c.birthDate ?? born
            default: break
            }
        }
        var mistyped: Set<EventID> = []
        // One defect an adoption, however many times it is matched (again after a disruption).
        var undecided: Set<AdoptionID> = []
        for event in journey {
            switch event.body {
            case .adoptionMatched(let m) where decided[m.adoption] == nil:
                if undecided.insert(m.adoption).inserted { found[.adoptionMatchWithoutDecision, default: 0] += 1 }
            case .adoptionDecisionReversed(let a, _):
                if let d = decided[a], event.occurred < d {
                    found[.adoptionReversedBeforeDecision, default: 0] += 1
                    mistyped.insert(event.id)
                }
            case .sdqRecorded(let s) where s.score != nil:
                if let born, born.completedYears(at: event.occurred) < 4 { found[.sdqScoreOutOfAge, default: 0] += 1 }
            case .careLeaverContacted(let c) where c.inTouch.rawValue == "DIED":
                if let a = c.activity, a.rawValue != "0" { found[.careLeaverDiedWithActivity, default: 0] += 1 }
            default: break
            }
        }
        return mistyped
    }

    /// The assessments with no factors, and the plans and conferences whose dates were mistyped, in one child's
    /// events; returns the mistyped (recorded later than they say they occurred).
    static func detectPlans(_ journey: [Event], into found: inout [SynthDefect: Int]) -> Set<EventID> {
        var cpStarts: [PlanID: CalendarDate] = [:]
        var cinStarts: [PlanID: CalendarDate] = [:]
        var s47Starts: [S47ID: CalendarDate] = [:]
        for event in journey {
            switch event.body {
            case .cpPlanStarted(let p): cpStarts[p.plan] = event.occurred
            case .cinPlanStarted(let plan, _): cinStarts[plan] = event.occurred
            case .s47Started(let s47, _, _): s47Starts[s47] = event.occurred
            default: break
            }
        }
        var mistyped: Set<EventID> = []
        for event in journey {
            if case .assessmentCompleted(let a) = event.body, a.factors == nil {
                found[.assessmentWithoutFactors, default: 0] += 1
            }
            let kind: SynthDefect?
            switch event.body {
            case .cpPlanEnded(let plan) where cpStarts[plan] == event.occurred: kind = .cpPlanEndedOnStartDay
            case .cinPlanEnded(let plan) where cinStarts[plan] == event.occurred: kind = .cinPlanEndedOnStartDay
            case .cinPlanEnded(let plan):
                kind = cinStarts[plan].map { event.occurred < $0 } == true ? .cinPlanEndedBeforeStart : nil
            case .icpcHeld(let s47?, _, _):
                kind = s47Starts[s47].map { event.occurred < $0 } == true ? .icpcBeforeS47 : nil
            default: kind = nil
            }
            if let kind {
                found[kind, default: 0] += 1
                mistyped.insert(event.id)
            }
        }
        return mistyped
    }

    /// The defects of placements, adopters and reviews in one child's events.
    static func detectCare(_ journey: [Event], into found: inout [SynthDefect: Int]) {
        var born: CalendarDate?
        var types: [PlacementID: PlacementType] = [:]
        var starts: [CalendarDate: [PlacementID]] = [:]
        for event in journey {
            switch event.body {
            case .childRegistered(let c), .childUpdated(let c): born = c.birthDate ?? born
            case .placementStarted(let p):
                types[p.placement] = p.placementType
                starts[event.occurred, default: []].append(p.placement)
            default: break
            }
        }
        for event in journey {
            switch event.body {
            // A lasting placement ended with no reason on the day another lasting placement started.
            case .placementEnded(let placement, nil):
                if let type = types[placement], !type.isTemporary,
                    starts[event.occurred, default: []].contains(where: {
                        $0 != placement && types[$0].map { !$0.isTemporary } == true
                    })
                {
                    found[.placementChangeWithoutReason, default: 0] += 1
                }
            case .placementStarted(let p)
            where p.placementType.rawValue.hasPrefix("U") && p.provider?.rawValue == "PR3":
                found[.placementProviderContradictsType, default: 0] += 1
            case .adoptionMatched(let m):
                let sex = m.adoptersSex.rawValue
                switch m.adoptersLegalStatus.rawValue {
                case "L3" where sex != "MF", "L4" where sex != "MM" && sex != "FF":
                    found[.adoptersSexContradictsLegalStatus, default: 0] += 1
                default: break
                }
            case .careReviewed(_, let participation?):
                if let born, (born.completedYears(at: event.occurred) < 4) != (participation.rawValue == "PN0") {
                    found[.reviewParticipationWrongForAge, default: 0] += 1
                }
            default: break
            }
        }
    }
}
