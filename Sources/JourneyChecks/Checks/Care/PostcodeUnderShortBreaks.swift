import JourneyCore

/// A placement postcode on a 903 row under short breaks (`V3`, `V4`).
///
/// SSDA903 398: "Distance field completed but child looked after under legal status V3 or V4." (`LS` V3 or V4 with
/// `HOME_POST` or `PL_POST` given: the validator works the distance out from them.) The log holds no home postcode
/// (the return never writes one); here each 903 row (`CareEpisode`) under V3 or V4 whose placement has a postcode.
/// `location-under-short-breaks` (903 214) finds a URN too.
struct PostcodeUnderShortBreaks: Check {
    var id: String { "postcode-under-short-breaks" }
    var severity: Severity { .error }
    var rule: String? { "903 398" }
    var summary: String {
        "A placement under short breaks (V3, V4) has a postcode, from which a distance is worked out."
    }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.careEpisodes where e.legalStatus?.isShortBreak == true {
            guard let p = e.placement, p.postcode != nil else { continue }
            findings.append(
                finding(
                    child, on: e.start, events: [child.event(beginning: e), p.position],
                    "A placement under short breaks (V3, V4) has a postcode: the 903 takes no distance for short "
                        + "breaks; leave the postcode out."))
        }
    }
}
