import JourneyCore

/// An initial child protection conference dated on a Saturday or Sunday.
///
/// CIN 8875: "The Date of Initial Child Protection Conference cannot be a weekend". Conferences are held on working
/// days; a weekend date is a typing slip, and it moves `icpc-timeliness` (15 working days from the strategy
/// discussion). The validator reads the rule on `Section47/DateOfInitialCPC` only; the stream holds one kind of
/// conference, wherever the census recorded it, so a conference recorded only at episode level
/// (`CINdetails/DateOfInitialCPC`) is judged too.
struct ICPCOnWeekend: Check {
    var id: String { "icpc-on-weekend" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8875" }
    var summary: String { "An initial child protection conference is dated on a Saturday or Sunday." }
    var judges: RecordFacts { [.conferences] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for c in child.record.conferences where c.date.isWeekend {
            let day = c.date.isoWeekday == 6 ? "Saturday" : "Sunday"
            findings.append(
                finding(
                    child, on: c.date, events: [c.position],
                    "Initial child protection conference dated \(c.date), a \(day): correct the conference date to the "
                        + "working day it was held."))
        }
    }
}
