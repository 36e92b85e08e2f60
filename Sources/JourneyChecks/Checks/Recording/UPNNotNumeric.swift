import JourneyCore

/// A unique pupil number whose characters 5 to 12 are not all digits.
///
/// CIN 1540: "UPN invalid (characters 5-12 not all numeric)". As the validator reads it, a UPN too short to have
/// them is not numeric there either. The UPN is personal data: the message does not repeat it.
struct UPNNotNumeric: Check {
    var id: String { "upn-not-numeric" }
    var severity: Severity { .error }
    var rule: String? { "CIN 1540" }
    var summary: String { "The child's UPN has characters 5 to 12 that are not all digits." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let upn = child.record.upn, !Self.hasDigitsFiveToTwelve(upn) else { return }
        addDetailsFinding(
            child,
            "The child's UPN has characters 5 to 12 that are not all digits: correct the UPN with child.updated.",
            into: &findings)
    }

    /// Whether characters 5 to 12 of `upn` are there and all ASCII digits: on its bytes when it is printable ASCII (a
    /// byte a character), as `Character`s otherwise.
    static func hasDigitsFiveToTwelve(_ upn: String) -> Bool {
        if let numeric = withPrintableASCII(
            upn,
            { b in
                let middle = b.dropFirst(4).prefix(8)
                return !middle.isEmpty && middle.allSatisfy(\.isASCIIDigit)
            })
        {
            return numeric
        }
        let middle = Array(upn).dropFirst(4).prefix(8)
        return !middle.isEmpty && middle.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
