import JourneyCore

/// A placement postcode or Ofsted URN on a 903 row under short breaks (`V3`, `V4`).
///
/// SSDA903 214: "Placement location information not required." (`LS` V3 or V4 with `PL_POST` or `URN` given.) A
/// child on short breaks lives at home: the 903 asks where a placement is only of a child looked after full time.
/// Here each 903 row (`CareEpisode`) under V3 or V4 whose placement has a postcode or URN.
struct LocationUnderShortBreaks: Check {
    var id: String { "location-under-short-breaks" }
    var severity: Severity { .error }
    var rule: String? { "903 214" }
    var summary: String { "A placement under short breaks (V3, V4) has a postcode or an Ofsted URN." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.careEpisodes where e.legalStatus?.isShortBreak == true {
            guard let p = e.placement, p.postcode != nil || p.urn != nil else { continue }
            findings.append(
                finding(
                    child, on: e.start, events: [child.event(beginning: e), p.position],
                    "A placement under short breaks (V3, V4) has a postcode or an Ofsted URN: the 903 takes no "
                        + "placement location for short breaks; leave them out."))
        }
    }
}
