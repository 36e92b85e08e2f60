extension PerformancePack {
    /// Open findings by team, as bars.
    public var qualityChart: BarChart {
        let bars = quality.teams.indices.map { i in
            let n = quality.rows.reduce(0) { $0 + $1.byTeam[i] }
            return BarChart.Bar(label: quality.teams[i], value: Double(n), caption: HTMLText.count(n))
        }
        return BarChart(bars: bars, isPercentage: false, width: 640)
    }

    var qualitySection: String {
        var out = "<p>Open findings of the data-quality checks (<code>journey check</code>), as the log stood, with "
        out += "timescales judged on \(HTMLText.day(quality.asOf)), by the team responsible on that date. Each is "
        out += "something to put right in the record; <code>journey check --by team</code> lists them for each "
        out += "team.</p>\n"
        guard !quality.rows.isEmpty else { return out + "<p><strong>No open findings.</strong></p>\n" }
        out += "<figure><figcaption>Open findings by team<small>\(HTMLText.count(quality.total)) in all</small>"
        out += "</figcaption>\n" + SVGChart.svg(qualityChart, label: "Open data-quality findings by team")
        out += "\n</figure>\n<table class=\"quality\">\n<thead><tr><th>Check</th><th>Severity</th>"
        for team in quality.teams { out += "<th class=\"num\">\(HTMLText.escape(team))</th>" }
        out += "<th class=\"num\">All</th></tr></thead>\n<tbody>\n"
        for row in quality.rows {
            out += "<tr><td>\(HTMLText.escape(row.summary))<small>\(HTMLText.escape(row.check))</small></td>"
            out += "<td>\(row.severity.rawValue)</td>"
            for n in row.byTeam { out += "<td class=\"num\">\(n == 0 ? "" : HTMLText.count(n))</td>" }
            out += "<td class=\"num\"><strong>\(HTMLText.count(row.total))</strong></td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
