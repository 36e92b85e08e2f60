import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

extension EventBuilder {
    fileprivate mutating func lookedAfter(_ child: String, start: String, end: String? = nil, reason: String = "E11") {
        add(
            child, start,
            .careStarted(
                CareStarted(period: "L1", legalStatus: LegalStatus("C2")!, needCode: CareNeed("N1")!, isUASC: false)))
        if let end { add(child, end, .careEnded(period: "L1", reason: CareEndReason(reason)!)) }
    }

    fileprivate mutating func placed(_ child: String, _ id: String, start: String, end: String? = nil, type: String) {
        add(
            child, start,
            .placementStarted(
                PlacementStarted(
                    placement: PlacementID(id), period: "L1", placementType: PlacementType(type)!, distanceMiles: nil,
                    isSameCarer: false)))
        if let end { add(child, end, .placementEnded(placement: PlacementID(id), reason: nil)) }
    }

    fileprivate mutating func contacted(
        _ child: String, _ date: String, _ inTouch: String, _ activity: String, _ home: String
    ) {
        add(
            child, date,
            .careLeaverContacted(
                CareLeaverContacted(
                    inTouch: CareLeaverContactStatus(inTouch)!, activity: CareLeaverActivity(activity)!,
                    accommodation: CareLeaverAccommodation(home)!)))
    }
}

/// The pack's "Permanence and care leavers" section on a hand-made log: every figure worked out by hand.
@Suite("Pack: permanence and care leavers")
struct PermanenceSectionTests {
    /// - C0: one contact on 2022-04-05, nothing more: the log is complete from then; C4: a contact on 2025-03-31,
    ///   the log's last event, so that it covers the twelve months to the pack's month end.
    /// - C1: in care 2023-04-01, placed for adoption (A6) on 2023-10-01 (30+31+30+31+31+30 = 183 days), adopted
    ///   (E11) on 2024-06-01.
    /// - C2: in care 2023-07-01, placed for adoption (A6) on 2024-01-01 (31+31+30+31+30+31 = 184 days), adopted on
    ///   2024-11-01.
    /// - C3: looked after since 2023-01-01 and still: the health cohort (12 months looked after on 2025-03-31) is C3
    ///   alone, with no health event at all: the health figures are partly covered.
    /// - Y1 (17 on 2024-06-10): in touch, full-time education (F2), independent living (U1, suitable); Y2 (18 on
    ///   2024-09-01): not in touch, NEET (G5), unsuitable (R2); Y3 (20 on 2024-12-01): in touch, apprenticeship
    ///   (F4), accommodation not known (0).
    static var log: EventBuilder {
        var log = EventBuilder()
        log.add("C0", "2022-04-05", .contactReceived(ContactReceived(contact: "CT1", source: ReferralSource("6")!)))
        log.lookedAfter("C1", start: "2023-04-01", end: "2024-06-01")
        log.placed("C1", "P1", start: "2023-04-01", end: "2023-10-01", type: "U4")
        log.placed("C1", "P2", start: "2023-10-01", type: "A6")
        log.lookedAfter("C2", start: "2023-07-01", end: "2024-11-01")
        log.placed("C2", "P1", start: "2023-07-01", end: "2024-01-01", type: "U4")
        log.placed("C2", "P2", start: "2024-01-01", type: "A6")
        log.lookedAfter("C3", start: "2023-01-01")
        log.placed("C3", "P1", start: "2023-01-01", type: "U4")
        log.registered("Y1", born: "2007-06-10", on: "2024-06-12")
        log.contacted("Y1", "2024-06-12", "YES", "F2", "U1")
        log.registered("Y2", born: "2006-09-01", on: "2024-09-05")
        log.contacted("Y2", "2024-09-05", "NO", "G5", "R2")
        log.registered("Y3", born: "2004-12-01", on: "2024-12-02")
        log.contacted("Y3", "2024-12-02", "YES", "F4", "0")
        log.add("C4", "2025-03-31", .contactReceived(ContactReceived(contact: "CT2", source: ReferralSource("6")!)))
        return log
    }

    static func pack(targets: Targets = .england, minimum: Int? = nil) -> PerformancePack {
        HandLog(log).state.performancePack(
            monthEnd: d("2025-03-31"), targets: targets, provenance: CoverageStatusTests.provenance,
            minimumDenominator: minimum)
    }

    /// The section's row of `id`, from its `<tr>` to its `</tr>`.
    static func row(_ html: String, _ title: String) throws -> Substring {
        let start = try #require(html.range(of: "<tr><td>\(title)<small>"))
        let end = try #require(html[start.upperBound...].range(of: "</tr>"))
        return html[start.lowerBound..<end.upperBound]
    }

    @Test func theSectionShowsTheFiguresOfTheYear() throws {
        let html = Self.pack().html
        // After the flow, before the data quality.
        let start = try #require(html.range(of: "<section class=\"page\" id=\"permanence\">"))
        let end = try #require(html.range(of: "<section class=\"page\" id=\"quality\">"))
        #expect(try #require(html.range(of: "id=\"flow\"")).upperBound < start.lowerBound)
        let section = String(html[start.upperBound..<end.lowerBound])
        #expect(section.contains("<h1>Permanence and care leavers</h1>"))
        // Adopted in the year: C1 and C2 = 2; the year before, none: +2.
        #expect(
            try Self.row(section, "Children adopted")
                == "<tr><td>Children adopted<small>a count; of children</small></td><td class=\"num\">"
                + "<strong>2</strong><small>children</small></td><td class=\"num\">0<small>children</small></td>"
                + "<td class=\"num\">+2</td><td class=\"num\">no target<small>none set</small></td>"
                + "<td><span class=\"rag rag-none\">no target</span></td></tr>")
        // Entry to moving in with the adopters: (183 + 184) / 2 = 183.5 days over 2; none the year before.
        let days = try Self.row(section, "Average days from entering care to moving in with the adopters")
        #expect(days.contains("<strong>183.5</strong><small>over 2: a small number</small>"))
        #expect(days.contains("lower is better") && days.contains("<td class=\"num\">–</td>"))
        // Care leavers, Y1, Y2, Y3: in touch Y1, Y3 = 2 of 3 = 66.7%; suitable accommodation Y1 = 1 of 3 = 33.3%;
        // in education, employment or training Y1 (F2), Y3 (F4) = 2 of 3 = 66.7%.
        #expect(
            try Self.row(section, "Care leavers aged 17 to 21 in touch")
                .contains("<strong>66.7%</strong><small>2 of 3: a small number</small>"))
        #expect(
            try Self.row(section, "Care leavers aged 17 to 21 in suitable accommodation")
                .contains("<strong>33.3%</strong><small>1 of 3: a small number</small>"))
        #expect(
            try Self.row(section, "Care leavers aged 17 to 21 in education, employment or training")
                .contains("<strong>66.7%</strong><small>2 of 3: a small number</small>"))
        // Health: C3 alone, no health event in the log: 0 of 1, partly covered, not compared and not rated.
        let health = try Self.row(section, "Annual health assessments done")
        #expect(
            health.contains(
                "<strong>0.0%</strong><small>0 of 1: a small number</small><small class=\"partial\">partly covered"))
        #expect(health.contains("<span class=\"rag rag-none\">partly covered</span>"))
        // No England target, said once; a chart a figure.
        #expect(
            section.contains(
                "no England figure for 2024-25 is set as a target; a council can set its own in the targets file"))
        #expect(section.components(separatedBy: "<svg class=\"chart").count - 1 == 14)
        #expect(section.contains("partly covered: the "))
    }

    @Test func aCouncilsTargetIsRated() throws {
        // care-leavers-eet 60 (higher is better): 66.7% is green, once 3 are enough to rate.
        let targets = try Targets(fileContents: "care-leavers-eet 60\n", fileName: "targets.txt")
        let html = Self.pack(targets: targets, minimum: 3).html
        let eet = try Self.row(html, "Care leavers aged 17 to 21 in education, employment or training")
        #expect(eet.contains("60%<small>local target</small>") && eet.contains("rag-green"))
        // A count has no target to set.
        #expect(throws: TargetsFileError.self) { try Targets(fileContents: "adoptions 5\n", fileName: "targets.txt") }
    }
}
