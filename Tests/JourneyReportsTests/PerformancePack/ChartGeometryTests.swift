import Testing

@testable import JourneyReports

@Suite("Chart geometry")
struct ChartGeometryTests {
    @Test func aPercentageAxisStepsInRoundNumbers() {
        // 86 / 5 = 17.2, between 10 and 20: steps of 20, and 86 needs 5 of them (80 < 86 ≤ 100).
        let axis = Axis.percentage(holding: 86)
        #expect(axis.step == 20)
        #expect(axis.ticks == [0, 20, 40, 60, 80, 100])
        // 23 / 5 = 4.6, up to 5: 0, 5, … 25.
        #expect(Axis.percentage(holding: 23).ticks == [0, 5, 10, 15, 20, 25])
    }

    @Test func anAllZeroSeriesGetsTheShortestAxisNotAZeroOne() {
        // The minimum, 10, is used: 10 / 5 = 2, steps of 2 up to 10.
        let axis = Axis.percentage(holding: 0)
        #expect(axis.maximum == 10)
        #expect(axis.ticks == [0, 2, 4, 6, 8, 10])
        #expect(Axis.count(holding: 0).ticks == [0, 1])
    }

    @Test func countAxesStepInWholeNumbers() {
        // 3 / 5 = 0.6, a step of 1 (never a fraction of a child): 0 to 3.
        #expect(Axis.count(holding: 3).ticks == [0, 1, 2, 3])
        // 180 / 5 = 36, up to 50: 200 is the first multiple of 50 holding 180.
        #expect(Axis.count(holding: 180).ticks == [0, 50, 100, 150, 200])
        // A value on a tick does not take a step of its own.
        #expect(Axis.count(holding: 200).maximum == 200)
    }

    @Test func aLineChartMapsValuesOntoItsPlot() {
        // 440 × 210: plot from x 44, 340 wide (440 − 44 − 56); from y 14, 162 high (210 − 14 − 34), bottom 176.
        let chart = LineChart(values: [0, 50, 100], labels: ["a", "b", "c"], target: nil, width: 440, height: 210)
        #expect(chart.plot == PlotArea(x: 44, y: 14, width: 340, height: 162))
        #expect(chart.axis.maximum == 100)
        #expect(chart.x(at: 0) == 44)
        #expect(chart.x(at: 1) == 214)
        #expect(chart.x(at: 2) == 384)
        #expect(chart.y(0) == 176)
        #expect(chart.y(50) == 95)
        #expect(chart.y(100) == 14)
    }

    @Test func aSinglePointSitsInTheMiddle() {
        // 50 / 5 = 10: steps of 10 to 50, so 50 is the top of the plot; x is the centre, 44 + 340 / 2.
        let chart = LineChart(values: [50], labels: ["Mar 25"], target: nil, width: 440, height: 210)
        #expect(chart.x(at: 0) == 214)
        #expect(chart.segments.count == 1)
        #expect(chart.segments[0].map(\.y) == [14])
        #expect(SVGChart.svg(chart, label: "one").contains("class=\"mark\""))
    }

    @Test func anEmptySeriesDrawsAxesAndSaysSo() {
        let chart = LineChart(values: [nil, nil], labels: ["a", "b"], target: 80)
        #expect(!chart.hasData)
        #expect(chart.segments.isEmpty)
        let svg = SVGChart.svg(chart, label: "empty")
        #expect(!svg.contains("class=\"mark\""))
        #expect(svg.contains("No figures for these months"))
        #expect(svg.contains("class=\"target\""))
    }

    @Test func allZerosLieOnTheBaseline() {
        let chart = LineChart(values: [0, 0, 0], labels: ["a", "b", "c"], target: nil, width: 440, height: 210)
        #expect(chart.hasData)
        #expect(chart.segments[0].map(\.y) == [176, 176, 176])
    }

    @Test func aMissingMonthBreaksTheLine() {
        let chart = LineChart(values: [10, nil, 20, 30], labels: ["a", "b", "c", "d"], target: nil)
        #expect(chart.segments.map(\.count) == [1, 2])
    }

    @Test func theTargetRaisesTheAxisToShowIt() {
        // Values up to 10, target 86: the axis must reach 100 or the target line would be off the chart.
        #expect(LineChart(values: [5, 10], labels: ["a", "b"], target: 86).axis.maximum == 100)
    }

    @Test func everyThirdMonthIsLabelledCountingBackFromTheLast() {
        let chart = LineChart(
            values: Array(repeating: 1, count: 24), labels: Array(repeating: "m", count: 24), target: nil)
        #expect(chart.labelledIndices == [2, 5, 8, 11, 14, 17, 20, 23])
    }

    @Test func barsAreProportionalAndAMissingValueHasNone() {
        // 640 wide, labels 150, captions 150: a plot 340 wide from x 150; 50 / 5 = 10, axis 0–50, so 50 fills it
        // and 25 fills half.
        let chart = BarChart(
            bars: [
                .init(label: "North", value: 50, caption: "50.0%"), .init(label: "South", value: 25, caption: "25.0%"),
                .init(label: "West", value: nil, caption: "–"),
            ], isPercentage: true, width: 640)
        #expect(chart.axis.maximum == 50)
        #expect(chart.rectangle(0)?.width == 340)
        #expect(chart.rectangle(1)?.width == 170)
        #expect(chart.rectangle(2) == nil)
        // Rows of 24 from y 8; a bar fills the middle 70% of its row: the second starts at 8 + 24 + 3.6.
        #expect(chart.rectangle(1)?.y == 35.6)
        #expect(chart.height == 8 + 3 * 24 + 26)
    }

    @Test func aBarChartWithEveryFigureHiddenSaysWhy() {
        var chart = BarChart(bars: [.init(label: "North", value: nil, caption: "– (fewer than 5)")], isPercentage: true)
        chart.emptyMessage = "No team has 5 or more"
        let svg = SVGChart.svg(chart, label: "hidden")
        #expect(svg.contains("class=\"chart all-hidden\""))
        #expect(svg.contains("No team has 5 or more"))
        #expect(!svg.contains("class=\"mark\""))
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(HTMLText.coordinate(35.6) == "35.6")
        #expect(HTMLText.coordinate(1.0 / 3) == "0.33")
        #expect(HTMLText.coordinate(-2.05) == "-2.05")
        #expect(HTMLText.coordinate(176) == "176")
    }
}
