import JourneyCore
import JourneyLog
import JourneyProjections
import Testing

/// Over an imported SSDA903 return, each measure of *Permanence, leaving care and health* (metrics.md) equals what
/// the return's own tables give for the year. The return (Fixtures/ssda903-agree, collection year 2024-25) is made
/// for this test and is consistent; every expected figure is worked out by hand from its tables, in the comments.
///
/// The children (episodes are each child's whole history, so that every period's start is in the return):
///
/// - A1 (born 12/04/2022): in care 01/07/2022 (C2, U4); placement order (RNE L, LS E1) 01/03/2023; moved to adopters
///   (RNE P, A6) 01/06/2024; adopted 20/01/2025 (E11). AD1: decision 01/12/2022, match 15/05/2024.
/// - A2 (born 05/09/2021): in care 01/10/2021 (U4); fostering for adoption (RNE P, U5) 01/02/2022; placement order
///   (RNE L, E1) 01/05/2022; the same carers become the adopters (RNE T, A5) 01/08/2024; adopted 10/03/2025 (E12).
///   AD1: decision 15/03/2022, match 10/06/2024, the foster carer adopting.
/// - A3 (born 11/11/2019): in care 01/06/2024 (V2), still looked after; decision 01/08/2024 reversed 15/02/2025 (RD1).
/// - S1 (born 07/07/2015): in care 01/09/2022, left 30/09/2024 on a special guardianship order (E45).
/// - S2 (born 02/02/2018): in care 01/04/2023, left 31/03/2025 on a child arrangements order (E41).
/// - C1 (born 10/05/2012), C2 (20/08/2016), C3 (03/02/2008), C4 (01/03/2021): in care since 01/01/2020,
///   15/03/2023, 01/06/2022 and 10/02/2023, no end: looked after all year, each with an OC2 row. C2 also has a
///   decision (10/04/2023) reversed 01/05/2024 (RD3), C4 one (01/06/2023) reversed 01/02/2024 (RD2), a year before.
/// - L1 (born 15/06/2007), L2 (20/10/2005), L3 (01/01/2004), L4 (10/12/2006): care leavers, no episodes in the
///   return, each with an OC3 row (on their 17th, 19th, 21st and 18th birthdays).
@Suite("SSDA903: the measures over an imported return agree with its tables")
struct SSDA903MeasuresAgreeTests {
    static let folder = fixture("ssda903-agree")
    static let tables = ["header", "episodes", "ad1", "placed_for_adoption", "oc2", "oc3"]

    /// The figures for 2024-25 over the imported return, by id.
    static func figures() throws -> [String: MetricResult] {
        let scratch = Scratch()
        let report = try scratch.importSSDA903(tables.map { folder + "/" + $0 + ".csv" }, year: "2024-25")
        #expect(report.rejected.isEmpty)
        var state = JourneyState()
        _ = try EventLog.open(scratch.log).replay { state.apply($0) }
        let year = ReportingPeriod(from: CalendarDate("2024-04-01")!, to: CalendarDate("2025-03-31")!)
        let ids: Set<String> = [
            "adoptions", "sgo-cao-exits", "adoption-entry-to-placement-days", "adoption-order-to-match-days",
            "adoption-decision-reversed", "care-leavers-in-touch", "care-leavers-suitable-accommodation",
            "care-leavers-eet", "cla-health-assessments", "cla-dental-checks", "cla-immunisations", "cla-sdq",
            "cla-convicted", "cla-substance-misuse",
        ]
        let metrics = state.metrics(MetricContext(period: year), only: ids).metrics
        return Dictionary(uniqueKeysWithValues: metrics.map { ($0.id, $0) })
    }

    @Test func adoptionsAndSpecialGuardianshipExits() throws {
        let m = try Self.figures()
        // Episodes ended 01/04/2024–31/03/2025 with E11 or E12: A1 (E11, 20/01/2025), A2 (E12, 10/03/2025) = 2.
        let adoptions = try #require(m["adoptions"])
        #expect(adoptions.numerator == 2)
        #expect(adoptions.count("E11") == 1 && adoptions.count("E12") == 1)
        // Ended in the year with E41 or E45–E48: S1 (E45, 30/09/2024), S2 (E41, 31/03/2025, the last day) = 2: one
        // special guardianship order, one child arrangements order.
        let exits = try #require(m["sgo-cao-exits"])
        #expect(exits.numerator == 2)
        #expect(exits.count("sgo") == 1 && exits.count("cao") == 1)
        #expect(exits.count("E41") == 1 && exits.count("E45") == 1)
    }

    @Test func adoptionTimings() throws {
        let m = try Self.figures()
        // The children adopted, A1 and A2.
        // A1: entered care 01/07/2022 (RNE S); the adoptive placement A6 began 01/06/2024 with new carers (RNE P):
        //   01/07/2022 → 01/07/2023 365 days, → 01/06/2024 336 more (Jul 31, Aug 31, Sep 30, Oct 31, Nov 30, Dec 31,
        //   Jan 31, Feb 29, Mar 31, Apr 30, May 31) = 701.
        // A2: entered care 01/10/2021; the adoptive placement A5 (01/08/2024) is a same-carer change (RNE T) from the
        //   fostering-for-adoption placement U5 that began 01/02/2022 (RNE P), so A10 times it from then:
        //   Oct 31 + Nov 30 + Dec 31 + Jan 31 = 123.
        // 701 + 123 = 824 over 2 = 412.0; median of two, (123 + 701) / 2 = 412.
        let entry = try #require(m["adoption-entry-to-placement-days"])
        #expect(entry.numerator == 824 && entry.denominator == 2 && entry.value == 412.0)
        #expect(entry.count("unknown") == 0)
        // AD1 matches dated in the year: A1 15/05/2024, A2 10/06/2024. No placement-order.granted from a 903, so the
        // order is the first LS E1 of the period open on the match date:
        // A1: E1 from 01/03/2023: → 01/03/2024 366 days (29/02/2024), → 15/05/2024 31 + 30 + 14 = 75 more = 441.
        // A2: E1 from 01/05/2022: → 01/05/2024 365 + 366 = 731, → 10/06/2024 31 + 9 = 40 more = 771.
        // 441 + 771 = 1212 over 2 = 606.0.
        let match = try #require(m["adoption-order-to-match-days"])
        #expect(match.numerator == 1212 && match.denominator == 2 && match.value == 606.0)
        #expect(match.count("unknown") == 0)
    }

    @Test func decisionsReversed() throws {
        // placed_for_adoption rows with DATE_PLACED_CEASED in the year: A3 15/02/2025 (RD1), C2 01/05/2024 (RD3) = 2;
        // C4's 01/02/2024 (RD2) is in 2023-24, and A1's and A2's decisions stand.
        let m = try #require(try Self.figures()["adoption-decision-reversed"])
        #expect(m.numerator == 2)
        #expect([m.count("RD1"), m.count("RD2"), m.count("RD3"), m.count("RD4")] == [1, 0, 1, 0])
    }

    @Test func careLeavers() throws {
        let m = try Self.figures()
        // OC3 rows, each on a birthday in the year: L1 17th (15/06/2024), L2 19th (20/10/2024), L3 21st
        // (01/01/2025), L4 18th (10/12/2024) = 4; L4 DIED is left out of the denominator: L1, L2, L3 = 3.
        // In touch (YES): L1, L2 = 2 of 3 = 66.7 (YES 2, NO 1: L3).
        let inTouch = try #require(m["care-leavers-in-touch"])
        #expect(inTouch.numerator == 2 && inTouch.denominator == 3 && inTouch.value == 66.7)
        #expect(
            [inTouch.count("YES"), inTouch.count("NO"), inTouch.count("REFU"), inTouch.count("NREQ")] == [2, 1, 0, 0])
        // Age groups: 17-18 is L1 (L4 died): 1 of 1; 19-21 is L2, L3: 1 of 2.
        #expect(inTouch.group("17-18") == [1, 1] && inTouch.group("19-21") == [1, 2])
        // Suitable accommodation (ACCOM ending 1): L1 D1 = 1 of 3 = 33.3; unsuitable L2 S2; no information L3 (0).
        let accommodation = try #require(m["care-leavers-suitable-accommodation"])
        #expect(accommodation.numerator == 1 && accommodation.denominator == 3 && accommodation.value == 33.3)
        #expect(accommodation.count("unsuitable") == 1 && accommodation.count("noInformation") == 1)
        // In education, employment or training: L1 F1 = 1 of 3 = 33.3; NEET L2 G4; no information L3 (0).
        let eet = try #require(m["care-leavers-eet"])
        #expect(eet.numerator == 1 && eet.denominator == 3 && eet.value == 33.3)
        #expect(eet.count("neet") == 1 && eet.count("noInformation") == 1)
    }

    @Test func healthOfChildrenLookedAfter() throws {
        let m = try Self.figures()
        // Looked after on 31/03/2025 and all year from 31/03/2024: C1, C2, C3, C4 (in care since before 2024, no
        // end, none V3/V4) = 4. Not A1, A2, S1, S2 (care ended, S2 on 31/03/2025 itself), nor A3 (from 01/06/2024).
        // The OC2 rows, dated 31/03/2025:
        // HEALTH_ASSESSMENT = 1: C1, C2, C4 = 3 of 4 = 75.0.
        let assessments = try #require(m["cla-health-assessments"])
        #expect(assessments.numerator == 3 && assessments.denominator == 4 && assessments.value == 75.0)
        // TEETH_CHECK = 1: C1, C2 = 2 of 4 = 50.0.
        let dental = try #require(m["cla-dental-checks"])
        #expect(dental.numerator == 2 && dental.denominator == 4 && dental.value == 50.0)
        // IMMUNISATIONS = 1: C1, C3, C4 = 3 of 4 = 75.0 (C2 0).
        let immunisations = try #require(m["cla-immunisations"])
        #expect(immunisations.numerator == 3 && immunisations.denominator == 4 && immunisations.value == 75.0)
        // Aged 5 to 16 on 31/03/2025: C1 (12), C2 (8); not C3 (17) or C4 (4). SDQ_SCORE C1 14, C2 8: 22 over 2 =
        // 11.0; median 11; normal C2, borderline C1; coverage 2 of 2 = 100.0.
        let sdq = try #require(m["cla-sdq"])
        #expect(sdq.numerator == 22 && sdq.denominator == 2 && sdq.value == 11.0)
        #expect(sdq.detail("median") == .number("11.0"))
        #expect(
            [sdq.count("normal"), sdq.count("borderline"), sdq.count("concern"), sdq.count("noScore")] == [1, 1, 0, 0])
        #expect(sdq.detail("coverage") == .number("100.0"))
        // Aged 10 or over: C1 (12), C3 (17) = 2; CONVICTED = 1: C1 = 1 of 2 = 50.0.
        let convicted = try #require(m["cla-convicted"])
        #expect(convicted.numerator == 1 && convicted.denominator == 2 && convicted.value == 50.0)
        // SUBSTANCE_MISUSE = 1, all ages: C1, C3 = 2 of 4 = 50.0; INTERVENTION_RECEIVED = 1: C1;
        // INTERVENTION_OFFERED = 1: C1, C3.
        let misuse = try #require(m["cla-substance-misuse"])
        #expect(misuse.numerator == 2 && misuse.denominator == 4 && misuse.value == 50.0)
        #expect(misuse.count("interventionReceived") == 1 && misuse.count("interventionOffered") == 2)
    }
}

extension MetricResult {
    fileprivate func detail(_ key: String) -> JSONValue? { details.first { $0.key == key }?.value }

    fileprivate func count(_ key: String) -> Int? {
        guard case .number(let n)? = detail(key) else { return nil }
        return Int(n)
    }

    /// An age group's `[numerator, denominator]`.
    fileprivate func group(_ key: String) -> [Int?] {
        guard case .object(let members)? = detail(key) else { return [] }
        return ["numerator", "denominator"].map { name in
            guard case .number(let n)? = members.first(where: { $0.key == name })?.value else { return nil }
            return Int(n)
        }
    }
}
