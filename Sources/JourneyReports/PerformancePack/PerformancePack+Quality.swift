extension PerformancePack {
    /// Open findings by team, as bars.
    public var qualityChart: BarChart {
        let bars = quality.teams.indices.map { i in
            let n = quality.rows.reduce(0) { $0 + $1.byTeam[i] }
            return BarChart.Bar(label: quality.teams[i], value: Double(n), caption: HTMLText.count(n))
        }
        return BarChart(bars: bars, isPercentage: false, width: 440, labelWidth: 130, captionWidth: 50, rowHeight: 20)
    }

    var qualitySection: String {
        var out = "<p>Findings of the data-quality checks (<code>journey check</code>) open at "
        out += "\(HTMLText.day(quality.asOf)): in the record as it stood then, with timescales judged on that day. "
        out += "Each is charged to the team responsible when it arose (on the date it is about), which may not be "
        out += "the team holding the case now, and its age runs from that date. Each is something to put right in "
        out += "the record; <code>journey check --by team</code> lists them for each team that holds the cases "
        out += "now.</p>\n"
        guard !quality.rows.isEmpty else { return out + "<p><strong>No open findings.</strong></p>\n" }
        // The chart and the table by age side by side, the table by check and team below: one printed page.
        out += "<div class=\"side\">\n<figure><figcaption>Open findings by team<small>"
        out += "\(HTMLText.count(quality.total)) in all</small></figcaption>\n"
        out += SVGChart.svg(qualityChart, label: "Open data-quality findings by team") + "\n</figure>\n"
        // How long they have been open: a backlog from years ago reads differently from last month's slips.
        out += "<table class=\"quality\">\n<caption>Open findings by age at \(HTMLText.day(quality.asOf))</caption>\n"
        out += "<thead><tr><th>Check</th>"
        for band in QualitySummary.AgeBand.allCases { out += "<th class=\"num\">\(band.label)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in quality.rows {
            out += "<tr><td>\(HTMLText.escape(row.summary))<small>\(HTMLText.escape(row.check))</small></td>"
            for n in row.byAge { out += "<td class=\"num\">\(n == 0 ? "" : HTMLText.count(n))</td>" }
            out += "</tr>\n"
        }
        out += "<tr><td><strong>All</strong></td>"
        for n in quality.byAge { out += "<td class=\"num\"><strong>\(HTMLText.count(n))</strong></td>" }
        out += "</tr>\n</tbody>\n</table>\n</div>\n"
        out += "<table class=\"quality\">\n<caption>Open findings by check and team</caption>\n"
        out += "<thead><tr><th>Check</th><th>Severity</th>"
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
