import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

extension EventBuilder {
    /// A placement with its provider, URN and distance (903 `PLACE_PROVIDER`, `URN`, `PL_DISTANCE`).
    @discardableResult
    fileprivate mutating func placed(
        _ child: String, _ date: String, _ id: String = "PL1", type: String, provider: String?, urn: String? = nil,
        miles: Double? = nil
    ) -> EventID {
        add(
            child, date,
            .placementStarted(
                PlacementStarted(
                    placement: PlacementID(id), period: PeriodID("L1"), placementType: PlacementType(type)!,
                    provider: provider.map { PlacementProvider($0)! }, urn: urn, distanceMiles: miles)))
    }

    /// A placement ended with a reason for the change (903 `REASON_PLACE_CHANGE`).
    @discardableResult
    fileprivate mutating func placementEnded(_ child: String, _ date: String, _ id: String = "PL1", reason: String?)
        -> EventID
    {
        add(child, date, .placementEnded(placement: PlacementID(id), reason: reason.map { PlacementChangeReason($0)! }))
    }

    /// A looked-after review with the child's participation (903 `REVIEW_CODE`).
    @discardableResult
    fileprivate mutating func careReviewed(_ child: String, _ date: String, participation: String?) -> EventID {
        add(
            child, date,
            .careReviewed(period: PeriodID("L1"), participation: participation.map { ReviewParticipation($0)! }))
    }

    /// A match with adopters, with what it says of them (903 AD1 `NB_ADOPTR`, `SEX_ADOPTR`, `LS_ADOPTR`).
    @discardableResult
    fileprivate mutating func matched(_ child: String, _ date: String, adopters: Int, sex: String, status: String)
        -> EventID
    {
        add(
            child, date,
            .adoptionMatched(
                AdoptionMatched(
                    adoption: AdoptionID("AD1"), adopters: adopters, adoptersSex: AdopterSex(sex)!,
                    adoptersLegalStatus: AdopterLegalStatus(status)!)))
    }

    /// A registration with the details the 903 header reads.
    @discardableResult
    fileprivate mutating func registered(_ child: String, _ date: String, born: String?, sex: String?, upn: String?)
        -> EventID
    {
        add(
            child, date,
            .childRegistered(ChildDetails(birthDate: born.map(d), sex: sex.map { Sex($0)! }, upn: upn)))
    }

    /// A period of care of an unaccompanied asylum-seeking child.
    @discardableResult
    fileprivate mutating func careStartedUASC(_ child: String, _ date: String) -> EventID {
        add(
            child, date,
            .careStarted(
                CareStarted(
                    period: PeriodID("L1"), legalStatus: LegalStatus("C2")!, needCode: CareNeed("N1")!, isUASC: true)))
    }
}

/// The SSDA903 rules on the details of a match, a placement, a review and the child (adopters, provider, URN,
/// distance, reason for a change, participation, sex, date of birth, UPN).
extension SSDA903CheckTests {
    /// Each match is `adopters`, `sex`, `status`: C1's breaks the rule, C2's keeps it.
    @Test(arguments: [
        // 903 511: two adopters with M1 or F1.
        ("two-adopters-with-single-adopter-sex", (2, "F1", "L11"), (2, "FF", "L12")),
        // 903 514: L0 with a couple's code; L0 with F1 is kept.
        ("single-adopter-with-couple-sex", (1, "MF", "L0"), (1, "F1", "L0")),
        // 903 517: L3 not MF.
        ("unmarried-different-gender-adopters-sex", (2, "MM", "L3"), (2, "MF", "L3")),
        // 903 518: L4 not MM or FF.
        ("unmarried-same-gender-adopters-sex", (2, "MF", "L4"), (2, "FF", "L4")),
        // 903 519: L2 with a single adopter's code.
        ("civil-partnership-adopters-sex", (2, "M1", "L2"), (2, "MF", "L2")),
        // 903 520: L11 not MF.
        ("married-different-gender-adopters-sex", (2, "FF", "L11"), (2, "MF", "L11")),
        // 903 524: L12 not MM or FF.
        ("married-same-gender-adopters-sex", (2, "MF", "L12"), (2, "MM", "L12")),
    ])
    func adoptersSex(check: String, broken: (Int, String, String), kept: (Int, String, String)) {
        var log = EventBuilder()
        log.adoptionDecided("C1", "2024-06-01")
        log.matched("C1", "2024-07-01", adopters: broken.0, sex: broken.1, status: broken.2)
        log.adoptionDecided("C2", "2024-06-01")
        log.matched("C2", "2024-07-01", adopters: kept.0, sex: kept.1, status: kept.2)
        let found = log.findings(check)
        #expect(found.map(\.positions) == [[2]])
        #expect(
            found.first?.message.hasSuffix(
                ": correct the adopters' details of the match (adopters, adoptersSex, adoptersLegalStatus).") == true)
    }

    /// C1's placement of `type` breaks the rule with `provider`; C2's of `keptType` keeps it.
    @Test(arguments: [
        ("own-provision-placement-type", "PR1", "R2", "K2"),
        ("other-council-provision-placement-type", "PR2", "R5", "U4"),
        ("other-public-provision-placement-type", "PR3", "A4", "R2"),
        ("private-provision-with-parents", "PR4", "P1", "K2"),
        ("voluntary-provision-with-parents", "PR5", "P1", "U6"),
        ("parents-provision-not-with-parents", "PR0", "U4", "P1"),
    ])
    func providerDisagreesWithPlacement(check: String, provider: String, type: String, keptType: String) {
        var log = EventBuilder()
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", type: type, provider: provider)
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01", type: keptType, provider: provider)
        let found = log.findings(check)
        #expect(found.map(\.positions) == [[2]])
        #expect(found.first?.message.hasPrefix("A placement of provider \(provider) is ") == true)
    }

    @Test func providerOnTemporaryPlacementAndPlacementWithoutProvider() {
        var log = EventBuilder()
        // C1: a foster placement with no provider (903 526), then a T1 with one (903 213). C2: a foster placement
        // with a provider, then a T1 with none: both kept.
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", type: "U4", provider: nil)
        log.placed("C1", "2024-07-01", "PL2", type: "T1", provider: "PR1")
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01", type: "U4", provider: "PR1")
        log.placed("C2", "2024-07-01", "PL2", type: "T1", provider: nil)
        #expect(log.findings("placement-without-provider").map(\.positions) == [[2]])
        #expect(log.findings("provider-on-temporary-placement").map(\.positions) == [[3]])
    }

    @Test func urnOnPlacementType() {
        var log = EventBuilder()
        // 903 222: C1's placement with parents has a URN; C2's a URN on a children's home (K2), and XXXXXXX (a
        // regional adoption agency) on a placement with parents: kept.
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", type: "P1", provider: "PR0", urn: "SC123456")
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01", type: "K2", provider: "PR1", urn: "SC123456")
        log.placed("C2", "2024-07-01", "PL2", type: "P1", provider: "PR0", urn: "XXXXXXX")
        #expect(log.findings("urn-on-placement-type").map(\.positions) == [[2]])
    }

    @Test func otherPlacementRecordedZ1From2025() {
        var log = EventBuilder()
        // 903 146 from 2025-26 (Z11-Z14, not Z1): C1's Z1 from June 2024 (event 2) is open on 1 April 2025, a finding
        // judged on 31 March 2026 and none on 31 March 2025, before the 2025-26 list applies. C2's Z1 (event 4)
        // ended on 31 March 2025 (event 5) and C3's is Z12 (event 7): kept.
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", type: "Z1", provider: nil)
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01", type: "Z1", provider: nil)
        log.placementEnded("C2", "2025-03-31", reason: "CARPL")
        log.careStarted("C3", "2025-06-01")
        log.placed("C3", "2025-06-01", type: "Z12", provider: nil)
        let found = log.findings("other-placement-z1-from-2025", asOf: "2026-03-31")
        #expect(found.map(\.positions) == [[2]])
        #expect(found.map(\.date) == [d("2025-04-01")])
        #expect(log.findings("other-placement-z1-from-2025").isEmpty)
    }

    @Test func otherPlacementsTakeNoProviderAndNoURNInEitherYear() {
        var log = EventBuilder()
        // 903 526 and 222 exempt each rule set's other placements: Z1 to 2024-25, Z11-Z14 from 2025-26. C1's Z1
        // (2024, event 2) and Z12 (2025, event 4) have neither provider nor URN: no finding of 526. C2's Z13 (event
        // 6) has a URN: the one finding of 222. Judged on 31 March 2026, so that all are in force.
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", type: "Z1", provider: nil)
        log.placementEnded("C1", "2025-05-01", reason: "CARPL")
        log.placed("C1", "2025-05-01", "PL2", type: "Z12", provider: nil)
        log.careStarted("C2", "2025-06-01")
        log.placed("C2", "2025-06-01", type: "Z13", provider: nil, urn: "SC123456")
        #expect(log.findings("placement-without-provider", asOf: "2026-03-31").isEmpty)
        #expect(log.findings("urn-on-placement-type", asOf: "2026-03-31").map(\.positions) == [[6]])
    }

    @Test func placementDistances() {
        var log = EventBuilder()
        // C1 (not UASC): 350.1 miles (903 454), then 1,000 miles (903 454 and 164). C2 (not UASC): 350 and 999.9
        // miles, kept by both. C3 (UASC): 10 miles, flagged by 903 406, not by 164 even at 1,000.
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", type: "U4", provider: "PR1", miles: 350.1)
        log.placed("C1", "2024-07-01", "PL2", type: "U4", provider: "PR1", miles: 1000)
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01", type: "U4", provider: "PR1", miles: 350)
        log.placed("C2", "2024-07-01", "PL2", type: "U4", provider: "PR1", miles: 999.9)
        log.careStartedUASC("C3", "2024-06-01")
        log.placed("C3", "2024-06-01", type: "U4", provider: "PR1", miles: 10)
        log.placed("C3", "2024-07-01", "PL2", type: "U4", provider: "PR1", miles: 1000)
        #expect(log.findings("placement-over-350-miles").map(\.positions) == [[2], [3], [9]])
        #expect(log.findings("distance-out-of-range").map(\.positions) == [[3]])
        #expect(log.findings("distance-for-uasc").map(\.positions) == [[8], [9]])
    }

    @Test func parentPlacementUnderSection20() {
        var log = EventBuilder()
        // 903 378: C1 is placed with parents under V2; C2 under a care order (C2), then V2 in a foster placement.
        log.careStarted("C1", "2024-06-01", status: "V2")
        log.placed("C1", "2024-06-01", type: "P1", provider: "PR0")
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01", type: "P1", provider: "PR0")
        log.legalStatus("C2", "2024-07-01", "V2")
        log.placed("C2", "2024-07-01", "PL2", type: "U4", provider: "PR1")
        #expect(log.findings("parent-placement-under-section-20").map(\.positions) == [[1, 2]])
    }

    @Test func placementOrderStatusBefore2005AndEpisodeBefore1991() {
        var log = EventBuilder()
        // 903 446: C1 is under E1 from 30 November 2005, the day before the first allowed; C2 from 1 December 2005.
        // 903 353: C3 starts care on 13 October 1991 and its placement on 14 October: only the first row is flagged.
        log.careStarted("C1", "2005-11-30", status: "E1")
        log.careStarted("C2", "2005-12-01", status: "E1")
        log.careStarted("C3", "1991-10-13")
        log.placed("C3", "1991-10-14", type: "U4", provider: "PR1")
        #expect(log.findings("placement-order-status-before-2005").map(\.positions) == [[1]])
        #expect(log.findings("episode-before-1991").map(\.positions) == [[3]])
    }

    @Test func placementChangeReasons() {
        var log = EventBuilder()
        // C1: a foster placement ends on 1 July with no reason when a children's home starts (903 225); that ends
        // with CUSTOD on 1 August, the day before the 10th birthday (903 234). C2: a T1 ends with a reason (903 226);
        // its foster placement ends with CUSTOD on the 10th birthday, and when the period ends with no reason: kept.
        log.registered("C1", "2024-01-01", born: "2014-08-02")
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", type: "U4", provider: "PR1")
        log.placementEnded("C1", "2024-07-01", reason: nil)
        log.placed("C1", "2024-07-01", "PL2", type: "K2", provider: "PR1")
        log.placementEnded("C1", "2024-08-01", "PL2", reason: "CUSTOD")
        log.registered("C2", "2024-01-01", born: "2014-08-01")
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01", type: "U4", provider: "PR1")
        log.placed("C2", "2024-06-10", "PL2", type: "T1", provider: nil)
        log.placementEnded("C2", "2024-06-20", "PL2", reason: "OTHER")
        log.placementEnded("C2", "2024-08-01", reason: "CUSTOD")
        log.placed("C2", "2024-08-01", "PL3", type: "R5", provider: "PR3")
        log.placementEnded("C2", "2024-09-01", "PL3", reason: nil)
        log.careEnded("C2", "2024-09-01")
        #expect(log.findings("placement-change-without-reason").map(\.positions) == [[4]])
        #expect(log.findings("custody-move-under-10").map(\.positions) == [[6, 1]])
        #expect(log.findings("change-reason-on-temporary-placement").map(\.positions) == [[11]])
    }

    @Test func reviewParticipation() {
        var log = EventBuilder()
        // Born 1 June 2020, 4 on 1 June 2024. C1: PN0 the day after (903 440), PN1 the day before (903 441), and a
        // review with none (903 167). C2: PN0 on the birthday, PN1 the day after: kept.
        log.registered("C1", "2020-01-01", born: "2020-06-01")
        log.careStarted("C1", "2024-01-01")
        log.careReviewed("C1", "2024-06-02", participation: "PN0")
        log.careReviewed("C1", "2024-05-31", participation: "PN1")
        log.careReviewed("C1", "2024-09-01", participation: nil)
        log.registered("C2", "2020-01-01", born: "2020-06-01")
        log.careStarted("C2", "2024-01-01")
        log.careReviewed("C2", "2024-06-01", participation: "PN0")
        log.careReviewed("C2", "2024-06-02", participation: "PN1")
        #expect(log.findings("participation-pn0-at-4-or-over").map(\.positions) == [[3, 1]])
        #expect(log.findings("participation-code-under-4").map(\.positions) == [[4, 1]])
        #expect(log.findings("review-without-participation").map(\.positions) == [[5]])
    }

    @Test func childDetailsInCare() {
        var log = EventBuilder()
        // C1, looked after: no sex (903 101), no birth date (102), a UPN one digit short (168). C2, looked after:
        // sex U (232), UPN UN1 at 10 (209). C3, never looked after: no sex, no birth date, sex-less: kept. C4,
        // looked after: a UPN of the form, and UN1 is not C4's.
        log.registered("C1", "2024-01-01", born: nil, sex: nil, upn: "A12345678901")
        log.careStarted("C1", "2024-06-01")
        log.registered("C2", "2024-01-01", born: "2014-06-01", sex: "U", upn: "UN1")
        log.careStarted("C2", "2024-06-01")
        log.registered("C3", "2024-01-01", born: nil, sex: nil, upn: "UN1")
        log.registered("C4", "2024-01-01", born: "2014-06-01", sex: "F", upn: "A12345678901B")
        log.careStarted("C4", "2024-06-01")
        #expect(log.findings("sex-not-recorded-in-care").map(\.positions) == [[2, 1]])
        #expect(log.findings("birth-date-not-recorded-in-care").map(\.positions) == [[2, 1]])
        #expect(log.findings("upn-not-valid").map(\.positions) == [[1, 2]])
        #expect(log.findings("sex-unknown-in-care").map(\.positions) == [[3, 4]])
        #expect(log.findings("upn-un1-at-school-age").map(\.positions) == [[3, 4]])
    }

    @Test func upnForm() {
        // A letter other than I, O, S, then 12 digits, or 11 digits and a capital letter; or UN1-UN5.
        #expect(UPNNotValid.isValid("A123456789012") && UPNNotValid.isValid("Z12345678901Q"))
        #expect(UPNNotValid.isValid("UN5") && !UPNNotValid.isValid("UN6"))
        #expect(!UPNNotValid.isValid("I123456789012") && !UPNNotValid.isValid("a123456789012"))
        #expect(!UPNNotValid.isValid("A1234567890123") && !UPNNotValid.isValid("A12345678901b"))
    }
}

extension EventBuilder {
    @discardableResult
    fileprivate mutating func substanceMisuse(_ child: String, _ date: String, offered: Bool?, received: Bool?)
        -> EventID
    {
        add(child, date, .substanceMisuseIdentified(interventionOffered: offered, interventionReceived: received))
    }

    @discardableResult
    fileprivate mutating func allocated(_ child: String, _ date: String, worker: String) -> EventID {
        add(child, date, .workerAllocated(team: "North", worker: worker))
    }
}

/// The SSDA903 rules on leaving care, adoption from care, substance misuse and social workers.
extension SSDA903CheckTests {
    @Test func careLeaverContactAfterTransfer() {
        var log = EventBuilder()
        // 903 1011: C1's only period of care ends E3 (transferred), then a contact. C2's first period ends E3, its
        // latest E4A: kept.
        log.careStarted("C1", "2022-06-01")
        log.careEnded("C1", "2023-06-01", reason: "E3")
        log.careLeaverContact("C1", "2024-06-01")
        log.careStarted("C2", "2021-06-01")
        log.careEnded("C2", "2022-06-01", reason: "E3")
        log.careStarted("C2", "2022-09-01", "L2")
        log.careEnded("C2", "2023-06-01", "L2")
        log.careLeaverContact("C2", "2024-06-01")
        #expect(log.findings("care-leaver-contact-after-transfer").map(\.positions) == [[3, 2]])
    }

    @Test func formerFosterCarersAt17() {
        var log = EventBuilder()
        // 903 3001: C1 turns 17 on 1 June 2024, in 2024-25, and a contact on 1 July 2024 gives Z1. C2 turns 17 on
        // 1 April 2025, in 2025-26: a contact on 31 March 2025 with Z2 is of 2024-25, kept.
        log.registered("C1", "2024-01-01", born: "2007-06-01")
        log.careLeaverContact("C1", "2024-07-01", accommodation: "Z1")
        log.registered("C2", "2024-01-01", born: "2008-04-01")
        log.careLeaverContact("C2", "2025-03-31", accommodation: "Z2")
        #expect(log.findings("former-foster-carers-at-17").map(\.positions) == [[2, 1]])
    }

    @Test func careAfterAdoption() {
        var log = EventBuilder()
        // 903 199: C1 leaves care adopted (E11) and starts care again. C2's second period follows one ending E4A.
        log.careStarted("C1", "2020-06-01")
        log.careEnded("C1", "2021-06-01", reason: "E11")
        log.careStarted("C1", "2024-06-01", "L2")
        log.careStarted("C2", "2020-06-01")
        log.careEnded("C2", "2021-06-01")
        log.careStarted("C2", "2024-06-01", "L2")
        #expect(log.findings("care-after-adoption").map(\.positions) == [[3, 2]])
    }

    @Test func substanceMisuseInterventions() {
        var log = EventBuilder()
        // C1: received with offered given (903 158), not received with offered blank (159), received blank (192).
        // C2: received with offered blank, not received with offered given: kept by all three.
        log.substanceMisuse("C1", "2024-06-01", offered: true, received: true)
        log.substanceMisuse("C1", "2024-07-01", offered: nil, received: false)
        log.substanceMisuse("C1", "2024-08-01", offered: true, received: nil)
        log.substanceMisuse("C2", "2024-06-01", offered: nil, received: true)
        log.substanceMisuse("C2", "2024-07-01", offered: false, received: false)
        #expect(log.findings("intervention-offered-when-received").map(\.positions) == [[1]])
        #expect(log.findings("intervention-offered-not-given").map(\.positions) == [[2]])
        #expect(log.findings("intervention-received-not-given").map(\.positions) == [[3]])
    }

    @Test func socialWorkerEpisodeUnderThreeDays() {
        var log = EventBuilder()
        // SW09STG2: C1's worker changes on 1 June and again on 3 June (2 days); two allocations of 3 June are one
        // episode. C2's on 1 June and 4 June (3 days): kept. C3, never looked after, 1 and 2 June: kept.
        log.careStarted("C1", "2024-01-01")
        log.allocated("C1", "2024-06-01", worker: "SW1")
        log.allocated("C1", "2024-06-03", worker: "SW2")
        log.allocated("C1", "2024-06-03", worker: "SW3")
        log.careStarted("C2", "2024-01-01")
        log.allocated("C2", "2024-06-01", worker: "SW1")
        log.allocated("C2", "2024-06-04", worker: "SW2")
        log.allocated("C3", "2024-06-01", worker: "SW1")
        log.allocated("C3", "2024-06-02", worker: "SW2")
        // C4: referred and in care on 1 June with SW1 (event 12), care ended and the case closed on 3 June, referred
        // again with SW2 on 1 September: SW1's episode ends with the involvement on 3 June (2 days), flagged alone.
        log.referral("C4", "2024-06-01")
        log.careStarted("C4", "2024-06-01")
        log.allocated("C4", "2024-06-01", worker: "SW1")
        log.careEnded("C4", "2024-06-03")
        log.closed("C4", "2024-06-03")
        log.referral("C4", "2024-09-01", "R2")
        log.allocated("C4", "2024-09-01", worker: "SW2")
        // C5: looked after in the spring; a referral with no further action on 1 June with SW1, another referral
        // the next day with SW2. SW1's involvement ended the day it began: no episode (the return leaves it out), so
        // nothing is under 3 days: kept.
        log.referral("C5", "2024-01-01")
        log.careStarted("C5", "2024-01-01")
        log.careEnded("C5", "2024-03-01")
        log.closed("C5", "2024-03-01")
        log.referral("C5", "2024-06-01", "R2", nfa: true)
        log.allocated("C5", "2024-06-01", worker: "SW1")
        log.referral("C5", "2024-06-02", "R3")
        log.allocated("C5", "2024-06-02", worker: "SW2")
        #expect(log.findings("social-worker-episode-under-3-days").map(\.positions) == [[2, 3], [12]])
    }

    @Test func socialWorkerIDNotValid() {
        var log = EventBuilder()
        // SW02STG1: C1's workers N-07 (not SW or XX) and SW1 (3 characters); C2's SW12 and XX99: kept. C3, never
        // looked after, N-07: kept.
        log.careStarted("C1", "2024-01-01")
        log.allocated("C1", "2024-06-01", worker: "N-07")
        log.allocated("C1", "2024-07-01", worker: "SW1")
        log.careStarted("C2", "2024-01-01")
        log.allocated("C2", "2024-06-01", worker: "SW12")
        log.allocated("C2", "2024-07-01", worker: "XX99")
        log.allocated("C3", "2024-06-01", worker: "N-07")
        #expect(log.findings("social-worker-id-not-valid").map(\.positions) == [[2], [3]])
    }
}

/// The SSDA903 rules on dates before the birth, each found once: `dated-before-birth` leaves them to these checks.
extension SSDA903CheckTests {
    @Test func missingBeforeBirth() {
        var log = EventBuilder()
        // 903 586 flags MIS_START on or before DOB: C1 goes missing on its birth day (not before it, so not
        // dated-before-birth's either), C3 the day before (this check's only); C2 the day after, kept.
        log.registered("C1", "2024-01-01", born: "2024-06-01")
        log.missing("C1", "2024-06-01")
        log.registered("C2", "2024-01-01", born: "2024-06-01")
        log.missing("C2", "2024-06-02")
        log.registered("C3", "2024-01-01", born: "2024-06-01")
        log.missing("C3", "2024-05-31")
        #expect(log.findings("missing-before-birth").map(\.positions) == [[2, 1], [6, 5]])
        #expect(log.findings("dated-before-birth").isEmpty)
    }
}

/// The SSDA903 rules on short breaks' placements and reviews, and on the latest period of care.
extension SSDA903CheckTests {
    @Test func reviewOfShortBreaksOnly() {
        var log = EventBuilder()
        // 903 399: C1 is only ever on short breaks (V3, then V4) and is reviewed. C2 moves from V3 to a care order
        // (C2) before its review: kept.
        log.careStarted("C1", "2024-06-01", status: "V3")
        log.legalStatus("C1", "2024-07-01", "V4")
        log.careReviewed("C1", "2024-08-01")
        log.careStarted("C2", "2024-06-01", status: "V3")
        log.legalStatus("C2", "2024-07-01", "C2")
        log.careReviewed("C2", "2024-08-01")
        #expect(log.findings("review-of-short-breaks-only").map(\.positions) == [[3]])
    }

    @Test func adoptionDecisionBeforeLatestCare() {
        var log = EventBuilder()
        // 903 334: C1's decision is made in a period of care that ended; a new period began after it. C2's decision
        // is made on the day its latest period began: kept. C3's earlier decision was reversed: not the AD1's, kept.
        log.careStarted("C1", "2022-06-01")
        log.adoptionDecided("C1", "2022-09-01")
        log.careEnded("C1", "2023-01-01")
        log.careStarted("C1", "2024-06-01", "L2")
        log.careStarted("C2", "2024-06-01")
        log.adoptionDecided("C2", "2024-06-01")
        log.careStarted("C3", "2022-06-01")
        log.adoptionDecided("C3", "2022-09-01")
        log.decisionReversed("C3", "2022-12-01")
        log.careEnded("C3", "2023-01-01")
        log.careStarted("C3", "2024-06-01", "L2")
        #expect(log.findings("adoption-decision-before-latest-care").map(\.positions) == [[2, 4]])
    }
}

extension EventBuilder {
    @discardableResult
    fileprivate mutating func immunised(_ child: String, _ date: String) -> EventID {
        add(child, date, .immunisationsRecorded(isUpToDate: true))
    }
}

/// The SSDA903 rules on the OC2 items of a child looked after continuously for 12 months at 31 March (2025, the
/// as-of date): in care since 1 January 2024, on or before 1 April 2024.
extension SSDA903CheckTests {
    @Test func healthSurveillanceNotRecordedUnderFive() {
        var log = EventBuilder()
        // 903 545: C1, 3 at 31 March 2025, has no development check in 2024-25. C2 has one. C3 started care on
        // 2 April 2024, not looked after for 12 months: kept.
        log.registered("C1", "2024-01-01", born: "2021-06-01")
        log.careStarted("C1", "2024-01-01")
        log.registered("C2", "2024-01-01", born: "2021-06-01")
        log.careStarted("C2", "2024-01-01")
        log.healthSurveillance("C2", "2024-09-01")
        log.registered("C3", "2024-01-01", born: "2021-06-01")
        log.careStarted("C3", "2024-04-02")
        #expect(log.findings("health-surveillance-not-recorded-under-5").map(\.positions) == [[2, 1]])
        // On 30 March 2025 the year judged is 2023-24, which C1 did not start in care: nothing yet.
        #expect(log.findings("health-surveillance-not-recorded-under-5", asOf: "2025-03-30").isEmpty)
    }

    @Test func oc2ItemsWithoutImmunisations() {
        var log = EventBuilder()
        // 903 544: C1, 15, convicted in the year, no immunisations in it; C2 the same with immunisations: kept.
        // 903 547: C3, 3, development checks up to date, no immunisations; C4 the same with them: kept.
        log.registered("C1", "2024-01-01", born: "2010-01-01")
        log.careStarted("C1", "2024-01-01")
        log.conviction("C1", "2024-06-01")
        log.registered("C2", "2024-01-01", born: "2010-01-01")
        log.careStarted("C2", "2024-01-01")
        log.conviction("C2", "2024-06-01")
        log.immunised("C2", "2024-07-01")
        log.registered("C3", "2024-01-01", born: "2021-06-01")
        log.careStarted("C3", "2024-01-01")
        log.healthSurveillance("C3", "2024-06-01")
        log.registered("C4", "2024-01-01", born: "2021-06-01")
        log.careStarted("C4", "2024-01-01")
        log.healthSurveillance("C4", "2024-06-01")
        log.immunised("C4", "2024-07-01")
        #expect(log.findings("conviction-without-immunisations").map(\.positions) == [[3]])
        #expect(log.findings("health-surveillance-without-immunisations").map(\.positions) == [[10]])
    }
}

extension EventBuilder {
    /// A placement with a URN, entered as a new carer or the same one.
    @discardableResult
    fileprivate mutating func placed(
        _ child: String, _ date: String, _ id: String, type: String, urn: String?, sameCarer: Bool
    ) -> EventID {
        add(
            child, date,
            .placementStarted(
                PlacementStarted(
                    placement: PlacementID(id), period: PeriodID("L1"), placementType: PlacementType(type)!,
                    provider: PlacementProvider("PR1")!, urn: urn, isSameCarer: sameCarer)))
    }
}

/// The SSDA903 rules on a placement's URN and carer, the birth date against the year, and foyers.
extension SSDA903CheckTests {
    @Test func urnXXXXXXXAndFosterCarerAdoption() {
        var log = EventBuilder()
        // 903 242: C1's children's home has URN XXXXXXX; C2's foster placement has it: kept.
        // 903 217: C1 moves to A5 (with current foster carers) as a new carer; C2 moves to A3 marked sameCarer, and
        // C3 starts care in A5: kept.
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", "PL1", type: "K2", urn: "XXXXXXX", sameCarer: false)
        log.placed("C1", "2024-07-01", "PL2", type: "A5", urn: nil, sameCarer: false)
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01", "PL1", type: "U4", urn: "XXXXXXX", sameCarer: false)
        log.placed("C2", "2024-07-01", "PL2", type: "A3", urn: nil, sameCarer: true)
        log.careStarted("C3", "2024-06-01")
        log.placed("C3", "2024-06-01", "PL1", type: "A5", urn: nil, sameCarer: false)
        #expect(log.findings("urn-xxxxxxx-on-placement-type").map(\.positions) == [[2]])
        #expect(log.findings("foster-carer-adoption-not-same-carer").map(\.positions) == [[3]])
    }

    @Test func birthDateAgainstTheYear() {
        var log = EventBuilder()
        // Judged on 31 March 2025, the year 2024-25. 903 301: C1 born 1 April 2025, after it; C2 on 31 March, kept.
        // 903 351: C3 turned 25 on 31 March 2024, so was over 25 on 1 April 2024; C4 turns 25 on 1 April 2024, kept.
        log.registered("C1", "2024-01-01", born: "2025-04-01")
        log.careStarted("C1", "2024-06-01")
        log.registered("C2", "2024-01-01", born: "2025-03-31")
        log.careStarted("C2", "2024-06-01")
        log.registered("C3", "2024-01-01", born: "1999-03-31")
        log.careStarted("C3", "2024-06-01")
        log.registered("C4", "2024-01-01", born: "1999-04-01")
        log.careStarted("C4", "2024-06-01")
        #expect(log.findings("birth-date-after-year-end").map(\.positions) == [[1, 2]])
        #expect(log.findings("over-25-at-year-start").map(\.positions) == [[6, 5]])
    }

    @Test func foyerUnderEighteen() {
        var log = EventBuilder()
        // 903 347: C1 is in a foyer (T1) the day before its 18th birthday; C2 on it: kept.
        log.registered("C1", "2024-01-01", born: "2006-06-02")
        log.careLeaverContact("C1", "2024-06-01", accommodation: "T1")
        log.registered("C2", "2024-01-01", born: "2006-06-01")
        log.careLeaverContact("C2", "2024-06-01", accommodation: "T2")
        #expect(log.findings("foyer-under-18").map(\.positions) == [[2, 1]])
    }
}

/// The SSDA903 rules on the placement before a placement for adoption, and after a temporary one.
extension SSDA903CheckTests {
    @Test func adoptivePlacementNotFromFoster() {
        var log = EventBuilder()
        // 903 336: C1 moves from a children's home (K2) to A4; C2 from foster care (U4) to A3; C3 starts care in A4
        // (the first row, no placement before it): both kept.
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", "PL1", type: "K2")
        log.placed("C1", "2024-07-01", "PL2", type: "A4")
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01", "PL1", type: "U4")
        log.placed("C2", "2024-07-01", "PL2", type: "A3")
        log.careStarted("C3", "2024-06-01")
        log.placed("C3", "2024-06-01", "PL1", type: "A4")
        #expect(log.findings("adoptive-placement-not-from-foster").map(\.positions) == [[3, 2]])
    }

    @Test func temporaryPlacementNotFollowedByReturn() {
        var log = EventBuilder()
        // 903 383: C1 goes from foster care (U4) into hospital (T1) and from there to a children's home (K2). C2
        // goes back to its foster placement: kept. C3's legal status changes in hospital: the row after the T1 is
        // still the T1 (flagged), and the row after that one is not the T1's (flagged), as the validator reads it.
        log.careStarted("C1", "2024-06-01")
        log.placed("C1", "2024-06-01", "PL1", type: "U4")
        log.placed("C1", "2024-06-10", "PL2", type: "T1")
        log.placementEnded("C1", "2024-06-20", "PL2")
        log.placed("C1", "2024-06-20", "PL3", type: "K2")
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01", "PL1", type: "U4")
        log.placed("C2", "2024-06-10", "PL2", type: "T1")
        log.placementEnded("C2", "2024-06-20", "PL2")
        log.careStarted("C3", "2024-06-01")
        log.placed("C3", "2024-06-01", "PL1", type: "U4")
        log.placed("C3", "2024-06-10", "PL2", type: "T1")
        log.legalStatus("C3", "2024-06-15", "C1")
        log.placementEnded("C3", "2024-06-20", "PL2")
        #expect(
            log.findings("temporary-placement-not-followed-by-return").map(\.positions) == [
                [5, 3], [13, 12], [14, 12],
            ])
    }
}
