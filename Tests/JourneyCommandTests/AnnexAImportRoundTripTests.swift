import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import journey

/// `journey annex-a` → `journey import annex-a` into a new log → `journey annex-a` again, on a synthetic council of
/// 300 children over two years (docs/annex-a.md, *Importing*, says what survives and why).
@Suite("journey import annex-a: the round trip", .serialized)
struct AnnexAImportRoundTripTests {
    /// The columns of each list that Annex A carries into the log and back. The rest are the log's but not the
    /// lists': disability (a yes or no, not the codes), the allocated team and worker (no date of allocation),
    /// visits (list 6's last seen, list 7's last visit and seen alone, list 8's last social work visit, list 4's
    /// child seen), list 6's case status (it needs CIN plans, which Annex A does not list), and counts over the
    /// 12 months before (referrals, enquiries, conferences, placements, missing episodes) that reach outside the
    /// lists' window.
    static let notCarried: Set<String> = [
        "Does the Child have a Disability", "Allocated Team", "Allocated Worker",
        "Number of Referrals in Last 12 Months", "Child Seen During Continuous Assessment",
        "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
        "Date Child Was Last Seen", "Case Status", "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
        "Date of Last Social Work Visit", "Number of Placements in the Last 12 months",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?",
    ]

    static let lists = [
        "list-01-contacts.csv", "list-03-referrals.csv", "list-04-assessments.csv",
        "list-05-section-47-enquiries-and-icpcs.csv", "list-06-children-in-need.csv", "list-07-child-protection.csv",
        "list-08-children-in-care.csv",
    ]

    /// The rows of a CSV file the package wrote (CRLF lines, RFC 4180 quotes).
    static func rows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }.map {
            line in
            var fields: [String] = []
            var field = ""
            var quoted = false
            var chars = Array(line)[...]
            while let c = chars.popFirst() {
                if quoted {
                    if c == "\"" {
                        if chars.first == "\"" {
                            field.append("\"")
                            chars.removeFirst()
                        } else {
                            quoted = false
                        }
                    } else {
                        field.append(c)
                    }
                } else if c == "\"" {
                    quoted = true
                } else if c == "," {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(c)
                }
            }
            fields.append(field)
            return fields
        }
    }

    /// numerator, denominator and value of each metric of a log over the six months to 31 March 2025.
    static func figures(_ log: String) -> [String: String] {
        let result = journey([
            "metrics", "--log", log, "--from", "2024-10-01", "--to", "2025-03-31", "--only",
            "assessment-timeliness,icpc-timeliness,re-referrals,repeat-cp-plans", "--format", "csv",
        ])
        var out: [String: String] = [:]
        for line in result.output.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            out[String(f[3])] = f[6...8].joined(separator: ",")
        }
        return out
    }

    @Test("The lists come back the same, for what Annex A carries, and so do the figures it can support")
    func roundTrip() throws {
        let folder = try scratchFolder("journey-annex-a-round-trip")
        let council = folder + "/council"
        let log = folder + "/log"
        #expect(
            journey([
                "synth", "--children", "300", "--from", "2023-04-01", "--to", "2025-03-31", "--seed", "5", "--clean",
                "--out", council,
            ]).status == 0)
        #expect(journey(["append", council, "--log", log]).status == 0)
        for months in ["6", "18"] {
            let lists = folder + "/lists-\(months)"
            let back = folder + "/back-\(months)"
            let log2 = folder + "/log-\(months)"
            let drawn = journey([
                "annex-a", "--log", log, "--as-of", "2025-03-31", "--months", months, "--format", "csv", "--out", lists,
            ])
            #expect(drawn.status == 0, "\(drawn.errors)")
            let imported = journey(["import", "annex-a", lists, "--log", log2, "--extracted", "2025-03-31"])
            #expect(imported.status == 0, "\(imported.errors)")
            #expect(imported.output.contains("skipped: list-02-early-help.csv: list 2 is not imported"))
            #expect(
                journey([
                    "annex-a", "--log", log2, "--as-of", "2025-03-31", "--months", months, "--format", "csv", "--out",
                    back,
                ]).status == 0)
            for name in Self.lists {
                let before = try Self.rows(lists + "/" + name)
                let after = try Self.rows(back + "/" + name)
                #expect(before.count == after.count, "\(name): \(before.count) rows, then \(after.count)")
                #expect(before.count > 1, "\(name) has no rows to compare")
                let headings = before[0]
                for (i, heading) in headings.enumerated() where !Self.notCarried.contains(heading) {
                    let a = before.dropFirst().map { $0[i] }
                    let b = after.dropFirst().map { $0.count > i ? $0[i] : "" }
                    #expect(a == b, "\(name), \(heading): \(zip(a, b).filter { $0 != $1 }.count) rows differ")
                }
            }
            let original = Self.figures(log)
            let rebuilt = Self.figures(log2)
            // Six months of lists: assessment timeliness (every assessment authorised in the window is in list 4,
            // with its start) and repeat CP plans (list 7 carries the number of previous plans) are the same. ICPC
            // timeliness is not: a conference in the window whose enquiry started before it is in no list. Nor are
            // re-referrals: their look-back is the 12 months before each referral.
            // Eighteen months of lists, figures for the last six: the look-backs fall inside the lists, and all four
            // are the same.
            let same =
                months == "6"
                ? ["assessment-timeliness", "repeat-cp-plans"]
                : ["assessment-timeliness", "icpc-timeliness", "re-referrals", "repeat-cp-plans"]
            for metric in same {
                #expect(original[metric] != nil && original[metric] == rebuilt[metric], "\(months) months: \(metric)")
            }
        }
    }
}
