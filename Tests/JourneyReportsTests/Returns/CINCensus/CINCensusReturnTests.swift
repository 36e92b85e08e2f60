import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// The CIN census return from hand-made logs: who is in scope, what each episode holds in the year, the schema's
/// codes for values the log lacks, and the XML against the DfE's schema of each year.
@Suite("CIN census return")
struct CINCensusReturnTests {
    static let year2024 = CollectionYear("2024-25").flatMap(CINCensusSchema.init(year:))!
    static let header = CINCensusReturn.Header(la: "201", made: t("2025-05-01T09:00:00Z"))

    static func census(_ log: EventBuilder, _ schema: CINCensusSchema = year2024, asKnownAt: String? = nil)
        -> CINCensusReturn
    {
        let state = HandLog(log).state
        return CINCensusReturn(schema: schema) { add in
            state.forEachRecord(asKnownAt: asKnownAt.map { t($0) }) { add($0) }
        }
    }

    static func registered(_ log: inout EventBuilder, _ child: String, on date: String = "2020-01-01") {
        log.add(
            child, date,
            .childRegistered(
                ChildDetails(
                    birthDate: d("2015-06-01"), sex: Sex("M")!, ethnicity: Ethnicity("WBRI")!,
                    disabilities: [Disability("NONE")!], upn: "A123456789012")))
    }

    static func referral(
        _ log: inout EventBuilder, _ child: String, _ date: String, _ id: String = "R1", nfa: Bool = false,
        closed: String? = nil
    ) {
        log.add(
            child, date,
            .referralReceived(
                ReferralReceived(
                    referral: ReferralID(id), source: ReferralSource("2A")!, primaryNeed: PrimaryNeed("N1"),
                    isNFA: nfa)))
        if let closed { log.add(child, closed, .caseClosed(referral: ReferralID(id), reason: ClosureReason("RC7")!)) }
    }

    // MARK: Scope

    /// The year 2024-25 runs from 1 April 2024 to 31 March 2025. Worked by hand:
    /// - C1, referred 2023-01-10 and closed 2024-03-20, before the year: out.
    /// - C2, referred 2025-04-02, after the year: out.
    /// - C3, a referral with no further action on 2024-06-01, in the year: in (ReferralNFA 1).
    /// - C4, referred 2023-11-01 and closed 2024-05-10: open at the year's start, in, with its closure.
    /// - C5, a referral with no further action on 2023-06-01, the year before: out (it opened no episode).
    /// - C6, referred 2024-12-01 and closed 2025-04-15, after the year: in, open (no closure date).
    /// - C7, referred 2022-01-01 and closed 2024-04-01, the year's first day: in.
    /// - C8, an episode of 2022 closed in 2023 (out) and a referral on 2024-09-01 (in): in, with one episode.
    /// - C9, no referral, only a period of care: out (the CIN census is of episodes of need).
    /// So the return holds C3, C4, C6, C7 and C8.
    @Test("The children in scope: episodes open in the year, and referrals with no further action in it")
    func scope() throws {
        var log = EventBuilder()
        for child in ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"] { Self.registered(&log, child) }
        Self.referral(&log, "C1", "2023-01-10", closed: "2024-03-20")
        Self.referral(&log, "C2", "2025-04-02")
        Self.referral(&log, "C3", "2024-06-01", nfa: true)
        Self.referral(&log, "C4", "2023-11-01", closed: "2024-05-10")
        Self.referral(&log, "C5", "2023-06-01", nfa: true)
        Self.referral(&log, "C6", "2024-12-01", closed: "2025-04-15")
        Self.referral(&log, "C7", "2022-01-01", closed: "2024-04-01")
        Self.referral(&log, "C8", "2022-02-01", "R1", closed: "2023-02-01")
        Self.referral(&log, "C8", "2024-09-01", "R2")
        log.add(
            "C9", "2024-05-01",
            .careStarted(CareStarted(period: "L1", legalStatus: LegalStatus("C2")!, needCode: CareNeed("N1")!)))
        let census = Self.census(log)
        #expect(census.children.map(\.id.rawValue) == ["C3", "C4", "C6", "C7", "C8"])
        let byID = Dictionary(uniqueKeysWithValues: census.children.map { ($0.id.rawValue, $0) })
        #expect(byID["C3"]?.episodes.map(\.isNFA) == [true])
        #expect(byID["C3"]?.episodes.first?.primaryNeed == "N1")
        #expect(byID["C4"]?.episodes.first?.closureDate == d("2024-05-10"))
        #expect(byID["C4"]?.episodes.first?.closureReason == "RC7")
        #expect(byID["C6"]?.episodes.first?.closureDate == nil)
        #expect(byID["C6"]?.episodes.first?.closureReason == nil)
        #expect(byID["C8"]?.episodes.map(\.referralDate) == [d("2024-09-01")])
        let check = try validateAgainstSchema(census.xml(Self.header), schema: cinCensusSchemaPath(censusYear: 2025))
        #expect(check.isValid, "\(check.messages)")
    }

    /// One episode, referred 2023-10-01 and still open, worked by hand for 2024-25:
    /// - assessments: A1 (2023-10-02 to 2023-11-01) ended before the year: out; A2 (2024-03-01, authorised
    ///   2024-04-20, factors 3A 4B) in; A3 (2025-03-20, authorised 2025-04-10, after the year) in, not
    ///   authorised and without factors; A4 (2025-04-05) started after the year: out.
    /// - enquiries: S1 (2024-02-01, conference 2024-02-20) out; S2 (2024-03-25, conference 2024-04-10 in the
    ///   year) in; S3 (2024-05-01, no conference needed, 2024-05-03) in with ICPCnotRequired 1; S4 (2025-03-30, no
    ///   conference needed on 2025-04-02, after the year) in with ICPCnotRequired 0.
    /// - conferences: S2's 2024-04-10 is S2's alone (CIN 2884: one level only); a conference naming no enquiry on
    ///   2024-09-01 (a transfer-in) is the episode's DateOfInitialCPC; 2024-02-20 is before the year.
    /// - CIN plans: N1 (2023-12-01 to 2024-03-31) out; N2 (2024-06-01 to 2024-08-01) in.
    /// - CP plan P1 from 2024-04-10, NEG, then EMO on 2024-07-01 (PHY on 2025-04-05 is after the year: EMO is
    ///   the latest), reviews 2024-07-01 (in) and 2025-04-05 (out), ended 2025-05-01 (after the year: no end); no
    ///   previous plans recorded: 0, counted from the log, and a finding.
    @Test("What an episode holds: what was open in the year, as it stood on 31 March")
    func episodeContents() throws {
        var log = EventBuilder()
        Self.registered(&log, "C10")
        Self.referral(&log, "C10", "2023-10-01")
        func assessment(_ id: String, _ start: String, _ authorised: String?, _ factors: [String]? = nil) {
            log.add("C10", start, .assessmentStarted(assessment: AssessmentID(id), referral: "R1"))
            if let authorised {
                log.add(
                    "C10", authorised,
                    .assessmentCompleted(
                        AssessmentCompleted(
                            assessment: AssessmentID(id), factors: factors?.map { AssessmentFactor($0)! })))
            }
        }
        assessment("A1", "2023-10-02", "2023-11-01", ["21"])
        assessment("A2", "2024-03-01", "2024-04-20", ["3A", "4B"])
        assessment("A3", "2025-03-20", "2025-04-10", ["1A"])
        assessment("A4", "2025-04-05", nil)
        func s47(_ id: String, _ start: String, conference: String? = nil, notRequired: String? = nil) {
            log.add("C10", start, .s47Started(s47: S47ID(id), referral: "R1", strategy: nil))
            if let conference {
                log.add("C10", conference, .s47Completed(s47: S47ID(id), icpcRequired: true))
                log.add("C10", conference, .icpcHeld(s47: S47ID(id), referral: "R1", outcome: .plan))
            }
            if let notRequired { log.add("C10", notRequired, .s47Completed(s47: S47ID(id), icpcRequired: false)) }
        }
        s47("S1", "2024-02-01", conference: "2024-02-20")
        s47("S2", "2024-03-25", conference: "2024-04-10")
        s47("S3", "2024-05-01", notRequired: "2024-05-03")
        s47("S4", "2025-03-30", notRequired: "2025-04-02")
        log.add("C10", "2024-09-01", .icpcHeld(s47: nil, referral: "R1", outcome: .plan))
        log.add("C10", "2023-12-01", .cinPlanStarted(plan: "N1", referral: "R1"))
        log.add("C10", "2024-03-31", .cinPlanEnded(plan: "N1"))
        log.add("C10", "2024-06-01", .cinPlanStarted(plan: "N2", referral: "R1"))
        log.add("C10", "2024-08-01", .cinPlanEnded(plan: "N2"))
        log.add(
            "C10", "2024-04-10",
            .cpPlanStarted(CPPlanStarted(plan: "P1", referral: "R1", category: AbuseCategory("NEG")!)))
        log.add("C10", "2024-07-01", .cpPlanReviewed(plan: "P1"))
        log.add("C10", "2024-07-01", .cpPlanCategoryChanged(plan: "P1", category: AbuseCategory("EMO")!))
        log.add("C10", "2025-04-05", .cpPlanReviewed(plan: "P1"))
        log.add("C10", "2025-04-05", .cpPlanCategoryChanged(plan: "P1", category: AbuseCategory("PHY")!))
        log.add("C10", "2025-05-01", .cpPlanEnded(plan: "P1"))

        let census = Self.census(log)
        let episode = try #require(census.children.first?.episodes.first)
        #expect(
            episode.assessments == [
                .init(start: d("2024-03-01"), authorised: d("2024-04-20"), factors: ["3A", "4B"]),
                .init(start: d("2025-03-20"), authorised: nil, factors: nil),
            ])
        #expect(
            episode.s47Enquiries == [
                .init(start: d("2024-03-25"), initialConference: d("2024-04-10"), isConferenceNotRequired: false),
                .init(start: d("2024-05-01"), initialConference: nil, isConferenceNotRequired: true),
                .init(start: d("2025-03-30"), initialConference: nil, isConferenceNotRequired: false),
            ])
        #expect(episode.initialConference == d("2024-09-01"))
        #expect(episode.cinPlans == [.init(start: d("2024-06-01"), end: d("2024-08-01"))])
        #expect(
            episode.cpPlans == [
                .init(
                    start: d("2024-04-10"), end: nil, initialCategory: "NEG", latestCategory: "EMO", previousPlans: 0,
                    reviews: [d("2024-07-01")])
            ])
        #expect(
            census.findings.map(\.field).contains(
                "CINdetails[2023-10-01]/ChildProtectionPlans[2024-04-10]/NumberOfPreviousCPP"))
        let check = try validateAgainstSchema(census.xml(Self.header), schema: cinCensusSchemaPath(censusYear: 2025))
        #expect(check.isValid, "\(check.messages)")
    }

    /// C1's closure on 2024-03-20 (before the year) is corrected on 2025-05-10 to 2024-06-20 (in it); C2's
    /// referral is recorded on 2025-04-20; C3's is retracted on 2025-04-25. As known at 2025-04-15: C1 closed
    /// before the year (out), C2 not yet recorded (out), C3 in. As known now: C1 in, closed 2024-06-20; C2 in; C3
    /// out.
    @Test("As known at a time: corrections, retractions and late records count from when they were recorded")
    func asKnownAt() throws {
        var log = EventBuilder()
        for child in ["C1", "C2", "C3"] { Self.registered(&log, child) }
        Self.referral(&log, "C1", "2023-09-01")
        let closure = log.add(
            "C1", "2024-03-20", .caseClosed(referral: "R1", reason: ClosureReason("RC7")!), recorded: "2024-03-20")
        log.add(
            "C1", "2024-06-20", .caseClosed(referral: "R1", reason: ClosureReason("RC7")!), recorded: "2025-05-10",
            corrects: closure)
        log.add(
            "C2", "2024-10-01",
            .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("2A")!, primaryNeed: nil)),
            recorded: "2025-04-20")
        let c3 = log.add(
            "C3", "2024-10-01",
            .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("2A")!, primaryNeed: nil)))
        log.add("C3", "2025-04-25", .eventRetracted(event: c3, reason: "wrong child"))
        let then = Self.census(log, asKnownAt: "2025-04-15")
        #expect(then.children.map(\.id.rawValue) == ["C3"])
        let now = Self.census(log)
        #expect(now.children.map(\.id.rawValue) == ["C1", "C2"])
        #expect(now.children.first?.episodes.first?.closureDate == d("2024-06-20"))
    }

    // MARK: Bad input

    @Test("No ethnicity, sex or birth date recorded: NOBT and U written, the birth date left out, each a finding")
    func missingCharacteristics() throws {
        var log = EventBuilder()
        log.add("C1", "2024-05-01", .childRegistered(ChildDetails(ward: "E05000001")))
        Self.referral(&log, "C1", "2024-05-01")
        let census = Self.census(log)
        let child = try #require(census.children.first)
        #expect(child.ethnicity == "NOBT")
        #expect(child.sex == "U")
        #expect(child.birthDate == nil && child.expectedBirthDate == nil)
        let findings = Set(census.findings.map { "\($0.field) \($0.kind.rawValue) \($0.written)" })
        #expect(
            findings == [
                "ChildCharacteristics/Ethnicity defaulted NOBT", "ChildIdentifiers/Sex defaulted U",
                "ChildIdentifiers/PersonBirthDate blank ", "ChildIdentifiers/UPN blank ",
                "ChildCharacteristics/Disabilities blank ",
            ])
        #expect(census.findingsCSV.hasPrefix("child,field,kind,written,reason\r\nC1,"))
        let check = try validateAgainstSchema(census.xml(Self.header), schema: cinCensusSchemaPath(censusYear: 2025))
        #expect(check.isValid, "\(check.messages)")
        // Up to the 2024 census, GenderCurrent: 0 for not known (9 is U, not specified).
        let schema2024 = try #require(CollectionYear("2023-24").flatMap(CINCensusSchema.init(year:)))
        #expect(schema2024.sexCode(nil) == ("0", true))
        #expect(schema2024.sexCode(Sex("U")) == ("9", false))
    }

    @Test("A child born after 31 March was unborn on the reference date: the expected birth date and sex U")
    func bornAfterTheYear() throws {
        var log = EventBuilder()
        log.add("C1", "2025-01-10", .childRegistered(ChildDetails(expectedBirthDate: d("2025-04-20"), sex: Sex("F"))))
        log.add("C1", "2025-04-18", .childUpdated(ChildDetails(birthDate: d("2025-04-18"))))
        log.add("C2", "2025-01-10", .childRegistered(ChildDetails(birthDate: d("2025-05-02"), sex: Sex("M"))))
        Self.referral(&log, "C1", "2025-01-10")
        Self.referral(&log, "C2", "2025-01-10")
        let census = Self.census(log)
        #expect(census.children.map(\.birthDate) == [nil, nil])
        // Unborn on 31 March: sex U whatever is recorded (CIN 8750), a finding for each.
        #expect(census.children.map(\.sex) == ["U", "U"])
        #expect(census.findings.filter { $0.field == "ChildIdentifiers/Sex" }.count == 2)
        // C1's expected date as recorded; C2 has none, so its birth date stands in for it, a finding.
        #expect(census.children.map(\.expectedBirthDate) == [d("2025-04-20"), d("2025-05-02")])
        #expect(
            census.findings.filter { $0.field == "ChildIdentifiers/ExpectedPersonBirthDate" }.map(\.child.rawValue)
                == ["C2"])
        let check = try validateAgainstSchema(census.xml(Self.header), schema: cinCensusSchemaPath(censusYear: 2025))
        #expect(check.isValid, "\(check.messages)")
    }

    @Test("A record the schema requires a start for, with none, is left out and reported")
    func noStart() throws {
        var log = EventBuilder()
        Self.registered(&log, "C1")
        Self.referral(&log, "C1", "2024-05-01")
        // The end of a CP plan with no start: the event names no referral, so no episode holds the plan.
        log.add("C1", "2024-06-01", .cpPlanEnded(plan: "P9"))
        let census = Self.census(log)
        #expect(census.children.first?.episodes.first?.cpPlans == [])
        #expect(
            census.findings.filter { $0.kind == .leftOut }.map(\.field) == ["CINdetails/ChildProtectionPlans"])
        let check = try validateAgainstSchema(census.xml(Self.header), schema: cinCensusSchemaPath(censusYear: 2025))
        #expect(check.isValid, "\(check.messages)")
    }

    @Test("A referral with no further action and no primary need: none written, and no finding (CIN 8650)")
    func nfaWithoutPrimaryNeed() throws {
        var log = EventBuilder()
        Self.registered(&log, "C1")
        log.add(
            "C1", "2024-05-01",
            .referralReceived(
                ReferralReceived(referral: "R1", source: ReferralSource("2A")!, primaryNeed: nil, isNFA: true)))
        let census = Self.census(log)
        #expect(census.children.first?.episodes.first?.primaryNeed == nil)
        #expect(census.findings.allSatisfy { !$0.field.hasSuffix("PrimaryNeedCode") })
        let check = try validateAgainstSchema(census.xml(Self.header), schema: cinCensusSchemaPath(censusYear: 2025))
        #expect(check.isValid, "\(check.messages)")
    }

    // MARK: Schemas of other years

    /// One child whose record uses what the older schemas lack: a CIN plan (from 2022), factor 24A (2022),
    /// referral source 5D and closure reason RC9 (2023). Each year's return validates against its own schema.
    @Test("Each year's return is written in its own schema", arguments: ["2016-17", "2020-21", "2021-22", "2023-24"])
    func olderSchemas(_ year: String) throws {
        let schema = try #require(CollectionYear(year).flatMap(CINCensusSchema.init(year:)))
        let day = { (month: Int, dd: Int) -> String in
            let y = month >= 4 ? schema.startYear : schema.startYear + 1
            return "\(y)-\(month < 10 ? "0" : "")\(month)-\(dd < 10 ? "0" : "")\(dd)"
        }
        var log = EventBuilder()
        Self.registered(&log, "C1")
        log.add(
            "C1", day(5, 1),
            .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("5D")!, primaryNeed: nil)))
        log.add("C1", day(5, 2), .assessmentStarted(assessment: "A1", referral: "R1"))
        log.add(
            "C1", day(6, 1),
            .assessmentCompleted(
                AssessmentCompleted(assessment: "A1", factors: [AssessmentFactor("24A")!, AssessmentFactor("3A")!])))
        log.add("C1", day(6, 2), .cinPlanStarted(plan: "N1", referral: "R1"))
        log.add("C1", day(9, 1), .caseClosed(referral: "R1", reason: ClosureReason("RC9")!))
        let census = Self.census(log, schema)
        let episode = try #require(census.children.first?.episodes.first)
        #expect(episode.cinPlans.count == (schema.censusYear >= 2022 ? 1 : 0))
        #expect(episode.referralSource == (schema.censusYear >= 2023 ? "5D" : "10"))
        #expect(episode.closureReason == (schema.censusYear >= 2023 ? "RC9" : nil))
        #expect(episode.assessments.first?.factors == (schema.censusYear >= 2022 ? ["3A", "24A"] : ["3A"]))
        #expect(census.children.first?.sex == (schema.censusYear >= 2025 ? "M" : "1"))
        #expect(episode.primaryNeed == "N0")
        #expect(census.findings.contains { $0.field.hasSuffix("/PrimaryNeedCode") && $0.written == "N0" })
        let check = try validateAgainstSchema(
            census.xml(Self.header), schema: cinCensusSchemaPath(censusYear: schema.censusYear))
        #expect(check.isValid, "\(check.messages)")
    }

    @Test("The schema check can fail: a return with a sex code of another year does not validate")
    func validationCanFail() throws {
        var log = EventBuilder()
        Self.registered(&log, "C1")
        Self.referral(&log, "C1", "2024-05-01")
        let xml = String(decoding: Self.census(log).xml(Self.header), as: UTF8.self)
        #expect(xml.contains("<Sex>M</Sex>"))
        let broken = Array(xml.replacingOccurrences(of: "<Sex>M</Sex>", with: "<Sex>1</Sex>").utf8)
        #expect(try !validateAgainstSchema(broken, schema: cinCensusSchemaPath(censusYear: 2025)).isValid)
    }

    @Test("The census of a collection year is named after the year it ends; the schemas are 2017 to 2026")
    func years() {
        let schema = CollectionYear("2024-25").flatMap(CINCensusSchema.init(year:))
        #expect(schema?.censusYear == 2025)
        #expect(schema?.description == "2024-25")
        #expect(schema?.start == CalendarDate(year: 2024, month: 4, day: 1))
        #expect(schema?.end == CalendarDate(year: 2025, month: 3, day: 31))
        // 2030-31 is a collection year, but its census (2031) has no schema here; 2016-17's is the 2017 schema.
        #expect(
            CollectionYear("2030-31") != nil && CollectionYear("2030-31").flatMap(CINCensusSchema.init(year:)) == nil)
        #expect(CollectionYear("2016-17").flatMap(CINCensusSchema.init(year:))?.schemaFileName == "CIN_schema_2017.xsd")
    }
}
