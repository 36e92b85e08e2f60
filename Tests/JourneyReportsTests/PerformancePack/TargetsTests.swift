import Testing

@testable import JourneyReports

@Suite("Targets")
struct TargetsTests {
    @Test func englandsFiguresAndNoInventedOnes() {
        #expect(Targets.england["re-referrals"]?.value == 22.6)
        #expect(Targets.england["assessment-timeliness"]?.value == 86)
        #expect(Targets.england["icpc-timeliness"]?.value == 81)
        #expect(Targets.england["cp-plan-duration"]?.value == 4)
        #expect(Targets.england["repeat-cp-plans"]?.value == 23)
        #expect(Targets.england["placement-stability-long-term"]?.value == 69)
        #expect(Targets.england["placement-stability-short-term"]?.value == 10)
        #expect(Targets.england["cp-review-timeliness"] == nil)
        #expect(Targets.england["placed-over-20-miles"] == nil)
    }

    @Test func aFileReplacesWhatItNamesAndKeepsTheRest() throws {
        let text = """
            # our targets for 2024-25
            re-referrals           20.0    1.5
            assessment-timeliness  90      # stretch
            cp-review-timeliness   95 0
            cp-plan-duration       none

            """
        let targets = try Targets(fileContents: text, fileName: "targets.txt")
        #expect(targets["re-referrals"] == Target(value: 20, tolerance: 1.5, source: "local target"))
        #expect(targets["assessment-timeliness"] == Target(value: 90, tolerance: 2, source: "local target"))
        #expect(targets["cp-review-timeliness"] == Target(value: 95, tolerance: 0, source: "local target"))
        #expect(targets["cp-plan-duration"] == nil)
        #expect(targets["icpc-timeliness"] == Targets.england["icpc-timeliness"])
    }

    @Test(arguments: [
        ("contacts 50", 1, "not a headline measure"),
        ("\nre-referrals 20\nre-referrals 21", 3, "given twice"),
        ("re-referrals twenty", 1, "not a percentage"),
        ("re-referrals 120", 1, "not a percentage"),
        ("re-referrals 20 -1", 1, "tolerance"),
        ("re-referrals", 1, "expected a metric id"),
        ("re-referrals none 2", 1, "takes no tolerance"),
    ])
    func mistakesNameTheLine(text: String, line: Int, words: String) {
        #expect {
            try Targets(fileContents: text, fileName: "t.txt")
        } throws: { error in
            guard let e = error as? TargetsFileError else { return false }
            return e.line == line && e.file == "t.txt" && e.description.contains(words)
        }
    }
}
