import Testing

@testable import JourneyReports

@Suite("Figures as the pack shows them")
struct ShownFigureTests {
    @Test func aTeamFigureUnderFiveIsADash() {
        // 3 of 4 would be 75.0%, but 4 is under 5.
        let hidden = ShownFigure(numerator: 3, denominator: 4, hidingSmallNumbers: true)
        #expect(hidden.value == nil)
        #expect(hidden.text == "–")
        #expect(hidden.note == "fewer than 5")
        // 5 is not under 5: 2 of 5 is 40.0%.
        let shown = ShownFigure(numerator: 2, denominator: 5, hidingSmallNumbers: true)
        #expect(shown.value == 40)
        #expect(shown.text == "40.0%")
        #expect(shown.note == "2 of 5")
    }

    @Test func theCouncilsSmallFigureIsShownWithAWarning() {
        let figure = ShownFigure(numerator: 3, denominator: 4)
        #expect(figure.text == "75.0%")
        #expect(figure.note == "3 of 4: a small number")
    }

    @Test func noneToCount() {
        let figure = ShownFigure(numerator: 0, denominator: 0)
        #expect(figure.value == nil)
        #expect(figure.text == "–")
        #expect(figure.note == "none")
    }

    @Test func textFormats() {
        #expect(HTMLText.count(12345) == "12,345")
        #expect(HTMLText.count(-5) == "-5")
        #expect(HTMLText.decimal(-0.5) == "-0.5")
        #expect(HTMLText.target(86) == "86%")
        #expect(HTMLText.target(22.6) == "22.6%")
        #expect(HTMLText.escape("<a&b \"c\">") == "&lt;a&amp;b &quot;c&quot;&gt;")
    }
}
