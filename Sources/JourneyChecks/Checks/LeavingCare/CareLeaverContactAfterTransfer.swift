import JourneyCore

/// A care leaver's contact for a child whose latest period of care ended with a transfer to another council (`E3`).
///
/// SSDA903 1011: "This child is recorded as having his/her care transferred to another local authority for the
/// final episode and therefore should not have the care leaver information completed." The validator flags an OC3
/// row of a child whose latest episode (by `DECOM`) has `REC` `E3`: the other council returns the care leaver. Here
/// each contact after the end of the child's latest period of care started by the as-of date, when it ended `E3`.
struct CareLeaverContactAfterTransfer: Check {
    var id: String { "care-leaver-contact-after-transfer" }
    var severity: Severity { .error }
    var rule: String? { "903 1011" }
    var summary: String {
        "A care leaver contact is recorded for a child whose latest care was taken over by another council (E3)."
    }
    var judges: RecordFacts { [.careLeaverContacts, .periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard !record.careLeaverContacts.isEmpty,
            let latest = record.periodsOfCare.filter({ p in p.start.map { $0 <= child.asOf } ?? false })
                .max(by: { ($0.start!, $0.position) < ($1.start!, $1.position) }),
            latest.endReason?.rawValue == "E3", let end = latest.end, end <= child.asOf
        else { return }
        for c in record.careLeaverContacts where c.date >= end && c.date <= child.asOf {
            findings.append(
                finding(
                    child, on: c.date, events: [c.position, child.end(of: latest)],
                    "A care leaver contact is recorded for a child whose care was taken over by another council (E3): "
                        + "that council keeps in touch; remove the contact, or correct the reason care ended."))
        }
    }
}
