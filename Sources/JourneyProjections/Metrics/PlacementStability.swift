import JourneyCore

extension ChildRecord {
    /// The period of care a child is looked after in on `date`, unless it is a series of short breaks: the population
    /// of the SSDA903 placement figures, which exclude short-break children (metrics.md).
    func stabilityPeriod(on date: CalendarDate) -> PeriodOfCare? {
        guard let period = periodOfCare(on: date), !period.isShortBreak(upTo: date) else { return nil }
        return period
    }

    /// Placements that are not temporary, started on or before `date`, in start order (then log order).
    func nonTemporaryPlacements(upTo date: CalendarDate) -> [Placement] {
        placements.filter { !$0.placementType.isTemporary && $0.start <= date }
            .sorted { ($0.start, $0.position) < ($1.start, $1.position) }
    }
}

/// `placement-stability-short-term` (SSDA903): children looked after with three or more placements in the year.
///
/// Placements in the period: placement moves started in it (not temporary, not same-carer), plus one for the
/// placement in force on `from` (not temporary; a same-carer continuation counts) if there is one. Temporary
/// placements are not counted and do not end the placement they interrupt.
struct PlacementStabilityShortTerm: TallyMetric {
    static let ids = ["placement-stability-short-term"]
    static let dimensions = childDimensions.union([.need])

    let context: MetricContext
    var tally: BreakdownTally

    static func placements(of child: ChildRecord, in period: ReportingPeriod) -> Int {
        let moves = child.placements.filter { $0.isMove && period.contains($0.start) }.count
        let inForce = child.placements.contains { p in
            !p.placementType.isTemporary && p.start < period.from && (p.end.map { $0 > period.from } ?? true)
        }
        return moves + (inForce ? 1 : 0)
    }

    mutating func add(_ child: ChildRecord) {
        let to = context.period.to
        guard let period = child.stabilityPeriod(on: to) else { return }
        let hasThreeOrMore = Self.placements(of: child, in: context.period) >= 3
        tally.add(Subject(child: child, date: to, need: period.needCode?.rawValue), counts: hasThreeOrMore)
    }
}

/// `placement-stability-long-term` (SSDA903): children looked after for 2½ years or more who have been in their
/// placement for 2 years.
///
/// Population: looked after on `to`, under 16 on `to`, not short breaks, looked after continuously since
/// `to − 30 months` (no gap of a day or more). Numerator: the current placement (the last placement move, followed
/// through any same-carer continuations) started on or before `to − 2 years`; or an adoption placement (`A3`–`A6`)
/// whose placement together with the one just before it started on or before then.
struct PlacementStabilityLongTerm: TallyMetric {
    static let ids = ["placement-stability-long-term"]
    static let dimensions = childDimensions.union([.need])

    /// Children in care on `to` and for the 30 months before: care open then, held with its placements when the
    /// log opened on it.
    static func coverageNeed(_ period: ReportingPeriod) -> CoverageNeed {
        CoverageNeed(
            eventsFrom: period.to, openFrom: period.to.adding(months: -30), through: period.to,
            openWhy: "2½ years in care before the period's end")
    }

    let context: MetricContext
    var tally: BreakdownTally

    /// Whether periods of care cover every day from `since` to `to` (a period ending on `e` and the next starting
    /// on `e` leave no gap).
    static func isContinuouslyLookedAfter(_ child: ChildRecord, since: CalendarDate, to: CalendarDate) -> Bool {
        var covered = since
        let periods = child.periodsOfCare.compactMap { p in p.start.map { (start: $0, end: p.end) } }
            .sorted { $0.start < $1.start }
        for p in periods {
            if let end = p.end, end < covered { continue }
            if p.start > covered { return false }
            guard let end = p.end, end <= to else { return true }
            covered = max(covered, end)
        }
        return false
    }

    /// Start of the current placement and of the one before it, and the current placement's type.
    static func currentPlacement(_ child: ChildRecord, on to: CalendarDate) -> (
        start: CalendarDate, previousStart: CalendarDate?, type: PlacementType
    )? {
        let chain = child.nonTemporaryPlacements(upTo: to)
        guard let last = chain.last else { return nil }
        // Group the chain at each placement move: a same-carer continuation stays in the group before it.
        var groupStarts: [CalendarDate] = []
        for p in chain where !p.isSameCarer || groupStarts.isEmpty { groupStarts.append(p.start) }
        let previous = groupStarts.count >= 2 ? groupStarts[groupStarts.count - 2] : nil
        return (groupStarts.last!, previous, last.placementType)
    }

    mutating func add(_ child: ChildRecord) {
        let to = context.period.to
        guard let period = child.stabilityPeriod(on: to), let age = child.age(on: to), age < 16,
            Self.isContinuouslyLookedAfter(child, since: to.adding(months: -30), to: to)
        else { return }
        let twoYearsBefore = to.adding(years: -2)
        var isStable = false
        if let current = Self.currentPlacement(child, on: to) {
            isStable =
                current.start <= twoYearsBefore
                || (current.type.isPlacedForAdoption && (current.previousStart.map { $0 <= twoYearsBefore } ?? false))
        }
        tally.add(Subject(child: child, date: to, need: period.needCode?.rawValue), counts: isStable)
    }
}

/// `placed-over-20-miles` (SSDA903): looked-after children placed more than 20 miles from home.
///
/// Population: children looked after on `to` whose current placement (the latest started that is open on `to`)
/// has a distance, excluding unaccompanied asylum-seeking children. Children with no distance are `unknown`.
/// Reading: short-break children are left out, as in the DfE's SSDA903 tables and the other placement figures.
struct PlacedOver20Miles: Metric {
    static let ids = ["placed-over-20-miles"]
    static let dimensions = childDimensions.union([.need])

    /// Children looked after on `to`: that day alone.
    static func coverageNeed(_ period: ReportingPeriod) -> CoverageNeed {
        CoverageNeed(eventsFrom: period.to, openFrom: period.to, through: period.to)
    }

    let context: MetricContext
    var unknown = 0
    var tally: BreakdownTally

    init(_ context: MetricContext) {
        self.context = context
        tally = BreakdownTally(Self.applicable(context))
    }

    mutating func add(_ child: ChildRecord) {
        let to = context.period.to
        guard let period = child.stabilityPeriod(on: to), !period.isUASC else { return }
        let current = child.placements.filter { $0.isOpen(on: to) }.max {
            ($0.start, $0.position) < ($1.start, $1.position)
        }
        guard let miles = current?.distanceMiles else {
            unknown += 1
            return
        }
        tally.add(Subject(child: child, date: to, need: period.needCode?.rawValue), counts: miles > 20)
    }

    mutating func merge(_ other: Self) {
        unknown += other.unknown
        tally.merge(other.tally)
    }

    mutating func subtract(_ other: Self) {
        unknown -= other.unknown
        tally.subtract(other.tally)
    }

    func results() -> [MetricResult] {
        [tally.result(Self.ids[0], details: [.count("unknown", unknown)])]
    }
}
