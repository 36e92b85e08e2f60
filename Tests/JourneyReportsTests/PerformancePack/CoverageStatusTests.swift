import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// A figure the log covers only in part, or a rate over too few, gets no red, amber or green (issue 15, item 2).
@Suite("Pack statuses: partly covered and too few to rate")
struct CoverageStatusTests {
    static let provenance = Provenance(
        log: "hand.jsonl", source: .file(events: 0, sha256: String(repeating: "0", count: 64)),
        madeAt: Timestamp("2025-04-01T09:00:00Z")!)

    /// - C0: one contact on 2022-04-05, nothing more: the first record to end, so the log is complete from then
    ///   (the first of its month, but never before the log's first event).
    /// - C1: referred on 2023-06-01 and again on 2024-06-01 (a re-referral: within the 12 months from 2023-06-01).
    /// - C2…C9: one referral each, on 2024-07-02…2024-07-09.
    /// - C10: a referral on 2025-03-31, the log's last event.
    /// Re-referrals, twelve months to March 2025 (2024-04-01…2025-03-31): C1's second, C2…C9, C10: 1 of 10 = 10.0%,
    /// against England's 22.6% (lower is better): green. They need every referral from 2023-04-01: covered.
    /// The year before (2023-04-01…2024-03-31): C1's first, 0 of 1; it needs every referral from 2022-04-01, before
    /// the log is complete (2022-04-05): partly covered, so no direction of travel.
    static var log: EventBuilder {
        var log = EventBuilder()
        log.add("C0", "2022-04-05", .contactReceived(ContactReceived(contact: "CT1", source: ReferralSource("6")!)))
        log.referral("C1", "2023-06-01", "R1")
        log.referral("C1", "2024-06-01", "R2")
        for i in 2...9 { log.referral("C\(i)", "2024-07-0\(i)") }
        log.referral("C10", "2025-03-31")
        return log
    }

    func row(_ pack: PerformancePack, _ id: String) throws -> HeadlineRow {
        try #require(pack.headlines.first { $0.measure.id == id })
    }

    @Test func aCoveredFigureIsRatedAndAPartlyCoveredOneIsNot() throws {
        let pack = HandLog(Self.log).state.performancePack(
            monthEnd: d("2025-03-31"), provenance: Self.provenance)
        let reReferrals = try row(pack, "re-referrals")
        #expect(reReferrals.current.value == 10.0 && reReferrals.status == .green)
        #expect(reReferrals.currentCoverage == nil)
        #expect(reReferrals.previousCoverage?.hasPrefix("it needs every event from 2022-04-01") == true)
        #expect(reReferrals.direction == .notComparable)
        #expect(pack.html.contains("Year before, Re-referrals: referrals within 12 months of a previous referral: "))

        // A year earlier: the twelve months to March 2024 need referrals from 2022-04-01, four days before the log
        // is complete: partly covered, and though 0 of 1 would be green, it is not rated.
        let march2024 = HandLog(Self.log).state.performancePack(
            monthEnd: d("2024-03-31"), provenance: Self.provenance)
        let partial = try row(march2024, "re-referrals")
        #expect(partial.status == .partlyCovered && partial.currentCoverage != nil)
        #expect(PerformancePack.badge(partial.status) == "<span class=\"rag rag-none\">partly covered</span>")
        #expect(march2024.html.contains("partly covered (1)"))
    }

    @Test func aRateOverFewerThanTheMinimumIsTooFewToRate() throws {
        var log = Self.log
        log.add("C10", "2025-03-31", .contactReceived(ContactReceived(contact: "CT9", source: ReferralSource("6")!)))
        // Assessments: none, so "no data"; re-referrals 1 of 10: rated at the default minimum of 10.
        let atTen = HandLog(log).state.performancePack(monthEnd: d("2025-03-31"), provenance: Self.provenance)
        #expect(try row(atTen, "re-referrals").status == .green)
        #expect(try row(atTen, "assessment-timeliness").status == .noData)
        // A minimum of 11 (the command's option) makes 10 too few; the targets file's line does the same.
        let atEleven = HandLog(log).state.performancePack(
            monthEnd: d("2025-03-31"), provenance: Self.provenance, minimumDenominator: 11)
        #expect(try row(atEleven, "re-referrals").status == .tooFewToRate)
        #expect(atEleven.html.contains("<span class=\"rag rag-none\">too few to rate</span>"))
        let file = try Targets(fileContents: "minimum-denominator 11\n", fileName: "targets.txt")
        let fromFile = HandLog(log).state.performancePack(
            monthEnd: d("2025-03-31"), targets: file, provenance: Self.provenance)
        #expect(try row(fromFile, "re-referrals").status == .tooFewToRate)
        // The option wins over the file.
        let both = HandLog(log).state.performancePack(
            monthEnd: d("2025-03-31"), targets: file, provenance: Self.provenance, minimumDenominator: 10)
        #expect(try row(both, "re-referrals").status == .green)
    }

    @Test func theTargetsFileLineIsChecked() {
        #expect(throws: TargetsFileError.self) { try Targets(fileContents: "minimum-denominator ten", fileName: "t") }
        #expect(throws: TargetsFileError.self) { try Targets(fileContents: "minimum-denominator -1", fileName: "t") }
        #expect(throws: TargetsFileError.self) {
            try Targets(fileContents: "minimum-denominator 5\nminimum-denominator 6", fileName: "t")
        }
        #expect((try? Targets(fileContents: "minimum-denominator 0", fileName: "t"))?.minimumDenominator == 0)
    }

    @Test func partlyCoveredComesBeforeEveryOtherStatus() {
        var result = MetricResult(id: "re-referrals", numerator: 1, denominator: 3)
        result.minimumDenominator = 10
        let target = Target(value: 22.6, source: "England")
        #expect(RAGStatus.status(ofFigure: result, against: target, polarity: .lowerIsBetter) == .tooFewToRate)
        #expect(RAGStatus.status(ofFigure: result, against: nil, polarity: .lowerIsBetter) == .noTarget)
        result.partialCoverage = "it needs every event from 2019-07-01"
        #expect(RAGStatus.status(ofFigure: result, against: target, polarity: .lowerIsBetter) == .partlyCovered)
        #expect(RAGStatus.status(ofFigure: result, against: nil, polarity: .lowerIsBetter) == .partlyCovered)
        result.partialCoverage = nil
        result.minimumDenominator = 3
        #expect(RAGStatus.status(ofFigure: result, against: target, polarity: .lowerIsBetter) == .red)
    }

    /// The case: the sample starts in April 2020, so a June 2020 pack's re-referrals (the twelve months from
    /// July 2019, and the twelve months before each referral) rest on a look-back the log does not hold. It was
    /// given green (1.2% of 86 referrals); now it is marked partly covered and has no colour.
    @Test func theSamplesJune2020PackMarksReReferralsPartial() throws {
        let (_, pack) = try SamplePackTests.pack(month: d("2020-06-30"))
        let reReferrals = try row(pack, "re-referrals")
        #expect(reReferrals.status == .partlyCovered)
        #expect(
            reReferrals.currentCoverage
                == "it needs every event from 2018-07-01 (the 12 months before each referral); the log covers "
                + "2020-04-01 to 2025-03-31 (the cases open on 2020-04-01 from 2012-08-03)")
        let headlines = pack.html.components(separatedBy: "<table class=\"headlines\">")[1]
            .components(separatedBy: "</table>")[0]
        let line = try #require(headlines.split(separator: "\n").first { $0.contains("Re-referrals") })
        #expect(line.contains("<span class=\"rag rag-none\">partly covered</span>"))
        #expect(!line.contains("rag-green") && !line.contains("rag-amber") && !line.contains("rag-red"))
        // The activity counts over the twelve months from July 2019 are marked too, and not compared; a count on
        // 30 June 2020 (after the log is complete) is not.
        let activity = pack.html.components(separatedBy: "<table class=\"activity\">")[1]
            .components(separatedBy: "</table>")[0].split(separator: "\n")
        // The sample's contact.received events dated July 2019 to June 2020 are 114, and a year earlier 23 (counted
        // in event-logs/sample.jsonl with a script; it holds no retraction, and its one correction is not a contact).
        let contacts = try #require(activity.first { $0.contains("<td>Contacts</td>") })
        #expect(
            contacts
                == "<tr><td>Contacts</td><td class=\"num\">114<small class=\"partial\">partly covered</small></td>"
                + "<td class=\"num\">23<small class=\"partial\">partly covered</small></td><td class=\"num\">–</td></tr>"
        )
        let inNeed = try #require(activity.first { $0.contains("Children in need at the month end") })
        // Children with a referral that is not NFA received by 30 June 2020 and not closed by then (metrics.md, *Open on
        // a date*), merged duplicates counted once: 81, counted in the file by the same script.
        #expect(inNeed.contains("<td class=\"num\">81</td>"))
    }
}
