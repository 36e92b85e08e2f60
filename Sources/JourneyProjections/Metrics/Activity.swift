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

    let context: MetricContext
    /// One counter and its breakdowns per id, in the order of `ids`.
    var counts: [String: (numerator: Int, denominator: Int, tally: BreakdownTally)] = [:]
    var nfaReferrals = 0
    /// Steps by "from to to", and whether each is up.
    var steps: [String: (count: Int, isUp: Bool)] = [:]

    init(_ context: MetricContext) {
        self.context = context
        let dims = Self.applicable(context)
        for id in Self.ids { counts[id] = (0, 0, BreakdownTally(dims)) }
    }

    /// Counts one member of the population of `id`; `counts` puts it in the numerator of a share.
    mutating func count(_ id: String, _ subject: Subject, counts isCounted: Bool = true) {
        var c = counts[id]!
        c.denominator += 1
        if isCounted { c.numerator += 1 }
        c.tally.add(subject, counts: isCounted)
        counts[id] = c
    }

    mutating func add(_ child: ChildRecord) {
        let period = context.period
        func s(_ date: CalendarDate) -> Subject { Subject(child: child, date: date) }

        for c in child.contacts where period.contains(c.date) {
            var subject = s(c.date)
            subject.source = c.source
            count("contacts", subject)
            count("contacts-to-referrals", subject, counts: c.outcome?.rawValue == "referral")
        }
        for r in child.referrals where period.contains(r.date) {
            let subject = Subject(child: child, date: r.date, source: r.source, need: r.primaryNeed?.rawValue)
            count("referrals", subject)
            if r.isNFA {
                nfaReferrals += 1
            } else {
                count(
                    "referrals-to-assessments", subject,
                    counts: child.assessments.contains { $0.referral == r.key && $0.started != nil })
            }
        }
        for a in child.assessments {
            if let done = a.completed, period.contains(done) { count("assessments-completed", s(done)) }
        }
        for e in child.s47Enquiries {
            guard let started = e.started, period.contains(started) else { continue }
            count("s47-enquiries-started", s(started))
            let hasConference = child.conferences.contains { c in
                c.s47 == e.key || (c.s47 == nil && c.referral == e.referral && c.date >= started)
            }
            count("s47s-to-icpcs", s(started), counts: hasConference)
        }
        for c in child.conferences where period.contains(c.date) {
            count("icpcs-held", s(c.date))
            count("icpcs-to-cp-plans", s(c.date), counts: c.outcome == .plan)
        }
        for p in child.cinPlans {
            if let start = p.start, period.contains(start) { count("cin-plans-started", s(start)) }
            if let end = p.end, period.contains(end) { count("cin-plans-ended", s(end)) }
        }
        for p in child.cpPlans {
            if let start = p.start, period.contains(start) {
                var subject = s(start)
                subject.category = p.category
                count("cp-plans-started", subject)
            }
            if let end = p.end, period.contains(end) {
                var subject = s(end)
                subject.category = p.latestCategory
                count("cp-plans-ended", subject)
            }
        }
        for p in child.periodsOfCare {
            if let start = p.start, period.contains(start) {
                var subject = s(start)
                subject.need = p.needCode?.rawValue
                count("periods-of-care-started", subject)
            }
            if let end = p.end, period.contains(end) { count("periods-of-care-ended", s(end)) }
        }
        let to = period.to
        if child.hasOpenEpisodeOfNeed(on: to) { count("children-in-need-on-date", s(to)) }
        if let plan = child.cpPlan(on: to) {
            var subject = s(to)
            subject.category = plan.latestCategory
            count("children-on-cp-plans-on-date", subject)
        }
        if let care = child.periodOfCare(on: to) {
            var subject = s(to)
            subject.need = care.needCode?.rawValue
            count("children-looked-after-on-date", subject)
        }
        for step in child.steps where period.contains(step.date) {
            count(step.isUp ? "step-ups" : "step-downs", s(step.date))
            steps["\(step.from.rawValue) to \(step.to.rawValue)", default: (0, step.isUp)].count += 1
        }
        for m in child.missingEpisodes {
            guard let end = m.end, period.contains(end) else { continue }
            count("missing-episodes-ended", s(end), counts: m.returnInterviewOffered == true)
        }
    }

    static let shares: Set<String> = [
        "contacts-to-referrals", "referrals-to-assessments", "s47s-to-icpcs", "icpcs-to-cp-plans",
        "missing-episodes-ended",
    ]

    mutating func merge(_ other: Self) {
        for (id, theirs) in other.counts {
            var c = counts[id]!
            c.numerator += theirs.numerator
            c.denominator += theirs.denominator
            c.tally.merge(theirs.tally)
            counts[id] = c
        }
        nfaReferrals += other.nfaReferrals
        steps.merge(other.steps) { ($0.count + $1.count, $0.isUp) }
    }

    mutating func subtract(_ other: Self) {
        for (id, theirs) in other.counts {
            var c = counts[id]!
            c.numerator -= theirs.numerator
            c.denominator -= theirs.denominator
            c.tally.subtract(theirs.tally)
            counts[id] = c
        }
        nfaReferrals -= other.nfaReferrals
        for (pair, theirs) in other.steps {
            let left = steps[pair]!.count - theirs.count
            // A pair is listed (`byLevels`) only while some step between those levels is counted.
            steps[pair] = left == 0 ? nil : (left, theirs.isUp)
        }
    }

    func results() -> [MetricResult] {
        Self.ids.map { id in
            let c = counts[id]!
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
