import JourneyCore

/// The activity counts of the monthly performance pack (metrics.md, activity): what came through the front door,
/// what was started and ended, who was open on `to`, how children moved between levels, and the conversions
/// between stages.
///
/// Counts have no denominator. A conversion is a share: its numerator is the part of its denominator that went on
/// to the next stage (a contact that became a referral, a referral with an assessment, an S47 followed by a
/// conference, a conference that decided on a plan).
struct Activity: Metric {
    static let ids = [
        "contacts", "referrals", "assessments-completed", "s47-enquiries-started", "icpcs-held", "cin-plans-started",
        "cin-plans-ended", "cp-plans-started", "cp-plans-ended", "periods-of-care-started", "periods-of-care-ended",
        "children-in-need-on-date", "children-on-cp-plans-on-date", "children-looked-after-on-date", "step-ups",
        "step-downs", "contacts-to-referrals", "referrals-to-assessments", "s47s-to-icpcs", "icpcs-to-cp-plans",
        "missing-episodes-ended",
    ]
    static let dimensions = childDimensions.union([.source, .need, .category])

    /// Counts on the period's last day need that day alone (what was open then is held with its case); the other
    /// counts, the period.
    static func coverageNeed(_ period: ReportingPeriod, id: String) -> CoverageNeed {
        guard id.hasSuffix("-on-date") else { return CoverageNeed(period) }
        return CoverageNeed(eventsFrom: period.to, openFrom: period.to, through: period.to)
    }

    /// The ids of `ids`, named by their place in it: what `add` counts by.
    enum Count: Int, CaseIterable {
        case contacts, referrals, assessmentsCompleted, s47EnquiriesStarted, icpcsHeld, cinPlansStarted
        case cinPlansEnded, cpPlansStarted, cpPlansEnded, periodsOfCareStarted, periodsOfCareEnded
        case childrenInNeedOnDate, childrenOnCPPlansOnDate, childrenLookedAfterOnDate, stepUps, stepDowns
        case contactsToReferrals, referralsToAssessments, s47sToICPCs, icpcsToCPPlans, missingEpisodesEnded

        var id: String { Activity.ids[rawValue] }
    }

    /// One counter and its breakdowns per id, in the order of `ids`.
    struct Counts {
        /// By `Count`: counting one is an update in place. Kept by id string, each count hashed the id and copied
        /// the counter out and back, its breakdown's tables with it (a third of the metrics' time in a full replay).
        var byCount: [(numerator: Int, denominator: Int, tally: BreakdownTally)]

        /// The counter of `id`, one of `ids`.
        subscript(id: String) -> (numerator: Int, denominator: Int, tally: BreakdownTally)? {
            get { Activity.ids.firstIndex(of: id).map { byCount[$0] } }
            set { byCount[Activity.ids.firstIndex(of: id)!] = newValue! }
        }
    }

    let context: MetricContext
    var counts: Counts
    var nfaReferrals = 0
    /// Steps by "from to to", and whether each is up.
    var steps: [String: (count: Int, isUp: Bool)] = [:]

    init(_ context: MetricContext) {
        self.context = context
        let dims = Self.applicable(context)
        counts = Counts(byCount: Self.ids.map { _ in (0, 0, BreakdownTally(dims)) })
    }

    /// Counts one member of the population of `count`; `counts` puts it in the numerator of a share.
    mutating func count(_ count: Count, _ subject: Subject, counts isCounted: Bool = true) {
        let i = count.rawValue
        counts.byCount[i].denominator += 1
        if isCounted { counts.byCount[i].numerator += 1 }
        counts.byCount[i].tally.add(subject, counts: isCounted)
    }

    mutating func add(_ child: ChildRecord) {
        let period = context.period
        func s(_ date: CalendarDate) -> Subject { Subject(child: child, date: date) }

        for c in child.contacts where period.contains(c.date) {
            var subject = s(c.date)
            subject.source = c.source
            count(.contacts, subject)
            count(.contactsToReferrals, subject, counts: c.outcome?.rawValue == "referral")
        }
        for r in child.referrals where period.contains(r.date) {
            let subject = Subject(child: child, date: r.date, source: r.source, need: r.primaryNeed?.rawValue)
            count(.referrals, subject)
            if r.isNFA {
                nfaReferrals += 1
            } else {
                count(
                    .referralsToAssessments, subject,
                    counts: child.assessments.contains { $0.referral == r.key && $0.started != nil })
            }
        }
        for a in child.assessments {
            if let done = a.completed, period.contains(done) { count(.assessmentsCompleted, s(done)) }
        }
        for e in child.s47Enquiries {
            guard let started = e.started, period.contains(started) else { continue }
            count(.s47EnquiriesStarted, s(started))
            let hasConference = child.conferences.contains { c in
                c.s47 == e.key || (c.s47 == nil && c.referral == e.referral && c.date >= started)
            }
            count(.s47sToICPCs, s(started), counts: hasConference)
        }
        for c in child.conferences where period.contains(c.date) {
            count(.icpcsHeld, s(c.date))
            count(.icpcsToCPPlans, s(c.date), counts: c.outcome == .plan)
        }
        for p in child.cinPlans {
            if let start = p.start, period.contains(start) { count(.cinPlansStarted, s(start)) }
            if let end = p.end, period.contains(end) { count(.cinPlansEnded, s(end)) }
        }
        for p in child.cpPlans {
            if let start = p.start, period.contains(start) {
                var subject = s(start)
                subject.category = p.category
                count(.cpPlansStarted, subject)
            }
            if let end = p.end, period.contains(end) {
                var subject = s(end)
                subject.category = p.latestCategory
                count(.cpPlansEnded, subject)
            }
        }
        for p in child.periodsOfCare {
            if let start = p.start, period.contains(start) {
                var subject = s(start)
                subject.need = p.needCode?.rawValue
                count(.periodsOfCareStarted, subject)
            }
            if let end = p.end, period.contains(end) { count(.periodsOfCareEnded, s(end)) }
        }
        let to = period.to
        if child.hasOpenEpisodeOfNeed(on: to) { count(.childrenInNeedOnDate, s(to)) }
        if let plan = child.cpPlan(on: to) {
            var subject = s(to)
            subject.category = plan.latestCategory
            count(.childrenOnCPPlansOnDate, subject)
        }
        if let care = child.periodOfCare(on: to) {
            var subject = s(to)
            subject.need = care.needCode?.rawValue
            count(.childrenLookedAfterOnDate, subject)
        }
        for step in child.steps where period.contains(step.date) {
            count(step.isUp ? .stepUps : .stepDowns, s(step.date))
            steps["\(step.from.rawValue) to \(step.to.rawValue)", default: (0, step.isUp)].count += 1
        }
        for m in child.missingEpisodes {
            guard let end = m.end, period.contains(end) else { continue }
            count(.missingEpisodesEnded, s(end), counts: m.returnInterviewOffered == true)
        }
    }

    static let shares: Set<String> = [
        "contacts-to-referrals", "referrals-to-assessments", "s47s-to-icpcs", "icpcs-to-cp-plans",
        "missing-episodes-ended",
    ]

    mutating func merge(_ other: Self) {
        for (i, theirs) in other.counts.byCount.enumerated() {
            counts.byCount[i].numerator += theirs.numerator
            counts.byCount[i].denominator += theirs.denominator
            counts.byCount[i].tally.merge(theirs.tally)
        }
        nfaReferrals += other.nfaReferrals
        steps.merge(other.steps) { ($0.count + $1.count, $0.isUp) }
    }

    mutating func subtract(_ other: Self) {
        for (i, theirs) in other.counts.byCount.enumerated() {
            counts.byCount[i].numerator -= theirs.numerator
            counts.byCount[i].denominator -= theirs.denominator
            counts.byCount[i].tally.subtract(theirs.tally)
        }
        nfaReferrals -= other.nfaReferrals
        for (pair, theirs) in other.steps {
            let left = steps[pair]!.count - theirs.count
            // A pair is listed (`byLevels`) only while some step between those levels is counted.
            steps[pair] = left == 0 ? nil : (left, theirs.isUp)
        }
    }

    func results() -> [MetricResult] {
        zip(Self.ids, counts.byCount).map { id, c in
            let isShare = Self.shares.contains(id)
            var details: [JSONMember] = []
            switch id {
            case "referrals":
                details = [
                    .count("nfa", nfaReferrals),
                    JSONMember(
                        key: "nfaShare",
                        value: MetricResult.percentage(nfaReferrals, c.denominator).map { .number(String($0)) } ?? .null
                    ),
                ]
            case "step-ups", "step-downs":
                let pairs = steps.filter { $0.value.isUp == (id == "step-ups") }.sorted { $0.key < $1.key }
                details = [.counts("byLevels", pairs.map { ($0.key, $0.value.count) })]
            case "missing-episodes-ended":
                details = [.count("ended", c.denominator)]
            default:
                break
            }
            return MetricResult(
                id: id, numerator: isShare ? c.numerator : c.denominator, denominator: isShare ? c.denominator : nil,
                details: details, breakdown: c.tally.breakdowns(hasDenominator: isShare))
        }
    }
}
