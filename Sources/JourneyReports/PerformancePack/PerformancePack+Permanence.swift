import JourneyProjections

/// A figure of the pack's permanence and care leavers section: a metric of metrics.md (*Permanence, leaving care and
/// health*) in a manager's words.
public struct PermanenceFigure: Sendable, Hashable {
    /// The metric's id in metrics.md.
    public var id: String
    public var title: String
    /// What the figure counts, for the table's small print.
    public var counts: String

    /// Count, share or average: the metric's own, from its description (`journey metrics --list`).
    public var kind: MetricResult.Kind { MetricCatalogue.description(of: id)?.unit.kind ?? .count }

    /// What an average is of ("days", "points"), for its change; empty for the others.
    public var unit: String {
        switch MetricCatalogue.description(of: id)?.unit {
        case .days: "days"
        case .score: "points"
        default: ""
        }
    }
}

extension PerformancePack {
    /// The section's figures, in the order of metrics.md.
    public static let permanenceFigures: [PermanenceFigure] = [
        PermanenceFigure(id: "adoptions", title: "Children adopted", counts: "children"),
        PermanenceFigure(
            id: "sgo-cao-exits", title: "Children leaving care on a special guardianship or child arrangements order",
            counts: "children"),
        PermanenceFigure(
            id: "adoption-entry-to-placement-days",
            title: "Average days from entering care to moving in with the adopters", counts: "children adopted"),
        PermanenceFigure(
            id: "adoption-order-to-match-days", title: "Average days from the placement order to the match",
            counts: "children adopted"),
        PermanenceFigure(
            id: "adoption-decision-reversed", title: "Decisions to place for adoption reversed", counts: "decisions"),
        PermanenceFigure(
            id: "care-leavers-in-touch", title: "Care leavers aged 17 to 21 in touch",
            counts: "care leavers aged 17 to 21"),
        PermanenceFigure(
            id: "care-leavers-suitable-accommodation", title: "Care leavers aged 17 to 21 in suitable accommodation",
            counts: "care leavers aged 17 to 21"),
        PermanenceFigure(
            id: "care-leavers-eet", title: "Care leavers aged 17 to 21 in education, employment or training",
            counts: "care leavers aged 17 to 21"),
        PermanenceFigure(
            id: "cla-health-assessments", title: "Annual health assessments done",
            counts: "children looked after for 12 months"),
        PermanenceFigure(
            id: "cla-dental-checks", title: "Teeth checked", counts: "children looked after for 12 months"),
        PermanenceFigure(
            id: "cla-immunisations", title: "Immunisations up to date", counts: "children looked after for 12 months"),
        PermanenceFigure(
            id: "cla-sdq", title: "Average strengths and difficulties (SDQ) score",
            counts: "children looked after for 12 months, aged 5 to 16, with a score"),
        PermanenceFigure(
            id: "cla-convicted", title: "Convicted in the year",
            counts: "children looked after for 12 months, aged 10 or over"),
        PermanenceFigure(
            id: "cla-substance-misuse", title: "Identified with a substance misuse problem",
            counts: "children looked after for 12 months"),
    ]

    static let permanenceIDs = permanenceFigures.map(\.id)

    /// The section's percentages: the figures a council's targets file may give a target (none has England's).
    static let permanenceTargetIDs = permanenceFigures.filter { $0.kind == .share }.map(\.id)

    /// "12", "45.2%", "410.5": a figure of the section, and its small print ("children", "38 of 84", "over 12").
    static func shown(_ figure: PermanenceFigure, _ result: MetricResult?) -> (
        value: Double?, text: String, note: String
    ) {
        guard figure.kind == .count else {
            let shown = ShownFigure(
                numerator: result?.numerator ?? 0, denominator: result?.denominator ?? 0, kind: figure.kind)
            return (shown.value, shown.text, shown.note)
        }
        guard let result else { return (nil, "–", "none") }
        // "1 child", "2 children".
        let what = result.numerator != 1 ? figure.counts : figure.counts == "children" ? "child" : "decision"
        return (Double(result.numerator), HTMLText.count(result.numerator), what)
    }

    /// The line chart of one figure: its rolling twelve-month figure to each month end, counts and averages on an
    /// axis from 0.
    public func trendChart(_ figure: PermanenceFigure) -> LineChart {
        LineChart(
            values: series.map { Self.shown(figure, Self.result(figure.id, in: $0)).value },
            labels: series.map { HTMLText.shortMonth($0.period.to) }, target: targets[figure.id]?.value,
            width: 336, height: 140, kind: figure.kind)
    }

    var permanenceSection: String {
        var out = "<p>Adoption, special guardianship, care leavers and the health of children looked after: the "
        out += "twelve months to \(HTMLText.day(period.to)), compared with the twelve months before, and the rolling "
        out += "twelve months to each month end.</p>\n"
        out += "<table class=\"headlines\">\n<thead><tr><th>Measure</th>"
        out += "<th class=\"num\">12 months to \(HTMLText.shortMonth(period.to))</th>"
        out += "<th class=\"num\">Year before</th><th class=\"num\">Change</th><th class=\"num\">Target</th>"
        out += "<th>Status</th></tr></thead>\n<tbody>\n"
        let partial = #"<small class="partial">partly covered</small>"#
        var anyPartial = false
        for figure in Self.permanenceFigures {
            let now = Self.result(figure.id, in: current)
            let before = Self.result(figure.id, in: previous)
            let (a, b) = (Self.shown(figure, now), Self.shown(figure, before))
            let polarity = PackMeasure.polarity(of: figure.id)
            let isComparable = now?.isPartlyCovered != true && before?.isPartlyCovered != true
            anyPartial = anyPartial || !isComparable
            out += "<tr><td>\(HTMLText.escape(figure.title))<small>"
            out += polarity.map { $0 == .higherIsBetter ? "higher is better" : "lower is better" } ?? "a count"
            out += "; of \(HTMLText.escape(figure.counts))</small></td>"
            out += "<td class=\"num\"><strong>\(a.text)</strong><small>\(HTMLText.escape(a.note))</small>"
            out += (now?.isPartlyCovered == true ? partial : "") + "</td>"
            out += "<td class=\"num\">\(b.text)<small>\(HTMLText.escape(b.note))</small>"
            out += (before?.isPartlyCovered == true ? partial : "") + "</td>"
            // A change from a partly covered figure is off by an unknown amount: none is worked out.
            let change = isComparable ? a.value.flatMap { x in b.value.map { x - $0 } } : nil
            out += "<td class=\"num\">"
            if let change {
                let sign = change > 0 ? "+" : ""
                switch figure.kind {
                case .count: out += sign + HTMLText.count(Int(change.rounded()))
                case .share: out += sign + HTMLText.decimal(change) + " points"
                case .average: out += sign + HTMLText.decimal(change) + " " + figure.unit
                }
            } else {
                out += "–"
            }
            out += "</td>"
            let target = targets[figure.id]
            if let target {
                out += "<td class=\"num\">\(HTMLText.target(target.value))"
                out += "<small>\(HTMLText.escape(target.source))</small></td>"
            } else {
                out += "<td class=\"num\">no target<small>none set</small></td>"
            }
            let status =
                polarity.map { RAGStatus.status(ofFigure: now, against: target, polarity: $0) }
                ?? (now?.isPartlyCovered == true ? .partlyCovered : .noTarget)
            out += "<td>\(Self.badge(status))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"note\"><strong>No target</strong>: no England figure for 2024-25 is set as a target; a "
        out += "council can set its own in the targets file (for the percentages), and a figure with one is rated as "
        out += "on the headline page. Counts are of children (adoptions, orders) or of decisions, and are neither "
        out += "better nor worse in themselves. "
        if anyPartial {
            out += "<strong>Partly covered</strong>: off by an unknown amount, as the log does not hold all the figure "
            out += "needs (the health figures need the periods of care of the year before, and the health events "
            out += "themselves; the log covers \(HTMLText.escape(current.span?.description ?? "nothing"))): not "
            out += "compared and not rated. "
        }
        out += "<strong>–</strong> means none to count.</p>\n"
        out += "<p class=\"key\"><span class=\"swatch line\"></span>rolling 12 months"
        out += "<span class=\"swatch target\"></span>target</p>\n<div class=\"grid\">\n"
        for figure in Self.permanenceFigures {
            let polarity = PackMeasure.polarity(of: figure.id)
            out += "<figure><figcaption>\(HTMLText.escape(figure.title))<small>"
            out += polarity.map { $0 == .higherIsBetter ? "higher is better" : "lower is better" } ?? "a count"
            out +=
                targets[figure.id].map { " · target \(HTMLText.target($0.value)) (\(HTMLText.escape($0.source)))" }
                ?? " · no target"
            out += partlyCoveredPoints(figure.id)
            out += "</small></figcaption>\n"
            out += SVGChart.svg(
                trendChart(figure), label: "\(figure.title): rolling 12 months to each month end",
                emptyClass: "no-figure")
            out += "\n</figure>\n"
        }
        return out + "</div>\n"
    }
}
