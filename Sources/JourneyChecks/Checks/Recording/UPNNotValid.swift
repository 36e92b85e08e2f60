import JourneyCore

/// A looked-after child's unique pupil number that is neither of the UPN's form nor one of the codes UN1-UN5.
///
/// SSDA903 168: "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or
/// UN5." The validator's form: a capital letter other than I, O or S, then 12 digits, or 11 digits and a capital
/// letter. The append takes any text. Judged for a child with a period of care started by the as-of date.
struct UPNNotValid: Check {
    var id: String { "upn-not-valid" }
    var severity: Severity { .error }
    var rule: String? { "903 168" }
    var summary: String { "A looked-after child's UPN is neither a UPN nor one of the codes UN1-UN5." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let upn = child.record.upn, !Self.isValid(upn), let period = child.firstPeriodOfCare,
            let start = period.start
        else { return }
        findings.append(
            finding(
                child, on: start, events: [child.detailsEvent?.position, child.start(of: period)],
                "A looked-after child's UPN is not of the UPN's form (a letter and 12 characters) nor one of the codes "
                    + "UN1-UN5: correct it with child.updated."))
    }

    /// A UPN (`^[A-Z not IOS][0-9]{11}[0-9A-Z]$`) or `UN1`-`UN5`.
    static func isValid(_ upn: String) -> Bool {
        if ["UN1", "UN2", "UN3", "UN4", "UN5"].contains(upn) { return true }
        let c = Array(upn.utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func isCapital(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
        guard c.count == 13, isCapital(c[0]), !"IOS".utf8.contains(c[0]) else { return false }
        return c[1...11].allSatisfy(isDigit) && (isDigit(c[12]) || isCapital(c[12]))
    }
}
