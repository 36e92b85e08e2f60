import JourneyCore

/// A statutory visit on a day the child had no service of that kind.
///
/// A CIN visit needs an open episode of need (or more), a CP visit a CP plan, a care visit a period of care, on the
/// visit's date. Otherwise the visit is on the wrong child, wrongly dated, or made after the case was closed (and
/// counts in no visit figure).
struct VisitOutsideInvolvement: Check {
    var id: String { "visit-outside-involvement" }
    var severity: Severity { .warning }
    var summary: String { "A CIN, CP or care visit is dated when the child had no open episode, CP plan or care." }
    var judges: RecordFacts { [.visits] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for v in child.record.visits {
            let level: Level
            let needs: String
            switch v.kind.rawValue {
            case "cp":
                level = .childProtection
                needs = "CP plan"
            case "care":
                level = .care
                needs = "period of care"
            default:
                level = .childInNeed
                needs = "open episode of need"
            }
            guard !child.isInvolved(at: level, on: v.date) else { continue }
            findings.append(
                finding(
                    child, on: v.date, events: [child.position(.visitMade, on: v.date)],
                    "\(v.kind) visit on \(v.date), when the child had no \(needs): "
                        + "correct the visit's date or kind, or check that it belongs to this child."))
        }
    }
}
