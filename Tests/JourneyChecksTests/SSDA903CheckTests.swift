import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

extension EventBuilder {
    /// A placement entered as a change with the same carer (903 `RNE` `T` or `U`).
    @discardableResult
    fileprivate mutating func placedWithSameCarer(
        _ child: String, _ date: String, _ id: String, period: String = "L1", type: String
    ) -> EventID {
        add(
            child, date,
            .placementStarted(
                PlacementStarted(
                    placement: PlacementID(id), period: PeriodID(period), placementType: PlacementType(type)!,
                    isSameCarer: true)))
    }
}

extension EventBuilder {
    /// A period of care begun while the child was an unaccompanied asylum-seeking child.
    @discardableResult
    fileprivate mutating func careStartedUASC(_ child: String, _ date: String) -> EventID {
        add(
            child, date,
            .careStarted(
                CareStarted(
                    period: PeriodID("L1"), legalStatus: LegalStatus("V2")!, needCode: CareNeed("N1")!, isUASC: true)))
    }
}

/// The ports of SSDA903 validation rules: for each, a record that breaks the rule and one that keeps it. Positions
/// are the events' order of adding (`eN` at N); a child's registration comes first where the rule needs a birth date.
@Suite("SSDA903 rules")
struct SSDA903CheckTests {
    @Test func startedCareAgedEighteenOrOver() {
        var log = EventBuilder()
        // C1 starts care on its 18th birthday (2006-06-01 + 18 years = 2024-06-01): 903 352 says 18 or over.
        // C2 starts the day before its 18th birthday.
        log.registered("C1", "2024-01-01", born: "2006-06-01")
        log.careStarted("C1", "2024-06-01")
        log.registered("C2", "2024-01-01", born: "2006-06-02")
        log.careStarted("C2", "2024-06-01")
        let found = log.findings("started-care-aged-18-or-over")
        #expect(found.map(\.positions) == [[2, 1]] && found.first?.severity == .error)
        #expect(
            found.first?.message
                == "A period of care starts on or after the child's 18th birthday: a young person of 18 is not looked "
                + "after; correct the start date or the birth date, or remove the period.")
    }

    @Test func criminalJusticeStatusUnderTen() {
        var log = EventBuilder()
        // 903 358 flags DECOM ≤ DOB + 10 years: C1's remand (J1) takes effect on its 10th birthday, flagged; C2's
        // the day after its 10th birthday, kept.
        log.registered("C1", "2024-01-01", born: "2014-06-01")
        log.careStarted("C1", "2024-05-01")
        log.legalStatus("C1", "2024-06-01", "J1")
        log.registered("C2", "2024-01-01", born: "2014-05-31")
        log.careStarted("C2", "2024-05-01")
        log.legalStatus("C2", "2024-06-01", "J1")
        #expect(log.findings("criminal-justice-status-under-10").map(\.positions) == [[3, 1]])
    }

    @Test(arguments: [
        ("youth-custody-under-10", "R5", 10), ("school-placement-under-4", "S1", 4),
        ("residential-employment-under-14", "P3", 14),
    ])
    func placementUnderMinimumAge(check: String, type: String, age: Int) {
        var log = EventBuilder()
        // Placed on 1 June 2024: C1 the day before its birthday of `age` (born 2 June), C2 on it (born 1 June).
        log.registered("C1", "2024-01-01", born: "\(2024 - age)-06-02")
        log.careStarted("C1", "2024-05-01")
        log.placed("C1", "2024-06-01", type: type)
        log.registered("C2", "2024-01-01", born: "\(2024 - age)-06-01")
        log.careStarted("C2", "2024-05-01")
        log.placed("C2", "2024-06-01", type: type)
        let found = log.findings(check)
        #expect(found.map(\.positions) == [[3, 1]])
        #expect(found.first?.message.contains("(\(type)) starts before the child's \(age)th birthday") == true)
    }

    /// Care ends on 1 June 2024 with `reason`: C1 is born `broken`, C2 `kept`.
    @Test(arguments: [
        // 903 386: adopted at 18 (on the birthday) is flagged, the day before is not.
        ("adopted-aged-18-or-over", "E11", "2006-06-01", "2006-06-02"),
        // 903 387, 389, 460: the day before the birthday is flagged, the birthday itself is not.
        ("independent-living-under-14", "E5", "2010-06-02", "2010-06-01"),
        ("adult-social-care-under-16", "E7", "2008-06-02", "2008-06-01"),
        ("staying-put-under-18", "E17", "2006-06-02", "2006-06-01"),
        // 903 407: DEC > DOB + 18 years: the day after the 18th birthday is flagged, the birthday is not.
        ("special-guardianship-over-18", "E45", "2006-05-31", "2006-06-01"),
    ])
    func careEndReasonAge(check: String, reason: String, broken: String, kept: String) {
        var log = EventBuilder()
        log.registered("C1", "2024-01-01", born: broken)
        log.careStarted("C1", "2024-01-01")
        log.careEnded("C1", "2024-06-01", reason: reason)
        log.registered("C2", "2024-01-01", born: kept)
        log.careStarted("C2", "2024-01-01")
        log.careEnded("C2", "2024-06-01", reason: reason)
        let found = log.findings(check)
        #expect(found.map(\.positions) == [[3, 1]])
        #expect(found.first?.message.hasSuffix("correct the reason care ended, its date or the birth date.") == true)
    }

    @Test(arguments: [
        ("emergency-protection-over-21-days", "L2", 21), ("child-assessment-order-over-7-days", "L3", 7),
        ("pace-detention-over-21-days", "J2", 21),
    ])
    func legalStatusLimit(check: String, status: String, limit: Int) {
        var log = EventBuilder()
        let start = CalendarDate("2024-06-01")!
        // C1 holds the status limit + 1 days, C2 exactly the limit. C3 repeats it after 2 days (a placement change
        // under it) and leaves it at limit + 1 days from the first: one stretch, one finding, on its start.
        log.careStarted("C1", "2024-06-01", status: status)
        log.legalStatus("C1", "\(start.adding(days: limit + 1))", "C1")
        log.careStarted("C2", "2024-06-01", status: status)
        log.legalStatus("C2", "\(start.adding(days: limit))", "C1")
        log.careStarted("C3", "2024-06-01", status: status)
        log.legalStatus("C3", "2024-06-03", status)
        log.legalStatus("C3", "\(start.adding(days: limit + 1))", "C1")
        let found = log.findings(check)
        #expect(found.map(\.positions) == [[1], [5]])
        #expect(found.first?.message.contains("(\(status)) lasts more than \(limit) days") == true)
    }

    @Test func periodStartsWithTemporaryPlacement() {
        var log = EventBuilder()
        // C1 starts care in a temporary placement. C2 moves into one from its placement (RNE P): kept. C3 enters one
        // as a change with the same carer (RNE T).
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", type: "T4")
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01")
        log.placed("C2", "2024-07-01", "PL2", type: "T4")
        log.careStarted("C3", "2024-06-01")
        log.placed("C3", "2024-06-01")
        log.placedWithSameCarer("C3", "2024-07-01", "PL2", type: "T4")
        let found = log.findings("period-starts-with-temporary-placement")
        #expect(found.map(\.positions) == [[1, 2], [8]])
        #expect(
            found.last?.message
                == "A temporary placement (T4) is entered as a change with the same carer (RNE T or U): record it as "
                + "a change of placement (RNE P or B).")
    }

    @Test func periodEndsWithTemporaryPlacement() {
        var log = EventBuilder()
        // C1's care ends during a temporary placement. C2's temporary placement ends the day before and the child is
        // back in the placement it interrupted (which never ended) when care ends.
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01")
        log.placed("C1", "2024-07-01", "PL2", type: "T4")
        log.careEnded("C1", "2024-07-05")
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01")
        log.placed("C2", "2024-07-01", "PL2", type: "T4")
        log.placementEnded("C2", "2024-07-04", "PL2")
        log.careEnded("C2", "2024-07-05")
        #expect(log.findings("period-ends-with-temporary-placement").map(\.positions) == [[4, 3]])
    }

    @Test func carerHolidayMoreThanTwice() {
        var log = EventBuilder()
        // C1: holidays (T3) from 1 Feb, 1 Jun 2024 and 15 Jan 2025, all after 15 Jan 2024: three within 12 months.
        // C2: the third on 2 Feb 2025; 12 months before it is 2 Feb 2024, after the first: two within 12 months.
        for (child, third) in [("C1", "2025-01-15"), ("C2", "2025-02-02")] {
            log.careStarted(child, "2024-01-01")
            log.placed(child, "2024-01-01")
            log.placed(child, "2024-02-01", "PL2", type: "T3")
            log.placementEnded(child, "2024-02-05", "PL2")
            log.placed(child, "2024-06-01", "PL3", type: "T3")
            log.placementEnded(child, "2024-06-05", "PL3")
            log.placed(child, third, "PL4", type: "T3")
        }
        #expect(log.findings("t3-carer-holiday-more-than-twice").map(\.positions) == [[3, 5, 7]])
    }

    @Test func shortBreakOver17Days() {
        var log = EventBuilder()
        // 1 June → 19 June 2024 is 18 days; → 18 June is 17, the most allowed.
        log.careStarted("C1", "2024-06-01", status: "V3")
        log.careEnded("C1", "2024-06-19")
        log.careStarted("C2", "2024-06-01", status: "V3")
        log.careEnded("C2", "2024-06-18")
        #expect(log.findings("short-break-over-17-days").map(\.positions) == [[1]])
    }

    @Test func shortBreakPlacementChange() {
        var log = EventBuilder()
        // C1 changes placement during a short break: the new placement's row is a V3 row that does not start the
        // period. C2's break has one placement.
        log.careStarted("C1", "2024-06-01", status: "V3")
        log.placed("C1", "2024-06-01")
        log.placed("C1", "2024-06-05", "PL2")
        log.careStarted("C2", "2024-06-01", status: "V3")
        log.placed("C2", "2024-06-01")
        log.careEnded("C2", "2024-06-05")
        #expect(log.findings("short-break-placement-change").map(\.positions) == [[3]])
    }

    @Test func shortBreaksOver75DaysInYear() {
        var log = EventBuilder()
        // C1: 1 June → 16 August 2024 is 30 + 31 + 15 = 76 days in 2024-25. C2: to 15 August, 75 days.
        // C3: 1 March → 30 May 2025 is 30 days in 2024-25 (to 31 March) and 59 in 2025-26 (from 1 April): neither
        // year over 75.
        log.careStarted("C1", "2024-06-01", status: "V3")
        log.careEnded("C1", "2024-08-16")
        log.careStarted("C2", "2024-06-01", status: "V3")
        log.careEnded("C2", "2024-08-15")
        log.careStarted("C3", "2025-03-01", status: "V3")
        log.careEnded("C3", "2025-05-30")
        let found = log.findings("short-breaks-over-75-days-in-year", asOf: "2025-06-30")
        #expect(found.map(\.positions) == [[1]] && found.first?.date == CalendarDate("2024-04-01"))
    }

    @Test func shortBreakInTemporaryPlacement() {
        var log = EventBuilder()
        log.careStarted("C1", "2024-06-01", status: "V3")
        log.placed("C1", "2024-06-01", type: "T1")
        log.careStarted("C2", "2024-06-01", status: "V4")
        log.placed("C2", "2024-06-01", type: "U3")
        #expect(log.findings("short-break-in-temporary-placement").map(\.positions) == [[2, 1]])
    }

    @Test func shortBreakInLongTermFostering() {
        var log = EventBuilder()
        log.careStarted("C1", "2024-06-01", status: "V4")
        log.placed("C1", "2024-06-01", type: "U1")
        log.careStarted("C2", "2024-06-01", status: "V3")
        log.placed("C2", "2024-06-01", type: "U3")
        #expect(log.findings("short-break-in-long-term-fostering").map(\.positions) == [[2, 1]])
    }

    @Test func shortBreakStatusesMixed() {
        var log = EventBuilder()
        // C1: a V3 break in June 2024 and V4 breaks from September 2024, both in 2024-25: found on the V4 start.
        // C2: the V3 break in June 2023 (2023-24), V4 from September 2024 (2024-25).
        log.careStarted("C1", "2024-06-01", status: "V3")
        log.careEnded("C1", "2024-06-05")
        log.careStarted("C1", "2024-09-01", "L2", status: "V4")
        log.careStarted("C2", "2023-06-01", status: "V3")
        log.careEnded("C2", "2023-06-05")
        log.careStarted("C2", "2024-09-01", "L2", status: "V4")
        let found = log.findings("short-break-statuses-mixed")
        #expect(found.map(\.positions) == [[3]] && found.first?.date == CalendarDate("2024-09-01"))
    }

    @Test func missingWhileNotLookedAfter() {
        var log = EventBuilder()
        // C1 was never looked after. C2 is in care. C3 goes missing on the day its care ends: within it.
        log.missing("C1", "2024-06-01")
        log.careStarted("C2", "2024-05-01")
        log.missing("C2", "2024-06-01")
        log.careStarted("C3", "2024-05-01")
        log.careEnded("C3", "2024-05-31")
        log.missing("C3", "2024-05-31")
        #expect(log.findings("missing-while-not-looked-after").map(\.positions) == [[1]])
    }

    @Test func missingEndsOutsideCare() {
        var log = EventBuilder()
        // C1: still missing when care ended. C2: back on the day care ended. C3: back two days after care ended.
        // C4: never looked after (the other check's).
        log.careStarted("C1", "2024-05-01")
        log.missing("C1", "2024-06-01")
        log.careEnded("C1", "2024-06-10")
        log.careStarted("C2", "2024-05-01")
        log.missing("C2", "2024-06-01")
        log.returned("C2", "2024-06-10", offered: true)
        log.careEnded("C2", "2024-06-10")
        log.careStarted("C3", "2024-05-01")
        log.missing("C3", "2024-06-01")
        log.returned("C3", "2024-06-12", offered: true)
        log.careEnded("C3", "2024-06-10")
        log.missing("C4", "2024-06-01")
        let found = log.findings("missing-ends-outside-care")
        #expect(found.map(\.positions) == [[2], [9, 10]])
        #expect(
            found.first?.message
                == "A missing or away-from-placement episode is still open after care ended: record when the child "
                + "returned, at the latest when care ended.")
    }

    @Test func careRestartedOnDayItEnded() {
        var log = EventBuilder()
        // C1's care ends on 1 July and starts again that day; C2's the day after.
        for (child, again) in [("C1", "2024-07-01"), ("C2", "2024-07-02")] {
            log.careStarted(child, "2024-06-01")
            log.careEnded(child, "2024-07-01")
            log.careStarted(child, again, "L2")
        }
        #expect(log.findings("care-restarted-on-day-it-ended").map(\.positions) == [[3, 2]])
    }

    @Test func careAfterDeathOrAdulthood() {
        var log = EventBuilder()
        // C1's care ends as the young person turned 18 (E15), then another period starts; C2's ended with E4A.
        for (child, reason) in [("C1", "E15"), ("C2", "E4A")] {
            log.careStarted(child, "2024-01-01")
            log.careEnded(child, "2024-06-01", reason: reason)
            log.careStarted(child, "2024-09-01", "L2")
        }
        #expect(log.findings("care-after-death-or-adulthood").map(\.positions) == [[3, 2]])
    }

    @Test func episodeUnderOneDay() {
        var log = EventBuilder()
        // C1's care ends the day it starts. C2's second placement ends the day it starts. C3's care lasts a day.
        log.careStarted("C1", "2024-06-01")
        log.careEnded("C1", "2024-06-01")
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01")
        log.placed("C2", "2024-07-01", "PL2")
        log.placementEnded("C2", "2024-07-01", "PL2")
        log.careStarted("C3", "2024-06-01")
        log.careEnded("C3", "2024-06-02")
        #expect(log.findings("episode-under-one-day").map(\.positions) == [[1, 2], [5, 6]])
    }

    @Test func adoptedWithoutAdoptivePlacement() {
        var log = EventBuilder()
        // Both adopted (E11): C1 from a foster placement (U4), C2 from a placement for adoption (A4).
        for (child, type) in [("C1", "U4"), ("C2", "A4")] {
            log.careStarted(child, "2024-01-01")
            log.placed(child, "2024-01-01", type: type)
            log.careEnded(child, "2024-06-01", reason: "E11")
        }
        #expect(log.findings("adopted-without-adoptive-placement").map(\.positions) == [[3, 2]])
    }

    @Test func adoptivePlacementWithoutPlacementOrder() {
        var log = EventBuilder()
        // C1 is placed for adoption with a placement order (A5) under a care order (C2); C2 under E1.
        log.careStarted("C1", "2024-01-01", status: "C2")
        log.placed("C1", "2024-01-01", type: "A5")
        log.careStarted("C2", "2024-01-01", status: "E1")
        log.placed("C2", "2024-01-01", type: "A6")
        #expect(log.findings("adoptive-placement-without-placement-order").map(\.positions) == [[1, 2]])
    }

    @Test func adoptedOnDayMatched() {
        var log = EventBuilder()
        // C1 is matched on the day of the adoption; C2 a month before.
        for (child, match) in [("C1", "2024-06-01"), ("C2", "2024-05-01")] {
            log.careStarted(child, "2024-01-01")
            log.matched(child, match)
            log.careEnded(child, "2024-06-01", reason: "E11")
        }
        let found = log.findings("adopted-on-day-matched")
        #expect(found.map(\.positions) == [[3, 2]] && found.first?.severity == .query)
    }

    @Test func careLeaverContactAfterDeathInCare() {
        var log = EventBuilder()
        // C1's care ended with the child's death (E2), C2's with a return home (E4A); both have a later contact.
        for (child, reason) in [("C1", "E2"), ("C2", "E4A")] {
            log.careStarted(child, "2020-01-01")
            log.careEnded(child, "2021-01-01", reason: reason)
            log.careLeaverContact(child, "2024-06-01")
        }
        #expect(log.findings("care-leaver-contact-after-death-in-care").map(\.positions) == [[3, 2]])
    }

    @Test func careLeaverUnder17() {
        var log = EventBuilder()
        // A contact in 2024-25: C1 turns 17 on 1 April 2025, after the year's end; C2 on 31 March 2025, within it.
        log.registered("C1", "2024-01-01", born: "2008-04-01")
        log.careLeaverContact("C1", "2024-06-01")
        log.registered("C2", "2024-01-01", born: "2008-03-31")
        log.careLeaverContact("C2", "2024-06-01")
        #expect(log.findings("care-leaver-under-17").map(\.positions) == [[2, 1]])
    }

    @Test func adoptivePlacementBeforeDecision() {
        var log = EventBuilder()
        // C1 is placed for adoption (A4) on 1 March, a month before the decision; C2 after it.
        log.careStarted("C1", "2024-01-01")
        log.placed("C1", "2024-03-01", type: "A4")
        log.adoptionDecided("C1", "2024-04-01")
        log.careStarted("C2", "2024-01-01")
        log.adoptionDecided("C2", "2024-02-01")
        log.placed("C2", "2024-03-01", type: "A4")
        #expect(log.findings("adoptive-placement-before-decision").map(\.positions) == [[2, 3]])
    }

    @Test func placementOrderBeforeDecision() {
        var log = EventBuilder()
        // C1's care starts under a placement order (E1) on 1 March, before the decision on 1 April; C2's after it.
        log.careStarted("C1", "2024-03-01", status: "E1")
        log.adoptionDecided("C1", "2024-04-01")
        log.adoptionDecided("C2", "2024-02-01")
        log.careStarted("C2", "2024-03-01", status: "E1")
        #expect(log.findings("placement-order-before-decision").map(\.positions) == [[1, 2]])
    }

    @Test func earlierAdoptionDecisionNotReversed() {
        var log = EventBuilder()
        // Two decisions each; only C2's first was reversed.
        log.adoptionDecided("C1", "2023-01-01", "AD1")
        log.adoptionDecided("C1", "2024-01-01", "AD2")
        log.adoptionDecided("C2", "2023-01-01", "AD1")
        log.decisionReversed("C2", "2023-06-01", "AD1")
        log.adoptionDecided("C2", "2024-01-01", "AD2")
        #expect(log.findings("earlier-adoption-decision-not-reversed").map(\.positions) == [[1, 2]])
    }

    @Test func lookedAfterPastEighteen() {
        var log = EventBuilder()
        // All turn 18 on 1 June 2024. C1 is still in care (C2, in foster care) on 31 March 2025, the as-of date;
        // C2 is under V2 in a children's home (K2); C3's care ended on 1 July 2024, before any 31 March after it.
        for child in ["C1", "C2", "C3"] { log.registered(child, "2024-01-01", born: "2006-06-01") }
        log.careStarted("C1", "2024-01-01")
        log.placed("C1", "2024-01-01")
        log.careStarted("C2", "2024-01-01", status: "V2")
        log.placed("C2", "2024-01-01", type: "K2")
        log.careStarted("C3", "2024-01-01")
        log.careEnded("C3", "2024-07-01")
        let found = log.findings("looked-after-past-18")
        #expect(found.map(\.positions) == [[4]] && found.first?.date == CalendarDate("2025-03-31"))
    }

    @Test func uascUnderEleven() {
        var log = EventBuilder()
        // Care from 1 June 2024 (year ending 31 March 2025), UASC: C1 turns 11 on 1 April 2025, after it; C2 on
        // 31 March 2025. C3, born 2020, is not UASC.
        log.registered("C1", "2024-01-01", born: "2014-04-01")
        log.careStartedUASC("C1", "2024-06-01")
        log.registered("C2", "2024-01-01", born: "2014-03-31")
        log.careStartedUASC("C2", "2024-06-01")
        log.registered("C3", "2024-01-01", born: "2020-01-01")
        log.careStarted("C3", "2024-06-01")
        let found = log.findings("uasc-under-11")
        #expect(found.map(\.positions) == [[2, 1]] && found.first?.severity == .query)
    }

    @Test func sdqUnderFourAtYearEnd() {
        var log = EventBuilder()
        // An SDQ reason in 2024-25: C1 turns 4 on 1 April 2025, after the year's end; C2 on 31 March 2025.
        log.registered("C1", "2024-01-01", born: "2021-04-01")
        log.sdq("C1", "2025-03-31", reason: "SDQ1")
        log.registered("C2", "2024-01-01", born: "2021-03-31")
        log.sdq("C2", "2025-03-31", reason: "SDQ1")
        #expect(log.findings("sdq-under-4-at-year-end").map(\.positions) == [[2, 1]])
    }

    @Test func sdqAgedSeventeenAtYearStart() {
        var log = EventBuilder()
        // An SDQ score in 2024-25: C1 turned 17 on 31 March 2024, before 1 April; C2 on 1 April 2024, not before.
        log.registered("C1", "2024-01-01", born: "2007-03-31")
        log.sdq("C1", "2025-03-31", score: 12)
        log.registered("C2", "2024-01-01", born: "2007-04-01")
        log.sdq("C2", "2025-03-31", score: 12)
        #expect(log.findings("sdq-aged-17-at-year-start").map(\.positions) == [[2, 1]])
    }

    @Test func missingOpenAfterPlacementEnded() {
        var log = EventBuilder()
        // C1 goes missing on 1 June and is still missing when its placement changes on 1 July: the row from 1 May
        // has ended. C2's placement goes on. C3 is back on 10 June, before the change.
        log.careStarted("C1", "2024-05-01")
        log.placed("C1", "2024-05-01")
        log.missing("C1", "2024-06-01")
        log.placed("C1", "2024-07-01", "PL2")
        log.careStarted("C2", "2024-05-01")
        log.placed("C2", "2024-05-01")
        log.missing("C2", "2024-06-01")
        log.careStarted("C3", "2024-05-01")
        log.placed("C3", "2024-05-01")
        log.missing("C3", "2024-06-01")
        log.returned("C3", "2024-06-10", offered: true)
        log.placed("C3", "2024-07-01", "PL2")
        let found = log.findings("missing-open-after-placement-ended")
        #expect(found.map(\.positions) == [[3, 1]] && found.first?.date == CalendarDate("2024-07-01"))
    }

    @Test func missingAtEighteenWithoutE8() {
        var log = EventBuilder()
        // Both turn 18 on 1 June 2024, the day they are back and care ends: C1's care ends with E15, C2's with E8.
        for (child, reason) in [("C1", "E15"), ("C2", "E8")] {
            log.registered(child, "2024-01-01", born: "2006-06-01")
            log.careStarted(child, "2024-01-01")
            log.missing(child, "2024-05-20")
            log.returned(child, "2024-06-01", offered: true)
            log.careEnded(child, "2024-06-01", reason: reason)
        }
        #expect(log.findings("missing-at-18-without-e8").map(\.positions) == [[5, 4]])
    }
}
