import JourneyCore

/// A child identifier holding a character other than a letter or a digit.
///
/// CIN 1580: "LA Child ID must not contain any non-alphanumeric characters". The event format takes `_` and `-` in a
/// child identifier (safe characters), which the CIN census refuses: such a child is found here, for the identifier
/// to be changed (`child.merged` into one with letters and digits only) before the return is made.
struct ChildIDNotAlphanumeric: Check {
    var id: String { "child-id-not-alphanumeric" }
    var severity: Severity { .error }
    var rule: String? { "CIN 1580" }
    var summary: String { "The child's identifier holds a character other than a letter or a digit." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.hasReferral, !Self.isAlphanumeric(child.id.rawValue) else { return }
        addDetailsFinding(
            child,
            "The child's identifier holds a character other than a letter or a digit, which the CIN census refuses: "
                + "merge the record into one whose identifier has letters and digits only.", into: &findings)
    }

    /// Whether every character of `id` is a letter or a digit: on its bytes when it is printable ASCII (as the event
    /// format's identifiers are), as `Character`s otherwise.
    static func isAlphanumeric(_ id: String) -> Bool {
        withPrintableASCII(id) { b in
            b.allSatisfy { $0.isASCIIDigit || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
        } ?? id.allSatisfy { $0.isLetter || $0.isNumber }
    }
}
