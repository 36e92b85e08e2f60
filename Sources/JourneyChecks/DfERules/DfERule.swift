/// One validation rule of the DfE's validators for a statutory return, and where journey stands on it.
///
/// The DfE checks each return with its own validators (csc-validator-be-cin for the CIN census, csc-validator-be-903
/// for the SSDA903). journey's data-quality checks follow some of those rules on the event stream itself, so that a
/// council finds a problem the week it is recorded rather than when the return fails; others are met by the event
/// format or by `journey return`, or cannot be judged from the log at all. The catalogue (`DfERules.all`) says which,
/// rule by rule, with why.
public struct DfERule: Sendable, Hashable {
    /// The return a rule validates.
    public enum Return: String, Sendable, Hashable, CaseIterable {
        /// The child in need census (XML), rules named `CIN 8840`.
        case cinCensus = "CIN"
        /// The SSDA903 looked-after children return (CSV tables), rules named `903 375`.
        case ssda903 = "903"

        /// The return's name in words.
        public var title: String {
            switch self {
            case .cinCensus: "CIN census"
            case .ssda903: "SSDA903"
            }
        }
    }

    /// Where journey stands on a rule.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// A data-quality check names the rule (`Check.rules`): never written by hand, worked out from the checks.
        case ported
        /// The event format refuses at append what the rule refuses (a code not in its list, a date that is not one,
        /// a required field missing).
        case enforcedAtAppend = "enforced-at-append"
        /// The rule is about the return file itself, and `journey return` meets it in how it writes the return (the
        /// header, one row per child, a flag written from a Boolean).
        case writtenByReturn = "written-by-return"
        /// Judging the rule needs data the log does not hold: postcodes, LA codes, Ofsted's URNs.
        case needsReferenceData = "needs-reference-data"
        /// The rule compares a return with the previous year's.
        case needsPreviousReturn = "needs-previous-return"
        /// The rule is about something the event format does not record.
        case notApplicable = "not-applicable"
        /// Judgeable on the event stream, but no check follows it yet.
        case notYetPorted = "not-yet-ported"
    }

    /// The return the rule validates.
    public let statutoryReturn: Return
    /// The DfE's code, as its validator writes it (`8840`, `8863Q`, `197a`, `SW02STG1`).
    public let code: String
    /// The validators' rule set the rule comes from (`cin2025_26`, `lac2025_26`).
    public let ruleSet: String
    /// The DfE's message, shortened only by the preamble of queries and the tool's bracketed notes.
    public let message: String
    /// journey's standing when no check names the rule (never `ported`, which only the checks decide).
    public let assessment: Status
    /// One line: why `assessment`.
    public let reason: String
    /// Where the DfE's validator departs from the DfE's own rule text (a known bug): a port follows the rule text.
    public let note: String?

    /// The name checks use in `rule`: `CIN 8840`, `903 375`.
    public var name: String { "\(statutoryReturn.rawValue) \(code)" }

    /// A query (please check, it may be right) rather than an error: the CIN census marks them with a final `Q`.
    public var isQuery: Bool { code.hasSuffix("Q") }
}
