import JourneyCore

/// A care leaver's contact that says the authority is in touch, with the activity or accommodation not known.
///
/// SSDA903 345: "The data collection record shows the local authority is in touch with this young person, but
/// activity and/or accommodation data items are zero". In touch (`YES`), the authority knows what the young person
/// is doing and where they live; a `0` (not known), or no code at all, leaves the care leaver figures short.
struct CareLeaverInTouchActivityNotKnown: Check {
    var id: String { "care-leaver-in-touch-activity-not-known" }
    var severity: Severity { .error }
    var rule: String? { "903 345" }
    var summary: String {
        "A care leaver contact says the authority is in touch (YES) but the activity or accommodation is not known."
    }
    var judges: RecordFacts { [.careLeaverContacts] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for c in child.record.careLeaverContacts where c.inTouch.rawValue == "YES" {
            var unknown: [String] = []
            if c.activity.map({ $0.rawValue == "0" }) ?? true { unknown.append("activity") }
            if c.accommodation.map({ $0.rawValue == "0" }) ?? true { unknown.append("accommodation") }
            guard !unknown.isEmpty else { continue }
            let what = unknown.count == 2 ? "activity and accommodation are" : "\(unknown[0]) is"
            findings.append(
                finding(
                    child, on: c.date, events: [c.position],
                    "Care leaver contact \(c.date) says in touch (YES) but the \(what) not known: record the young "
                        + "person's activity and accommodation, or correct the in-touch code."))
        }
    }
}
