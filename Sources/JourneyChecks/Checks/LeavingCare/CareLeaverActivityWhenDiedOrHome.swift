import JourneyCore

/// A care leaver's contact recording that the young person died or returned home, with an activity or accommodation.
///
/// SSDA903 344: when `IN_TOUCH` is `DIED` or `RHOM` (returned home to parents for 6 months or more), activity and
/// accommodation are not collected and must be `0`. The 903 also fails a blank; the format's fields are optional, so
/// only a code other than `0` is reported.
struct CareLeaverActivityWhenDiedOrHome: Check {
    var id: String { "care-leaver-activity-when-died-or-home" }
    var severity: Severity { .error }
    var rule: String? { "903 344" }
    var summary: String {
        "A care leaver contact says the young person died or returned home (DIED, RHOM) but gives an activity or accommodation."
    }
    var judges: RecordFacts { [.careLeaverContacts] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for c in child.record.careLeaverContacts {
            let status = c.inTouch.rawValue
            guard status == "DIED" || status == "RHOM" else { continue }
            var given: [String] = []
            if let activity = c.activity, activity.rawValue != "0" { given.append("activity \(activity)") }
            if let accommodation = c.accommodation, accommodation.rawValue != "0" {
                given.append("accommodation \(accommodation)")
            }
            guard !given.isEmpty else { continue }
            let meaning = status == "DIED" ? "died" : "returned home"
            findings.append(
                finding(
                    child, on: c.date, events: [c.position],
                    "Care leaver contact \(c.date) says \(status) (\(meaning)) but gives "
                        + "\(given.joined(separator: " and ")): record activity and accommodation as 0, or correct "
                        + "the in-touch code."))
        }
    }
}
