/// The DfE's validation rules for the CIN census and the SSDA903, each with where journey stands on it.
///
/// The rules, their messages and the standing of each rule no check follows are written in
/// `DfERules+CINCensus.swift` and `DfERules+SSDA903.swift`; whether a rule is ported is never written there but worked
/// out from the checks (`Check.rules`), so a new check that names a rule ports it.
public enum DfERules {
    /// Every rule: the CIN census's (cin2025_26, 109 rules), then the SSDA903's (lac2025_26, 316 rules), each in code
    /// order.
    public static let all: [DfERule] = cinCensus + ssda903

    /// The rule named `name` (`CIN 8840`, `903 375`), if the catalogue holds it.
    public static func rule(named name: String) -> DfERule? {
        index[name].map { all[$0] }
    }

    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.name, $0) })

    /// Rules of the validators' next rule set that checks may already follow: lac2026_27 adds the SSDA903's
    /// deprivation of liberty table (DoLO) with rules 700 to 710.
    public static let laterRules: [String: String] = Dictionary(
        uniqueKeysWithValues: (700...710).map { ("903 \($0)", "lac2026_27") })

    /// The rule set a rule name belongs to: the catalogue's, or a later one; `nil` for a name of neither.
    public static func ruleSet(of name: String) -> String? {
        rule(named: name)?.ruleSet ?? laterRules[name]
    }

    /// Every rule with the checks that name it and its status, in catalogue order.
    public static func standings(checks: [any Check] = CheckCatalogue.all) -> [Standing] {
        var following: [String: [any Check]] = [:]
        for check in checks {
            for name in check.rules { following[name, default: []].append(check) }
        }
        return all.map { Standing(rule: $0, checks: following[$0.name] ?? []) }
    }

    /// A rule with the checks that follow it.
    public struct Standing: Sendable {
        public let rule: DfERule
        /// The checks naming the rule, in report order.
        public let checks: [any Check]

        /// `ported` when a check names the rule, otherwise the catalogue's assessment.
        public var status: DfERule.Status { checks.isEmpty ? rule.assessment : .ported }
        /// Why the rule is not ported; empty when it is.
        public var reason: String { checks.isEmpty ? rule.reason : "" }
    }
}

/// Builds a return's list of rules, one `add` per rule.
struct DfERuleList {
    let statutoryReturn: DfERule.Return
    let ruleSet: String
    var rules: [DfERule] = []

    init(_ statutoryReturn: DfERule.Return, ruleSet: String) {
        self.statutoryReturn = statutoryReturn
        self.ruleSet = ruleSet
    }

    mutating func add(
        _ code: String, _ message: String, _ assessment: DfERule.Status, because reason: String, note: String? = nil
    ) {
        // Cannot fail on input: the entries are the catalogue's own literals, built once, and `DfERulesTests` builds
        // every one of them; a rule written as ported by hand would be a programming error caught there.
        precondition(assessment != .ported, "\(code): ported is worked out from the checks, never written")
        rules.append(
            DfERule(
                statutoryReturn: statutoryReturn, code: code, ruleSet: ruleSet, message: message,
                assessment: assessment, reason: reason, note: note))
    }
}
