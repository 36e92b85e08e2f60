import JourneyCore

/// `icpc-timeliness` (CIN census; DfE table C4): initial child protection conferences within 15 working days of the
/// start of the section 47 enquiry.
///
/// Linked S47: the one named by the conference; if none is named, the latest S47 of the same referral started on
/// or before the conference. Conferences with no S47 are `unmatched`; those dated before it, `invalid`.
struct ICPCTimeliness: Metric {
    static let ids = ["icpc-timeliness"]
    static let dimensions = childDimensions.union([.source, .need])
    static let limit = 15

    let context: MetricContext
    var durations: [Int] = []
    var unmatched = 0
    var invalid = 0
    var tally: BreakdownTally

    init(_ context: MetricContext) {
        self.context = context
        tally = BreakdownTally(Self.applicable(context))
    }

    /// The start of the S47 a conference follows, if it has one.
    static func s47Start(of conference: ChildRecord.Conference, in child: ChildRecord) -> CalendarDate? {
        if let named = conference.s47 {
            return child.s47Enquiries.first { $0.key == named }?.started
        }
        return child.s47Enquiries.compactMap { s -> CalendarDate? in
            guard s.referral == conference.referral, let started = s.started, started <= conference.date else {
                return nil
            }
            return started
        }.max()
    }

    mutating func add(_ child: ChildRecord) {
        for c in child.conferences where context.period.contains(c.date) {
            guard let started = Self.s47Start(of: c, in: child) else {
                unmatched += 1
                continue
            }
            guard c.date >= started else {
                invalid += 1
                continue
            }
            let days = context.calendar.workingDays(from: started, to: c.date)
            durations.append(days)
            let referral = child.referral(c.referral)
            tally.add(
                Subject(child: child, date: c.date, source: referral?.source, need: referral?.primaryNeed?.rawValue),
                counts: days <= Self.limit)
        }
    }

    mutating func merge(_ other: Self) {
        durations += other.durations
        unmatched += other.unmatched
        invalid += other.invalid
        tally.merge(other.tally)
    }

    mutating func subtract(_ other: Self) {
        durations.removeOccurrences(of: other.durations)
        unmatched -= other.unmatched
        invalid -= other.invalid
        tally.subtract(other.tally)
    }

    func results() -> [MetricResult] {
        let bands = [
            ("0-10", durations.filter { $0 <= 10 }.count),
            ("11-15", durations.filter { $0 > 10 && $0 <= 15 }.count),
            ("16-20", durations.filter { $0 > 15 && $0 <= 20 }.count),
            ("21+", durations.filter { $0 > 20 }.count),
        ]
        return [
            MetricResult(
                id: Self.ids[0], numerator: durations.filter { $0 <= Self.limit }.count, denominator: durations.count,
                details: [.count("unmatched", unmatched), .count("invalid", invalid), .counts("bands", bands)],
                breakdown: tally.breakdowns())
        ]
    }
}
