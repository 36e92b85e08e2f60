import JourneyCore
import JourneyReports
import JourneyTestSupport
import Testing

/// The research extract's reductions, one rule at a time.
@Suite("Pseudonymiser")
struct PseudonymiserTests {
    let pseudonymiser = Pseudonymiser(key: Array("0123456789abcdef0123456789abcdef".utf8))!

    @Test("A key shorter than 32 bytes makes no pseudonymiser")
    func shortKey() {
        // 31 bytes: one short of HMAC-SHA256's 32.
        #expect(Pseudonymiser(key: Array("0123456789abcdef0123456789abcde".utf8)) == nil)
    }

    @Test(
        "A postcode becomes its district, the outward code; text that is not a postcode is dropped",
        arguments: [
            // Royal Mail's six forms of outward code, each with its inward code, spaced or not, any case.
            ("SW1A 1AA", "SW1A"), ("sw1a1aa", "SW1A"), ("M1 1AE", "M1"), ("B33 8TH", "B33"), ("CR2 6XH", "CR2"),
            ("DN55 1PT", "DN55"), ("W1A 0AX", "W1A"), ("EC1A 1BB", "EC1A"), (" ls1  4ap ", "LS1"),
            // An outward code alone is already a district.
            ("SW1A", "SW1A"), ("M1", "M1"),
        ])
    func postcodeDistrict(postcode: String, district: String) {
        #expect(Pseudonymiser.postcodeDistrict(postcode) == district)
    }

    @Test("Text that is not a postcode gives no district", arguments: ["not known", "12345", "1AA", "SW1A 1A", "A"])
    func notAPostcode(text: String) {
        #expect(Pseudonymiser.postcodeDistrict(text) == nil)
    }

    @Test("A birth date becomes the 1st of its month")
    func monthOfBirth() {
        #expect(Pseudonymiser.monthOfBirth(d("2016-03-14")) == d("2016-03-01"))
        #expect(Pseudonymiser.monthOfBirth(d("2020-02-29")) == d("2020-02-01"))
        #expect(Pseudonymiser.monthOfBirth(d("2019-12-01")) == d("2019-12-01"))
    }

    @Test("Pseudonyms are HMAC-SHA256 under the key, as Python's hmac module gives them")
    func pseudonyms() {
        // python3 -c 'import hmac,hashlib; k=b"0123456789abcdef0123456789abcdef"; \
        //   print(hmac.new(k, b"child:C100", hashlib.sha256).hexdigest()[:20])'   -> 227146807f055d40d245
        #expect(pseudonymiser.pseudonym(of: ChildID("C100")) == ChildID("227146807f055d40d245"))
        // The same with b"event:C100-1" and [:32]                                 -> 7f0b7ded407a1c9fdf0e15498b59b0ed
        #expect(pseudonymiser.pseudonym(of: EventID("C100-1")) == EventID("7f0b7ded407a1c9fdf0e15498b59b0ed"))
        // The same with b"id:P1" and [:32]                                        -> d327b542efb1921b024d632dd728c090
        #expect(pseudonymiser.pseudonym(of: PlanID("P1")) == PlanID("d327b542efb1921b024d632dd728c090"))
        // A child pseudonym is a valid child id (20 characters of 0-9 a-f).
        #expect(ChildID.problem(with: pseudonymiser.pseudonym(of: ChildID("C100")).rawValue) == nil)
    }

    @Test("A mother's first child's birth date goes to its month; a home postcode to its district")
    func motherhoodAndHomePostcode() {
        func body(_ b: EventBody) -> EventBody {
            pseudonymiser.pseudonymise(Event(id: "e1", child: "C300", occurred: d("2024-05-20"), body: b)).body
        }
        // 2023-11-17 → 2023-11-01 (the 1st of its month); "TW9 1DN" → "TW9"; "no fixed abode" is not a postcode.
        #expect(
            body(.motherhoodRecorded(isMother: true, firstChildBirthDate: d("2023-11-17")))
                == .motherhoodRecorded(isMother: true, firstChildBirthDate: d("2023-11-01")))
        #expect(body(.homePostcodeRecorded(postcode: "TW9 1DN")) == .homePostcodeRecorded(postcode: "TW9"))
        #expect(body(.homePostcodeRecorded(postcode: "NFA")) == .homePostcodeRecorded(postcode: "withheld"))
    }

    @Test("A placement keeps its type, provider, distance and dates; its postcode is the district; its URN is dropped")
    func placement() {
        let event = Event(
            id: "e1", child: "C200", occurred: d("2024-01-12"), recorded: t("2024-01-12T17:05:00Z"),
            body: .placementStarted(
                PlacementStarted(
                    placement: "PL1", period: "L1", placementType: PlacementType("U6")!,
                    provider: PlacementProvider("PR1")!, postcode: "SW1A 1AA", urn: "SC123456", distanceMiles: 4.5)),
            source: "Mosaic", by: "J. Smith")
        let out = pseudonymiser.pseudonymise(event)
        #expect(out.occurred == d("2024-01-12"))
        #expect(out.recorded == t("2024-01-12T17:05:00Z"))
        #expect(out.source == nil && out.by == nil)
        guard case .placementStarted(let p) = out.body else {
            Issue.record("not a placement: \(out.body)")
            return
        }
        #expect(p.postcode == "SW1A")
        #expect(p.urn == nil)
        #expect(p.placementType.rawValue == "U6" && p.provider?.rawValue == "PR1" && p.distanceMiles == 4.5)
        #expect(p.placement.rawValue != "PL1" && p.period.rawValue != "L1")
    }
}
