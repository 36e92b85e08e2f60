import Foundation
import JourneyTestSupport
import Testing

/// `journey metrics`, run in-process on the two-child council and on the sample.
@Suite("journey metrics")
struct MetricsCommandTests {
    @Test("Re-referrals of the two-child council: 1 of 3 referrals, partial (the look-back is before the log)")
    func reReferrals() throws {
        let (_, events) = try tinyCouncilFile()
        let result = journey([
            "metrics", "--log", events, "--year", "2024-25", "--only", "re-referrals", "--min-denominator", "0",
            "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
        // R1, R2 and R3 in the year; R3 is C1's second within 12 months of R1: 1 / 3 = 33.3%.
        #expect(
            result.output.contains("\r\n2024-04-01,2025-03-31,,re-referrals,all,all,1,3,33.3,partial,"),
            "\(result.output)")
    }

    @Test("The period is required: refused on standard error, exit 64")
    func noPeriod() {
        let result = journey(["metrics", "--log", sampleLog])
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("give the period: --year 2024-25, or --from and --to"), "\(result.errors)")
    }

    @Test("A missing calendar file is \"no such file\" with its path, exit 1")
    func missingCalendar() throws {
        let folder = try scratchFolder("journey-metrics")
        let result = journey(["metrics", "--log", sampleLog, "--year", "2024-25", "--calendar", folder + "/none"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("\(folder)/none: no such file"), "\(result.errors)")
    }
}
