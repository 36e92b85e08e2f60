import JourneyCore

/// What the end-reason age checks share: a period of care ended, for a reason, at an age the reason cannot have.
///
/// SSDA903 386, 387, 389, 407 and 460 judge the row whose `REC` ends the period on its `DEC`, against the child's
/// birthday (`DOB + n years`, 29 February moving to 28 February as pandas does). Here the period's end and its
/// reason. A child with no birth date is not judged.
///
/// **By design**: a row with a `REC` but no `DEC` is still open here (the import ignores the `REC` until the episode
/// ceases, and says so); the validator reads such a row as ending (another rule fills its `DEC` with 31 March), and
/// flags it.
protocol CareEndReasonAge: Check {
    /// The `REC` codes the rule is about.
    var reasons: Set<String> { get }
    var age: Int { get }
    /// How the end date may stand to the birthday.
    var bound: EndAgeBound { get }
    /// The reason, for the message: "Care ended with adoption (E11, E12)".
    var reasonText: String { get }
}

/// Which ends a rule allows, against the birthday `DOB + age`.
enum EndAgeBound {
    /// On or after the birthday (an end before it breaks the rule).
    case onOrAfter
    /// Before the birthday.
    case before
    /// On or before the birthday.
    case onOrBefore

    func allows(_ end: CalendarDate, birthday: CalendarDate) -> Bool {
        switch self {
        case .onOrAfter: end >= birthday
        case .before: end < birthday
        case .onOrBefore: end <= birthday
        }
    }

    func text(_ age: Int) -> String {
        switch self {
        case .onOrAfter: "needs the child to be \(age) or over"
        case .before: "needs the child to be under \(age)"
        case .onOrBefore: "needs the child to be at most \(age)"
        }
    }
}

extension CareEndReasonAge {
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.periodsOfCare.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: age)
        for period in child.record.periodsOfCare {
            guard let end = period.end, end <= child.asOf, let reason = period.endReason,
                reasons.contains(reason.rawValue), !bound.allows(end, birthday: birthday)
            else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: period), child.birthDateEvent],
                    "\(reasonText) \(bound.text(age)) on the day care ended: correct the reason care ended, its date "
                        + "or the birth date."))
        }
    }
}
