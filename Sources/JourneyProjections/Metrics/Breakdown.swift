import JourneyCore

/// What a figure can be broken down by (metrics.md, breakdowns).
public enum BreakdownDimension: String, CaseIterable, Sendable, Hashable {
    /// The team responsible on the event's date (`worker.allocated`), else `unallocated`.
    case team
    /// Under 1, 1–4, 5–9, 10–15, 16+ on the event's date, or on `to` for populations taken on `to`.
    case ageBand = "age-band"
    case sex
    /// The ethnicity code's first letter (W, M, A, B, O), and N for not stated or refused.
    case ethnicity
    case ward
    /// Category of abuse (CP figures only).
    case category
    /// Referral source (figures about referrals).
    case source
    /// Primary need of the referral, or the category of need of the period of care.
    case need
}

extension BreakdownDimension {
    /// The age band of an age in completed years (metrics.md, breakdowns): under 1, 1–4, 5–9, 10–15, 16+, or
    /// unknown.
    package static func ageBand(_ age: Int?) -> String {
        guard let age else { return "unknown" }
        switch age {
        case ..<1: return "under 1"
        case 1...4: return "1-4"
        case 5...9: return "5-9"
        case 10...15: return "10-15"
        default: return "16+"
        }
    }
}

/// One member of a population, as the breakdowns see it.
///
/// It keeps what the dimensions read of the child's record, not the record: a subject is made for each member
/// counted, with or without dimensions, and a copy of the record retains and releases each of its lists.
struct Subject {
    /// The child's allocations, birth date, sex, ethnicity and ward, from its record.
    var allocations: [ChildRecord.Allocation]
    var birthDate: CalendarDate?
    var sex: Sex?
    var ethnicity: Ethnicity?
    var ward: String?
    /// The date that decides the team and the age band.
    var date: CalendarDate
    var category: AbuseCategory?
    var source: ReferralSource?
    var need: String?

    init(
        child: ChildRecord, date: CalendarDate, category: AbuseCategory? = nil, source: ReferralSource? = nil,
        need: String? = nil
    ) {
        allocations = child.allocations
        birthDate = child.birthDate
        sex = child.sex
        ethnicity = child.ethnicity
        ward = child.ward
        self.date = date
        self.category = category
        self.source = source
        self.need = need
    }

    func key(_ dimension: BreakdownDimension) -> String {
        switch dimension {
        case .team: return ChildRecord.team(in: allocations, on: date) ?? "unallocated"
        // `ChildRecord.age(on:)`.
        case .ageBand: return BreakdownDimension.ageBand(birthDate.map { $0.completedYears(at: date) })
        case .sex: return sex?.rawValue ?? "unknown"
        case .ethnicity: return ethnicity?.group ?? "N"
        case .ward: return ward ?? "unknown"
        case .category: return category?.rawValue ?? "unknown"
        case .source: return source?.rawValue ?? "unknown"
        case .need: return need ?? "unknown"
        }
    }
}

/// A metric's numerator and denominator, in all and for each key of each dimension asked for.
struct BreakdownTally {
    let dimensions: [BreakdownDimension]
    /// Settable in the module for the coding of saved folds (`MetricFoldCoding.swift`).
    var numerator = 0
    var denominator = 0
    /// Each key's row, with the number of members counted under it: a row is listed while it has a member, even
    /// one that adds 0 to both, and goes when `subtract` takes out its last.
    var tallies: [BreakdownDimension: [String: (numerator: Int, denominator: Int, members: Int)]] = [:]

    init(_ dimensions: [BreakdownDimension]) { self.dimensions = dimensions }

    /// Counts one member of the population (in the denominator), and in the numerator when `counts`.
    mutating func add(_ subject: Subject, counts: Bool, inDenominator: Bool = true) {
        add(subject, numerator: counts ? 1 : 0, denominator: inDenominator ? 1 : 0)
    }

    /// Adds `numerator` and `denominator` to the totals and to the subject's row of each dimension: for an average,
    /// the child's days (or score) over one child.
    mutating func add(_ subject: Subject, numerator n: Int, denominator d: Int) {
        numerator += n
        denominator += d
        for dimension in dimensions {
            let key = subject.key(dimension)
            var t = tallies[dimension, default: [:]][key] ?? (0, 0, 0)
            t.numerator += n
            t.denominator += d
            t.members += 1
            tallies[dimension, default: [:]][key] = t
        }
    }

    /// Adds in the members counted by `other`, which breaks down by the same dimensions.
    mutating func merge(_ other: BreakdownTally) {
        numerator += other.numerator
        denominator += other.denominator
        for (dimension, rows) in other.tallies {
            tallies[dimension, default: [:]].merge(rows) {
                ($0.numerator + $1.numerator, $0.denominator + $1.denominator, $0.members + $1.members)
            }
        }
    }

    /// Takes out the members counted by `other`, every one of which was counted here too.
    mutating func subtract(_ other: BreakdownTally) {
        numerator -= other.numerator
        denominator -= other.denominator
        for (dimension, rows) in other.tallies {
            for (key, theirs) in rows {
                let t = tallies[dimension]![key]!
                let left = (
                    t.numerator - theirs.numerator, t.denominator - theirs.denominator, t.members - theirs.members
                )
                tallies[dimension]![key] = left.2 == 0 ? nil : left
            }
        }
    }

    /// Rows sorted by key, so that output never depends on the order children were met in.
    func breakdowns(hasDenominator: Bool = true, kind: MetricResult.Kind = .share) -> [MetricResult.Breakdown] {
        dimensions.map { d in
            let rows = (tallies[d] ?? [:]).map {
                MetricResult.Row(
                    key: $0.key, numerator: $0.value.numerator,
                    denominator: hasDenominator ? $0.value.denominator : nil,
                    kind: hasDenominator ? kind : .count)
            }.sorted { $0.key < $1.key }
            return MetricResult.Breakdown(dimension: d, rows: rows)
        }
    }

    /// The metric's result: the totals and their breakdowns.
    func result(_ id: String, details: [JSONMember] = []) -> MetricResult {
        MetricResult(id: id, numerator: numerator, denominator: denominator, details: details, breakdown: breakdowns())
    }
}
