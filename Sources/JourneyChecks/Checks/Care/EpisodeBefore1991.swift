import JourneyCore

/// A 903 row starting before 14 October 1991, when the Children Act 1989 came into force.
///
/// SSDA903 353: "No episode submitted can start before 14 October 1991." Here each 903 row of the child's periods
/// of care (`CareEpisode`): the append takes any real date.
struct EpisodeBefore1991: Check {
    var id: String { "episode-before-1991" }
    var severity: Severity { .error }
    var rule: String? { "903 353" }
    var summary: String { "A period of care, legal status or placement starts before 14 October 1991." }
    var judges: RecordFacts { [.periodsOfCare] }

    static let childrenAct = CalendarDate(year: 1991, month: 10, day: 14)!

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.careEpisodes where e.start < Self.childrenAct {
            findings.append(
                finding(
                    child, on: e.start, events: [child.event(beginning: e)],
                    "A period of care, legal status or placement starts before 14 October 1991, when the Children Act "
                        + "1989 came into force: correct the date."))
        }
    }
}
