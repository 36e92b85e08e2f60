extension PerformancePack {
    /// The line chart of one measure: its rolling twelve-month figure to each month end, with its target.
    public func trendChart(_ measure: PackMeasure) -> LineChart {
        LineChart(
            values: series.map { ShownFigure(Self.result(measure.id, in: $0)).value },
            labels: series.map { HTMLText.shortMonth($0.period.to) }, target: targets[measure.id]?.value,
            width: 336, height: 140)
    }

    var trendSection: String {
        var out = "<p>Each point is the figure for the twelve months to that month end, so a line shows the trend "
        out += "without the swings of single months."
        if let first = series.first {
            out += " From the twelve months to \(HTMLText.day(first.period.to)) to those to \(HTMLText.day(monthEnd))."
        }
        out += " Each scale runs from below a chart's lowest figure or target to above its highest (at least 10 "
        out += "points): read it before comparing two charts.</p>\n"
        out += "<p class=\"key\"><span class=\"swatch line\"></span>rolling 12 months"
        out += "<span class=\"swatch target\"></span>target</p>\n<div class=\"grid\">\n"
        for measure in PackMeasure.all {
            let chart = trendChart(measure)
            let target = targets[measure.id]
            out += "<figure><figcaption>\(HTMLText.escape(measure.title))<small>"
            out += measure.polarity == .higherIsBetter ? "higher is better" : "lower is better"
            out +=
                target.map { " · target \(HTMLText.target($0.value)) (\(HTMLText.escape($0.source)))" }
                ?? " · no target"
            out += partlyCoveredPoints(measure.id)
            out += "</small></figcaption>\n"
            out += SVGChart.svg(chart, label: "\(measure.title): rolling 12 months to each month end") + "\n</figure>\n"
        }
        return out + "</div>\n"
    }

    /// " · partly covered: the 3 points of Apr 24 to Jun 24, …" in a trend chart's caption, or "" when every point
    /// of `id` is covered.
    func partlyCoveredPoints(_ id: String) -> String {
        let partial = series.filter { Self.result(id, in: $0)?.isPartlyCovered == true }
        guard let first = partial.first, let last = partial.last else { return "" }
        let months =
            first.period.to == last.period.to
            ? HTMLText.shortMonth(first.period.to)
            : "\(HTMLText.shortMonth(first.period.to)) to \(HTMLText.shortMonth(last.period.to))"
        let points = partial.count == 1 ? "the point" : "the \(partial.count) points"
        return " · <span class=\"partial\">partly covered: \(points) of \(months), the log does not hold "
            + "all they need</span>"
    }
}
