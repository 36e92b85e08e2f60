import Foundation
import JourneyTestSupport
import Testing

/// `journey caseload` and `journey audit-sample`, run in-process on the two-child council (`tinyCouncil`), whose
/// latest event is on 2024-10-01 and which allocates no one:
/// - C1: referrals R1 (2024-04-10) and R3 (2024-09-02), none closed; a CP plan from 2024-10-01.
/// - C2: referral R2 (2024-06-03), not closed: child in need.
@Suite("journey caseload and audit-sample")
struct CaseloadCommandTests {
    @Test("The caseload on the log's latest date, as CSV")
    func caseloadCSV() throws {
        let (_, events) = try tinyCouncilFile()
        let result = journey(["caseload", "--log", events, "--format", "csv"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\r\n").map(String.init)
        // C1: case from 2024-04-10 to 2024-10-01: 20 + 31 + 30 + 31 + 31 + 30 + 1 = 174 days; on a CP plan from that
        // day: 0. C2: from 2024-06-03: 27 + 31 + 31 + 30 + 1 = 120 days, child in need. Neither has a team.
        #expect(
            lines == [
                "team,worker,child,level,case_start,days_open,level_start,days_at_level,last_visit,seen",
                "unallocated,unallocated,C1,cp,2024-04-10,174,2024-10-01,0,,",
                "unallocated,unallocated,C2,cin,2024-06-03,120,2024-06-03,120,,",
            ], "\(result.output)")
    }

    @Test("--on an earlier date and --team")
    func caseloadOnADate() throws {
        let (_, events) = try tinyCouncilFile()
        // 2024-05-15: C1 on its first plan (from 2024-05-01); C2 not yet referred.
        let result = journey(["caseload", "--log", events, "--on", "2024-05-15", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let counts = try #require(json["counts"] as? [String: Any])
        #expect(counts["cp"] as? Int == 1 && counts["total"] as? Int == 1, "\(counts)")
        let north = journey(["caseload", "--log", events, "--team", "North"])
        #expect(north.status == 0 && north.output.contains("No open cases."), "\(north.output)")
    }

    @Test("An audit sample of one: the larger of two strata of one each is the earlier, child in need")
    func auditSample() throws {
        let (_, events) = try tinyCouncilFile()
        let result = journey(["audit-sample", "--log", events, "--size", "1", "--seed", "7", "--format", "csv"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\r\n").map(String.init)
        // Strata unallocated/cin (C2) and unallocated/cp (C1), one case each; a size of 1 takes the first of the
        // largest: C2, draw 1, stratum size 1.
        #expect(lines.count == 2)
        #expect(lines.dropFirst().first?.hasPrefix("1,C2,unallocated,cin,unallocated,1,1,1,2024-06-03,120") == true)
        let again = journey(["audit-sample", "--log", events, "--size", "1", "--seed", "7", "--format", "csv"])
        #expect(again.output == result.output)
    }

    @Test("--on outside the log (2024-04-01 to 2024-10-01) is refused, exit 1, unless --allow-uncovered")
    func outsideTheLog() throws {
        let (_, events) = try tinyCouncilFile()
        let refused = journey(["caseload", "--log", events, "--on", "2026-01-01"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("--on 2026-01-01 is wholly outside the log"), "\(refused.errors)")
        // Taken anyway: C1 and C2 are still open then (nothing closes them).
        let taken = journey(["caseload", "--log", events, "--on", "2026-01-01", "--allow-uncovered"])
        #expect(taken.status == 0 && taken.output.contains("2 open cases"), "\(taken.output)")
        let sample = journey(["audit-sample", "--log", events, "--size", "1", "--seed", "1", "--on", "2026-01-01"])
        #expect(sample.status == 1)
    }

    @Test("A size of 0 is refused, exit 64")
    func sizeZero() {
        let result = journey(["audit-sample", "--log", sampleLog, "--size", "0", "--seed", "1"])
        #expect(result.status == 64)
        #expect(result.errors.contains("--size must be 1 to"), "\(result.errors)")
    }
}
