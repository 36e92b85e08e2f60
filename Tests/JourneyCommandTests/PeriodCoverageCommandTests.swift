import ArgumentParser
import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

/// Every command that takes a period knows the log's span: a period wholly outside it is refused (exit 1, naming
/// the period and the span) unless `--allow-uncovered`; figures it covers only in part are marked (issue 15, item 2).
@Suite("Periods the log does not cover")
struct PeriodCoverageCommandTests {
    static let sample = sampleLog
    /// The sample's span: complete from April 2020 (the cases open then carried in from August 2012, its earliest
    /// event's date) to March 2025.
    static let span = "2020-04-01 to 2025-03-31 (the cases open on 2020-04-01 from 2012-08-03)"

    let folder = temporaryDirectory("journey-span")

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// The issue's case: a pack for 2030-31 on a log ending March 2025 showed placement stability green, "100% of
    /// 159". It is refused, and no pack is written.
    @Test func aReportForAYearAfterTheLogIsRefused() throws {
        let out = folder + "/2030.html"
        let arguments = ["report", "--log", Self.sample, "--year", "2030-31", "--out", out]
        let result = journey(arguments)
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(result.output.isEmpty)
        #expect(
            result.errors
                == "journey: the pack's twelve months 2030-04-01 to 2031-03-31 is wholly outside the log: the log "
                + "covers \(Self.span). Its figures would count nothing. Give a period the log covers, or "
                + "--allow-uncovered to compute them anyway (marked partial).\n")
        // Asked for explicitly, it is written, and nothing in it is rated.
        #expect(journey(arguments + ["--allow-uncovered", "--stamp", "2025-04-01T09:00:00Z"]).status == 0)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        for colour in ["green", "amber", "red"] { #expect(!html.contains("class=\"rag rag-\(colour)\"")) }
    }

    @Test func metricsForAPeriodOutsideTheLogAreRefused() throws {
        let result = journey(["metrics", "--log", Self.sample, "--year", "2030-31"])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("journey: the period 2030-04-01 to 2031-03-31 is wholly outside the log"))
        #expect(result.errors.contains(Self.span))
        let before = journey(["metrics", "--log", Self.sample, "--from", "2001-01-01", "--to", "2012-07-31"])
        #expect(before.status == 1)
        // A period of one day is still a period of figures: computed anyway, they are marked partial.
        let day = journey(["metrics", "--log", Self.sample, "--from", "2030-01-01", "--to", "2030-01-01"])
        #expect(day.status == 1)
        #expect(day.errors.hasSuffix("--allow-uncovered to compute them anyway (marked partial).\n"))
        let allowed = journey([
            "metrics", "--log", Self.sample, "--year", "2030-31", "--allow-uncovered", "--format", "csv",
        ])
        #expect(allowed.status == 0)
        // Nothing to count: no value, marked partial, and 0 is too few to rate.
        #expect(
            allowed.output.contains("\r\n2030-04-01,2031-03-31,,re-referrals,all,all,0,0,,partial,too few to rate,"))
    }

    @Test func metricsMarkAPartlyCoveredYear() throws {
        // 2020-21: re-referrals look back to 2019-04-01, before the log is complete.
        let result = journey(["metrics", "--log", Self.sample, "--year", "2020-21"])
        #expect(result.status == 0)
        #expect(result.output.contains("The log covers \(Self.span)\n"))
        // The metric column is as wide as the longest id, `care-leavers-suitable-accommodation`.
        // 16 of 118, as Benchmarks' independent DuckDB computation (../shared/bench/duckdb_metrics.py) gives too.
        let line = "re-referrals" + String(repeating: " ", count: 32) + "16          118   13.6%  partial\n"
        #expect(result.output.contains(line))
        #expect(result.output.contains("    partial: it needs every event from 2019-04-01"))
        // 2024-25 is covered: no mark on re-referrals.
        let covered = journey(["metrics", "--log", Self.sample, "--year", "2024-25", "--only", "re-referrals"])
        // 32 of 144 = 22.2%, as the DuckDB computation gives.
        #expect(covered.output.contains("re-referrals         32          144  22.2%\n"))
    }

    @Test func theMinimumDenominatorIsAnOption() throws {
        let result = journey([
            "metrics", "--log", Self.sample, "--year", "2024-25", "--only", "placement-stability-long-term",
            "--min-denominator", "3", "--format", "csv",
        ])
        // 4 of 5 (as the DuckDB computation gives): rated at a minimum of 3 (too few at the default 10).
        #expect(result.output.contains(",placement-stability-long-term,all,all,4,5,80.0,complete,\r\n"))
        #expect(refusal(["metrics", "--year", "2024-25", "--min-denominator", "-1"]) != nil)
        #expect(refusal(["report", "--year", "2024-25", "--out", "p.html", "--min-denominator", "-1"]) != nil)
    }

    @Test func checkAndCohortRefuseDatesOutsideTheLog() throws {
        let check = journey(["check", "--log", Self.sample, "--as-of", "2030-01-01"])
        #expect(check.status == 1)
        #expect(check.errors.hasPrefix("journey: --as-of 2030-01-01 is wholly outside the log: the log covers"))
        // In the words of findings, not of figures, and with a remedy for a day.
        #expect(
            check.errors.hasSuffix(
                ". Its findings would judge every open timescale against a day the log knows nothing of. Give a day "
                    + "the log covers, or --allow-uncovered to go ahead anyway.\n"))
        let cohort = journey([
            "cohort", "repeat-cp", "--log", Self.sample, "--from", "2030-04-01", "--to", "2031-03-31",
        ])
        #expect(cohort.status == 1)
        #expect(cohort.errors.hasPrefix("journey: the range 2030-04-01 to 2031-03-31 is wholly outside the log"))
        // A range whose look-back reaches before the log is complete is given, with a note.
        let early = journey([
            "cohort", "repeat-cp", "--log", Self.sample, "--from", "2020-04-01", "--to", "2021-03-31", "--part",
            "summary", "--format", "csv",
        ])
        #expect(early.status == 0)
        #expect(early.errors.contains("journey: note: the log covers \(Self.span); the range and its 24-month"))
    }
}
