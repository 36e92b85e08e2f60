import JourneyCore

/// A period of care that starts after the child left care adopted (`E11`, `E12`).
///
/// SSDA903 199: "Episode information shows child has been previously adopted from care." (Any episode after one
/// with `REC` E11 or E12, by `DECOM`, in this year's and last year's episodes.) A child adopted from care and
/// looked after again is counted by the DfE as a new child: their adoption ends the old record. Here each period
/// of care starting on or after the end of an earlier one ending E11 or E12, over the whole history.
struct CareAfterAdoption: Check {
    var id: String { "care-after-adoption" }
    var severity: Severity { .query }
    var rule: String? { "903 199" }
    var summary: String { "A period of care starts after the child left care adopted (E11, E12)." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let periods = child.record.periodsOfCare
        guard
            let adopted = periods.filter({ p in
                guard let reason = p.endReason?.rawValue, let end = p.end else { return false }
                return (reason == "E11" || reason == "E12") && end <= child.asOf
            }).min(by: { ($0.end!, $0.position) < ($1.end!, $1.position) }), let adoptedOn = adopted.end
        else { return }
        for p in periods where p.key != adopted.key {
            guard let start = p.start, start >= adoptedOn, start <= child.asOf else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: p), child.end(of: adopted)],
                    "A period of care starts after the child left care adopted: a child adopted from care who is "
                        + "looked after again is returned as a new child; check the reason the earlier care ended."))
        }
    }
}
