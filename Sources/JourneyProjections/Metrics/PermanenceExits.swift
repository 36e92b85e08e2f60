import JourneyCore

extension ChildRecord {
    /// The period of care whose end, dated in `period`, is the child's count among those that ceased for one of
    /// `reasons`: the latest such end (then the later in the log), so that a child is counted once (metrics.md,
    /// *Permanence, leaving care and health*).
    func latestEnd(in period: ReportingPeriod, reasons: Set<String>) -> PeriodOfCare? {
        periodsOfCare.filter { p in
            guard let end = p.end, let reason = p.endReason else { return false }
            return period.contains(end) && reasons.contains(reason.rawValue)
        }.max { ($0.end!, $0.position) < ($1.end!, $1.position) }
    }
}

/// `adoptions` (SSDA903; DfE *Children looked after in England including adoptions*): children whose period of care
/// ended in the period with reason `E11` or `E12`, each once, by the later end if two.
struct Adoptions: ReasonCountMetric {
    static let ids = ["adoptions"]
    static let dimensions = childDimensions
    /// The reasons a period of care ends in adoption.
    static let reasons: Set<String> = ["E11", "E12"]

    /// Both reasons are reported, at 0 when no child's care ended so.
    static let startingCounts = ["E11": 0, "E12": 0]

    let context: MetricContext
    var byReason: [String: Int]
    var tally: BreakdownTally

    mutating func add(_ child: ChildRecord) {
        guard let period = child.latestEnd(in: context.period, reasons: Self.reasons) else { return }
        byReason[period.endReason!.rawValue]! += 1
        tally.add(Subject(child: child, date: period.end!), counts: true)
    }

    func results() -> [MetricResult] {
        [result(details: [.count("E11", byReason["E11"]!), .count("E12", byReason["E12"]!)])]
    }
}

/// `sgo-cao-exits` (SSDA903): children whose period of care ended in the period with a special guardianship order
/// (`E45`–`E48`) or a residence or child arrangements order (`E41`), each once, by the later end if two.
///
/// The legacy SGO codes `E43` and `E44` would count as `sgo`, but the event format's code list does not hold them.
struct SGOAndCAOExits: ReasonCountMetric {
    static let ids = ["sgo-cao-exits"]
    static let dimensions = childDimensions
    static let sgoReasons: Set<String> = ["E43", "E44", "E45", "E46", "E47", "E48"]
    static let caoReasons: Set<String> = ["E41"]
    static let reasons = sgoReasons.union(caoReasons)

    let context: MetricContext
    var byReason: [String: Int]
    var tally: BreakdownTally

    mutating func add(_ child: ChildRecord) {
        guard let period = child.latestEnd(in: context.period, reasons: Self.reasons) else { return }
        byReason[period.endReason!.rawValue, default: 0] += 1
        tally.add(Subject(child: child, date: period.end!), counts: true)
    }

    func results() -> [MetricResult] {
        let sgo = byReason.filter { Self.sgoReasons.contains($0.key) }.values.reduce(0, +)
        let cao = byReason.filter { Self.caoReasons.contains($0.key) }.values.reduce(0, +)
        // One detail per reason code that some child's counted end has, in code order.
        let present = byReason.sorted { $0.key < $1.key }.map { JSONMember.count($0.key, $0.value) }
        return [result(details: [.count("sgo", sgo), .count("cao", cao)] + present)]
    }
}
