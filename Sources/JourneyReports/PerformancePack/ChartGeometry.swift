import Foundation

/// An axis from 0 to a round maximum, with ticks at round steps: what every chart of the pack is drawn on.
///
/// Axes start at 0 so that a bar's length and a line's height can be read as amounts; a chart that started at 80%
/// would make a small change look large to a reader who does not check the scale.
public struct Axis: Sendable, Hashable {
    public var maximum: Double
    public var step: Double

    /// The smallest round axis that holds `largest`: steps of 1, 2 or 5 × 10ⁿ, about five of them, never shorter
    /// than `minimum` (so an all-zero series sits on the baseline of a real axis), whole steps for counts.
    public init(holding largest: Double, minimum: Double, wholeSteps: Bool) {
        let v = max(largest.isFinite ? largest : 0, minimum)
        let raw = v / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let n = raw / magnitude
        var step = (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude
        if wholeSteps { step = max(1, step.rounded(.up)) }
        self.step = step
        // The small allowance keeps 60.000000001 (a sum of tenths) from taking a step of its own.
        self.maximum = (v / step - 1e-9).rounded(.up) * step
    }

    /// A percentage axis: at least 0–10%.
    public static func percentage(holding largest: Double) -> Axis {
        Axis(holding: largest, minimum: 10, wholeSteps: false)
    }

    /// A count axis: at least 0–1, in whole steps.
    public static func count(holding largest: Double) -> Axis { Axis(holding: largest, minimum: 1, wholeSteps: true) }

    /// 0, step, 2 × step, … maximum.
    public var ticks: [Double] {
        let n = Int((maximum / step).rounded())
        return (0...n).map { Double($0) * step }
    }
}

/// A linear map from values to pixels.
public struct LinearScale: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    /// The pixels `lower` and `upper` go to (either way round: an SVG's y grows downwards).
    public var start: Double
    public var end: Double

    public func position(_ value: Double) -> Double {
        guard upper != lower else { return start }
        return start + (value - lower) / (upper - lower) * (end - start)
    }
}

/// The rectangle a chart plots in, inside its margins.
public struct PlotArea: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public var right: Double { x + width }
    public var bottom: Double { y + height }
}

/// A line chart of a monthly series (a rolling figure to each month end), with an optional target line.
public struct LineChart: Sendable, Hashable {
    /// One value a month; `nil` where there is no figure (a gap in the line).
    public var values: [Double?]
    /// The month of each value, as the x axis prints it.
    public var labels: [String]
    public var target: Double?
    public var width: Double
    public var height: Double
    public var plot: PlotArea
    public var axis: Axis

    public init(values: [Double?], labels: [String], target: Double?, width: Double = 440, height: Double = 210) {
        self.values = values
        self.labels = labels
        self.target = target
        self.width = width
        self.height = height
        plot = PlotArea(x: 44, y: 14, width: width - 44 - 56, height: height - 14 - 34)
        axis = .percentage(holding: max(values.compactMap { $0 }.max() ?? 0, target ?? 0))
    }

    public var hasData: Bool { values.contains { $0 != nil } }

    /// Where the `index`th month goes: spread over the plot's width, the first at its left edge and the last at its
    /// right; a single month at the centre.
    public func x(at index: Int) -> Double {
        guard values.count > 1 else { return plot.x + plot.width / 2 }
        return plot.x + Double(index) * plot.width / Double(values.count - 1)
    }

    public var yScale: LinearScale { LinearScale(lower: 0, upper: axis.maximum, start: plot.bottom, end: plot.y) }

    public func y(_ value: Double) -> Double { yScale.position(value) }

    /// The runs of months with a figure, each drawn as one line; a missing month breaks the line.
    public var segments: [[(x: Double, y: Double)]] {
        var runs: [[(x: Double, y: Double)]] = []
        var run: [(x: Double, y: Double)] = []
        for (i, v) in values.enumerated() {
            if let v {
                run.append((x(at: i), y(v)))
            } else if !run.isEmpty {
                runs.append(run)
                run = []
            }
        }
        if !run.isEmpty { runs.append(run) }
        return runs
    }

    /// The months whose label the x axis prints: every third, counted back from the last, so the latest month is
    /// always named.
    public var labelledIndices: [Int] {
        values.indices.filter { (values.count - 1 - $0) % 3 == 0 }
    }
}

/// A horizontal bar chart: one bar a row (a team, a stage of the funnel), its value to the right, with an optional
/// target line.
public struct BarChart: Sendable, Hashable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        /// `nil`: no bar (too few to show, or no figure); the caption says why.
        public var value: Double?
        /// What is printed beside the bar: "45.2% (38 of 84)", "– (3)".
        public var caption: String
        /// Drawn in the second colour: step-downs beside step-ups.
        public var isSecondary: Bool

        public init(label: String, value: Double?, caption: String, isSecondary: Bool = false) {
            self.label = label
            self.value = value
            self.caption = caption
            self.isSecondary = isSecondary
        }
    }

    public var bars: [Bar]
    public var target: Double?
    public var isPercentage: Bool
    public var width: Double
    public var rowHeight: Double = 24
    public var labelWidth: Double = 150
    public var captionWidth: Double = 150
    public var axis: Axis
    /// Said across the plot when no bar has a value.
    public var emptyMessage = "Nothing to show"

    public init(
        bars: [Bar], target: Double? = nil, isPercentage: Bool, width: Double = 640, labelWidth: Double = 150
    ) {
        self.bars = bars
        self.labelWidth = labelWidth
        self.target = target
        self.isPercentage = isPercentage
        self.width = width
        let largest = max(bars.compactMap(\.value).max() ?? 0, target ?? 0)
        axis = isPercentage ? .percentage(holding: largest) : .count(holding: largest)
    }

    public var hasData: Bool { bars.contains { $0.value != nil } }

    /// Room for the tick labels under the bars.
    static let axisHeight = 26.0
    static let top = 8.0

    public var height: Double { Self.top + Double(max(bars.count, 1)) * rowHeight + Self.axisHeight }

    public var plot: PlotArea {
        PlotArea(
            x: labelWidth, y: Self.top, width: width - labelWidth - captionWidth,
            height: Double(max(bars.count, 1)) * rowHeight)
    }

    public var xScale: LinearScale { LinearScale(lower: 0, upper: axis.maximum, start: plot.x, end: plot.right) }

    /// The `index`th bar's rectangle, or `nil` when it has no value. A bar fills 70% of its row.
    public func rectangle(_ index: Int) -> PlotArea? {
        guard let value = bars[index].value else { return nil }
        let y = plot.y + Double(index) * rowHeight + rowHeight * 0.15
        return PlotArea(x: plot.x, y: y, width: xScale.position(value) - plot.x, height: rowHeight * 0.7)
    }

    /// The vertical centre of the `index`th row, where its label and caption sit.
    public func rowMiddle(_ index: Int) -> Double { plot.y + (Double(index) + 0.5) * rowHeight }
}
