import Foundation
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("Reports: teams, order, new findings, formats, event ids")
struct ReportTests {
    /// Two children, two teams, findings of two checks.
    var log: EventBuilder {
        var log = EventBuilder()
        log.registered("C2", "2024-04-01", born: "2015-01-01")
        log.allocated("C2", "2024-04-01", team: "North")
        log.referral("C2", "2024-04-01")
        log.assessmentStarted("C2", "2024-03-30")  // before its referral: an error
        // Reallocated later: the team on the as-of date is the one to put it right.
        log.allocated("C2", "2025-01-06", team: "South")
        log.registered("C1", "2024-04-01", born: "2015-01-01")
        log.referral("C1", "2024-04-01")
        log.assessmentStarted("C1", "2024-12-02")  // open for far longer than 45 working days: a warning
        log.assessmentCompleted("C2", "2024-04-10")  // C2's is authorised: in time
        return log
    }

    @Test func findingsNameTheTeamOnTheAsOfDateAndComeInReportOrder() {
        let report = log.state.check(
            CheckContext(asOf: d(yearEnd)), only: ["assessment-before-referral", "assessment-open-over-45-days"])
        #expect(report.findings.map(\.check) == ["assessment-before-referral", "assessment-open-over-45-days"])
        #expect(report.findings.map(\.child) == ["C2", "C1"])
        #expect(report.findings.map(\.teamName) == ["South", "unallocated"])
        #expect(report.count(.error) == 1 && report.count(.warning) == 1 && report.count(.query) == 0)
        #expect(report.hasFinding(atLeast: .error) && report.hasFinding(atLeast: .warning) && report.children == 2)
        #expect(report.checks.map(\.findings) == [1, 1])
        // Judged earlier, when the South team had not yet taken the child on.
        let earlier = log.state.check(CheckContext(asOf: d("2024-12-31")), only: ["assessment-before-referral"])
        #expect(earlier.findings.map(\.teamName) == ["North"])
    }

    @Test func theAsOfDateDefaultsToTheLatestDateInTheLog() {
        #expect(log.state.latestOccurred() == d("2025-01-06"))
        #expect(log.state.latestOccurred(asKnownAt: t("2024-12-31")) == d("2024-12-02"))
        #expect(EventBuilder().state.latestOccurred() == nil)
    }

    @Test func newSinceReportsOnlyWhatAppearedAfterTheEarlierTime() {
        var log = self.log
        // Recorded on 20 March 2025: a third child whose assessment also started before its referral.
        log.registered("C3", "2025-03-20", born: "2015-01-01")
        log.referral("C3", "2025-03-20")
        log.assessmentStarted("C3", "2025-03-19")
        let context = CheckContext(asOf: d(yearEnd))
        let only: Set<String> = ["assessment-before-referral", "assessment-open-over-45-days"]
        let all = log.state.check(context, only: only)
        #expect(all.findings.map(\.child) == ["C2", "C3", "C1"])
        // As known on 14 March, C2's finding was already there; C3's was not. C1's assessment (started Mon 2 December)
        // was already overdue, judged on 14 March (3 December → 14 March: 21 + 23 + 20 + 10 = 74 weekdays, less
        // Christmas Day, Boxing Day and New Year's Day = 71 > 45): not new either.
        let weekly = log.state.check(context, only: only, newSince: t("2025-03-14"))
        #expect(weekly.findings.map(\.child) == ["C3"] && weekly.newSince == t("2025-03-14"))
        #expect(weekly.checks.map(\.findings) == [1, 0])
        // As known on 1 January 2025, judged that day, C1's assessment was in time (Mon 2 December → Wed 1 January:
        // 22 weekdays less Christmas Day and Boxing Day and New Year's Day = 19): becoming overdue since is new.
        let sinceNewYear = log.state.check(context, only: only, newSince: t("2025-01-01"))
        #expect(sinceNewYear.findings.map(\.child) == ["C3", "C1"])
    }

    @Test func formats() throws {
        let report = log.state.check(
            CheckContext(asOf: d(yearEnd)), only: ["assessment-before-referral", "assessment-open-over-45-days"]
        )
        .resolvingEventIDs([4: "e4", 3: "e3", 8: "e8"])
        let table = report.table()
        #expect(
            table.hasPrefix(
                "Data-quality checks as of 2025-03-31, everything in the log: 2 findings in 2 of 2 children (1 error, 1 warning, 0 queries)\n"
            ))
        #expect(table.contains("assessment-before-referral    error     CIN 1103          1\n"))
        #expect(table.contains("  C2  team South  events e4 (#4), e3 (#3)\n    Assessment started 2024-03-30, before"))
        let byTeam = report.table(byTeam: true)
        #expect(
            byTeam.contains(
                "By team\nteam         errors  warnings  queries  findings  children\nSouth             1         0        0         1         1\nunallocated       0         1        0         1         1\n"
            ))
        #expect(byTeam.contains("\n== South: 1 finding\n"))
        let csv = report.csv()
        #expect(csv.hasPrefix("check,severity,rule,child,team,date,event_ids,positions,message\r\n"))
        #expect(
            csv.contains(
                "\r\nassessment-before-referral,error,CIN 1103,C2,South,2024-03-30,e4 e3,4 3,\"Assessment started 2024-03-30, before"
            ))
        #expect(
            report.csv(byTeam: true)
                == "team,check,severity,rule,findings\r\nSouth,assessment-before-referral,error,CIN 1103,1\r\nunallocated,assessment-open-over-45-days,warning,CIN 8670Q,1\r\n"
        )
        let json = report.json(byTeam: true).compactText
        #expect(
            json.hasPrefix(
                #"{"asOf":"2025-03-31","asKnownAt":null,"newSince":null,"summary":{"children":2,"childrenWithFindings":2,"findings":2,"error":1,"warning":1,"query":0},"checks":[{"id":"assessment-before-referral","severity":"error","rule":"CIN 1103","#
            ))
        #expect(
            json.contains(
                #""byTeam":[{"team":"South","findings":1,"error":1,"warning":0,"query":0,"children":1,"checks":{"assessment-before-referral":1}}"#
            ))
        #expect(
            json.contains(
                #"{"check":"assessment-before-referral","severity":"error","child":"C2","team":"South","date":"2024-03-30","events":[{"id":"e4","position":4},{"id":"e3","position":3}],"message":"#
            ))
        // The same findings in the same order, whichever child's events come first in the log.
        var swapped = EventBuilder()
        for e in log.events where e.child == "C1" { swapped.add(e.child.rawValue, e.occurred.description, e.body) }
        for e in log.events where e.child != "C1" { swapped.add(e.child.rawValue, e.occurred.description, e.body) }
        let again = swapped.state.check(CheckContext(asOf: d(yearEnd))).findings
        let first = log.state.check(CheckContext(asOf: d(yearEnd))).findings
        #expect(again.map(\.message) == first.map(\.message) && again.map(\.child) == first.map(\.child))
    }

    /// A report of more findings than one run of rows (10,000) is written in runs joined in order: each finding's
    /// row where one run writing them all would put it.
    @Test func aLargeReportsCSVIsItsRowsInOrder() throws {
        let one = log.state.check(CheckContext(asOf: d(yearEnd)), only: ["assessment-before-referral"])
        let finding = try #require(one.findings.first)
        // 25,001 findings, each its own child C0 to C25000: runs of 10,000 or so (two on this report, up to 8).
        var report = one
        report.findings = (0...25_000).map { i in
            var f = finding
            f.child = ChildID("C\(i)")
            f.positions = [UInt64(i + 1)]
            return f
        }
        let csv = report.csv()
        let rows = csv.split(separator: "\r\n", omittingEmptySubsequences: false)
        // The header, 25,001 rows and the empty text after the last CRLF.
        #expect(rows.count == 25_003)
        #expect(rows.last == "")
        for i in [0, 9_999, 10_000, 12_500, 12_501, 25_000] {
            #expect(
                rows[i + 1].hasPrefix("assessment-before-referral,error,CIN 1103,C\(i),South,2024-03-30,,\(i + 1),"))
        }
        #expect(
            csv == "check,severity,rule,child,team,date,event_ids,positions,message\r\n"
                + String(decoding: CheckReport.csvRows(report.findings[...]), as: UTF8.self))
    }

    @Test func messagesHoldNoPersonalData() {
        var log = EventBuilder()
        log.registered("C1", "2024-01-01", born: "2014-07-09")
        log.add(
            "C1", "2024-02-01",
            .placementStarted(
                PlacementStarted(
                    placement: "PL1", period: "L9", placementType: PlacementType("U4")!, postcode: "ZZ9 9ZZ")))
        log.died("C1", "2024-03-01")
        log.visit("C1", "2024-03-02", kind: "care")
        log.visit("C1", "2014-07-01", kind: "care")
        let report = log.state.check(CheckContext(asOf: d(yearEnd)))
        #expect(report.findings.count >= 4)
        for f in report.findings {
            #expect(
                !f.message.contains("2014-07-09") && !f.message.contains("ZZ9") && !f.message.contains("2024-03-01"))
        }
    }

    @Test func eventIDsAreReadBackFromAFileOrALog() throws {
        var log = EventBuilder()
        for i in 0..<6 { log.contact("C\(i)", "2024-06-0\(i + 1)", "K\(i)") }
        let file = temporaryFile("journey-checks", extension: "jsonl")
        defer { try? FileManager.default.removeItem(atPath: file) }
        // A blank line is not a position.
        let lines = log.jsonLines.split(separator: "\n", omittingEmptySubsequences: false)
        try (lines[0...1].joined(separator: "\n") + "\n\n" + lines[2...].joined(separator: "\n"))
            .write(toFile: file, atomically: false, encoding: .utf8)
        #expect(try EventIDLookup.ids(at: [2, 5], inLogAt: file) == [2: "e2", 5: "e5"])
        #expect(try EventIDLookup.ids(at: [], inLogAt: file).isEmpty)

        let directory = temporaryDirectory("journey-checks")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try LogWriter.open(directory)
        _ = try writer.append(Array(log.events[0..<4]))
        #expect(try EventIDLookup.ids(at: [1, 4], inLogAt: directory, useCache: false) == [1: "e1", 4: "e4"])
        // The first lookup builds the index in the cache folder; the next brings it up to date with what was appended.
        #expect(try EventIDLookup.ids(at: [1, 4], inLogAt: directory) == [1: "e1", 4: "e4"])
        let cache = EventIDIndex.file(in: directory + "/cache")
        #expect(try EventIDIndex.saved(in: EventLog.open(directory))?.count == 4)
        _ = try writer.append(Array(log.events[4...]))
        writer.close()
        // Position 6 is read from the log; two events are too few to write the index again.
        #expect(try EventIDLookup.ids(at: [2, 6], inLogAt: directory) == [2: "e2", 6: "e6"])
        #expect(try EventIDIndex.saved(in: EventLog.open(directory))?.count == 4)
        // An index of another log (here: damaged) is ignored and rebuilt, up to the log's end.
        var bytes = EventIDIndex.magic + [UInt8](repeating: 7, count: 80)
        bytes[8] = 1
        try Data(bytes).write(to: URL(fileURLWithPath: cache.path))
        #expect(try EventIDIndex.saved(in: EventLog.open(directory)) == nil)
        #expect(try EventIDLookup.ids(at: [3], inLogAt: directory) == [3: "e3"])
        #expect(try EventIDIndex.saved(in: EventLog.open(directory))?.count == 6)
    }

    @Test func withoutTheCacheOnlyTheIDsAskedForAreReadAndTheCacheIsLeftAlone() throws {
        // 10,000 events: the replay hands them over 4,096 at a time, so positions either side of a hand-over
        // (4,096 and 4,097) and the last are asked for, and one past the log, which no event has.
        var log = EventBuilder()
        for i in 0..<10_000 { log.contact("C\(i % 7)", "2024-06-01", "K\(i)") }
        let directory = temporaryDirectory("journey-checks")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try LogWriter.open(directory)
        _ = try writer.append(log.events)
        writer.close()
        let ids = try EventIDLookup.ids(at: [1, 4_096, 4_097, 10_000, 10_003], inLogAt: directory, useCache: false)
        // EventBuilder numbers the events e1, e2, … in the order they are built, which is their position.
        #expect(ids == [1: "e1", 4_096: "e4096", 4_097: "e4097", 10_000: "e10000"])
        #expect(!FileManager.default.fileExists(atPath: EventIDIndex.file(in: directory + "/cache").path))
    }
}
