import JourneyCore
import JourneyTestSupport
import Testing

/// The types of motherhood, the home postcode and the reason a social worker changed (the SSDA903's MOTHER and
/// MC_DOB, HOME_POST and SW_REASON): what they read, and what an append refuses (docs/events.md).
@Suite("Events of motherhood, the home postcode and the reason a social worker changed")
struct SSDA903FactEventTests {
    func line(_ type: String, _ data: String) -> String {
        #"{"id":"e-1","type":""# + type + #"","child":"C100","occurred":"2024-01-02","data":"# + data + "}"
    }

    func problems(_ type: String, _ data: String) -> [String] {
        switch Event.parse(jsonLine: line(type, data)) {
        case .success: return []
        case .failure(let invalid): return invalid.problems.map(\.description)
        }
    }

    @Test func theyReadAsWritten() throws {
        let mother = try Event.parse(
            jsonLine: line("motherhood.recorded", #"{"mother":true,"firstChildBirthDate":"2023-12-24"}"#)
        ).get()
        #expect(mother.body == .motherhoodRecorded(isMother: true, firstChildBirthDate: d("2023-12-24")))
        // A mother whose first child's date of birth is not known yet (903 rule 611 asks it of the return).
        let undated = try Event.parse(jsonLine: line("motherhood.recorded", #"{"mother":true}"#)).get()
        #expect(undated.body == .motherhoodRecorded(isMother: true, firstChildBirthDate: nil))
        let notMother = try Event.parse(jsonLine: line("motherhood.recorded", #"{"mother":false}"#)).get()
        #expect(notMother.body == .motherhoodRecorded(isMother: false, firstChildBirthDate: nil))
        // A full postcode of eight characters, the most there is.
        let home = try Event.parse(jsonLine: line("home-postcode.recorded", #"{"postcode":"SW1A 1AA"}"#)).get()
        #expect(home.body == .homePostcodeRecorded(postcode: "SW1A 1AA"))
        // Every code of the 903's list (SW13STG1), in its order.
        #expect(
            SWReasons.codes == [
                "MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS",
            ])
        for code in SWReasons.codes {
            let e = try Event.parse(jsonLine: line("worker-change.recorded", #"{"reason":""# + code + #""}"#)).get()
            #expect(e.body == .workerChangeRecorded(reason: SWReason(code)!))
        }
    }

    @Test func whatAnAppendRefuses() {
        // 903 rule 612: a date of birth of a first child is given only for a mother.
        #expect(
            problems("motherhood.recorded", #"{"mother":false,"firstChildBirthDate":"2023-12-24"}"#) == [
                #"field "data.firstChildBirthDate": must not be given when mother is false (the 903's rule 612: MC_DOB only for a mother)"#
            ])
        #expect(
            problems("motherhood.recorded", #"{"firstChildBirthDate":"2023-12-24"}"#) == [
                #"field "data.mother": is required"#
            ])
        // MOTHER's codes 0 and 1 are the Boolean's false and true: the code itself is not the field's value.
        #expect(problems("motherhood.recorded", #"{"mother":1}"#).count == 1)
        #expect(problems("motherhood.recorded", #"{"mother":true,"firstChildBirthDate":"2023-02-29"}"#).count == 1)
        // Nine characters: longer than any postcode.
        #expect(
            problems("home-postcode.recorded", #"{"postcode":"SW1A  1AA"}"#) == [
                #"field "data.postcode": must be 1–8 characters long (the 903's HOME_POST: a full postcode, such as SW1A 1AA)"#
            ])
        #expect(problems("home-postcode.recorded", #"{"postcode":""}"#).count == 1)
        #expect(problems("home-postcode.recorded", "{}") == [#"field "data.postcode": is required"#])
        // Codes are case-sensitive, and SWLAZY (the DfE's fake return's) is none of them.
        #expect(
            problems("worker-change.recorded", #"{"reason":"SWLAZY"}"#) == [
                #"field "data.reason": "SWLAZY" is not a reason for a change of social worker (SW_REASON) (allowed: MANAGE…OTHERS)"#
            ])
        #expect(problems("worker-change.recorded", #"{"reason":"manage"}"#).count == 1)
        #expect(
            problems("worker-change.recorded", #"{"reason":"OTHERS","worker":"SW1"}"#)
                == [#"field "data.worker": is not a field of worker-change.recorded"#])
    }
}
