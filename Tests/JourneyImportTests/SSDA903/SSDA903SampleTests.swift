import Foundation
import JourneyCore
import JourneyImport
import JourneyLog
import Testing

/// The public fake SSDA903 return (Fixtures/ssda903, from shared/data/ssda903): 2,675 children, collection year
/// 2017-18. The expected counts were worked out from the CSV files with Python, independently of the importer;
/// the working is written beside each figure (`d` parses dd/mm/yyyy, `E` groups episodes by child, sorted by
/// DECOM).
@Suite("SSDA903: the public sample return")
struct SSDA903SampleTests {
    let tables = ["header", "episodes", "reviews", "missing", "uasc"].map { fixture("ssda903/\($0).csv") }

    @Test func everyRowIsImportedOrItsRejectionExplained() throws {
        let scratch = Scratch()
        let report = try scratch.importSSDA903(tables, skipInvalid: true)
        #expect(report.source == "ssda903-2018")
        #expect(report.collectionYear.description == "2017-18")
        for table in report.tables {
            let rejectedRows = table.rejections.values.reduce(0, +)
            #expect(
                rejectedRows == table.rejected + table.valuesRejected,
                "\(table.name): every rejected row and value left out has its reason")
        }
        // Rows: `wc -l` less the header line (2,675; 5,050; 12,582; 43; 132).
        #expect(report.tables.map(\.rows) == [2675, 5050, 12582, 43, 132])
        // Every row is imported (it gives events, or marks periods UASC) or skipped as a duplicate or rejected.
        let reviews = try #require(report[table: "reviews"])
        // 14 rows repeat a (CHILD, REVIEW) pair: 2 exactly, 12 with another REVIEW_CODE.
        //   python3 -c "import csv,collections as C; r=list(csv.DictReader(open('reviews.csv')));
        //     k=C.Counter((x['CHILD'],x['REVIEW']) for x in r); print(sum(v-1 for v in k.values()))"   → 14
        #expect(reviews.duplicates == 2)
        #expect(reviews.rejections["repeats the child's review of the same date with other values"] == 12)
        // The other rejected reviews fall in no period of care (the fake data's reviews are not tied to its
        // episodes): 12,568 distinct reviews − 6,818 in a period = 5,750.
        let outside =
            "REVIEW: is not within a period of care of the child (in the episodes, or in the log from "
            + "earlier returns)"
        #expect(reviews.rejections[outside] == 5750)
        #expect(reviews.rejected == 5762)
        for name in ["header", "episodes", "missing", "uasc"] { #expect(report[table: name]?.rejected == 0) }
        // One header row gives MOTHER: child 6389's is 1.0, not 0 or 1 (903 165), and its MC_DOB is then given
        // without MOTHER 1 (903 612): both are left out, the child kept, one record of the row's two problems.
        //   python3 -c "import csv; print([(x['MOTHER'],x['MC_DOB']) for x in csv.DictReader(open('header.csv'))
        //     if x['MOTHER'] or x['MC_DOB']])"   → [('1.0', '27/08/2016')]
        #expect(report[table: "header"]?.valuesRejected == 2)
        #expect(
            report[table: "header"]?.rejections == [
                "MOTHER: is not 0 (not a mother) or 1 (a mother); the value is left out, the child is imported": 1,
                "MC_DOB: is given but MOTHER does not say that the child is a mother; the value is left out, the "
                    + "child is imported": 1,
            ])
        #expect(report.rejected.count == 5762 + 1)
        #expect(report.rejected.allSatisfy { $0.problems.allSatisfy { $0.child != nil && $0.line > 1 } })
    }

    @Test func eventCountsMatchCountsWorkedOutFromTheCSV() throws {
        let scratch = Scratch()
        let report = try scratch.importSSDA903(tables, skipInvalid: true)
        let counts = countsByType(try scratch.events())
        // Periods of care: RNE S, plus an episode that carries on a period with none open (the child's first
        // episode, or one after a REC other than X1):
        //   for c,l in E.items(): o=0; for e in l: n += e['RNE']=='S' or not o; o=1;
        //     if e['DEC'] and e['REC']!='X1': o=0                                  → 381 + 1,861 = 2,242
        #expect(counts["care.started"] == 2242)
        // Ends of care: a DEC with a REC other than X1 (816), and REC X1 followed by RNE S (9):
        //   sum(1 for e in rows if e['DEC'] and e['REC']!='X1') → 816
        #expect(counts["care.ended"] == 825)
        // Placements: every period's first, and each RNE P, T, U or B within a period (2,031), less returns to a
        // placement a temporary one interrupted (none in this data): 2,242 + 2,031 = 4,273.
        #expect(counts["placement.started"] == 4273)
        // Placement ends: each change of placement ends the one before, except a move into a temporary placement
        // (the placement is interrupted, not ended); leaving a temporary placement for another ends the
        // interrupted one too:
        //   if cur temporary: n+=1; (new temporary: cur=new) (back to held: cur=held) (else: n+=held is not None)
        //   elif new temporary: held=cur else: n+=1                                                  → 1,811
        #expect(counts["placement.ended"] == 1811)
        // Legal status: RNE L, U or B within a period (777 + 8 + 60), and 3 RNE P/T whose LS differs.
        #expect(counts["legal-status.changed"] == 848)
        // Reviews in a period of care (periods as above; X1 then S ends the period on the X1 DEC):
        //   R={(r['CHILD'],r['REVIEW']) for r in reviews}; sum(any(s<=d(t)<=(e or d(t)) for s,e in P[c])
        //     for c,t in R)                                                                          → 6,818
        #expect(counts["care.reviewed"] == 6818)
        // Missing: 43 rows, all with MIS_END.
        #expect(counts["missing.started"] == 43)
        #expect(counts["missing.ended"] == 43)
        // One child.registered per header row; the header CHILDs are distinct.
        #expect(counts["child.registered"] == 2675)
        // UASC: periods that began before the child's DUC:
        //   sum(s<u for c,u in U.items() for s in S[c]) → 107; children with none → 29
        #expect(
            report.notes.contains(
                "107 periods of care began while the child was UASC (before DUC): care.started has uasc true"))
        #expect(report.notes.contains("29 UASC rows mark no period of care (none began before DUC)"))
        let events = try scratch.events()
        let uasc = events.filter { if case .careStarted(let c) = $0.body { c.isUASC } else { false } }
        #expect(uasc.count == 107)
        #expect(events.count == report.append.appended)
        #expect(events.allSatisfy { $0.source == "ssda903-2018" && $0.recorded == Timestamp("2018-03-31T23:59:59Z") })
    }

    @Test func reimportingIsANoOp() throws {
        let scratch = Scratch()
        let first = try scratch.importSSDA903(tables, skipInvalid: true)
        let before = try scratch.events()
        let second = try scratch.importSSDA903(tables, skipInvalid: true)
        #expect(second.append.appended == 0)
        #expect(second.newEvents == 0 && second.revisedEvents == 0 && second.retractedEvents == 0)
        #expect(second.unchangedEvents == first.newEvents)
        #expect(try scratch.events() == before)
    }

    @Test func theTablesOfAFolderAreFoundByTheirColumnsAndTheRestSkipped() throws {
        let scratch = Scratch()
        let report = try scratch.importSSDA903([fixture("ssda903")], skipInvalid: true)
        // Without --social-worker-team, sw_episodes is skipped and not listed.
        #expect(report.tables.map(\.rows) == [2675, 5050, 12582, 43, 132, 29, 29, 2675, 2675, 53, 1])
        #expect(
            report.skipped.contains(
                "sw_episodes.csv (1 row): worker.allocated needs a team, which the table does not give: name one "
                    + "with --social-worker-team"))
        #expect(report.skipped.contains { $0.hasPrefix("LICENSE") })
    }

    /// The permanence, leaving care and health tables of the sample (copied from shared/data/ssda903 beside the
    /// repository, as the other tables are), counted with Python from the CSV files (`r` = the table's rows as
    /// `csv.DictReader` reads them).
    @Test func thePermanenceLeavingCareAndHealthTablesOfTheSample() throws {
        let scratch = Scratch()
        let report = try scratch.importSSDA903([fixture("ssda903")], skipInvalid: true, socialWorkerTeam: "CiC")
        let counts = countsByType(try scratch.events())
        // AD1: 29 rows, 29 distinct CHILDs, each with DATE_INT and DATE_MATCH and valid adopters' codes.
        #expect(counts["adoption.decided"] == 29)
        #expect(counts["adoption.matched"] == 29)
        // placed_for_adoption: every REASON_PLACED_CEASED is "XXX", not RD1…RD4 (903 120), so every row, with its
        // DATE_PLACED, is rejected (the AD1 gives the same decisions: DATE_PLACED == DATE_INT for each child).
        #expect(counts["adoption.decision-reversed"] == nil)
        #expect(report[table: "placed_for_adoption"]?.rejected == 29)
        // previous_permanence: one row per header child, all Z1: sum(1 for x in r) → 2,675.
        #expect(counts["previous-permanence.recorded"] == 2675)
        // OC2, one row per child: sum(x[c]=='1' for x in r) for each item given only when 1;
        // IMMUNISATIONS and HEALTH_CHECK are 0 or 1 in every row; SDQ: 1,321 scores + 1,354 reasons, none both.
        #expect(counts["health-assessment.completed"] == 1364)
        #expect(counts["dental-check.completed"] == 1325)
        #expect(counts["conviction.recorded"] == 1306)
        #expect(counts["substance-misuse.identified"] == 1348)
        #expect(counts["immunisations.recorded"] == 2675)
        #expect(counts["health-surveillance.recorded"] == 2675)
        #expect(counts["sdq.recorded"] == 2675)
        // OC3: 53 rows, every DOB readable; ACTIV F3 (7) and P3 (5), ACCOM 01, 02 and S1 are not codes of the
        // lists (903 132, 133): 15 values left out, the contacts kept.
        #expect(counts["care-leaver.contacted"] == 53)
        #expect(report[table: "oc3"]?.valuesRejected == 15)
        // sw_episodes: one row (CHILD10, SW999, from 01/01/2020), whose SW_REASON SWLAZY is not a code of the list
        // (903 SW13STG1): left out, the allocation kept.
        #expect(counts["worker.allocated"] == 1)
        #expect(counts["worker-change.recorded"] == nil)
        #expect(report[table: "sw_episodes"]?.valuesRejected == 1)
        // header: no girl is a mother (the one MOTHER given, 1.0, is not 0 or 1), and none is said not to be.
        #expect(counts["motherhood.recorded"] == nil)
        // DoLo: one row, starting 01/01/2025, after the 2017-18 collection year (903 703).
        #expect(counts["deprivation-of-liberty.started"] == nil)
        #expect(report[table: "DoLo"]?.rejections == ["DOLO_START: is after the end of the collection year": 1])
        // The tables of before are as they were.
        #expect(counts["care.started"] == 2242 && counts["care.reviewed"] == 6818)
        // Rejected records: the reviews' 5,762, 29 placed_for_adoption rows, 14 OC3 rows (one with both ACTIV and
        // ACCOM left out), the DoLo row, the header row with MOTHER 1.0 and the sw_episodes row with SWLAZY.
        #expect(report.rejected.count == 5762 + 29 + 14 + 1 + 1 + 1)
    }

    @Test func withoutSkipInvalidNothingIsAppended() throws {
        let scratch = Scratch()
        #expect(throws: ImportError.self) { try scratch.importSSDA903(tables) }
        #expect(try scratch.events().isEmpty)
    }
}

/// Two overlapping years made from the public sample: its 2017-18 episodes, then a 2018-19 return holding the
/// episodes still open on 1 April 2018, every other one now ceased. Children whose episodes do not chain (the fake
/// data has overlapping episodes, and X1 with no next episode) are left out of both, so that each year is a return
/// the DfE's validation would accept.
@Suite("SSDA903: the sample over two years")
struct SSDA903SampleYearsTests {
    /// The sample's episode rows, by child, in DECOM order.
    static func episodes() throws -> (header: String, rows: [String: [[String]]]) {
        let text = try String(contentsOfFile: fixture("ssda903/episodes.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst()
        var rows: [String: [[String]]] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[fields[0], default: []].append(fields)
        }
        for child in rows.keys { rows[child]!.sort { date($0[1]) < date($1[1]) } }
        return (header, rows)
    }

    static func date(_ text: String) -> CalendarDate {
        let p = text.split(separator: "/").map { Int($0)! }
        return CalendarDate(year: p[2], month: p[1], day: p[0])!
    }

    /// Each episode ceases before the next begins, X1 exactly when the next is not a new period (RNE S) and on
    /// its DECOM, and the last is open or ends its period.
    static func chains(_ episodes: [[String]]) -> Bool {
        for (a, b) in zip(episodes, episodes.dropFirst()) {
            guard !a[7].isEmpty, date(a[7]) <= date(b[1]) else { return false }
            guard (a[8] == "X1") == (b[2] != "S"), a[8] != "X1" || a[7] == b[1] else { return false }
        }
        return !(episodes.last![7].isEmpty == false && episodes.last![8] == "X1")
    }

    @Test func twoOverlappingYearsGiveOneHistory() throws {
        let scratch = Scratch()
        let (header, rows) = try Self.episodes()
        let children = rows.keys.filter { Self.chains(rows[$0]!) }.sorted()
        #expect(children.count == 2053)  // of 2,123 children with episodes
        var year1 = header + "\n"
        var year2 = header + "\n"
        var closed = 0
        var restated = 0
        var endedEarlier = 0  // ceased after 31 March 2018 in the first return already
        for child in children {
            for var row in rows[child]! {
                year1 += row.joined(separator: ",") + "\n"
                guard row[7].isEmpty || Self.date(row[7]) >= CalendarDate(year: 2018, month: 4, day: 1)! else {
                    continue
                }
                restated += 1
                if !row[7].isEmpty && row[8] != "X1" { endedEarlier += 1 }
                if row[7].isEmpty {
                    row[8] = ""
                    if restated % 2 == 0 {
                        (row[7], row[8]) = ("30/06/2018", "E13")
                        closed += 1
                    }
                }
                year2 += row.joined(separator: ",") + "\n"
            }
        }
        #expect(restated == 1363)
        let first = try scratch.importSSDA903([scratch.write("2018/episodes.csv", year1)])
        let second = try scratch.importSSDA903([scratch.write("2019/episodes.csv", year2)], year: "2018-19")
        // The second year adds the ends of care it reports, and nothing else: what it restates is already there.
        #expect(second.source == "ssda903-2019")
        #expect(second.newEvents == closed && second.tables[1].events[.careEnded] == closed + endedEarlier)
        #expect(second.revisedEvents == 0 && second.retractedEvents == 0 && second.supersededEvents == 0)
        #expect(second.unchangedEvents == second.eventsByType.values.reduce(0, +) - closed)
        let events = try scratch.events()
        #expect(events.count == first.newEvents + closed)
        // One history: one care.started per period and one placement.started per placement.
        let starts = events.compactMap { event -> String? in
            switch event.body {
            case .careStarted(let c): "\(event.child) \(c.period)"
            case .placementStarted(let p): "\(event.child) \(p.placement)"
            default: nil
            }
        }
        #expect(Set(starts).count == starts.count)
        let again = try scratch.importSSDA903([scratch.write("2019/episodes.csv", year2)], year: "2018-19")
        #expect(again.append.appended == 0)
    }
}
