import JourneyCore
import JourneyProjections

/// A reproducible sample of open cases for a case-file audit, stratified by team and level of help: the same seed,
/// log and date give the same sample on any machine.
///
/// The cases are the caseload's (`Caseload`). The rule and the generator are in docs/caseload-and-audit-sample.md:
/// - the size asked for is shared between the strata (team × level) in proportion to their sizes, with at least one
///   case from each stratum when the size allows (`allocation(sizes:size:)`);
/// - within a stratum, cases in child-id order, a partial Fisher–Yates shuffle drawn from one `SplitMix64` seeded
///   with the seed, strata taken in order (team by name, `unallocated` last; then level of help).
public struct AuditSample: Sendable, Hashable {
    public var on: CalendarDate
    public var team: String?
    public var asKnownAt: Timestamp?
    /// The sample size asked for.
    public var size: Int
    public var seed: UInt64
    /// Open cases the sample was drawn from.
    public var population: Int
    /// Every non-empty stratum, in stratum order.
    public var strata: [Stratum]
    /// The cases chosen, in the order drawn.
    public var picks: [Pick]

    /// A team and level of help, with its cases and how many were drawn from it.
    public struct Stratum: Sendable, Hashable {
        public var team: String
        public var level: Caseload.Level
        /// Open cases in it.
        public var size: Int
        /// Cases drawn from it.
        public var allocated: Int
    }

    /// One chosen case and why: its stratum, its draw number and the stratum's size.
    public struct Pick: Sendable, Hashable {
        public var openCase: Caseload.Case
        /// 1 for the first case drawn, counting across the strata in order.
        public var draw: Int
        /// 1 for the first case drawn from its stratum.
        public var drawInStratum: Int
        public var stratum: Stratum
    }
}

extension AuditSample {
    /// The sample of `size` open cases on `date` (of `team`, or every team), drawn with `seed`.
    public static func draw(
        _ state: JourneyState, on date: CalendarDate, size: Int, seed: UInt64, team: String? = nil,
        asKnownAt: Timestamp? = nil
    ) -> AuditSample {
        draw(from: Caseload.build(state, on: date, team: team, asKnownAt: asKnownAt), size: size, seed: seed)
    }

    /// The sample of `size` of the caseload's cases, drawn with `seed`.
    public static func draw(from caseload: Caseload, size: Int, seed: UInt64) -> AuditSample {
        var groups: [String?: [Caseload.Level: [Caseload.Case]]] = [:]
        for c in caseload.cases { groups[c.team, default: [:]][c.level, default: []].append(c) }
        var members: [(team: String, level: Caseload.Level, cases: [Caseload.Case])] = []
        for team in groups.keys.sorted(by: Caseload.nameOrder) {
            for level in Caseload.Level.allCases {
                guard let cases = groups[team]![level] else { continue }
                members.append((team ?? Caseload.unallocated, level, cases.sorted { $0.child < $1.child }))
            }
        }
        let allocated = allocation(sizes: members.map(\.cases.count), size: size)
        var generator = SplitMix64(seed: seed)
        var strata: [Stratum] = []
        var picks: [Pick] = []
        for (member, count) in zip(members, allocated) {
            let stratum = Stratum(team: member.team, level: member.level, size: member.cases.count, allocated: count)
            strata.append(stratum)
            // A partial Fisher–Yates shuffle: the i-th draw swaps a case chosen from those not yet drawn into place i.
            var cases = member.cases
            for i in 0..<count {
                let j = i + Int(generator.next(below: UInt64(cases.count - i)))
                cases.swapAt(i, j)
                picks.append(Pick(openCase: cases[i], draw: picks.count + 1, drawInStratum: i + 1, stratum: stratum))
            }
        }
        return AuditSample(
            on: caseload.on, team: caseload.team, asKnownAt: caseload.asKnownAt, size: size, seed: seed,
            population: caseload.cases.count, strata: strata, picks: picks)
    }

    /// How many to draw from each stratum of `sizes` (in stratum order) for a sample of `size`:
    /// - `size` at or over the total: every case;
    /// - `size` under the number of strata: one from each of the `size` largest strata (ties: the earlier stratum);
    /// - otherwise one from each stratum, and the rest, `size` − strata, shared in proportion to the cases each
    ///   stratum has left (its size − 1) by largest remainders (Hamilton's method; ties: the earlier stratum). In
    ///   whole numbers, so that every machine gets the same shares. No stratum gets more than it has: its exact share
    ///   of the rest is at most its cases left.
    public static func allocation(sizes: [Int], size: Int) -> [Int] {
        let total = sizes.reduce(0, +)
        let strata = sizes.count
        if size >= total { return sizes }
        if size <= 0 { return sizes.map { _ in 0 } }
        if size < strata {
            let largest = sizes.indices.sorted { (sizes[$0], -$0) > (sizes[$1], -$1) }.prefix(size)
            return sizes.indices.map { largest.contains($0) ? 1 : 0 }
        }
        let rest = size - strata
        let left = total - strata
        var shares = sizes.map { 1 + rest * ($0 - 1) / left }
        let remainders = sizes.map { rest * ($0 - 1) % left }
        let spare = size - shares.reduce(0, +)
        for i in sizes.indices.sorted(by: { (remainders[$0], -$0) > (remainders[$1], -$1) }).prefix(spare) {
            shares[i] += 1
        }
        return shares
    }
}
