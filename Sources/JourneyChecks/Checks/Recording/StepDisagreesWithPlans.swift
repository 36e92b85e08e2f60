import JourneyCore

/// A step up or down between levels of help that the plans do not bear out.
///
/// A step records a decision; the plans it leads to are recorded by their own events (events.md). The step
/// disagrees with them when:
/// - its `from` level is not the level the child was at just before it (the highest of care, a CP plan, a CIN plan
///   or open episode of need, early help, else universal);
/// - a step up to a level has nothing of that level starting within 20 working days either side of it (a period of
///   care, a CP plan, a CIN plan or a referral (an NFA one too: the front door decided), early help);
/// - a step down leaves something above the new level open more than 20 working days after it.
/// **Reading**: 20 working days is the window for recording what a decision leads to; the last two are judged only
/// once it has passed.
struct StepDisagreesWithPlans: Check {
    var id: String { "step-disagrees-with-plans" }
    var severity: Severity { .warning }
    var summary: String {
        "A step up or down between levels of help disagrees with the plans, care or early help recorded."
    }
    var judges: RecordFacts { [.steps] }

    static let window = 20

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        for step in record.steps {
            let d = step.date
            let event = child.position(step.isUp ? .steppedUp : .steppedDown, on: d)
            let before = child.level(justBefore: d)
            let verb = step.isUp ? "Step up" : "Step down"
            if step.from != before {
                findings.append(
                    finding(
                        child, on: d, events: [event],
                        "\(verb) on \(d) from \(step.from) to \(step.to), but the child was at \(before) just before "
                            + "it: correct the step's levels, or record the plan, care or early help it started from."))
                continue
            }
            // What the step would be found for once its window has passed is asked before the window itself: it
            // does not change with the as-of date, so a step that leads where it says is not judged again as the day
            // moves on to the window's end (`AsOfDate`).
            let deadline = child.adding(workingDays: Self.window, to: d)
            if step.isUp {
                guard !startsNear(step.to, d, child), child.asOf > deadline else { continue }
                findings.append(
                    finding(
                        child, on: d, events: [event],
                        "Step up on \(d) to \(step.to), but nothing at that level started within 20 working days: "
                            + "record the \(Self.thing(step.to)) it led to, or correct the step."))
            } else if let open = openAbove(step.to, d, deadline, child), child.asOf > deadline {
                findings.append(
                    finding(
                        child, on: d, events: [event, open.1],
                        "Step down on \(d) to \(step.to), but the \(open.0) was still open 20 working days later: end "
                            + "it, or correct the step."))
            }
        }
    }

    static func thing(_ level: Level) -> String {
        switch level {
        case .care: "period of care"
        case .childProtection: "CP plan"
        case .childInNeed: "CIN plan or referral"
        case .earlyHelp: "early help"
        default: "service"
        }
    }

    /// Something of `level` starts within the window either side of `d`.
    func startsNear(_ level: Level, _ d: CalendarDate, _ child: ChildJourney) -> Bool {
        func near(_ start: CalendarDate?) -> Bool {
            guard let start else { return false }
            return abs(child.workingDays(from: d, to: start)) <= Self.window
        }
        let r = child.record
        switch level {
        case .care: return r.periodsOfCare.contains { near($0.start) }
        case .childProtection: return r.cpPlans.contains { near($0.start) }
        case .childInNeed: return r.cinPlans.contains { near($0.start) } || r.referrals.contains { near($0.date) }
        case .earlyHelp: return r.earlyHelp.contains { near($0.start) }
        default: return true
        }
    }

    /// The first thing above `level` open on `d` and still open after `deadline`.
    func openAbove(_ level: Level, _ d: CalendarDate, _ deadline: CalendarDate, _ child: ChildJourney) -> (
        String, UInt64?
    )? {
        func lingers(_ start: CalendarDate?, _ end: CalendarDate?) -> Bool {
            guard let start, start <= d else { return false }
            return end.map { $0 > deadline } ?? true
        }
        let r = child.record
        if level < .care, let p = r.periodsOfCare.first(where: { lingers($0.start, $0.end) }) {
            return ("period of care", child.start(of: p))
        }
        if level < .childProtection, let p = r.cpPlans.first(where: { lingers($0.start, $0.end) }) {
            return ("CP plan", child.start(of: p))
        }
        if level < .childInNeed {
            if let p = r.cinPlans.first(where: { lingers($0.start, $0.end) }) {
                return ("CIN plan", child.start(of: p))
            }
            if let e = r.referrals.first(where: { !$0.isNFA && lingers($0.date, $0.closed) }) {
                return ("episode of need", e.position)
            }
        }
        if level < .earlyHelp, let e = r.earlyHelp.first(where: { lingers($0.start, $0.end) }) {
            return ("early help", child.start(of: e))
        }
        return nil
    }
}
