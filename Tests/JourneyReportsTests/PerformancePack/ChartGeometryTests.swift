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
        // One figure, 50: padded to the 10-point minimum, 45–55, in steps of 2, so 44–56 with 50 halfway up
        // (176 − 162 / 2 = 95); x is the centre, 44 + 340 / 2.
        let chart = LineChart(values: [50], labels: ["Mar 25"], target: nil, width: 440, height: 210)
        #expect(chart.axis.ticks == [44, 46, 48, 50, 52, 54, 56])
        #expect(chart.x(at: 0) == 214)
        #expect(chart.segments.count == 1)
        #expect(chart.segments[0].map(\.y) == [95])
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

    @Test func aTrendAxisIsScaledToItsFiguresAndTarget() {
        // 84 to 87 with the target 86: 3 points, padded to 10 (80.5–90.5); 10 / 5 = 2, steps of 2: 80 to 92.
        let flat = Axis.percentage(spanning: [84, 87, 86])
        #expect(flat.lowest == 80)
        #expect(flat.maximum == 92)
        #expect(flat.ticks == [80, 82, 84, 86, 88, 90, 92])
        // 17 to 100: 83 points, 83 / 5 = 16.6, steps of 20: the whole 0–100.
        #expect(Axis.percentage(spanning: [17, 100]).ticks == [0, 20, 40, 60, 80, 100])
        // 22.4 to 31 with the target 22.6: 8.6 points, padded to 10 (21.7–31.7), steps of 2: 20 to 32.
        let rereferrals = Axis.percentage(spanning: [31, 22.4, 22.6])
        #expect((rereferrals.lowest, rereferrals.maximum) == (20, 32))
        // Near the top: 97 to 100 padded to 93.5–103.5 would pass 100, so it is moved down to 90–100.
        #expect(Axis.percentage(spanning: [97, 100]).ticks == [90, 92, 94, 96, 98, 100])
        // Near the bottom: all zero, padded to −5–5, moved up to 0–10.
        #expect(Axis.percentage(spanning: [0, 0]).ticks == [0, 2, 4, 6, 8, 10])
    }

    @Test func theTargetIsAlwaysOnATrendsAxis() {
        // Figures of 50 to 75, target 69 (long-term stability): the target is inside 50–80.
        let chart = LineChart(values: [50, 50, 75, 80, 75], labels: ["a", "b", "c", "d", "e"], target: 69)
        #expect(chart.axis.lowest <= 69 && chart.axis.maximum >= 69)
        // A target far below the figures (figures 84–87, target 10) stretches the axis down to it.
        let far = LineChart(values: [84, 87], labels: ["a", "b"], target: 10)
        #expect(far.axis.lowest <= 10 && far.y(10) <= far.plot.bottom && far.y(10) >= far.plot.y)
    }

    @Test func aNarrowTrendLabelsEverySixthMonth() {
        // 336 wide: a plot of 236 over 23 gaps, 10.3 pixels a month; 3 months are 31 pixels, too close for labels
        // about 42 wide, 6 months are 62: every sixth month, counted back from the last.
        let chart = LineChart(
            values: Array(repeating: 1, count: 24), labels: Array(repeating: "m", count: 24), target: nil,
            width: 336, height: 140)
        #expect(chart.labelledIndices == [5, 11, 17, 23])
    }

    @Test func theLatestLabelGoesBesideItsDotWhenTheMarginIsFree() throws {
        // No target: the label sits in the right margin, level with the dot, left-aligned 6 pixels after it.
        let chart = LineChart(values: [40, 50, 60], labels: ["a", "b", "c"], target: nil, width: 440, height: 210)
        let label = try #require(chart.latestLabel("60.0%"))
        #expect(label.anchor == "start")
        #expect(abs(label.x - (chart.x(at: 2) + 6)) < 1e-9)
        #expect(label.box.x > chart.plot.right)
    }

    @Test func theLatestLabelMovesOffTheTargetsLabel() throws {
        // The latest figure, 86.4, is next to the target, 86: level with the dot it would sit on "target 86%" in
        // the margin, and above the dot on the line falling into it, so it goes elsewhere: clear of the line, the
        // target line and the target's label, above the month labels.
        let values: [Double?] = [84, 85, 86, 87.5, 86.4]
        let chart = LineChart(values: values, labels: values.map { _ in "m" }, target: 86)
        let label = try #require(chart.latestLabel("86.4%"))
        let box = label.box
        #expect(!box.overlaps(chart.targetLabelBox!))
        #expect(!(chart.y(86) >= box.y && chart.y(86) <= box.bottom))
        for run in chart.segments {
            for (i, p) in run.enumerated() {
                #expect(!LabelPlacement.crosses(p, i + 1 < run.count ? run[i + 1] : p, box))
            }
        }
        #expect(box.bottom <= chart.plot.bottom)
    }

    @Test func inTheMarginTheLabelStepsAroundTheTargetsLabel() {
        // The dot at (300, 100) at the plot's right edge, room to the right up to 360; the target's label takes
        // 92–112 in the margin, and the line comes up steeply into the dot from the lower left, then a peak above
        // it blocks the label above. Beside at the dot's level (baseline 103.6) meets the target's label; above
        // meets the peak, below the line: a line higher in the margin, baseline 91.6, box 82–94.6, is clear with
        // its 3 pixels only if the target's label starts below 97.6, so two lines higher, baseline 79.6.
        let label = LabelPlacement.latestValue(
            at: (300, 100), width: 40, size: 12, line: [[(250, 150), (270, 60), (290, 130), (300, 100)]],
            avoidingLines: [], avoidingBoxes: [PlotArea(x: 306, y: 92, width: 50, height: 20)],
            bounds: PlotArea(x: 0, y: 0, width: 360, height: 200))
        #expect(label.anchor == "start")
        #expect(abs(label.y - 79.6) < 1e-9)
    }

    @Test func placementPrefersAboveThenBelow() {
        // A dot at (300, 100), the label 40 × 12 pixels, a margin too narrow for it (bounds end at 310): above
        // first, baseline 100 − 5 − 3 = 92; with a line rising into the dot from the lower left, still above; with
        // a line falling into it from the upper left, below (baseline 100 + 5 + 9.6).
        let bounds = PlotArea(x: 0, y: 0, width: 310, height: 200)
        let point = (x: 300.0, y: 100.0)
        let rising = LabelPlacement.latestValue(
            at: point, width: 40, size: 12, line: [[(280, 140), (300, 100)]], avoidingLines: [], avoidingBoxes: [],
            bounds: bounds)
        #expect(rising.y == 92)
        #expect(rising.anchor == "end")
        let falling = LabelPlacement.latestValue(
            at: point, width: 40, size: 12, line: [[(280, 60), (300, 100)]], avoidingLines: [], avoidingBoxes: [],
            bounds: bounds)
        #expect(abs(falling.y - 114.6) < 1e-9)
        // A steeper line falling in, and a target line at 110 just below the dot: above and a line further up
        // (80) cross the line, below (114.6, its box 102–120.6 with the clearance) crosses the target, so a line
        // further down: 126.6.
        let boxedIn = LabelPlacement.latestValue(
            at: point, width: 40, size: 12, line: [[(285, 70), (300, 100)]], avoidingLines: [110], avoidingBoxes: [],
            bounds: bounds)
        #expect(abs(boxedIn.y - 126.6) < 1e-9)
    }

    @Test func segmentsAndBoxes() {
        let box = PlotArea(x: 10, y: 10, width: 10, height: 10)
        #expect(LabelPlacement.crosses((0, 0), (30, 30), box))  // through the middle
        #expect(LabelPlacement.crosses((15, 15), (15, 15), box))  // a dot inside
        #expect(!LabelPlacement.crosses((0, 0), (30, 0), box))  // above it
        #expect(!LabelPlacement.crosses((0, 25), (25, 30), box))  // below it
        #expect(!LabelPlacement.crosses((0, 15), (8, 15), box))  // stops short
    }

    @Test func aLineIsCutAroundAMessage() {
        #expect(LabelPlacement.pieces(from: 0, to: 100, cutting: [40...60]) == [0...40, 60...100])
        #expect(LabelPlacement.pieces(from: 0, to: 100, cutting: [110...120]) == [0...100])
        #expect(LabelPlacement.pieces(from: 0, to: 100, cutting: [-10...20, 90...100]) == [20...90])
    }

    @Test func theNoTeamMessageMovesOffTheTargetLine() {
        // Two teams, both hidden, target 69 on a 0–80 axis: a 340-wide plot from x 150, the line at
        // 150 + 69 / 80 × 340 = 443.25. The message, 21 characters at 11 × 0.6 = 138.6 wide, centred at 320, ends
        // at 389.3: clear of the line, so it stays. A target of 45 (x 341.25) would run through it, so it moves to
        // the wider side, left of the line (150 to 341.25, centred at 245.6), and the line is drawn whole.
        var chart = BarChart(
            bars: [.init(label: "A", value: nil, caption: "–"), .init(label: "B", value: nil, caption: "–")],
            target: 69, isPercentage: true, width: 640)
        chart.emptyMessage = "No team has 5 or more"
        #expect(chart.emptyMessageLayout.box.x + chart.emptyMessageLayout.box.width / 2 == 320)
        #expect(chart.targetPieces.count == 1)
        chart.target = 45
        let x = chart.xScale.position(45)
        let box = chart.emptyMessageLayout.box
        #expect(box.right < x || box.x > x)
        #expect(chart.targetPieces == [chart.plot.y - 4...chart.plot.bottom])
    }

    @Test func theTargetLineIsCutWhenTheMessageCannotMove() {
        // A target in the middle of a narrow plot: neither side has room, so the message stays centred and the
        // line is drawn above and below it, never through it.
        var chart = BarChart(
            bars: [.init(label: "A", value: nil, caption: "–")], target: 50, isPercentage: true, width: 440,
            labelWidth: 150, captionWidth: 150)
        chart.emptyMessage = "No team has 5 or more"
        let box = chart.emptyMessageLayout.box.grown(by: LabelPlacement.clearance)
        #expect(chart.targetPieces.count == 2)
        for piece in chart.targetPieces { #expect(piece.upperBound <= box.y || piece.lowerBound >= box.bottom) }
        #expect(chart.xScale.position(50) >= box.x && chart.xScale.position(50) <= box.right)
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(HTMLText.coordinate(35.6) == "35.6")
        #expect(HTMLText.coordinate(1.0 / 3) == "0.33")
        #expect(HTMLText.coordinate(-2.05) == "-2.05")
        #expect(HTMLText.coordinate(176) == "176")
    }
}
