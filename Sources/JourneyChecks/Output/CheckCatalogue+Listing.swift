import JourneyCore

/// One row of the catalogue listing (`journey check --list --format csv` or `json`): a check, or a DfE rule.
public struct CatalogueEntry: Sendable, Hashable {
    /// What the row is about.
    public enum Kind: String, Sendable, Hashable {
        case check, rule
    }

    public var kind: Kind
    /// `CIN` or `903`; empty for a check that follows no DfE rule.
    public var statutoryReturn: String
    /// The DfE's code (`8840`); for a check, the codes it follows, space-separated (`501 142`).
    public var rule: String
    /// The validators' rule set of the code (`cin2025_26`, `lac2025_26`, `lac2026_27` for a later one).
    public var ruleSet: String
    /// A rule's `DfERule.Status`; for a check, `ported` when it follows a DfE rule, `journey-only` when it does not.
    public var status: String
    /// The check, or the checks that name the rule (report order).
    public var checks: [String]
    /// The severity of each of `checks`.
    public var severities: [String]
    /// Why a rule is not ported; empty otherwise.
    public var reason: String
    /// The DfE's message for a rule; the check's summary for a check.
    public var message: String
    /// A known bug of the DfE's validator in this rule (`DfERule.note`).
    public var note: String?

    /// The columns of the CSV listing, in order.
    public static let columns = [
        "kind", "return", "rule", "set", "status", "check", "severity", "reason", "message", "note",
    ]
}

extension CheckCatalogue {
    /// Every check (report order), then every DfE rule (catalogue order) with journey's status on it; with
    /// `rulesOnly`, the rules alone.
    public static func entries(checks: [any Check] = all, rulesOnly: Bool = false) -> [CatalogueEntry] {
        var entries: [CatalogueEntry] = []
        if !rulesOnly {
            for check in checks {
                let names = check.rules
                let returns = Set(names.compactMap { $0.split(separator: " ").first.map(String.init) })
                let sets = names.compactMap(DfERules.ruleSet(of:))
                entries.append(
                    CatalogueEntry(
                        kind: .check, statutoryReturn: returns.sorted().joined(separator: " "),
                        rule: names.map { String($0.split(separator: " ").last ?? "") }.joined(separator: " "),
                        ruleSet: sets.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                            .joined(separator: " "),
                        status: names.isEmpty ? "journey-only" : DfERule.Status.ported.rawValue, checks: [check.id],
                        severities: [check.severity.rawValue], reason: "", message: check.summary, note: nil))
            }
        }
        for standing in DfERules.standings(checks: checks) {
            let rule = standing.rule
            entries.append(
                CatalogueEntry(
                    kind: .rule, statutoryReturn: rule.statutoryReturn.rawValue, rule: rule.code,
                    ruleSet: rule.ruleSet, status: standing.status.rawValue, checks: standing.checks.map(\.id),
                    severities: standing.checks.map(\.severity.rawValue), reason: standing.reason,
                    message: rule.message, note: rule.note))
        }
        return entries
    }

    /// The listing as CSV (RFC 4180, CRLF; `CatalogueEntry.columns`): several checks or severities in one cell are
    /// space-separated.
    public static func csv(_ entries: [CatalogueEntry]) -> String {
        var csv = CSVWriter(header: CatalogueEntry.columns)
        for e in entries {
            csv.append([
                .text(e.kind.rawValue), .text(e.statutoryReturn), .text(e.rule), .text(e.ruleSet), .text(e.status),
                .text(e.checks.joined(separator: " ")), .text(e.severities.joined(separator: " ")), .text(e.reason),
                .text(e.message), .text(e.note ?? ""),
            ])
        }
        return csv.text
    }

    /// The listing as an array of objects with the CSV's keys; `check` and `severity` are arrays, `note` `null`
    /// when there is none.
    public static func json(_ entries: [CatalogueEntry]) -> JSONValue {
        .array(
            entries.map { e in
                .object([
                    JSONMember(key: "kind", value: .string(e.kind.rawValue)),
                    JSONMember(key: "return", value: .string(e.statutoryReturn)),
                    JSONMember(key: "rule", value: .string(e.rule)),
                    JSONMember(key: "set", value: .string(e.ruleSet)),
                    JSONMember(key: "status", value: .string(e.status)),
                    JSONMember(key: "check", value: .array(e.checks.map { .string($0) })),
                    JSONMember(key: "severity", value: .array(e.severities.map { .string($0) })),
                    JSONMember(key: "reason", value: .string(e.reason)),
                    JSONMember(key: "message", value: .string(e.message)),
                    JSONMember(key: "note", value: e.note.map { .string($0) } ?? .null),
                ])
            })
    }

    /// The DfE rules as a table (`journey check --list --rules`): rule, status, checks, and why it is not ported.
    public static func rulesTable(_ entries: [CatalogueEntry]) -> String {
        var rows: [[String]] = [["rule", "status", "check", "reason"]]
        for e in entries where e.kind == .rule {
            rows.append([
                "\(e.statutoryReturn) \(e.rule)", e.status, e.checks.joined(separator: " "),
                e.reason + (e.note.map { " Note: \($0)" } ?? ""),
            ])
        }
        return alignedTable(rows, rightAligned: [])
    }
}
