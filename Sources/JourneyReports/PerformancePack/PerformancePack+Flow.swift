import JourneyCore
import JourneyProjections

extension PerformancePack {
    /// The front door, stage by stage (metrics.md, activity).
    static let funnel: [(id: String, label: String)] = [
        ("contacts", "Contacts"), ("referrals", "Referrals"), ("assessments-completed", "Assessments"),
        ("s47-enquiries-started", "S47 enquiries"), ("icpcs-held", "ICPCs"), ("cp-plans-started", "CP plans"),
    ]

    /// The conversions between stages, in the funnel's order.
    static let conversions: [(id: String, label: String)] = [
        ("contacts-to-referrals", "Contacts that became a referral"),
        ("referrals-to-assessments", "Referrals (not NFA) that led to an assessment"),
        ("s47s-to-icpcs", "S47 enquiries followed by an initial conference"),
        ("icpcs-to-cp-plans", "Initial conferences that decided on a CP plan"),
    ]

    /// The levels of help, as a manager names them.
    static let levelNames = [
        "universal": "Universal", "early-help": "Early help", "cin": "Child in need", "cp": "CP plan",
        "care": "Looked after",
    ]

    /// The funnel as bars: how many reached each stage in the twelve months.
    public var funnelChart: BarChart {
        BarChart(
            bars: Self.funnel.map { stage in
                let n = Self.result(stage.id, in: current)?.numerator ?? 0
                return BarChart.Bar(label: stage.label, value: Double(n), caption: HTMLText.count(n))
            }, isPercentage: false, width: 640)
    }

    /// Steps between levels ("Child in need → CP plan"), up first then down, each by count.
    public var stepsChart: BarChart {
        var bars: [BarChart.Bar] = []
        for (id, isDown) in [("step-ups", false), ("step-downs", true)] {
            guard let result = Self.result(id, in: current) else { continue }
            for (key, n) in Self.byLevels(result) {
                let parts = key.components(separatedBy: " to ")
                let label = parts.map { Self.levelNames[$0] ?? $0 }.joined(separator: " → ")
                bars.append(
                    BarChart.Bar(
                        label: label, value: Double(n), caption: "\(HTMLText.count(n)) \(isDown ? "down" : "up")",
                        isSecondary: isDown))
            }
        }
        var chart = BarChart(bars: bars, isPercentage: false, width: 680, labelWidth: 190)
        chart.emptyMessage = "No step-ups or step-downs in the twelve months"
        return chart
    }

    /// The `byLevels` detail of a step count: "from to to" and its count.
    static func byLevels(_ result: MetricResult) -> [(String, Int)] {
        guard let member = result.details.first(where: { $0.key == "byLevels" }), case .object(let pairs) = member.value
        else { return [] }
        return pairs.compactMap { pair in
            guard case .number(let text) = pair.value, let n = Int(text) else { return nil }
            return (pair.key, n)
        }
    }

    var flowSection: String {
        var out = "<p>What came through the front door in the twelve months to \(HTMLText.day(period.to)), and how "
        out += "many children reached each stage. A stage's count includes children who came to it by another "
        out += "route, so the funnel need not narrow at every step.</p>\n"
        out += "<figure><figcaption>The front door: contacts to CP plans<small>counts in the twelve months</small>"
        out += "</figcaption>\n" + SVGChart.svg(funnelChart, label: "Front door funnel, counts") + "\n</figure>\n"
        out += "<table class=\"conversions\"><thead><tr><th>Conversion</th><th class=\"num\">12 months to "
        out += "\(HTMLText.shortMonth(period.to))</th><th class=\"num\">Year before</th></tr></thead>\n<tbody>\n"
        for (id, label) in Self.conversions {
            let (a, b) = (ShownFigure(Self.result(id, in: current)), ShownFigure(Self.result(id, in: previous)))
            out += "<tr><td>\(HTMLText.escape(label))</td><td class=\"num\">\(a.text)<small>\(a.note)</small></td>"
            out += "<td class=\"num\">\(b.text)<small>\(b.note)</small></td></tr>\n"
        }
        out += "</tbody></table>\n"
        out += "<figure><figcaption>Step-ups and step-downs between levels of help<small>"
        out += "moves in the twelve months, by the level a child moved from and to</small></figcaption>\n"
        out += "<p class=\"key\"><span class=\"swatch first\"></span>step up<span class=\"swatch second\"></span>"
        out += "step down</p>\n"
        out += SVGChart.svg(stepsChart, label: "Step-ups and step-downs, counts") + "\n</figure>\n"
        return out
    }
}
