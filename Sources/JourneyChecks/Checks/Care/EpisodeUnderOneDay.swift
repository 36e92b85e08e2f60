import JourneyCore

/// A period of care or a placement that ends on the day it starts.
///
/// SSDA903 355: "Episode appears to have lasted for less than 24 hours" (`DECOM` = `DEC` on a row). A row is a
/// period of care's stretch with one legal status and one placement; journey keeps the period and its placements,
/// so here a period of care, or a placement, that ends on the day it starts. Two changes of legal status on one day
/// (a row of no length) are not found: the record keeps both, and the later one stands.
struct EpisodeUnderOneDay: Check {
    var id: String { "episode-under-one-day" }
    var severity: Severity { .error }
    var rule: String? { "903 355" }
    var summary: String { "A period of care or a placement ends on the day it starts." }
    var judges: RecordFacts { [.periodsOfCare, .placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.periodsOfCare {
            guard let start = p.start, let end = p.end, end == start, end <= child.asOf else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: p), child.end(of: p)],
                    "A period of care ends on the day it starts: a child looked after for less than 24 hours is not "
                        + "recorded; correct the dates or remove the period."))
        }
        for p in child.record.placements {
            guard let end = p.ownEnd, end == p.start, end <= child.asOf,
                child.record.periodsOfCare.first(where: { $0.key == p.period })?.start != end
            else { continue }
            findings.append(
                finding(
                    child, on: p.start, events: [p.position, child.end(of: p)],
                    "A placement ends on the day it starts: record the placement the child was in, or correct the "
                        + "dates."))
        }
    }
}
