import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

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

    /// Lists 9 and 10 come back in part, and the test says exactly which part (`careLeaversComeBack`,
    /// `adoptionsComeBack`).
    static let list9 = "list-09-care-leavers.csv"
    static let list10 = "list-10-adoption.csv"
    static let list8 = "list-08-children-in-care.csv"

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
            try Self.careLeaversComeBack(lists, back)
            try Self.adoptionsComeBack(lists, back)
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

    /// A council of 1,000 children, whose lists 9 and 10 have more to say (adoptions placed and ordered), drawn
    /// over 18 months.
    @Test("Lists 9 and 10 of a larger council come back as far as Annex A carries them")
    func careLeaversAndAdoption() throws {
        let folder = try scratchFolder("journey-annex-a-round-trip-9-10")
        let council = folder + "/council"
        let log = folder + "/log"
        #expect(
            journey([
                "synth", "--children", "1000", "--from", "2023-04-01", "--to", "2025-03-31", "--seed", "5", "--clean",
                "--out", council,
            ]).status == 0)
        #expect(journey(["append", council, "--log", log]).status == 0)
        let lists = folder + "/lists"
        let back = folder + "/back"
        let log2 = folder + "/log2"
        #expect(
            journey([
                "annex-a", "--log", log, "--as-of", "2025-03-31", "--months", "18", "--format", "csv", "--out", lists,
            ])
            .status == 0)
        let imported = journey(["import", "annex-a", lists, "--log", log2, "--extracted", "2025-03-31"])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(
            journey([
                "annex-a", "--log", log2, "--as-of", "2025-03-31", "--months", "18", "--format", "csv", "--out", back,
            ])
            .status == 0)
        try Self.careLeaversComeBack(lists, back)
        try Self.adoptionsComeBack(lists, back)
        // Enough to say something: adoptions with placements and orders, care leavers with contacts.
        let adoptions = try Self.rows(back + "/" + Self.list10)
        let placed = adoptions[0].firstIndex(of: "Date Placed for Adoption")!
        let order = adoptions[0].firstIndex(of: "Date of Adoption Order")!
        #expect(adoptions.dropFirst().contains { !$0[placed].isEmpty && !$0[order].isEmpty })
        let leavers = try Self.rows(back + "/" + Self.list9)
        let contact = leavers[0].firstIndex(of: "Latest Date of Contact")!
        #expect(leavers.dropFirst().contains { !$0[contact].isEmpty })
    }

    /// The rows of a list by child (a child with two rows keeps both, in order).
    static func byChild(_ rows: [[String]]) -> [String: [[String]]] {
        Dictionary(grouping: rows.dropFirst(), by: { $0[0] })
    }

    /// List 9 after the round trip. Who is a care leaver depends on their periods of care, and the log rebuilt from
    /// Annex A holds only list 8's: periods open on the date or ended in the window. So the care leavers who come
    /// back are exactly those of list 9 whose care ended in the window (list 8 gives its end); a care leaver whose
    /// care ended before it has no period of care in the rebuilt log and is not one. For those who come back every
    /// column Annex A carries is the same but UASC: list 9's is "UASC, or formerly UASC", and comes back as list 8
    /// gives it, "UASC within the last 12 months" of a period of care (a UASC whose care ended before the last 12
    /// months comes back not UASC). Eligibility Category is worked out again from the periods list 8 gives, and is
    /// compared: an earlier period since the 14th birthday outside the window would change it.
    static func careLeaversComeBack(_ lists: String, _ back: String) throws {
        let before = try rows(lists + "/" + list9)
        let after = try rows(back + "/" + list9)
        let care = try rows(lists + "/" + list8)
        let ceased = care[0].firstIndex(of: "Date Ceased to be Looked After")!
        let careUASC = care[0].firstIndex { $0.hasPrefix("Unaccompanied Asylum Seeking Child") }!
        let leftInWindow = Set(care.dropFirst().filter { !$0[ceased].isEmpty }.map { $0[0] })
        let expected = before.dropFirst().filter { leftInWindow.contains($0[0]) }
        #expect(before.count > 1, "list 9 has no rows to compare")
        #expect(!expected.isEmpty, "no care leaver of list 9 left care in the window")
        #expect(after.dropFirst().map { $0[0] } == expected.map { $0[0] })
        let headings = before[0]
        let uasc = headings.firstIndex { $0.hasPrefix("Unaccompanied Asylum Seeking Child") }!
        let careByChild = byChild(care)
        for (a, b) in zip(expected, after.dropFirst()) {
            for (i, heading) in headings.enumerated() where !notCarried.contains(heading) && i != uasc {
                #expect(a[i] == b[i], "list 9, \(heading), a row differs")
            }
            let wasUASC = careByChild[a[0], default: []].contains { $0[careUASC] == "a) Yes" }
            #expect(b[uasc] == (wasUASC ? "a) Yes" : "b) No"), "list 9, UASC as list 8 gives it")
        }
    }

    /// List 10 after the round trip: the same rows, and every column the same but three. "Date of Matching" is
    /// blank: `adoption.matched` needs the adopters' number, sex and legal status, which Annex A does not give, so
    /// the match is not imported. "Date the child was placed for fostering in FFA" is the earliest `U2` or `U5`
    /// placement of the period of care; the rebuilt log has only the most recent placement list 8 gives, so it is
    /// that placement's start when it is `U2` or `U5`, else blank. "Date the Child Entered Care" comes from list 8,
    /// and is the same whenever list 8 gives the period of care the decision was made in (as it does here).
    static func adoptionsComeBack(_ lists: String, _ back: String) throws {
        let before = try rows(lists + "/" + list10)
        let after = try rows(back + "/" + list10)
        let care = try rows(lists + "/" + list8)
        #expect(before.count > 1, "list 10 has no rows to compare")
        #expect(before.count == after.count, "list 10: \(before.count) rows, then \(after.count)")
        let headings = before[0]
        let matched = headings.firstIndex(of: "Date of Matching Child and Prospective Adopters")!
        let ffa = headings.firstIndex { $0.hasPrefix("Date the child was placed for fostering in FFA") }!
        let entered = headings.firstIndex(of: "Date the Child Entered Care")!
        let start = care[0].firstIndex(of: "Date Started to be Looked After")!
        let placement = care[0].firstIndex(of: "Start Date of Most Recent Placement")!
        let type = care[0].firstIndex(of: "Placement Type")!
        let careByChild = byChild(care)
        for (a, b) in zip(before.dropFirst(), after.dropFirst()) {
            for (i, heading) in headings.enumerated() where !notCarried.contains(heading) && i != matched && i != ffa {
                #expect(a[i] == b[i], "list 10, \(heading), a row differs")
            }
            #expect(b[matched] == "")
            let period = careByChild[a[0], default: []].first { $0[start] == a[entered] }
            let isFFA = period.map { $0[type].hasPrefix("b) U2") || $0[type].hasPrefix("e) U5") } ?? false
            #expect(b[ffa] == (isFFA ? period![placement] : ""), "list 10, FFA placement as list 8 gives it")
        }
    }
}
