import JourneyProjections

extension PerformancePack {
    /// Every team of the headline period's breakdowns, by name, `unallocated` last: every team chart lists its teams
    /// in this order, so that one team can be followed down the page.
    public var teams: [String] {
        var names: Set<String> = []
        // The team charts are of the headline measures: the permanence section's figures add no team to them.
        for m in current.metrics where !Self.permanenceIDs.contains(m.id) {
            for b in m.breakdown where b.dimension == .team { names.formUnion(b.rows.map(\.key)) }
        }
        return names.sorted { a, b in
            if (a == "unallocated") != (b == "unallocated") { return b == "unallocated" }
            return a < b
        }
    }

    /// The bar chart of one measure by team, each bar captioned with its counts; a team with fewer than 5 in the
    /// count has no bar and "–"; a team with none is not listed.
    public func teamChart(_ measure: PackMeasure) -> BarChart {
        let rows = Self.result(measure.id, in: current)?.breakdown.first { $0.dimension == .team }?.rows ?? []
        // Teams with nobody in this measure's count are left off: "Front Door" has no children looked after, and a
        // column of "none" rows would hide the teams that matter. The order is the same on every chart.
        let counted = Set(rows.filter { ($0.denominator ?? 0) > 0 }.map(\.key))
        let bars = teams.filter(counted.contains).map { team in
            let figure = ShownFigure(team: rows.first { $0.key == team })
            let caption = figure.value == nil ? "– (\(figure.note))" : "\(figure.text) (\(figure.note))"
            return BarChart.Bar(label: team, value: figure.value, caption: caption)
        }
        var chart = BarChart(
            bars: bars, target: targets[measure.id]?.value, isPercentage: true, width: 336, labelWidth: 102,
            captionWidth: 102, rowHeight: 18)
        chart.emptyMessage =
            bars.isEmpty ? "None to count" : "No team has \(smallNumberThreshold) or more"
        return chart
    }

    var teamSection: String {
        var out = "<p>The twelve months to \(HTMLText.day(period.to)), by the team responsible on the date each "
        out += "figure is about (the allocation in force then). Each bar is the team's percentage, with the counts "
        out +=
            "beside it; a team with fewer than \(smallNumberThreshold) in the count shows “–”, and a team with none is "
        out += "not listed.</p>\n"
        out += "<p class=\"key\"><span class=\"swatch first\"></span>team's figure"
        out += "<span class=\"swatch target\"></span>target</p>\n<div class=\"grid\">\n"
        for measure in PackMeasure.all {
            let target = targets[measure.id]
            out += "<figure><figcaption>\(HTMLText.escape(measure.title))<small>"
            out += measure.polarity == .higherIsBetter ? "higher is better" : "lower is better"
            let council = Self.result(measure.id, in: current)
            out += "; council \(ShownFigure(council).text)"
            if council?.isPartlyCovered == true { out += " <span class=\"partial\">(partly covered)</span>" }
            out += target.map { " · target \(HTMLText.target($0.value))" } ?? " · no target"
            out += "</small></figcaption>\n"
            out += SVGChart.svg(teamChart(measure), label: "\(measure.title) by team") + "\n</figure>\n"
        }
        return out + "</div>\n"
    }
}
