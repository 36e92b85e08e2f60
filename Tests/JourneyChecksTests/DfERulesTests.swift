import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("The DfE's rules")
struct DfERulesTests {
    /// `Fixtures/dfe-rule-codes.txt`: "SET CODE" a line, copied from the validators installed.
    static let codes: [(set: String, code: String)] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/dfe-rule-codes.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0]), String(parts[1]))
        }
    }()

    /// The name a check would use for `code` of `set` (`cin2025_26 8840` is `CIN 8840`).
    static func name(_ set: String, _ code: String) -> String {
        (set.hasPrefix("cin") ? "CIN " : "903 ") + code
    }

    @Test func catalogueHoldsExactlyTheCodesOfTheTwoRuleSets() {
        let cin = Self.codes.filter { $0.set == "cin2025_26" }.map(\.code)
        let lac = Self.codes.filter { $0.set == "lac2025_26" }.map(\.code)
        // The validators' registries: 109 CIN census rules, 316 SSDA903 rules.
        #expect(cin.count == 109 && lac.count == 316)
        let catalogueCIN = DfERules.all.filter { $0.statutoryReturn == .cinCensus }
        let catalogue903 = DfERules.all.filter { $0.statutoryReturn == .ssda903 }
        #expect(catalogueCIN.count == 109 && catalogue903.count == 316)
        #expect(Set(catalogueCIN.map(\.code)) == Set(cin))
        #expect(Set(catalogue903.map(\.code)) == Set(lac))
        #expect(catalogueCIN.allSatisfy { $0.ruleSet == "cin2025_26" })
        #expect(catalogue903.allSatisfy { $0.ruleSet == "lac2025_26" })
        #expect(Set(DfERules.all.map(\.name)).count == 425)
        #expect(DfERules.rule(named: "CIN 8863Q")?.isQuery == true)
        #expect(DfERules.rule(named: "903 197a")?.message.hasPrefix("Reason for no Strengths") == true)
    }

    /// Every rule a check names is a rule of the catalogue, or of one of the validators' other rule sets: the
    /// deprivation of liberty rules 702 and 705 of lac2026_27, which the catalogue's lac2025_26 does not have yet.
    @Test func everyCheckNamesARuleOfTheValidators() {
        let others = Set(
            Self.codes.filter { $0.set != "cin2025_26" && $0.set != "lac2025_26" }.map {
                Self.name($0.set, $0.code)
            })
        var outside: Set<String> = []
        for check in CheckCatalogue.all {
            for name in check.rules {
                if DfERules.rule(named: name) == nil {
                    #expect(others.contains(name), "\(check.id) names \(name), a code of no rule set")
                    outside.insert(name)
                }
            }
        }
        #expect(outside.allSatisfy { DfERules.ruleSet(of: $0) == "lac2026_27" }, "\(outside)")
    }

    @Test func aRuleOfSeveralCodesNamesEach() {
        struct Twofold: Check {
            var id: String { "twofold" }
            var severity: Severity { .error }
            var rule: String? { "903 501/142" }
            var summary: String { "Two rules." }
            func check(_ child: ChildJourney, into findings: inout [Finding]) {}
        }
        #expect(Twofold().rules == ["903 501", "903 142"])
        #expect(CheckCatalogue.check("cin-plan-during-cp-plan")?.rules == ["CIN 4016", "CIN 4017"])
        #expect(CheckCatalogue.check("unknown-child")?.rules == [])
    }

    @Test func everyRuleNotPortedSaysWhy() {
        for standing in DfERules.standings() {
            let rule = standing.rule
            #expect(rule.assessment != .ported, "\(rule.name)")
            // One line, a sentence: the reason the listing and docs/dfe-rules.md print.
            #expect(!rule.reason.isEmpty && !rule.reason.contains("\n") && rule.reason.hasSuffix("."), "\(rule.name)")
            #expect(!rule.message.isEmpty, "\(rule.name)")
            if standing.status == .ported {
                #expect(standing.reason.isEmpty && !standing.checks.isEmpty)
            } else {
                #expect(standing.reason == rule.reason && standing.checks.isEmpty)
            }
        }
    }

    /// Ported is worked out from the checks: a check naming a rule ports it, with no change to the catalogue.
    @Test func aCheckNamingARulePortsIt() throws {
        // CIN 1520 (two children with one UPN) needs more than one child's record, which no check reads.
        struct Follows1520: Check {
            var id: String { "two-children-one-upn" }
            var severity: Severity { .error }
            var rule: String? { "CIN 1520" }
            var summary: String { "Two children with one UPN." }
            func check(_ child: ChildJourney, into findings: inout [Finding]) {}
        }
        let before = try #require(DfERules.standings().first { $0.rule.name == "CIN 1520" })
        #expect(before.status == .notYetPorted)
        let after = try #require(
            DfERules.standings(checks: CheckCatalogue.all + [Follows1520()]).first { $0.rule.name == "CIN 1520" })
        #expect(after.status == .ported && after.checks.map(\.id) == ["two-children-one-upn"])
        // Ported today, by the checks of the catalogue: CIN 8840 by one check, 903 501 by two.
        let standings = DfERules.standings()
        #expect(standings.first { $0.rule.name == "CIN 8840" }?.checks.map(\.id) == ["cp-plan-ends-on-start-day"])
        #expect(
            standings.first { $0.rule.name == "903 501" }?.checks.map(\.id)
                == ["overlapping-placements", "overlapping-periods-of-care"])
    }

    /// The validators' known bugs are marked, so that a port follows the DfE's rule text.
    @Test func knownValidatorBugsAreNoted() {
        // 8565: the CP plans are replaced by a test table; 8832: the merge's suffixes are swapped.
        #expect(DfERules.rule(named: "CIN 8565")?.note?.contains("hard-coded test table") == true)
        #expect(DfERules.rule(named: "CIN 8832")?.note?.contains("suffixes") == true)
        #expect(DfERules.rule(named: "CIN 8840")?.note == nil)
    }

    /// A few statuses read against the event format: a claim of "enforced at append" only where the append refuses
    /// what the rule refuses.
    @Test func statusesFollowTheEventFormat() {
        // 146: the 2025-26 placement types drop H5, P2 and Z1, which the event format still takes.
        #expect(Set(["H5", "P2", "Z1"]).isSubset(of: PlacementTypes.codes))
        #expect(DfERules.rule(named: "903 146")?.assessment == .notYetPorted)
        // 1580: a child identifier may hold _ and -, which the CIN census refuses.
        #expect(DfERules.rule(named: "CIN 1580")?.assessment == .notYetPorted)
        // 8640: a reason for closure outside RC1-RC9 is refused at append.
        #expect(Set(ClosureReasons.codes) == Set((1...9).map { "RC\($0)" }))
        #expect(DfERules.rule(named: "CIN 8640")?.assessment == .enforcedAtAppend)
    }

    @Test func csvListingHasTheDocumentedColumns() throws {
        let csv = CheckCatalogue.csv(CheckCatalogue.entries())
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "kind,return,rule,set,status,check,severity,reason,message,note")
        #expect(lines.count == 1 + CheckCatalogue.all.count + 425)
        #expect(lines.contains { $0.hasPrefix("check,CIN,8840,cin2025_26,ported,cp-plan-ends-on-start-day,warning,,") })
        #expect(lines.contains { $0.hasPrefix("rule,CIN,8840,cin2025_26,ported,cp-plan-ends-on-start-day,warning,,") })
        #expect(lines.contains { $0.hasPrefix("check,903,702,lac2026_27,ported,deprivation-of-liberty-ends") })
        #expect(lines.contains { $0.hasPrefix("check,,,,journey-only,unknown-child,error,,") })
        #expect(
            lines.contains {
                $0.hasPrefix("rule,903,392c,lac2025_26,needs-reference-data,,,Postcodes that are not real postcodes")
            })
        let rulesOnly = CheckCatalogue.csv(CheckCatalogue.entries(rulesOnly: true))
        #expect(rulesOnly.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 425)
    }

    /// docs/dfe-rules.md is generated from the listing (Scripts/dfe-rules.py): it must show each rule's status today.
    @Test func documentShowsEachRulesStatus() throws {
        let doc = try ProjectDocument.text("dfe-rules.md")
        let rows = Set(doc.split(separator: "\n").filter { $0.hasPrefix("| `CIN ") || $0.hasPrefix("| `903 ") })
        for standing in DfERules.standings() {
            let start = "| `\(standing.rule.name)` | "
            let row = rows.first { $0.hasPrefix(start) && $0.contains(" | \(standing.status.rawValue) | ") }
            #expect(
                row != nil,
                "docs/dfe-rules.md is out of date for \(standing.rule.name): regenerate it with Scripts/dfe-rules.py")
        }
    }
}
