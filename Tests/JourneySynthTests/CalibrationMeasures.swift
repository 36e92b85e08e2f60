import JourneyCore
import JourneySynth

/// The calibrated figures of a clean council, measured from its events as `docs/metrics.md` defines them
/// (for a clean log: no corrections, retractions or merges to resolve), as shares 0…1.
struct CalibrationMeasures {
    var reReferrals = Share()
    var referralNFA = Share()
    var assessedNotInNeed = Share()
    var assessmentsWithin45 = Share()
    var assessmentMedian = 0
    var icpcWithin15 = Share()
    var cpPlansTwoYearsOrMore = Share()
    var secondOrSubsequentCPPlans = Share()
    var longTermStability = Share()
    var threeOrMorePlacements = Share()
    var referralSources: [ReferralSource: Int] = [:]

    struct Share: CustomStringConvertible {
        var numerator = 0
        var denominator = 0
        var value: Double { denominator == 0 ? .nan : Double(numerator) / Double(denominator) }
        mutating func count(_ hit: Bool) {
            denominator += 1
            if hit { numerator += 1 }
        }
        var description: String {
            "\(Double(Int(value * 1000 + 0.5)) / 10)% (\(numerator)/\(denominator))"
        }
    }

    init(_ events: [Event], from: CalendarDate, to: CalendarDate) {
        let calendar = WorkingDayCalendar.englandAndWales
        var durations: [Int] = []
        func inPeriod(_ d: CalendarDate) -> Bool { d >= from && d <= to }
        for (_, journey) in Journeys(events).children {
            var referralDates: [CalendarDate] = []
            var assessmentStarts: [AssessmentID: CalendarDate] = [:]
            var s47Starts: [S47ID: CalendarDate] = [:]
            var cpStarts: [PlanID: CalendarDate] = [:]
            var cpPlansBefore = 0
            var judgedRepeat = false
            for event in journey {
                let d = event.occurred
                switch event.body {
                case .referralReceived(let r):
                    if inPeriod(d) {
                        // CIN census: a referral within 12 months of a previous one (not the same day).
                        reReferrals.count(referralDates.contains { $0 >= d.adding(months: -12) && $0 < d })
                        referralNFA.count(r.isNFA)
                        referralSources[r.source, default: 0] += 1
                    }
                    referralDates.append(d)
                case .assessmentStarted(let a, _):
                    assessmentStarts[a] = d
                case .assessmentCompleted(let c):
                    guard inPeriod(d) else { break }
                    assessedNotInNeed.count(c.factors?.map(\.rawValue) == ["21"])
                    if let start = assessmentStarts[c.assessment] {
                        let wd = calendar.workingDays(from: start, to: d)
                        assessmentsWithin45.count(wd <= 45)
                        durations.append(wd)
                    }
                case .s47Started(let s47, _, _):
                    s47Starts[s47] = d
                case .icpcHeld(let s47, _, _):
                    if inPeriod(d), let s47, let start = s47Starts[s47] {
                        icpcWithin15.count(calendar.workingDays(from: start, to: d) <= 15)
                    }
                case .cpPlanStarted(let p):
                    if inPeriod(d) && !judgedRepeat {
                        judgedRepeat = true
                        secondOrSubsequentCPPlans.count(cpPlansBefore > 0 || (p.previousPlans ?? 0) > 0)
                    }
                    cpPlansBefore += 1
                    cpStarts[p.plan] = d
                case .cpPlanEnded(let plan):
                    if inPeriod(d), let start = cpStarts[plan] {
                        cpPlansTwoYearsOrMore.count(d >= start.adding(years: 2))
                    }
                default:
                    break
                }
            }
            measureStability(journey, from: from, to: to)
        }
        durations.sort()
        assessmentMedian = durations.isEmpty ? 0 : durations[(durations.count + 1) / 2 - 1]
    }

    /// Placement stability (SSDA903) for a child looked after on `to`.
    private mutating func measureStability(_ journey: [Event], from: CalendarDate, to: CalendarDate) {
        var periodStart: [PeriodID: CalendarDate] = [:]
        var periodEnd: [PeriodID: CalendarDate] = [:]
        var statuses: [PeriodID: [LegalStatus]] = [:]
        var birth: CalendarDate?
        for event in journey {
            switch event.body {
            case .childRegistered(let c), .childUpdated(let c): birth = c.birthDate ?? birth
            case .careStarted(let c):
                periodStart[c.period] = event.occurred
                statuses[c.period] = [c.legalStatus]
            case .legalStatusChanged(let p, let s) where event.occurred <= to: statuses[p, default: []].append(s)
            case .careEnded(let p, _): periodEnd[p] = event.occurred
            default: break
            }
        }
        // Looked after on `to`: started on or before it and not ended by it.
        guard
            let period = periodStart.keys.first(where: {
                periodStart[$0]! <= to && (periodEnd[$0] == nil || periodEnd[$0]! > to)
            }),
            !(statuses[period] ?? []).allSatisfy(\.isShortBreak)
        else { return }
        let placements = Journeys.placements(journey).filter { $0.period == period && !$0.type.isTemporary }
        let moves = placements.filter { !$0.isSameCarer }
        var count = moves.filter { $0.start >= from && $0.start <= to }.count
        if placements.contains(where: { $0.start < from && ($0.end == nil || $0.end! > from) }) { count += 1 }
        threeOrMorePlacements.count(count >= 3)

        guard let birth, birth.completedYears(at: to) < 16, periodStart[period]! <= to.adding(months: -30) else {
            return
        }
        let twoYearsAgo = to.adding(years: -2)
        guard let current = moves.last(where: { $0.start <= to }) else { return }
        var stable = current.start <= twoYearsAgo
        if !stable, current.type.isPlacedForAdoption, let index = moves.firstIndex(where: { $0.id == current.id }),
            index > 0
        {
            stable = moves[index - 1].start <= twoYearsAgo
        }
        longTermStability.count(stable)
    }

    static let healthSources = ["3A", "3B", "3C", "3D", "3E", "3F"]

    /// Each calibrated figure next to its target, as a table.
    func table(against targets: CalibrationTargets) -> String {
        let total = Double(max(referralSources.values.reduce(0, +), 1))
        func sourceShare(_ codes: [String]) -> Double {
            Double(codes.reduce(0) { $0 + (referralSources[ReferralSource($1)!] ?? 0) }) / total
        }
        func targetShare(_ codes: [String]) -> Double {
            codes.reduce(0) { $0 + (targets.referralSourcePercent[ReferralSource($1)!] ?? 0) }
        }
        func percent(_ v: Double) -> String { "\(Double(Int(v * 1000 + 0.5)) / 10)" }
        let rows: [(String, Double, String, String)] = [
            ("re-referrals", targets.reReferralPercent, percent(reReferrals.value), "\(reReferrals.denominator)"),
            ("referrals NFA", targets.referralNFAPercent, percent(referralNFA.value), "\(referralNFA.denominator)"),
            (
                "assessed not in need", targets.assessedNotInNeedPercent, percent(assessedNotInNeed.value),
                "\(assessedNotInNeed.denominator)"
            ),
            (
                "assessments within 45 working days", targets.assessmentsWithin45WorkingDaysPercent,
                percent(assessmentsWithin45.value), "\(assessmentsWithin45.denominator)"
            ),
            (
                "assessment median (working days)", targets.assessmentMedianWorkingDays, "\(assessmentMedian)",
                "\(assessmentsWithin45.denominator)"
            ),
            (
                "ICPC within 15 working days", targets.icpcWithin15WorkingDaysPercent, percent(icpcWithin15.value),
                "\(icpcWithin15.denominator)"
            ),
            (
                "CP plans ending at 2 years or more", targets.cpPlansLasting2YearsOrMorePercent,
                percent(cpPlansTwoYearsOrMore.value), "\(cpPlansTwoYearsOrMore.denominator)"
            ),
            (
                "second or subsequent CP plans", targets.secondOrSubsequentCPPlansPercent,
                percent(secondOrSubsequentCPPlans.value), "\(secondOrSubsequentCPPlans.denominator)"
            ),
            (
                "long-term placement stability", targets.longTermPlacementStabilityPercent,
                percent(longTermStability.value), "\(longTermStability.denominator)"
            ),
            (
                "3 or more placements in the year", targets.threeOrMorePlacementsPercent,
                percent(threeOrMorePlacements.value), "\(threeOrMorePlacements.denominator)"
            ),
            ("referrals from police (6)", targetShare(["6"]), percent(sourceShare(["6"])), ""),
            ("referrals from schools (2A)", targetShare(["2A"]), percent(sourceShare(["2A"])), ""),
            (
                "referrals from health (3A-3F)", targetShare(Self.healthSources),
                percent(sourceShare(Self.healthSources)), ""
            ),
        ]
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var lines = ["| figure | target | generated | of |", "|---|---|---|---|"]
        for (name, target, generated, of) in rows {
            lines.append("| \(pad(name, 34)) | \(Double(Int(target * 10 + 0.5)) / 10) | \(generated) | \(of) |")
        }
        return lines.joined(separator: "\n")
    }
}
