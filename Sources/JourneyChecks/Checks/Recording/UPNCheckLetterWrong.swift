import JourneyCore

/// A unique pupil number whose check letter (character 1) does not match its digits.
///
/// CIN 1510: "UPN invalid (wrong check letter at character 1)". The DfE's UPN guide: weigh characters 2 to 13 by 2
/// to 13, sum, take the remainder by 23, and read the letter off `ABCDEFGHJKLMNPQRTUVWXYZ` (0 is A, 22 is Z). As in
/// the validator, only a 13-character UPN whose characters 2 to 13 are all digits is judged (a temporary UPN ends
/// with a letter; a malformed one is CIN 1540's or 1550's). The UPN is personal data: the message does not repeat it.
struct UPNCheckLetterWrong: Check {
    var id: String { "upn-check-letter-wrong" }
    var severity: Severity { .error }
    var rule: String? { "CIN 1510" }
    var summary: String { "The child's UPN has the wrong check letter for its digits." }

    static let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
    static let letterBytes = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    /// The check letter of a 13-character UPN whose characters 2 to 13 are digits; `nil` for any other.
    static func checkLetter(of upn: String) -> Character? {
        let characters = Array(upn)
        guard characters.count == 13 else { return nil }
        var sum = 0
        for i in 1..<13 {
            guard let digit = characters[i].wholeNumberValue, characters[i].isASCII else { return nil }
            sum += digit * (i + 1)
        }
        return letters[sum % 23]
    }

    /// Whether `upn` is judged and its check letter is wrong: on its bytes when it is printable ASCII (a byte a
    /// character), as `Character`s otherwise.
    static func hasWrongCheckLetter(_ upn: String) -> Bool {
        if let wrong = withPrintableASCII(
            upn,
            { b -> Bool in
                guard b.count == 13 else { return false }
                var sum = 0
                for i in 1..<13 {
                    guard b[i].isASCIIDigit else { return false }
                    sum += Int(b[i] &- 0x30) * (i + 1)
                }
                return b[0] != letterBytes[sum % 23]
            })
        {
            return wrong
        }
        guard let letter = checkLetter(of: upn) else { return false }
        return upn.first != letter
    }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let upn = child.record.upn, Self.hasWrongCheckLetter(upn) else { return }
        addDetailsFinding(
            child,
            "The child's UPN does not have the check letter its digits give (character 1): correct the UPN with "
                + "child.updated.", into: &findings)
    }
}
