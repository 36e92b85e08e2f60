import Foundation
import JourneyProjections

/// An axis from a round lowest value to a round maximum, with ticks at round steps: what every chart of the pack is
/// drawn on.
///
/// Bar charts start at 0, so that a bar's length can be read as an amount. A trend's axis is scaled to its figures
/// and target (`percentage(spanning:)`), with a labelled lowest tick and never less than 10 points tall, so that a
/// move of a point or two is visible without being blown up into a cliff.
public struct Axis: Sendable, Hashable {
    /// The value at the bottom (or left) of the axis: 0 unless a trend is scaled to its figures.
    public var lowest: Double = 0
    public var maximum: Double
    public var step: Double

    /// The smallest round axis that holds `largest`: steps of 1, 2 or 5 × 10ⁿ, about `steps` of them (five; fewer
    /// on a narrow chart, where five labels would run together), never shorter than `minimum` (so an all-zero
    /// series sits on the baseline of a real axis), whole steps for counts.
    public init(holding largest: Double, minimum: Double, wholeSteps: Bool, steps: Double = 5) {
        let v = max(largest.isFinite ? largest : 0, minimum)
        let raw = v / steps
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let n = raw / magnitude
        var step = (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude
        if wholeSteps { step = max(1, step.rounded(.up)) }
        self.step = step
        // The small allowance keeps 60.000000001 (a sum of tenths) from taking a step of its own.
        self.maximum = (v / step - 1e-9).rounded(.up) * step
    }

    /// A percentage axis: at least 0–10%.
    public static func percentage(holding largest: Double, steps: Double = 5) -> Axis {
        Axis(holding: largest, minimum: 10, wholeSteps: false, steps: steps)
    }

    /// A count axis: at least 0–1, in whole steps.
    public static func count(holding largest: Double) -> Axis { Axis(holding: largest, minimum: 1, wholeSteps: true) }

    /// A trend's percentage axis: from a round value at or below the lowest of `values` to one at or above the
    /// highest (include the target among them, so that its line is always on the chart), at least `minimumSpan`
    /// points tall, padded equally above and below a flatter series and kept within 0–100%.
    public static func percentage(spanning values: [Double], minimumSpan: Double = 10) -> Axis {
        let finite = values.filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else { return .percentage(holding: 0) }
        if high - low < minimumSpan {
            let pad = (minimumSpan - (high - low)) / 2
            (low, high) = (low - pad, high + pad)
            if low < 0 { (low, high) = (0, high - low) }
            if high > 100 && low - (high - 100) >= 0 { (low, high) = (low - (high - 100), 100) }
        }
        var axis = Axis(holding: high - low, minimum: minimumSpan, wholeSteps: false)
        axis.lowest = max(0, (low / axis.step + 1e-9).rounded(.down) * axis.step)
        axis.maximum = max((high / axis.step - 1e-9).rounded(.up) * axis.step, axis.lowest + axis.step)
        return axis
    }

    /// lowest, lowest + step, … maximum.
    public var ticks: [Double] {
        let n = Int(((maximum - lowest) / step).rounded())
        return (0...n).map { lowest + Double($0) * step }
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
    /// What the values are: percentages (the axis scaled to them, within 0–100%), counts or averages (from 0).
    public var kind: MetricResult.Kind

    public init(
        values: [Double?], labels: [String], target: Double?, width: Double = 440, height: Double = 210,
        kind: MetricResult.Kind = .share
    ) {
        self.values = values
        self.labels = labels
        self.target = target
        self.width = width
        self.height = height
        self.kind = kind
        plot = PlotArea(x: 44, y: 14, width: width - 44 - 56, height: height - 14 - 34)
        let shown = values.compactMap { $0 } + (target.map { [$0] } ?? [])
        switch kind {
        case .share: axis = .percentage(spanning: shown)
        case .count: axis = .count(holding: shown.max() ?? 0)
        case .average: axis = Axis(holding: shown.max() ?? 0, minimum: 1, wholeSteps: false)
        }
    }

    /// A value as the chart writes it: "45.2%", "12", "410.5".
    public func text(_ value: Double) -> String {
        switch kind {
        case .share: HTMLText.percentage(value)
        case .count: HTMLText.count(Int(value.rounded()))
        case .average: HTMLText.decimal(value)
        }
    }

    public var hasData: Bool { values.contains { $0 != nil } }

    /// Where the `index`th month goes: spread over the plot's width, the first at its left edge and the last at its
    /// right; a single month at the centre.
    public func x(at index: Int) -> Double {
        guard values.count > 1 else { return plot.x + plot.width / 2 }
        return plot.x + Double(index) * plot.width / Double(values.count - 1)
    }

    public var yScale: LinearScale {
        LinearScale(lower: axis.lowest, upper: axis.maximum, start: plot.bottom, end: plot.y)
    }

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

    /// The months whose label the x axis prints: every third (or sixth, or twelfth, on a narrow chart, so that
    /// labels about 42 pixels wide do not run into each other), counted back from the last, so the latest month is
    /// always named.
    public var labelledIndices: [Int] {
        let gap = values.count > 1 ? plot.width / Double(values.count - 1) : plot.width
        let stride = [3, 6, 12].first { Double($0) * gap >= 42 } ?? 12
        return values.indices.filter { (values.count - 1 - $0) % stride == 0 }
    }

    /// Said across the plot when no month has a figure, with the box it takes.
    public var emptyMessage: (lines: [String], box: PlotArea) {
        LabelPlacement.message(
            "No figures for these months", centredAt: plot.x + plot.width / 2, plot.y + plot.height / 2, size: 11,
            maximumWidth: plot.width)
    }

    /// The target line's pieces across the plot: cut where the empty message is, so that it never runs through
    /// the words.
    public var targetPieces: [ClosedRange<Double>] {
        guard let target else { return [] }
        let y = y(target)
        let box = emptyMessage.box.grown(by: LabelPlacement.clearance)
        let gaps = !hasData && y >= box.y && y <= box.bottom ? [box.x...box.right] : []
        return LabelPlacement.pieces(from: plot.x, to: plot.right, cutting: gaps)
    }

    /// The box of the target's label in the right margin: "target" above the line and the figure below it.
    public var targetLabelBox: PlotArea? {
        guard let target else { return nil }
        let y = y(target)
        return PlotArea(x: plot.right + 6, y: y - 10, width: width - plot.right - 6, height: 22)
    }

    /// Where the latest figure's label goes: beside its dot, or above or below it, wherever it covers neither the
    /// line, the target line nor the target's label, within the chart and above the month labels
    /// (`LabelPlacement.latestValue`).
    public func latestLabel(_ text: String, size: Double = 12) -> LabelPlacement.Label? {
        guard let last = values.lastIndex(where: { $0 != nil }), let value = values[last] else { return nil }
        return LabelPlacement.latestValue(
            at: (x(at: last), y(value)), width: LabelPlacement.textWidth(text, size: size), size: size,
            line: segments, avoidingLines: target.map { [y($0)] } ?? [],
            avoidingBoxes: targetLabelBox.map { [$0] } ?? [],
            bounds: PlotArea(x: 0, y: 0, width: width, height: plot.bottom))
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
        bars: [Bar], target: Double? = nil, isPercentage: Bool, width: Double = 640, labelWidth: Double = 150,
        captionWidth: Double = 150, rowHeight: Double = 24
    ) {
        self.bars = bars
        self.labelWidth = labelWidth
        self.captionWidth = captionWidth
        self.rowHeight = rowHeight
        self.target = target
        self.isPercentage = isPercentage
        self.width = width
        let largest = max(bars.compactMap(\.value).max() ?? 0, target ?? 0)
        // About one tick label every 40 pixels: five on a wide chart, two or three on a narrow one.
        let steps = min(5, max(2, (width - labelWidth - captionWidth) / 40))
        axis =
            isPercentage
            ? .percentage(holding: largest, steps: steps)
            : Axis(holding: largest, minimum: 1, wholeSteps: true, steps: steps)
    }

    public var hasData: Bool { bars.contains { $0.value != nil } }

    /// The size of its words and figures: 10 on a narrow chart (captions of under 120 pixels), 11 otherwise.
    public var textSize: Int { captionWidth < 120 ? 10 : 11 }

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

    /// The message said when no bar has a value, and the box it takes: centred on the plot; beside the target line,
    /// on its wider side, when the line would run through it there and it fits beside; in two lines when one is
    /// wider than the room.
    public var emptyMessageLayout: (lines: [String], box: PlotArea) {
        let (size, middle) = (Double(textSize), plot.y + plot.height / 2)
        let centred = LabelPlacement.message(
            emptyMessage, centredAt: plot.x + plot.width / 2, middle, size: size, maximumWidth: plot.width - 8)
        guard let target else { return centred }
        let x = xScale.position(target)
        let box = centred.box.grown(by: LabelPlacement.clearance)
        guard x >= box.x && x <= box.right else { return centred }
        let (from, to) = x - plot.x >= plot.right - x ? (plot.x, x) : (x, plot.right)
        let beside = LabelPlacement.message(
            emptyMessage, centredAt: (from + to) / 2, middle, size: size, maximumWidth: to - from - 8)
        return beside.box.width <= to - from - 2 * LabelPlacement.clearance ? beside : centred
    }

    /// The target line's pieces, from just above the plot to its bottom: cut where the empty message is, if the
    /// message could not be moved off the line.
    public var targetPieces: [ClosedRange<Double>] {
        guard let target else { return [] }
        let x = xScale.position(target)
        var gaps: [ClosedRange<Double>] = []
        if !hasData {
            let box = emptyMessageLayout.box.grown(by: LabelPlacement.clearance)
            if x >= box.x && x <= box.right { gaps.append(box.y...box.bottom) }
        }
        return LabelPlacement.pieces(from: plot.y - 4, to: plot.bottom, cutting: gaps)
    }

    /// The vertical centre of the `index`th row, where its label and caption sit.
    public func rowMiddle(_ index: Int) -> Double { plot.y + (Double(index) + 0.5) * rowHeight }
}
