import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("The catalogue")
struct CatalogueTests {
    /// Every check this target tests with a breaking and a passing stream; a new check must be added here and tested.
    static let tested: Set<String> = [
        "assessment-before-referral", "s47-before-referral", "icpc-before-referral", "cin-plan-before-referral",
        "cp-plan-before-referral", "case-closed-before-referral", "assessment-completed-before-start",
        "s47-completed-before-start", "cin-plan-ends-before-start", "cp-plan-ends-before-start",
        "cp-plan-ends-on-start-day", "care-ends-before-start", "placement-ends-before-start",
        "missing-episode-ends-before-start", "early-help-ends-before-start", "cp-review-on-or-before-start",
        "icpc-before-s47", "activity-after-case-closed", "referral-too-early-before-birth", "dated-before-birth",
        "dated-after-death", "overlapping-episodes-of-need", "more-than-one-open-episode", "overlapping-cp-plans",
        "overlapping-cin-plans", "cin-plan-during-cp-plan", "overlapping-assessments", "overlapping-s47s",
        "overlapping-placements", "placement-outside-period-of-care", "overlapping-periods-of-care",
        "overlapping-missing-episodes", "unknown-referral", "activity-on-nfa-referral", "plan-on-nfa-referral",
        "closed-rc8-rc9-with-s47-or-plan", "closed-rc2-without-death", "cp-plan-without-icpc",
        "cp-plan-start-differs-from-icpc", "icpc-plan-without-cp-plan", "closed-episode-with-open-assessment",
        "closed-episode-with-open-s47", "closed-episode-with-open-plan", "open-after-death", "parent-not-recorded",
        "assessment-open-over-45-days", "s47-without-icpc-after-15-days", "cp-plan-review-overdue", "cp-visit-overdue",
        "return-interview-not-offered", "looked-after-review-overdue", "recorded-late", "recorded-before-occurred",
        "back-dated-correction", "duplicate-event", "unknown-child", "event-after-merge", "step-disagrees-with-plans",
        "visit-outside-involvement", "t1-hospital-over-six-weeks", "t3-carer-holiday-over-three-weeks",
        "t4-temporary-over-seven-days", "police-protection-over-72-hours", "period-of-care-without-placement",
        "adoption-without-decision", "adoption-steps-out-of-order", "adoption-step-outside-care",
        "adopted-after-decision-reversed", "adopted-without-match", "care-leaver-contact-without-care",
        "care-leaver-contact-while-looked-after", "care-leaver-activity-when-died-or-home",
        "care-leaver-in-touch-activity-not-known", "sdq-outside-ages-4-to-16", "health-surveillance-aged-5-or-over",
        "conviction-under-10", "deprivation-of-liberty-ends-before-start", "overlapping-deprivation-of-liberty-orders",
        "cin-plan-ends-on-start-day", "cin-plan-ends-after-death", "cp-plan-ends-after-death", "s47-without-assessment",
        "closed-rc8-rc9-without-assessment", "open-episode-not-latest", "more-than-one-open-s47",
        "more-than-one-open-assessment", "referral-without-primary-need", "icpc-on-weekend", "birth-date-not-recorded",
        "child-over-25", "unborn-child-with-sex", "cin-plan-on-nfa-referral", "cin-plan-starts-after-death",
        "cp-plan-starts-after-death", "more-than-one-open-cin-plan", "more-than-one-open-cp-plan",
        "cin-plan-and-cp-plan-open", "cp-review-during-cin-plan", "upn-check-letter-wrong", "upn-not-numeric",
        "upn-last-character-invalid", "upn-missing-at-school-age", "child-id-not-alphanumeric", "sex-not-recorded",
        "ethnicity-not-recorded", "disability-not-recorded", "disability-none-with-others", "birth-date-after-as-of",
        "expected-birth-out-of-range", "died-before-birth", "died-before-census-year", "no-factors-with-other-factors",
        "no-factors-not-closed-rc8-rc9", "assessment-without-factors", "assessment-factor-18a", "assessment-factor-19a",
        "assessment-open-from-before-census-year", "s47-open-from-before-census-year",
        // SSDA903 rules
        "started-care-aged-18-or-over", "criminal-justice-status-under-10", "youth-custody-under-10",
        "school-placement-under-4", "residential-employment-under-14", "adopted-aged-18-or-over",
        "independent-living-under-14", "adult-social-care-under-16", "special-guardianship-over-18",
        "staying-put-under-18", "emergency-protection-over-21-days", "child-assessment-order-over-7-days",
        "pace-detention-over-21-days", "period-starts-with-temporary-placement",
        "period-ends-with-temporary-placement", "t3-carer-holiday-more-than-twice", "short-break-over-17-days",
        "short-break-placement-change", "short-breaks-over-75-days-in-year", "short-break-in-temporary-placement",
        "short-break-in-long-term-fostering", "short-break-statuses-mixed", "missing-while-not-looked-after",
        "missing-ends-outside-care", "care-restarted-on-day-it-ended", "care-after-death-or-adulthood",
        "episode-under-one-day", "adopted-without-adoptive-placement", "adoptive-placement-without-placement-order",
        "adopted-on-day-matched", "care-leaver-contact-after-death-in-care", "care-leaver-under-17",
        "adoptive-placement-before-decision", "placement-order-before-decision",
        "earlier-adoption-decision-not-reversed", "looked-after-past-18", "uasc-under-11",
        "sdq-under-4-at-year-end", "sdq-aged-17-at-year-start", "missing-open-after-placement-ended",
        "missing-at-18-without-e8", "two-adopters-with-single-adopter-sex", "single-adopter-with-couple-sex",
        "unmarried-different-gender-adopters-sex", "unmarried-same-gender-adopters-sex",
        "civil-partnership-adopters-sex",
        "married-different-gender-adopters-sex", "married-same-gender-adopters-sex", "own-provision-placement-type",
        "other-council-provision-placement-type", "other-public-provision-placement-type",
        "private-provision-with-parents", "voluntary-provision-with-parents", "parents-provision-not-with-parents",
        "provider-on-temporary-placement", "placement-without-provider", "urn-on-placement-type",
        "other-placement-z1-from-2025",
        "placement-over-350-miles", "distance-out-of-range", "distance-for-uasc", "parent-placement-under-section-20",
        "placement-order-status-before-2005", "episode-before-1991", "change-reason-on-temporary-placement",
        "custody-move-under-10", "placement-change-without-reason", "sex-not-recorded-in-care",
        "birth-date-not-recorded-in-care", "sex-unknown-in-care", "upn-not-valid", "upn-un1-at-school-age",
        "participation-pn0-at-4-or-over", "participation-code-under-4", "review-without-participation",
        "care-leaver-contact-after-transfer", "former-foster-carers-at-17", "care-after-adoption",
        "intervention-offered-when-received", "intervention-offered-not-given", "intervention-received-not-given",
        "social-worker-episode-under-3-days", "adoption-decision-before-birth", "care-starts-before-birth",
        "missing-before-birth", "review-of-short-breaks-only", "adoption-decision-before-latest-care",
        "social-worker-id-not-valid",
        "health-surveillance-not-recorded-under-5", "conviction-without-immunisations",
        "health-surveillance-without-immunisations", "urn-xxxxxxx-on-placement-type",
        "foster-carer-adoption-not-same-carer", "birth-date-after-year-end", "over-25-at-year-start", "foyer-under-18",
        "adoptive-placement-not-from-foster", "temporary-placement-not-followed-by-return",
        "matched-without-adoption-decision", "placement-order-without-adoption-decision",
        "decision-reversed-without-adoption-decision", "placed-for-adoption-without-decision",
        "adopted-without-decision", "overlapping-adoption-decisions", "left-care-not-adopted-with-decision-standing",
        "deprivation-of-liberty-outside-care", "deprivation-of-liberty-before-birth",
        "motherhood-not-recorded-in-care", "worker-change-without-reason",
    ]

    @Test func everyCheckIsTestedAndNamedOnce() {
        #expect(CheckCatalogue.all.count >= 40)
        #expect(Set(CheckCatalogue.ids).count == CheckCatalogue.ids.count)
        #expect(Set(CheckCatalogue.ids) == Self.tested)
    }

    @Test(arguments: CheckCatalogue.ids)
    func idsSummariesAndRuleCodesAreWellFormed(_ id: String) throws {
        let check = try #require(CheckCatalogue.check(id))
        // Kebab-case: lower-case words of letters and digits joined by single hyphens.
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        #expect(!words.isEmpty && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0.isNumber } })
        #expect(!check.summary.isEmpty && !check.summary.contains("\n") && check.summary.hasSuffix("."))
        if let rule = check.rule {
            // "CIN 8863Q", or several rules of one return: "903 501/142"; the 903's social worker rules are named
            // by letters and digits ("903 SW09STG2"), each one of the DfE's catalogue.
            let parts = rule.split(separator: " ")
            #expect(parts.count == 2 && (parts[0] == "CIN" || parts[0] == "903"))
            let codes = parts.count == 2 ? parts[1].split(separator: "/", omittingEmptySubsequences: false) : []
            #expect(
                !codes.isEmpty
                    && codes.allSatisfy { c in
                        (c.first?.isNumber == true && c.dropLast(c.last == "Q" ? 1 : 0).allSatisfy(\.isNumber))
                            || (c.hasPrefix("SW") && DfERules.rule(named: "\(parts[0]) \(c)") != nil)
                    })
        }
    }

    /// The DfE rules each check implements, read against the rules' code in the DfE validators
    /// (csc-validator-be-cin 0.1.13, csc-validator-be-903 0.1.17): a check that matches a rule names it, and names
    /// no rule it does not implement.
    @Test func checksNameTheDfERulesTheyImplement() {
        let expected: [String: String?] = [
            // 4016: a CIN plan starts while a CP plan is open; 4017: a CP plan starts while a CIN plan is open.
            "cin-plan-during-cp-plan": "CIN 4016/4017",
            // Older checks that judge a CIN rule exactly (2990 also counts a conference recorded at episode level).
            "cin-plan-before-referral": "CIN 4015",
            "cp-plan-ends-before-start": "CIN 8925",
            "overlapping-cp-plans": "CIN 8940",
            "closed-rc8-rc9-with-s47-or-plan": "CIN 2990",
            // The CIN census rules ported from cin_validator (cin2022_23, carried into cin2025_26).
            "cin-plan-ends-on-start-day": "CIN 4012Q",
            "cin-plan-ends-after-death": "CIN 4009Q",
            "cp-plan-ends-after-death": "CIN 8920",
            "s47-without-assessment": "CIN 2991Q",
            "closed-rc8-rc9-without-assessment": "CIN 8825Q",
            "open-episode-not-latest": "CIN 8816",
            "more-than-one-open-s47": "CIN 8839",
            "more-than-one-open-assessment": "CIN 8896",
            "referral-without-primary-need": "CIN 8610",
            "icpc-on-weekend": "CIN 8875",
            "birth-date-not-recorded": "CIN 8525Q",
            "child-over-25": "CIN 8775Q",
            "unborn-child-with-sex": "CIN 8750",
            "overlapping-assessments": "CIN 8863Q",
            "closed-rc2-without-death": "CIN 8585Q",
            "dated-after-death": "CIN 8555Q",
            // Narrower rules split from broader checks, each flagged once, under its own rule.
            "plan-on-nfa-referral": "CIN 8832",
            "cin-plan-on-nfa-referral": "CIN 4000",
            "cin-plan-starts-after-death": "CIN 4008",
            "cp-plan-starts-after-death": "CIN 8915",
            "more-than-one-open-cin-plan": "CIN 4004",
            "more-than-one-open-cp-plan": "CIN 8935",
            "cin-plan-and-cp-plan-open": "CIN 4001",
            "cp-review-during-cin-plan": "CIN 4003",
            "died-before-birth": "CIN 8535Q",
            "dated-before-birth": nil,
            // The child's details, the factors at assessment, work open from before the census year.
            "upn-check-letter-wrong": "CIN 1510",
            "upn-not-numeric": "CIN 1540",
            "upn-last-character-invalid": "CIN 1550",
            "upn-missing-at-school-age": "CIN 8770Q",
            "child-id-not-alphanumeric": "CIN 1580",
            "sex-not-recorded": "CIN 4180",
            "ethnicity-not-recorded": "CIN 4220",
            "disability-not-recorded": "CIN 8540",
            "disability-none-with-others": "CIN 8790",
            "birth-date-after-as-of": "CIN 8520",
            "expected-birth-out-of-range": "CIN 8530Q",
            "died-before-census-year": "CIN 8545Q",
            "no-factors-with-other-factors": "CIN 8869",
            "no-factors-not-closed-rc8-rc9": "CIN 8873Q",
            "assessment-without-factors": "CIN 8897Q",
            "assessment-factor-18a": "CIN 8945Q",
            "assessment-factor-19a": "CIN 8950Q",
            "assessment-open-from-before-census-year": "CIN 8736",
            "s47-open-from-before-census-year": "CIN 8740",
            "s47-before-referral": "CIN 2889",
            "police-protection-over-72-hours": "903 361",
            // 501: an episode starts before the previous one's DEC; 142: an earlier episode has no DEC.
            "overlapping-placements": "903 501/142",
            "overlapping-periods-of-care": "903 501/142",
            "overlapping-missing-episodes": "903 574",
            // Permanence, leaving care and health, read against lac_validator's rules (lac2022_23 and later years;
            // the DoLO rules 702 and 705 are in lac2026_27).
            // The steps of an adoption with no decision, each under the one rule that asks for the decision with it; the
            // placement with adopters, its end and the order under none.
            "adoption-without-decision": nil,
            "matched-without-adoption-decision": "903 333",
            "placement-order-without-adoption-decision": "903 553",
            "decision-reversed-without-adoption-decision": "903 563",
            "placed-for-adoption-without-decision": "903 551",
            "adoption-steps-out-of-order": "903 333/331/521/522",
            "adoption-step-outside-care": "903 1003/117",
            "adopted-after-decision-reversed": "903 525/558",
            // 601 reads the AD1 row of a child adopted in the year, written from a decision: adopted with no decision at
            // all is a gap 601 does not judge.
            "adopted-without-match": "903 601",
            "adopted-without-decision": nil,
            "overlapping-adoption-decisions": "903 579",
            "left-care-not-adopted-with-decision-standing": "903 557",
            "care-leaver-contact-without-care": "903 1002",
            "care-leaver-contact-while-looked-after": "903 1007/1016",
            "care-leaver-activity-when-died-or-home": "903 344",
            "care-leaver-in-touch-activity-not-known": "903 345",
            "sdq-outside-ages-4-to-16": "903 157",
            "health-surveillance-aged-5-or-over": "903 546",
            "conviction-under-10": "903 542",
            "deprivation-of-liberty-ends-before-start": "903 702",
            "overlapping-deprivation-of-liberty-orders": "903 705",
            "deprivation-of-liberty-outside-care": "903 707",
            "deprivation-of-liberty-before-birth": "903 708",
            // SSDA903 rules ported from lac_validator's sources (lac2022_23 to lac2025_26), each read as its rule.
            "started-care-aged-18-or-over": "903 352",
            "criminal-justice-status-under-10": "903 358",
            "youth-custody-under-10": "903 372",
            "school-placement-under-4": "903 373",
            "residential-employment-under-14": "903 374",
            "adopted-aged-18-or-over": "903 386",
            "independent-living-under-14": "903 387",
            "adult-social-care-under-16": "903 389",
            "special-guardianship-over-18": "903 407",
            "staying-put-under-18": "903 460",
            "emergency-protection-over-21-days": "903 362",
            "child-assessment-order-over-7-days": "903 363",
            "pace-detention-over-21-days": "903 364",
            "period-starts-with-temporary-placement": "903 380",
            "period-ends-with-temporary-placement": "903 381",
            "t3-carer-holiday-more-than-twice": "903 377",
            "short-break-over-17-days": "903 365",
            "short-break-placement-change": "903 366",
            "short-breaks-over-75-days-in-year": "903 367",
            "short-break-in-temporary-placement": "903 382",
            "short-break-in-long-term-fostering": "903 384",
            "short-break-statuses-mixed": "903 426",
            // 578 flags the same rows as 581: a start outside every period of care.
            "missing-while-not-looked-after": "903 581/578",
            "missing-ends-outside-care": "903 577",
            "care-restarted-on-day-it-ended": "903 431",
            "care-after-death-or-adulthood": "903 437",
            "episode-under-one-day": "903 355",
            "adopted-without-adoptive-placement": "903 390",
            "adoptive-placement-without-placement-order": "903 408",
            "adopted-on-day-matched": "903 582",
            "care-leaver-contact-after-death-in-care": "903 1000",
            "care-leaver-under-17": "903 391",
            "adoptive-placement-before-decision": "903 552",
            "placement-order-before-decision": "903 554",
            "earlier-adoption-decision-not-reversed": "903 583",
            "looked-after-past-18": "903 359",
            "uasc-under-11": "903 231",
            "sdq-under-4-at-year-end": "903 188",
            "sdq-aged-17-at-year-start": "903 189",
            "missing-open-after-placement-ended": "903 575",
            "missing-at-18-without-e8": "903 580",
            "two-adopters-with-single-adopter-sex": "903 511",
            "single-adopter-with-couple-sex": "903 514",
            "unmarried-different-gender-adopters-sex": "903 517",
            "unmarried-same-gender-adopters-sex": "903 518",
            "civil-partnership-adopters-sex": "903 519",
            "married-different-gender-adopters-sex": "903 520",
            "married-same-gender-adopters-sex": "903 524",
            "own-provision-placement-type": "903 527",
            "other-council-provision-placement-type": "903 528",
            "other-public-provision-placement-type": "903 529",
            "private-provision-with-parents": "903 530",
            "voluntary-provision-with-parents": "903 531",
            "parents-provision-not-with-parents": "903 550",
            "provider-on-temporary-placement": "903 213",
            "placement-without-provider": "903 526",
            "urn-on-placement-type": "903 222",
            "other-placement-z1-from-2025": "903 146",
            "placement-over-350-miles": "903 454",
            "distance-out-of-range": "903 164",
            "distance-for-uasc": "903 406",
            "parent-placement-under-section-20": "903 378",
            "placement-order-status-before-2005": "903 446",
            "episode-before-1991": "903 353",
            "change-reason-on-temporary-placement": "903 226",
            "custody-move-under-10": "903 234",
            "placement-change-without-reason": "903 225",
            "sex-not-recorded-in-care": "903 101",
            "birth-date-not-recorded-in-care": "903 102",
            "sex-unknown-in-care": "903 232",
            "upn-not-valid": "903 168",
            "upn-un1-at-school-age": "903 209",
            "participation-pn0-at-4-or-over": "903 440",
            "participation-code-under-4": "903 441",
            "review-without-participation": "903 167",
            "care-leaver-contact-after-transfer": "903 1011",
            "former-foster-carers-at-17": "903 3001",
            "care-after-adoption": "903 199",
            "intervention-offered-when-received": "903 158",
            "intervention-offered-not-given": "903 159",
            "intervention-received-not-given": "903 192",
            "social-worker-episode-under-3-days": "903 SW09STG2",
            "adoption-decision-before-birth": "903 184",
            "care-starts-before-birth": "903 302",
            "missing-before-birth": "903 586",
            "review-of-short-breaks-only": "903 399",
            "adoption-decision-before-latest-care": "903 334",
            "social-worker-id-not-valid": "903 SW02STG1",
            "health-surveillance-not-recorded-under-5": "903 545",
            "conviction-without-immunisations": "903 544",
            "health-surveillance-without-immunisations": "903 547",
            "urn-xxxxxxx-on-placement-type": "903 242",
            "foster-carer-adoption-not-same-carer": "903 217",
            "birth-date-after-year-end": "903 301",
            "over-25-at-year-start": "903 351",
            "foyer-under-18": "903 347",
            "adoptive-placement-not-from-foster": "903 336",
            "temporary-placement-not-followed-by-return": "903 383",
            "motherhood-not-recorded-in-care": "903 393/607",
            "worker-change-without-reason": "903 SW13STG1",
            // Existing checks that judge a 903 rule exactly.
            "missing-episode-ends-before-start": "903 567",
            "care-ends-before-start": "903 356",
        ]
        for (id, rule) in expected {
            #expect(CheckCatalogue.check(id)?.rule == rule, "\(id)")
        }
        // Each CIN rule is named by one check at most: a break is flagged once, under the rule it breaks.
        let cinRules = CheckCatalogue.all.flatMap(\.rules).filter { $0.hasPrefix("CIN ") }
        #expect(Set(cinRules).count == cinRules.count)
    }

    @Test func readmeCountsTheChecks() throws {
        // The README's usage section says how many checks there are: "**Data quality.** 78 checks (…".
        let readme = try ProjectDocument.text("../README.md")
        #expect(readme.contains("**Data quality.** \(CheckCatalogue.all.count) checks ("))
    }

    @Test func listingNamesEveryCheck() {
        let lines = CheckCatalogue.listing.split(separator: "\n")
        #expect(lines.count == CheckCatalogue.all.count + 1)
        #expect(lines[0].hasPrefix("check") && lines[0].hasSuffix("description"))
        #expect(lines[1].hasPrefix("assessment-before-referral ") && lines[1].contains("CIN 1103"))
    }
}
