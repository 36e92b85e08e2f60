import JourneyCore

/// `care-leavers-in-touch`, `care-leavers-suitable-accommodation` and `care-leavers-eet` (SSDA903 OC3; DfE
/// *Children looked after in England including adoptions*, care leavers aged 17 to 21).
///
/// Cohort: the young people with a `care-leaver.contacted` dated in the period whose 17th, 18th, 19th, 20th or 21st
/// birthday falls in it; the contact that counts is the latest in the period. Those whose counted contact says they
/// died (`DIED`) or went home to their parents for 6 months or more (`RHOM`) are left out, as the DfE leaves them
/// out. Each figure is a share of the rest, in all and for the age groups `17-18` and `19-21` (by the birthday).
struct CareLeavers: Metric {
    static let ids = ["care-leavers-in-touch", "care-leavers-suitable-accommodation", "care-leavers-eet"]
    static let dimensions = childDimensions
    static let groups = ["17-18", "19-21"]
    /// In education, employment or training (SSDA903 `ACTIV`; the legacy `F3` and `P3` too, should a log hold them).
    static let eet: Set<String> = ["F1", "F2", "F3", "F4", "F5", "P1", "P2", "P3", "P4", "P5"]
    static let neet: Set<String> = ["G4", "G5", "G6"]
    static let inTouchCodes = ["YES", "NO", "REFU", "NREQ"]

    /// One of the three figures: its tally, its age groups' numerators and denominators, and its named counts.
    struct Figure {
        var tally: BreakdownTally
        var groups: [String: (numerator: Int, denominator: Int)] = [:]
        var counts: [String: Int] = [:]

        mutating func add(_ subject: Subject, group: String, counts isCounted: Bool, named: String?) {
            tally.add(subject, counts: isCounted)
            var g = groups[group] ?? (0, 0)
            if isCounted { g.numerator += 1 }
            g.denominator += 1
            groups[group] = g
            if let named { counts[named, default: 0] += 1 }
        }

        mutating func merge(_ other: Figure) {
            tally.merge(other.tally)
            groups.merge(other.groups) { ($0.numerator + $1.numerator, $0.denominator + $1.denominator) }
            counts.merge(other.counts, uniquingKeysWith: +)
        }

        mutating func subtract(_ other: Figure) {
            tally.subtract(other.tally)
            for (g, n) in other.groups {
                groups[g] = (groups[g]!.numerator - n.numerator, groups[g]!.denominator - n.denominator)
            }
            counts.subtract(other.counts)
        }
    }

    let context: MetricContext
    /// In the order of `ids`.
    var figures: [Figure]

    init(_ context: MetricContext) {
        self.context = context
        figures = Self.ids.map { _ in Figure(tally: BreakdownTally(Self.applicable(context))) }
    }

    /// The age group of a young person whose 17th to 21st birthday falls in `period` (the last, should a long
    /// period hold two), or `nil` when none does or the birth date is not known.
    static func group(_ child: ChildRecord, in period: ReportingPeriod) -> String? {
        guard let born = child.birthDate else { return nil }
        var group: String?
        for age in 17...21 where period.contains(born.adding(years: age)) { group = age <= 18 ? groups[0] : groups[1] }
        return group
    }

    mutating func add(_ child: ChildRecord) {
        let period = context.period
        guard
            let contact = child.careLeaverContacts.filter({ period.contains($0.date) })
                .max(by: { ($0.date, $0.position) < ($1.date, $1.position) }),
            let group = Self.group(child, in: period)
        else { return }
        let inTouch = contact.inTouch.rawValue
        guard inTouch != "DIED" && inTouch != "RHOM" else { return }
        let subject = Subject(child: child, date: contact.date)
        figures[0].add(subject, group: group, counts: inTouch == "YES", named: inTouch)
        let suitable = contact.isAccommodationSuitable
        figures[1].add(
            subject, group: group, counts: suitable == true,
            named: suitable == nil ? "noInformation" : suitable == false ? "unsuitable" : nil)
        let activity = contact.activity?.rawValue
        let isEET = activity.map { Self.eet.contains($0) } ?? false
        let isNEET = activity.map { Self.neet.contains($0) } ?? false
        figures[2].add(
            subject, group: group, counts: isEET,
            named: isNEET ? "neet" : activity == nil || activity == "0" ? "noInformation" : nil)
    }

    mutating func merge(_ other: Self) {
        for i in figures.indices { figures[i].merge(other.figures[i]) }
    }

    mutating func subtract(_ other: Self) {
        for i in figures.indices { figures[i].subtract(other.figures[i]) }
    }

    func results() -> [MetricResult] {
        let named = [Self.inTouchCodes, ["unsuitable", "noInformation"], ["neet", "noInformation"]]
        return zip(Self.ids, zip(figures, named)).map { id, pair in
            let (figure, names) = pair
            let groups = Self.groups.map { g in
                JSONMember.share(g, figure.groups[g]?.numerator ?? 0, figure.groups[g]?.denominator ?? 0)
            }
            return figure.tally.result(id, details: groups + names.map { .count($0, figure.counts[$0] ?? 0) })
        }
    }
}
