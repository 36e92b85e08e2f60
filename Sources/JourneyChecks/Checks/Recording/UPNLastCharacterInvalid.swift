import JourneyCore

/// A 13-character unique pupil number whose last character is neither a digit nor a check letter.
///
/// CIN 1550: "UPN invalid (character 13 not a recognised value)": a digit, or (a temporary UPN) one of the letters
/// `A`-`Z` less `I`, `O` and `S`. Only a 13-character UPN is judged, as in the validator. The UPN is personal data:
/// the message does not repeat it.
struct UPNLastCharacterInvalid: Check {
    var id: String { "upn-last-character-invalid" }
    var severity: Severity { .error }
    var rule: String? { "CIN 1550" }
    var summary: String { "The child's UPN has a 13th character that is not a digit or a recognised letter." }

    static let allowed = Set("ABCDEFGHJKLMNPQRTUVWXYZ0123456789")
    static let allowedBytes = Set("ABCDEFGHJKLMNPQRTUVWXYZ0123456789".utf8)

    /// Whether `upn` has 13 characters and its last is not allowed: on its bytes when it is printable ASCII (a byte a
    /// character), as `Character`s otherwise.
    static func hasInvalidLastCharacter(_ upn: String) -> Bool {
        withPrintableASCII(upn) { b in b.count == 13 && !allowedBytes.contains(b[12]) }
            ?? (upn.count == 13 && upn.last.map { !allowed.contains($0) } ?? false)
    }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let upn = child.record.upn, Self.hasInvalidLastCharacter(upn) else { return }
        addDetailsFinding(
            child,
            "The child's UPN has a 13th character that is not a digit or a recognised letter: correct the UPN with "
                + "child.updated.", into: &findings)
    }
}
