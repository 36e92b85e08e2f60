import JourneyCore
import JourneyTestSupport
import Testing

/// The types of permanence, leaving care and health: their canonical JSON, and the rules an append holds them to
/// beyond each field's form (docs/events.md, *What an append refuses*).
@Suite("Events of permanence, leaving care and health")
struct PermanenceEventTests {
    func line(_ type: String, _ data: String) -> String {
        #"{"id":"e-1","type":""# + type + #"","child":"C100","occurred":"2024-01-02","data":"# + data + "}"
    }

    func problems(_ type: String, _ data: String) -> [String] {
        switch Event.parse(jsonLine: line(type, data)) {
        case .success: return []
        case .failure(let invalid): return invalid.problems.map(\.description)
        }
    }

    @Test(arguments: [
        ("adoption.decided", #"{"adoption":"AD1"}"#),
        ("placement-order.granted", #"{"adoption":"AD1"}"#),
        ("adoption.matched", #"{"adoption":"AD1","adopters":1,"adoptersSex":"F1","adoptersLegalStatus":"L0"}"#),
        (
            "adoption.matched",
            #"{"adoption":"AD1","adopters":2,"adoptersSex":"MM","adoptersLegalStatus":"L12","fosterCarerAdopting":true}"#
        ),
        ("adoption.placed", #"{"adoption":"AD1","placement":"PL4"}"#),
        ("adoption.placement-ended", #"{"adoption":"AD1","reason":"CREQB"}"#),
        ("adoption.decision-reversed", #"{"adoption":"AD1","reason":"RD2"}"#),
        ("adoption.order-granted", #"{"adoption":"AD1"}"#),
        ("permanence-order.granted", #"{"kind":"child-arrangements","period":"L1"}"#),
        ("previous-permanence.recorded", #"{"kind":"P3","la":"WAL","orderDate":"ZZ/06/2019"}"#),
        ("care-leaver.contacted", #"{"inTouch":"NO","activity":"0","accommodation":"0"}"#),
        ("pathway-plan.reviewed", "{}"),
        ("personal-adviser.allocated", #"{"adviser":"J. Smith"}"#),
        ("health-assessment.completed", "{}"),
        ("dental-check.completed", "{}"),
        ("immunisations.recorded", #"{"upToDate":false}"#),
        ("health-surveillance.recorded", #"{"upToDate":true}"#),
        ("sdq.recorded", #"{"score":0}"#),
        ("sdq.recorded", #"{"score":40}"#),
        ("sdq.recorded", #"{"reasonNotTaken":"SDQ5"}"#),
        ("conviction.recorded", "{}"),
        ("substance-misuse.identified", #"{"interventionOffered":true,"interventionReceived":true}"#),
        ("deprivation-of-liberty.started", #"{"order":"D1"}"#),
        ("deprivation-of-liberty.ended", #"{"order":"D1"}"#),
    ])
    func theCanonicalFormIsTheLineAsWritten(type: String, data: String) throws {
        let event = try Event.parse(jsonLine: line(type, data)).get()
        #expect(event.canonicalJSONString == line(type, data))
        var w = BinaryWriter()
        event.write(binary: &w)
        let stored = try w.bytes.withUnsafeBytes { bytes in
            var r = BinaryReader(bytes)
            return try Event.read(binary: &r)
        }
        #expect(stored == event)
    }

    @Test func aFosterCarerNotAdoptingIsTheDefault() throws {
        let written = try Event.parse(
            jsonLine: line(
                "adoption.matched",
                #"{"adoption":"AD1","adopters":1,"adoptersSex":"M1","adoptersLegalStatus":"L0","fosterCarerAdopting":false}"#
            )
        ).get()
        #expect(!written.canonicalJSONString.contains("fosterCarerAdopting"))
    }

    @Test func theNumberOfAdoptersIsOneOrTwo() {
        for n in [0, 3] {
            #expect(
                problems(
                    "adoption.matched",
                    #"{"adoption":"AD1","adopters":\#(n),"adoptersSex":"MF","adoptersLegalStatus":"L3"}"#)
                    == [#"field "data.adopters": must be 1 or 2 (the 903's NB_ADOPTR)"#])
        }
    }

    @Test func anSDQHasAScoreOrAReasonAndNotBoth() {
        let rule = "exactly one of score and reasonNotTaken must be given (a score, or why there is none)"
        #expect(problems("sdq.recorded", "{}") == [#"field "data.score": "# + rule])
        #expect(
            problems("sdq.recorded", #"{"score":12,"reasonNotTaken":"SDQ1"}"#)
                == [#"field "data.reasonNotTaken": "# + rule])
        #expect(
            problems("sdq.recorded", #"{"score":41}"#)
                == [#"field "data.score": must be 0–40 (the SDQ's total difficulties score)"#])
        #expect(
            problems("sdq.recorded", #"{"score":-1}"#) == [#"field "data.score": expected a whole number, 0 or more"#])
    }

    @Test func aPreviousOrderDateIsAtMostTenCharacters() {
        let problems = problems("previous-permanence.recorded", #"{"kind":"P1","orderDate":"2015-06-01T00"}"#)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix(#"field "data.orderDate": must be 1–10 characters long"#) == true)
        // The text is personal data: it is not repeated.
        #expect(problems.first?.contains("2015") == false)
    }

    @Test func codesOutOfTheirListsAreRefused() {
        #expect(
            problems("adoption.decision-reversed", #"{"adoption":"AD1","reason":"RD5"}"#) == [
                #"field "data.reason": "RD5" is not a reason the decision to place for adoption was reversed (RD1…RD4) (allowed: RD1, RD2, RD3, RD4)"#
            ])
        #expect(
            problems("care-leaver.contacted", #"{"inTouch":"yes"}"#) == [
                #"field "data.inTouch": "yes" is not an in-touch code (IN_TOUCH) (allowed: YES, NO, DIED, REFU, NREQ, RHOM)"#
            ])
        // The 903 has no suitable no-fixed-abode or custody.
        #expect(problems("care-leaver.contacted", #"{"inTouch":"YES","accommodation":"S1"}"#).count == 1)
        #expect(problems("care-leaver.contacted", #"{"inTouch":"YES","accommodation":"X1"}"#).count == 1)
        #expect(problems("previous-permanence.recorded", #"{"kind":"P0"}"#).count == 1)
        #expect(
            problems(
                "adoption.matched", #"{"adoption":"AD1","adopters":1,"adoptersSex":"M","adoptersLegalStatus":"L0"}"#
            )
            .count == 1)
        #expect(problems("permanence-order.granted", #"{"kind":"SGO"}"#).count == 1)
        #expect(problems("sdq.recorded", #"{"reasonNotTaken":"SDQ6"}"#).count == 1)
    }

    @Test func missingFieldsAreRefused() {
        #expect(problems("adoption.decided", "{}") == [#"field "data.adoption": is required"#])
        #expect(
            problems("adoption.decision-reversed", #"{"adoption":"AD1"}"#) == [#"field "data.reason": is required"#])
        #expect(problems("immunisations.recorded", "{}") == [#"field "data.upToDate": is required"#])
        #expect(problems("deprivation-of-liberty.ended", "{}") == [#"field "data.order": is required"#])
        #expect(
            problems("adoption.matched", #"{"adoption":"AD1","adoptersSex":"M1","adoptersLegalStatus":"L0"}"#)
                == [#"field "data.adopters": is required"#])
        #expect(
            problems("pathway-plan.reviewed", #"{"plan":"P1"}"#)
                == [#"field "data.plan": is not a field of pathway-plan.reviewed"#])
    }

    @Test func theAccommodationsDigitSaysWhetherItIsSuitable() {
        #expect(CareLeaverAccommodation("D1")!.isSuitable == true)
        #expect(CareLeaverAccommodation("S2")!.isSuitable == false)
        #expect(CareLeaverAccommodation("0")!.isSuitable == nil)
        for code in CareLeaverAccommodation.all where code.rawValue != "0" {
            #expect(code.isSuitable == (code.rawValue.last == "1"))
            #expect(code.meaning!.hasSuffix(code.isSuitable! ? ", suitable" : ", not suitable"))
        }
    }
}
