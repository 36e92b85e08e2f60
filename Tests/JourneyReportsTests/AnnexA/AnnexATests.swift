import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// Annex A from a hand-built log of five children, drawn for 31 March 2025 over six months: the window is
/// 1 October 2024 to 31 March 2025, and the 12 months of the "last 12 months" columns are 1 April 2024 to
/// 31 March 2025. Every expected row is worked out by hand below, from the definitions in docs/annex-a.md.
@Suite("Annex A lists")
struct AnnexATests {
    static let window = AnnexA.Window(asOf: d("2025-03-31"), months: 6)

    static func lists(_ log: EventBuilder, _ window: AnnexA.Window = window) -> [AnnexA.List] {
        let state = HandLog(log).state
        return AnnexA.lists(window) { add in state.forEachRecord { add($0) } }
    }

    /// Drawn in one pass over the records on all cores, with the span read from the same records
    /// (`lists(_:of:asKnownAt:)`, the command's way): the lists one pass over every record gives, and the span
    /// `span(asKnownAt:)` gives, for a council with corrections, retractions and merged duplicate records, now and as
    /// known at an earlier time.
    @Test func onePassOnAllCores() throws {
        let state = try councilWithDefects(children: 600, from: "2022-04-01", seed: 5)
        for knownAt in [nil, Timestamp("2024-12-31T00:00:00Z")] {
            let expected = AnnexA.lists(Self.window) { add in state.forEachRecord(asKnownAt: knownAt) { add($0) } }
            let (lists, span) = AnnexA.lists(Self.window, of: state, asKnownAt: knownAt)
            #expect(lists == expected, "as known at \(String(describing: knownAt))")
            #expect(span == state.span(asKnownAt: knownAt))
            #expect(lists.filter { !$0.rows.isEmpty }.count >= 6)
        }
    }

    /// The rows of list `number`, as written.
    static func rows(_ lists: [AnnexA.List], _ number: Int) -> [[String]] {
        lists[number - 1].rows.map { $0.map(\.written) }
    }

    static var council: EventBuilder {
        var log = EventBuilder()
        // C1: a boy born 2015-06-01 (9 on 31 March 2025), White British, no disability, allocated to Team A.
        log.add(
            "C1", "2015-06-01",
            .childRegistered(
                ChildDetails(
                    birthDate: d("2015-06-01"), sex: Sex("M")!, ethnicity: Ethnicity("WBRI")!,
                    disabilities: [Disability("NONE")!])))
        log.add("C1", "2024-01-01", .workerAllocated(team: "Team A", worker: "W1"))
        log.add(
            "C1", "2024-03-15",
            .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("6")!, isNFA: true)))
        log.add("C1", "2024-04-10", .s47Started(s47: "S0", referral: "R1", strategy: nil))
        log.add("C1", "2024-04-20", .s47Completed(s47: "S0", icpcRequired: false))
        log.add("C1", "2024-09-30", .contactReceived(ContactReceived(contact: "K1", source: ReferralSource("6")!)))
        log.add("C1", "2024-10-01", .contactReceived(ContactReceived(contact: "K2", source: ReferralSource("2A")!)))
        log.add(
            "C1", "2024-11-01",
            .referralReceived(
                ReferralReceived(referral: "R2", source: ReferralSource("2A")!, primaryNeed: PrimaryNeed("N1"))))
        log.add("C1", "2024-11-02", .assessmentStarted(assessment: "A1", referral: "R2"))
        log.add("C1", "2024-11-20", .visitMade(VisitMade(kind: VisitKind("cin")!, wasSeen: true)))
        log.add(
            "C1", "2024-12-10",
            .assessmentCompleted(AssessmentCompleted(assessment: "A1", outcome: AssessmentOutcome("cin")!)))
        log.add("C1", "2024-12-15", .s47Started(s47: "S1", referral: "R2", strategy: nil))
        log.add("C1", "2025-01-05", .s47Completed(s47: "S1", icpcRequired: true))
        log.add("C1", "2025-01-10", .icpcHeld(s47: "S1", referral: "R2", outcome: ConferenceOutcome("plan")!))
        log.add(
            "C1", "2025-01-10",
            .cpPlanStarted(CPPlanStarted(plan: "P1", referral: "R2", category: AbuseCategory("NEG")!)))
        log.add("C1", "2025-02-01", .cpPlanCategoryChanged(plan: "P1", category: AbuseCategory("EMO")!))
        log.add("C1", "2025-03-20", .cpPlanReviewed(plan: "P1"))
        log.add("C1", "2025-03-25", .visitMade(VisitMade(kind: VisitKind("cp")!, wasSeen: true, wasSeenAlone: true)))

        // C2: a girl born 2008-02-10 (17), no ethnicity or disability recorded, no allocation; an episode of need
        // closed in the window, and in care since 2024-05-01.
        log.add("C2", "2008-02-10", .childRegistered(ChildDetails(birthDate: d("2008-02-10"), sex: Sex("F")!)))
        log.add(
            "C2", "2023-01-01",
            .referralReceived(
                ReferralReceived(referral: "R1", source: ReferralSource("6")!, primaryNeed: PrimaryNeed("N2"))))
        log.add(
            "C2", "2024-05-01",
            .careStarted(CareStarted(period: "L1", legalStatus: LegalStatus("V2")!, needCode: CareNeed("N4")!)))
        log.add(
            "C2", "2024-05-01",
            .placementStarted(
                PlacementStarted(
                    placement: "PL1", period: "L1", placementType: PlacementType("U6")!,
                    provider: PlacementProvider("PR1"), postcode: "AB1 2CD")))
        log.add("C2", "2024-06-01", .healthAssessmentCompleted)
        log.add("C2", "2024-07-01", .dentalCheckCompleted)
        log.add("C2", "2024-08-01", .legalStatusChanged(period: "L1", legalStatus: LegalStatus("C2")!))
        log.add(
            "C2", "2024-09-01",
            .placementStarted(
                PlacementStarted(
                    placement: "PL2", period: "L1", placementType: PlacementType("K2")!,
                    provider: PlacementProvider("PR4"), urn: "SC123456")))
        log.add("C2", "2024-10-10", .missingStarted(episode: "M1", kind: MissingKind("missing")!))
        log.add(
            "C2", "2024-10-11",
            .missingEnded(MissingEnded(episode: "M1", returnInterviewOffered: true, returnInterviewAccepted: false)))
        log.add("C2", "2024-10-15", .caseClosed(referral: "R1", reason: ClosureReason("RC7")!))
        log.add("C2", "2024-12-01", .missingStarted(episode: "M2", kind: MissingKind("away")!))
        log.add("C2", "2025-01-15", .careReviewed(period: "L1", participation: nil))
        log.add("C2", "2025-02-01", .visitMade(VisitMade(kind: VisitKind("care")!, wasSeen: true)))

        // C3: a care leaver, born 2005-01-01 (20), Indian, autistic, an unaccompanied asylum-seeking child in
        // care from 2020-03-01 to 2023-01-01 (from 15 to 18: well over 13 weeks after 14).
        log.add(
            "C3", "2005-01-01",
            .childRegistered(
                ChildDetails(
                    birthDate: d("2005-01-01"), sex: Sex("M")!, ethnicity: Ethnicity("AIND")!,
                    disabilities: [Disability("AUT")!])))
        log.add(
            "C3", "2020-03-01",
            .careStarted(
                CareStarted(period: "L1", legalStatus: LegalStatus("V2")!, needCode: CareNeed("N1")!, isUASC: true)))
        log.add("C3", "2023-01-01", .careEnded(period: "L1", reason: CareEndReason("E5")!))
        log.add("C3", "2023-01-01", .workerAllocated(team: "Leaving care", worker: "W3"))
        log.add("C3", "2023-01-01", .personalAdviserAllocated(adviser: "Pat"))
        log.add("C3", "2024-12-01", .pathwayPlanReviewed)
        log.add(
            "C3", "2025-01-02",
            .careLeaverContacted(
                CareLeaverContacted(
                    inTouch: CareLeaverContactStatus("YES")!, activity: CareLeaverActivity("F1"),
                    accommodation: CareLeaverAccommodation("U1"))))

        // C6 and C7: left care at 17 (2023-06-01 and 2023-07-01), then died (a `child.died` on 2024-12-01; a
        // contact saying DIED on 2025-01-10): not care leavers on 31 March 2025.
        for (child, left) in [("C6", "2023-06-01"), ("C7", "2023-07-01")] {
            log.add(child, "2006-01-01", .childRegistered(ChildDetails(birthDate: d("2006-01-01"), sex: Sex("F")!)))
            log.add(
                child, "2022-01-01",
                .careStarted(CareStarted(period: "L1", legalStatus: LegalStatus("V2")!, needCode: CareNeed("N1")!)))
            log.add(child, left, .careEnded(period: "L1", reason: CareEndReason("E5")!))
        }
        log.add("C6", "2024-12-01", .childDied)
        log.add(
            "C7", "2025-01-10", .careLeaverContacted(CareLeaverContacted(inTouch: CareLeaverContactStatus("DIED")!)))

        // C4: a girl born 2022-05-05 (2), adopted on 2024-11-20, in the window.
        log.add(
            "C4", "2022-05-05",
            .childRegistered(
                ChildDetails(
                    birthDate: d("2022-05-05"), sex: Sex("F")!, ethnicity: Ethnicity("WBRI")!,
                    disabilities: [Disability("NONE")!])))
        log.add(
            "C4", "2022-06-01",
            .careStarted(CareStarted(period: "L1", legalStatus: LegalStatus("C1")!, needCode: CareNeed("N1")!)))
        log.add(
            "C4", "2022-06-01",
            .placementStarted(
                PlacementStarted(
                    placement: "PL1", period: "L1", placementType: PlacementType("U5")!,
                    provider: PlacementProvider("PR1"))))
        log.add("C4", "2022-10-01", .adoptionDecided(adoption: "AD1"))
        log.add("C4", "2023-01-01", .placementOrderGranted(adoption: "AD1"))
        log.add("C4", "2023-01-01", .legalStatusChanged(period: "L1", legalStatus: LegalStatus("E1")!))
        log.add(
            "C4", "2023-03-01",
            .adoptionMatched(
                AdoptionMatched(
                    adoption: "AD1", adopters: 2, adoptersSex: AdopterSex("MF")!,
                    adoptersLegalStatus: AdopterLegalStatus("L11")!)))
        log.add(
            "C4", "2023-04-01",
            .placementStarted(
                PlacementStarted(
                    placement: "PL2", period: "L1", placementType: PlacementType("A5")!,
                    provider: PlacementProvider("PR1"))))
        log.add("C4", "2023-04-01", .adoptionPlaced(adoption: "AD1", placement: "PL2"))
        log.add("C4", "2024-11-20", .adoptionOrderGranted(adoption: "AD1"))
        log.add("C4", "2024-11-20", .careEnded(period: "L1", reason: CareEndReason("E11")!))

        // C5: activity before the window only: an NFA referral on 2024-09-15 and an assessment authorised on
        // 2024-09-20. In no list.
        log.add("C5", "2014-01-01", .childRegistered(ChildDetails(birthDate: d("2014-01-01"), sex: Sex("M")!)))
        log.add(
            "C5", "2024-09-15",
            .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("8")!, isNFA: true)))
        log.add("C5", "2024-09-16", .assessmentStarted(assessment: "A1", referral: "R1"))
        log.add("C5", "2024-09-20", .assessmentCompleted(AssessmentCompleted(assessment: "A1")))
        return log
    }

    static let c1 = ["C1", "a) Male", "a) WBRI", "01/06/2015", "9"]
    static let c2 = ["C2", "b) Female", "t) NOBT", "10/02/2008", "17"]

    @Test("The window: the day after the date six months before, to the date")
    func windowDates() {
        #expect(Self.window.from == d("2024-10-01"))
        #expect(Self.window.lastTwelveMonths == ReportingPeriod(from: d("2024-04-01"), to: d("2025-03-31")))
        // 31 August less six months is 28 February (no 31st): the window opens on 1 March.
        #expect(AnnexA.Window(asOf: d("2025-08-31")).from == d("2025-03-01"))
    }

    /// List 1: C1's contact of 30 September is the day before the window; that of 1 October, its first day, is in
    /// it (source 2A, schools).
    @Test("List 1: contacts in the window")
    func contacts() {
        let lists = Self.lists(Self.council)
        #expect(lists[0].headings.count == 7)
        #expect(Self.rows(lists, 1) == [Self.c1 + ["01/10/2024", "e) 2A: Schools"]])
    }

    /// List 3: C1's R2 (1 November) is in the window; R1 (15 March 2024, NFA) is not, but is in the 12 months
    /// before R2 (from 1 November 2023): 1. C5's NFA referral of 15 September is before the window.
    @Test("List 3: referrals in the window, with the referrals of the 12 months before each")
    func referrals() {
        let lists = Self.lists(Self.council)
        #expect(Self.rows(lists, 3) == [Self.c1 + ["01/11/2024", "e) 2A: Schools", "b) No", "1", "Team A", "W1"]])
    }

    /// List 4: C1's A1, 2 November to 10 December, outcome child in need; a visit on 20 November saw C1: seen,
    /// requires support. C5's assessment was authorised on 20 September, before the window.
    @Test("List 4: assessments open in the window")
    func assessments() {
        let lists = Self.lists(Self.council)
        #expect(
            Self.rows(lists, 4) == [
                Self.c1 + ["b) No", "02/11/2024", "a) Yes", "10/12/2024", "a) Yes", "Team A", "W1"]
            ])
    }

    /// List 5: C1's S1 started 15 December (in the window); S0 (10 April 2024) is not a row but is in the 12 months
    /// before S1 (from 15 December 2023): 1. S1's outcome required a conference (not "deemed unnecessary"), held
    /// 10 January 2025 with a plan; no conference in the 12 months before 15 December: 0.
    @Test("List 5: section 47 enquiries started in the window, with their ICPC")
    func s47() {
        let lists = Self.lists(Self.council)
        #expect(
            Self.rows(lists, 5) == [
                Self.c1 + ["b) No", "15/12/2024", "b) No", "10/01/2025", "a) Yes", "1", "0", "Team A", "W1"]
            ])
    }

    /// List 6: C1's R2 is open on 31 March, on a CP plan; last seen 25 March (the CP visit, after the CIN one of
    /// 20 November). C2's R1 (from 2023) closed on 15 October, in the window: RC7, closed; no visit in it. C1's
    /// R1 is NFA (no episode).
    @Test("List 6: episodes of need open on the date or closed in the window")
    func childrenInNeed() {
        let lists = Self.lists(Self.council)
        #expect(
            Self.rows(lists, 6) == [
                Self.c1 + [
                    "b) No", "01/11/2024", "N1 - Abuse or neglect", "25/03/2025", "", "", "b) Child Protection plan",
                    "Team A", "W1",
                ],
                Self.c2 + [
                    "c) Unknown", "01/01/2023", "N2 - Child’s disability", "", "15/10/2024",
                    "RC7 - Services ceased for any other reason, including child no longer in need",
                    "e) Closed episode", "", "",
                ],
            ])
    }

    /// List 7: C1's P1 from 10 January, neglect then emotional abuse from 1 February; reviewed 20 March; a CP visit
    /// on 25 March, seen alone; open; no L1 or L2 legal status; no earlier plan.
    @Test("List 7: CP plans open on the date or ended in the window")
    func childProtection() {
        let lists = Self.lists(Self.council)
        #expect(
            Self.rows(lists, 7) == [
                Self.c1 + [
                    "b) No", "10/01/2025", "a) Neglect", "d) Emotional abuse", "25/03/2025", "a) Yes", "20/03/2025",
                    "", "b) No", "0", "Team A", "W1",
                ]
            ])
    }

    /// List 8, C2: in care from 1 May 2024 (in the 12 months, no earlier period: not a subsequent one), C2 (full
    /// care order) since 1 August; reviewed 15 January, visited 1 February; health 1 June, dental 1 July.
    /// Placements in the 12 months from 1 April 2024: moves PL1 (1 May) and PL2 (1 September), none in force on
    /// 1 April: 2. Most recent PL2, a children's home, private, URN SC123456, no postcode. One missing episode
    /// (10 October: return interview offered, not accepted) and one away (1 December).
    /// C4: in care 1 June 2022 to 20 November 2024 (adopted, E11; in the window). Legal status E1 from 1 January
    /// 2023. No move in the 12 months; PL2 (A5, from 1 April 2023) in force on 1 April 2024: 1.
    @Test("List 8: periods of care open on the date or ended in the window")
    func childrenInCare() {
        let lists = Self.lists(Self.council)
        let rows = Self.rows(lists, 8)
        #expect(lists[7].headings.count == 34)
        #expect(rows.count == 2)
        #expect(
            rows.first == Self.c2 + [
                "b) No", "c) Unknown", "01/05/2024", "N4 - Family in acute stress", "b) No", "01/08/2024", "C2: FCO",
                "15/01/2025", "01/02/2025", "", "", "01/06/2024", "01/07/2024", "2", "", "", "01/09/2024",
                "p) K2: Children’s Homes", "e) PR4: Private provision", "", "SC123456", "", "", "1", "1", "a) Yes",
                "b) No", "", "",
            ])
        #expect(
            rows.last == ["C4", "b) Female", "a) WBRI", "05/05/2022", "2"] + [
                "b) No", "b) No", "01/06/2022", "N1 - Abuse or neglect", "b) No", "01/01/2023", "E1: Placement order",
                "", "", "", "", "", "", "1", "20/11/2024", "a) E11: Adopted - application unopposed", "01/04/2023",
                "i) A5: Placed for adoption - order - foster", "b) PR1: Own provision", "", "", "", "", "0", "0", "",
                "", "", "",
            ])
    }

    /// List 9: C3 left care on 1 January 2023 at 18 (E5, independent living), looked after from 15; 20 on
    /// 31 March 2025: former relevant. The latest contact, 2 January 2025: in touch, independent living
    /// (suitable), full time in higher education. C6 and C7 left care at 17 but have died: not listed.
    @Test("List 9: care leavers on the date")
    func careLeavers() {
        let lists = Self.lists(Self.council)
        #expect(
            Self.rows(lists, 9) == [
                ["C3", "a) Male", "j) AIND", "01/01/2005", "20"] + [
                    "a) Yes", "a) Yes", "Leaving care", "W3", "Pat", "b) Former relevant child", "01/12/2024", "a) Yes",
                    "02/01/2025", "U: Independent living", "a) Suitable", "F1: Full time in higher education",
                ]
            ])
    }

    /// List 10: C4's adoption, decided 1 October 2022, ended by the order of 20 November 2024 (in the window). In
    /// care from 1 June 2022, in a fostering for adoption placement (U5) from that day.
    @Test("List 10: adoptions open on the date or ended in the window")
    func adoption() {
        let lists = Self.lists(Self.council)
        #expect(
            Self.rows(lists, 10) == [
                [
                    "C4", "", "b) Female", "a) WBRI", "05/05/2022", "2", "b) No", "01/06/2022", "01/10/2022",
                    "01/01/2023", "01/03/2023", "01/04/2023", "20/11/2024", "", "", "01/06/2022",
                ]
            ])
    }

    @Test("Lists 2 and 11 are their headings, with a note; the others have none but 8 and 10")
    func headingsOnly() {
        let lists = Self.lists(Self.council)
        #expect(lists.map(\.number) == Array(1...11))
        #expect(lists[1].rows.isEmpty && lists[1].note != nil)
        #expect(lists[10].rows.isEmpty && lists[10].note != nil)
        #expect(lists[10].headings.first == "Individual adopter identifier")
        #expect(lists.filter { $0.note != nil }.map(\.number) == [2, 8, 10, 11])
    }

    /// A date from 2026 takes the 2026 template's "Sex" for "Gender".
    @Test("The sex heading: Gender before 2026, Sex from it")
    func sexHeading() {
        #expect(Self.lists(Self.council)[0].headings[1] == "Gender")
        #expect(Self.lists(Self.council, AnnexA.Window(asOf: d("2026-01-01")))[0].headings[1] == "Sex")
    }

    /// Over 12 months (from 1 April 2024) C1's S0 (10 April; no enquiry before it) comes in, R1 (15 March) stays
    /// out, and C5's referral (15 September, NFA, no earlier referral) and assessment (16 to 20 September) come in.
    @Test("--months widens the lists of activity")
    func twelveMonths() {
        let lists = Self.lists(Self.council, AnnexA.Window(asOf: d("2025-03-31"), months: 12))
        #expect(Self.rows(lists, 3).map(\.first) == ["C1", "C5"])
        #expect(Self.rows(lists, 3).last?[5...8] == ["15/09/2024", "s) 8: Other", "a) Yes", "0"])
        #expect(Self.rows(lists, 4).map(\.first) == ["C1", "C5"])
        #expect(Self.rows(lists, 5).map { $0[6] } == ["10/04/2024", "15/12/2024"])
    }

    /// The CSV: Ofsted's headings, dates as text dd/mm/yyyy, counts as numbers, CRLF lines.
    @Test("A list as CSV")
    func csv() {
        let lists = Self.lists(Self.council)
        #expect(
            lists[2].csv
                == "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of referral,"
                + "Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker\r\n"
                + "C1,a) Male,a) WBRI,01/06/2015,9,01/11/2024,e) 2A: Schools,b) No,1,Team A,W1\r\n")
        #expect(lists[1].csv.components(separatedBy: "\r\n").count == 2)
        #expect(lists[2].fileStem == "list-03-referrals")
        #expect(lists[4].fileStem == "list-05-section-47-enquiries-and-icpcs")
    }
}
