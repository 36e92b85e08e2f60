/// The charts as inline SVG: no script, no external font or image, so the pack opens anywhere and prints.
///
/// Every element that shows a figure has the class `mark`, so a test (or a browser) can tell a chart with data from
/// an empty one.
enum SVGChart {
    static let lineColour = "#1d4e89"
    static let secondColour = "#8a5a9e"
    static let targetColour = "#b35c00"
    static let gridColour = "#d9d9d9"
    static let textColour = "#333333"

    /// `cssClass` is added to `chart`: `all-hidden` marks a team chart whose every figure is too small to show, so
    /// that a test can tell it from a chart that lost its data.
    static func open(width: Double, height: Double, label: String, cssClass: String? = nil) -> String {
        let w = HTMLText.coordinate(width)
        let h = HTMLText.coordinate(height)
        return
            "<svg class=\"chart\(cssClass.map { " " + $0 } ?? "")\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" "
            + "height=\"\(h)\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
            + "<title>\(HTMLText.escape(label))</title>"
    }

    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Int = 11, colour: String = textColour,
        weight: String? = nil, halo: Bool = false
    ) -> String {
        "<text x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y))\" text-anchor=\"\(anchor)\" "
            + "font-size=\"\(size)\" fill=\"\(colour)\"" + (weight.map { " font-weight=\"\($0)\"" } ?? "")
            + (halo ? " stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\"" : "") + ">"
            + HTMLText.escape(content) + "</text>"
    }

    static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, colour: String, width: Double = 1, dashed: Bool = false,
        cssClass: String? = nil
    ) -> String {
        let c = HTMLText.coordinate
        return "<line" + (cssClass.map { " class=\"\($0)\"" } ?? "")
            + " x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(colour)\" "
            + "stroke-width=\"\(c(width))\"" + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>"
    }

    /// A monthly series: horizontal grid lines at the ticks, the months below, the target dashed, the figures as a
    /// line with a dot a month and the latest figure written beside its dot.
    ///
    /// `emptyClass` is added to `chart` when no month has a figure (`no-figure`: a figure the log holds nothing
    /// for, so that a test can tell it from a chart that lost its data).
    static func svg(_ chart: LineChart, label: String, emptyClass: String? = nil) -> String {
        let c = HTMLText.coordinate
        let plot = chart.plot
        var out = open(
            width: chart.width, height: chart.height, label: label, cssClass: chart.hasData ? nil : emptyClass)
        for tick in chart.axis.ticks {
            let y = chart.y(tick)
            out += line(plot.x, y, plot.right, y, colour: gridColour)
            out += text(HTMLText.tick(tick, isPercentage: chart.kind == .share), x: plot.x - 6, y: y + 4, anchor: "end")
        }
        for i in chart.labelledIndices {
            out += line(chart.x(at: i), plot.bottom, chart.x(at: i), plot.bottom + 4, colour: textColour)
            out += text(chart.labels[i], x: chart.x(at: i), y: plot.bottom + 17, anchor: "middle")
        }
        if let target = chart.target {
            // Drawn before the line, so that where they meet the figures are on top; its label is in the margin.
            let y = chart.y(target)
            for piece in chart.targetPieces {
                out += line(
                    piece.lowerBound, y, piece.upperBound, y, colour: targetColour, width: 1.5, dashed: true,
                    cssClass: "target")
            }
            out += text("target", x: plot.right + 6, y: y - 2, size: 10, colour: targetColour)
            let written = chart.kind == .share ? HTMLText.target(target) : chart.text(target)
            out += text(written, x: plot.right + 6, y: y + 10, size: 10, colour: targetColour)
        }
        guard chart.hasData else {
            out += lines(chart.emptyMessage, size: 11, weight: nil)
            return out + "</svg>"
        }
        for segment in chart.segments {
            let points = segment.map { "\(c($0.x)),\(c($0.y))" }.joined(separator: " ")
            out +=
                "<polyline class=\"mark\" points=\"\(points)\" fill=\"none\" stroke=\"\(lineColour)\" "
                + "stroke-width=\"2\"/>"
            for p in segment {
                out += "<circle class=\"mark\" cx=\"\(c(p.x))\" cy=\"\(c(p.y))\" r=\"2.5\" fill=\"\(lineColour)\"/>"
            }
        }
        if let value = chart.values.last(where: { $0 != nil }) ?? nil,
            let label = chart.latestLabel(chart.text(value))
        {
            out += text(
                chart.text(value), x: label.x, y: label.y, anchor: label.anchor, size: 12,
                colour: lineColour, weight: "bold", halo: true)
        }
        return out + "</svg>"
    }

    /// A message of one or two lines, centred in its box.
    static func lines(_ message: (lines: [String], box: PlotArea), size: Int, weight: String?) -> String {
        let box = message.box
        let lineHeight = box.height / Double(max(message.lines.count, 1))
        return message.lines.enumerated().map { i, content in
            text(
                content, x: box.x + box.width / 2, y: box.y + (Double(i) + 0.8) * lineHeight, anchor: "middle",
                size: size, weight: weight, halo: true)
        }.joined()
    }

    /// Horizontal bars: a label to the left of each, its figure to the right, vertical grid lines at the ticks and
    /// the target dashed. A row with no value has no bar, only its caption ("–, fewer than 5").
    static func svg(_ chart: BarChart, label: String) -> String {
        let c = HTMLText.coordinate
        let plot = chart.plot
        let isAllHidden = !chart.bars.isEmpty && chart.bars.allSatisfy { $0.value == nil }
        var out = open(
            width: chart.width, height: chart.height, label: label, cssClass: isAllHidden ? "all-hidden" : nil)
        for tick in chart.axis.ticks {
            let x = chart.xScale.position(tick)
            out += line(x, plot.y, x, plot.bottom, colour: gridColour)
            out += text(
                HTMLText.tick(tick, isPercentage: chart.isPercentage), x: x, y: plot.bottom + 16, anchor: "middle",
                size: chart.textSize)
        }
        if let target = chart.target {
            // Drawn before the bars, so that a bar covers it rather than the line crossing the figure.
            let x = chart.xScale.position(target)
            for piece in chart.targetPieces {
                out += line(
                    x, piece.lowerBound, x, piece.upperBound, colour: targetColour, width: 1.5, dashed: true,
                    cssClass: "target")
            }
        }
        for (i, bar) in chart.bars.enumerated() {
            let middle = chart.rowMiddle(i)
            out += text(bar.label, x: plot.x - 8, y: middle + 4, anchor: "end", size: chart.textSize)
            if let r = chart.rectangle(i) {
                // A zero is still a figure: a hairline shows it was measured, not missing.
                let width = max(r.width, 1)
                out +=
                    "<rect class=\"mark\" x=\"\(c(r.x))\" y=\"\(c(r.y))\" width=\"\(c(width))\" "
                    + "height=\"\(c(r.height))\" fill=\"\(bar.isSecondary ? secondColour : lineColour)\"/>"
            }
            out += text(bar.caption, x: plot.right + 8, y: middle + 4, size: chart.textSize)
        }
        if !chart.hasData { out += lines(chart.emptyMessageLayout, size: chart.textSize, weight: "bold") }
        return out + "</svg>"
    }
}
