import JourneyCore

// Each metric's fold as bytes (`FoldCoding`): its fields in the order they are declared, the context left out (the
// plan supplies it). A metric made by `init(_:)` for the context holds the tallies of the dimensions that apply;
// the decoding starts from it and reads every field over.

/// A metric whose whole fold is its breakdown tally: coded as the tally alone.
protocol TallyFold: FoldCoding {
    var tally: BreakdownTally { get set }
    init(_ context: MetricContext)
}

extension TallyFold {
    func encode(into w: inout BinaryWriter) { tally.encode(into: &w) }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        tally = try BreakdownTally(tally.dimensions, decoding: &r)
    }
}

/// A count by reason coded as its counts (with their number) then its tally. `Adoptions`, whose two reasons are
/// always there, codes them without a count, and so is not one.
protocol ReasonCountFold: ReasonCountMetric {}

extension ReasonCountFold {
    func encode(into w: inout BinaryWriter) {
        w.entries(byReason) { w, n in w.integer(n) }
        tally.encode(into: &w)
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        byReason = try r.entries { r in try r.integer() }
        tally = try BreakdownTally(tally.dimensions, decoding: &r)
    }
}

/// An average coded as its count of children not timed, then its tally.
extension AverageMetric {
    func encode(into w: inout BinaryWriter) {
        w.integer(unknown)
        average.encode(into: &w)
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        unknown = try r.integer()
        average = try AverageTally(average.tally.dimensions, decoding: &r)
    }
}

extension AssessmentTimeliness {
    func encode(into w: inout BinaryWriter) {
        w.values(durations)
        w.integer(unmatched)
        w.integer(invalid)
        w.integer(openOverdue)
        tally.encode(into: &w)
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        durations = try r.values()
        unmatched = try r.integer()
        invalid = try r.integer()
        openOverdue = try r.integer()
        tally = try BreakdownTally(tally.dimensions, decoding: &r)
    }
}

extension ICPCTimeliness {
    func encode(into w: inout BinaryWriter) {
        w.values(durations)
        w.integer(unmatched)
        w.integer(invalid)
        tally.encode(into: &w)
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        durations = try r.values()
        unmatched = try r.integer()
        invalid = try r.integer()
        tally = try BreakdownTally(tally.dimensions, decoding: &r)
    }
}

extension CPReviewTimeliness: TallyFold {}

extension ReReferrals: TallyFold {}

extension RepeatCPPlans {
    func encode(into w: inout BinaryWriter) {
        w.integer(withinTwoYears)
        w.integer(priorPlanNotInLog)
        tally.encode(into: &w)
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        withinTwoYears = try r.integer()
        priorPlanNotInLog = try r.integer()
        tally = try BreakdownTally(tally.dimensions, decoding: &r)
    }
}

extension CPPlanDuration {
    /// The five bands, in order, with no count: there are always five.
    func encode(into w: inout BinaryWriter) {
        for n in bands { w.integer(n) }
        tally.encode(into: &w)
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        for i in bands.indices { bands[i] = try r.integer() }
        tally = try BreakdownTally(tally.dimensions, decoding: &r)
    }
}

extension PlacementStabilityShortTerm: TallyFold {}

extension PlacementStabilityLongTerm: TallyFold {}

extension PlacedOver20Miles {
    func encode(into w: inout BinaryWriter) {
        w.integer(unknown)
        tally.encode(into: &w)
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        unknown = try r.integer()
        tally = try BreakdownTally(tally.dimensions, decoding: &r)
    }
}

extension Activity {
    /// Each id's counter in the order of `ids` (every one is always there), the NFA referrals, then the steps by
    /// pair of levels.
    func encode(into w: inout BinaryWriter) {
        for id in Self.ids {
            let c = counts[id]!
            w.integer(c.numerator)
            w.integer(c.denominator)
            c.tally.encode(into: &w)
        }
        w.integer(nfaReferrals)
        w.entries(steps) { w, step in
            w.integer(step.count)
            w.bool(step.isUp)
        }
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        for id in Self.ids {
            let numerator = try r.integer()
            let denominator = try r.integer()
            let tally = try BreakdownTally(counts[id]!.tally.dimensions, decoding: &r)
            counts[id] = (numerator, denominator, tally)
        }
        nfaReferrals = try r.integer()
        steps = try r.entries { r -> (count: Int, isUp: Bool) in (try r.integer(), try r.bool()) }
    }
}

extension Adoptions {
    /// `E11` then `E12`, the two reasons counted, which are always there (`results` reads both).
    func encode(into w: inout BinaryWriter) {
        w.integer(byReason["E11"]!)
        w.integer(byReason["E12"]!)
        tally.encode(into: &w)
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        byReason["E11"] = try r.integer()
        byReason["E12"] = try r.integer()
        tally = try BreakdownTally(tally.dimensions, decoding: &r)
    }
}

extension SGOAndCAOExits: ReasonCountFold {}

extension AdoptionDecisionReversed: ReasonCountFold {}

extension CareLeavers {
    /// The three figures in the order of `ids`, no count: there are always three.
    func encode(into w: inout BinaryWriter) {
        for figure in figures { figure.encode(into: &w) }
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        for i in figures.indices { figures[i] = try Figure(figures[i].tally.dimensions, decoding: &r) }
    }
}

extension CareLeavers.Figure {
    /// An age group whose last young person has been taken out stays at 0 of 0 (`subtract`), which reads as no
    /// entry does (`results`); it is left out, so that the fold gives the bytes of one over the young people left.
    func encode(into w: inout BinaryWriter) {
        tally.encode(into: &w)
        w.entries(groups.filter { $0.value != (0, 0) }) { w, g in
            w.integer(g.numerator)
            w.integer(g.denominator)
        }
        w.entries(counts) { w, n in w.integer(n) }
    }

    init(_ dimensions: [BreakdownDimension], decoding r: inout BinaryReader) throws {
        self.init(tally: try BreakdownTally(dimensions, decoding: &r))
        groups = try r.entries { r -> (numerator: Int, denominator: Int) in (try r.integer(), try r.integer()) }
        counts = try r.entries { r in try r.integer() }
    }
}

extension LookedAfterHealth {
    /// The five shares and the three bands in order, no count: their numbers are fixed.
    func encode(into w: inout BinaryWriter) {
        for share in shares { share.encode(into: &w) }
        sdq.encode(into: &w)
        w.integer(sdqPopulation)
        w.integer(noScore)
        for n in bands { w.integer(n) }
        w.integer(interventionReceived)
        w.integer(interventionOffered)
        w.integer(recorded)
        w.integer(cohort)
    }

    init(_ context: MetricContext, decoding r: inout BinaryReader) throws {
        self.init(context)
        for i in shares.indices { shares[i] = try BreakdownTally(shares[i].dimensions, decoding: &r) }
        sdq = try AverageTally(sdq.tally.dimensions, decoding: &r)
        sdqPopulation = try r.integer()
        noScore = try r.integer()
        for i in bands.indices { bands[i] = try r.integer() }
        interventionReceived = try r.integer()
        interventionOffered = try r.integer()
        recorded = try r.integer()
        cohort = try r.integer()
    }
}
