import JourneyProjections

/// One headline measure as the first page shows it: this year, last year, which way it moved, and its status.
public struct HeadlineRow: Sendable, Hashable {
    public var measure: PackMeasure
    public var current: ShownFigure
    public var previous: ShownFigure
    public var direction: DirectionOfTravel
    public var target: Target?
    public var status: RAGStatus
    /// Why the log covers the figure only in part (`MetricResult.partialCoverage`), for each year.
    public var currentCoverage: String?
    public var previousCoverage: String?
}

extension PerformancePack {
    /// Every headline measure, judged against its target and compared with the year before.
    public var headlines: [HeadlineRow] {
        PackMeasure.all.map { measure in
            let now = Self.result(measure.id, in: self.current)
            let before = Self.result(measure.id, in: self.previous)
            let current = ShownFigure(now)
            let previous = ShownFigure(before)
            let target = targets[measure.id]
            // A partly covered figure is off by an unknown amount: no direction of travel from it either.
            let isComparable = now?.isPartlyCovered != true && before?.isPartlyCovered != true
            return HeadlineRow(
                measure: measure, current: current, previous: previous,
                direction: isComparable
                    ? .between(previous.value, current.value, polarity: measure.polarity) : .notComparable,
                target: target, status: .status(ofFigure: now, against: target, polarity: measure.polarity),
                currentCoverage: now?.partialCoverage, previousCoverage: before?.partialCoverage)
        }
    }

    /// The activity counts, in a manager's words; conversions are shares of the stage before.
    static let activityLabels: [(id: String, label: String)] = [
        ("contacts", "Contacts"), ("referrals", "Referrals"), ("assessments-completed", "Assessments completed"),
        ("s47-enquiries-started", "S47 enquiries started"), ("icpcs-held", "Initial CP conferences held"),
        ("cin-plans-started", "CIN plans started"), ("cin-plans-ended", "CIN plans ended"),
        ("cp-plans-started", "CP plans started"), ("cp-plans-ended", "CP plans ended"),
        ("periods-of-care-started", "Children starting to be looked after"),
        ("periods-of-care-ended", "Children ceasing to be looked after"),
        ("children-in-need-on-date", "Children in need at the month end"),
        ("children-on-cp-plans-on-date", "Children on a CP plan at the month end"),
        ("children-looked-after-on-date", "Children looked after at the month end"), ("step-ups", "Step-ups"),
        ("step-downs", "Step-downs"), ("contacts-to-referrals", "Contacts that became referrals"),
        ("referrals-to-assessments", "Referrals (not NFA) that led to an assessment"),
        ("s47s-to-icpcs", "S47 enquiries that led to a conference"),
        ("icpcs-to-cp-plans", "Conferences that decided on a CP plan"),
        ("missing-episodes-ended", "Missing episodes ended with a return interview offered"),
    ]

    var headlineSection: String {
        var out = "<p>The twelve months to \(HTMLText.day(period.to)) (\(HTMLText.day(period.from)) to "
        out += "\(HTMLText.day(period.to))), compared with the twelve months before "
        out += "(\(HTMLText.day(previous.period.from)) to \(HTMLText.day(previous.period.to))).</p>\n"
        out += "<table class=\"headlines\">\n<thead><tr><th>Measure</th>"
        out += "<th class=\"num\">12 months to \(HTMLText.shortMonth(period.to))</th>"
        out += "<th class=\"num\">Year before</th><th>Direction of travel</th><th class=\"num\">Target</th>"
        out += "<th>Status</th></tr></thead>\n<tbody>\n"
        var footnotes: [String] = []
        func mark(_ coverage: String?, _ title: String) -> String {
            guard let coverage else { return "" }
            // The span is said once, under the table.
            let reason = coverage.components(separatedBy: "; the log covers ")[0]
            footnotes.append("\(HTMLText.escape(title)): \(HTMLText.escape(reason))")
            return "<small class=\"partial\">partly covered (\(footnotes.count))</small>"
        }
        for row in headlines {
            out += "<tr><td>\(HTMLText.escape(row.measure.title))<small>"
            out += row.measure.polarity == .higherIsBetter ? "higher is better" : "lower is better"
            out += "; of \(HTMLText.escape(row.measure.counts))</small></td>"
            out += "<td class=\"num\"><strong>\(row.current.text)</strong><small>\(row.current.note)</small>"
            out += mark(row.currentCoverage, "12 months to \(HTMLText.shortMonth(period.to)), \(row.measure.title)")
            out += "</td><td class=\"num\">\(row.previous.text)<small>\(row.previous.note)</small>"
            out += mark(row.previousCoverage, "Year before, \(row.measure.title)") + "</td>"
            out += "<td class=\"direction\">\(Self.direction(row))</td>"
            if let target = row.target {
                out += "<td class=\"num\">\(HTMLText.target(target.value))"
                out += "<small>\(HTMLText.escape(target.source))</small></td>"
            } else {
                out += "<td class=\"num\">no target<small>no published figure</small></td>"
            }
            out += "<td>\(Self.badge(row.status))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !footnotes.isEmpty {
            // The span the log covers is said once, in the note on status below.
            out += "<p class=\"note\"><strong>Partly covered</strong>: off by an unknown amount, as the log does not "
            out += "hold all these figures need; no status and no direction of travel.</p>"
            out += "\n<ol class=\"note\">\n"
            out += footnotes.map { "<li>\($0)</li>\n" }.joined() + "</ol>\n"
        }
        out += "<p class=\"note\"><strong>Status</strong>: green at or better than the target; amber worse than the "
        out +=
            "target by no more than its tolerance (\(HTMLText.target(Target.defaultTolerance).dropLast()) percentage points "
        out += "unless the targets file says otherwise); red worse by more; <strong>too few to rate</strong> for a "
        out += "rate over fewer than \(minimumDenominator) (one child more or less moves it too far to judge); "
        out +=
            "<strong>partly covered</strong> when the log does not cover the figure's twelve months or the look-back "
        out += "before them (the log covers \(HTMLText.escape(current.span?.description ?? "nothing"))). "
        out += "<strong>Direction of travel</strong> "
        out += "compares with the year before: the arrow and points show how far the figure rose or fell, the word "
        out += "whether that is better or worse for this measure; a move of "
        out +=
            "\(HTMLText.target(DirectionOfTravel.similarBand).dropLast()) percentage point or less either way (on the "
        out += "figures as printed) is <strong>similar</strong>, too small to call a direction. "
        out += "<strong>–</strong> means none to count. A figure over fewer than "
        out += "\(smallNumberThreshold) is marked as a small number: one child more or less would change it a lot. "
        out += "Team figures over fewer than \(smallNumberThreshold) are not shown.</p>\n"
        // Counts and rates in two tables side by side, so that the headline page prints on one sheet.
        var counts = ""
        var rates = ""
        var anyPartialCount = false
        for (id, label) in Self.activityLabels {
            guard let now = Self.result(id, in: current), let before = Self.result(id, in: previous) else { continue }
            // A count over a period the log covers in part is marked, and no change is worked out from it.
            let partial = #"<small class="partial">partly covered</small>"#
            let (nowMark, beforeMark) = (now.isPartlyCovered ? partial : "", before.isPartlyCovered ? partial : "")
            let isComparable = !now.isPartlyCovered && !before.isPartlyCovered
            anyPartialCount = anyPartialCount || !isComparable
            let row = "<tr><td>\(HTMLText.escape(label))</td>"
            if now.denominator != nil {
                let (a, b) = (ShownFigure(now), ShownFigure(before))
                rates += row + "<td class=\"num\">\(a.text)<small>\(a.note)</small>\(nowMark)</td>"
                rates += "<td class=\"num\">\(b.text)<small>\(b.note)</small>\(beforeMark)</td>"
                let change = isComparable ? a.value.flatMap { x in b.value.map { x - $0 } } : nil
                rates += "<td class=\"num\">"
                rates += change.map { ($0 > 0 ? "+" : "") + HTMLText.decimal($0) + " points" } ?? "–"
                rates += "</td></tr>\n"
            } else {
                counts += row + "<td class=\"num\">\(HTMLText.count(now.numerator))\(nowMark)</td>"
                counts += "<td class=\"num\">\(HTMLText.count(before.numerator))\(beforeMark)</td>"
                let change = now.numerator - before.numerator
                counts += "<td class=\"num\">"
                counts += isComparable ? "\(change > 0 ? "+" : "")\(HTMLText.count(change))" : "–"
                counts += "</td></tr>\n"
            }
        }
        func table(_ first: String, _ rows: String) -> String {
            "<table class=\"activity\">\n<thead><tr><th>\(first)</th>"
                + "<th class=\"num\">12 months to \(HTMLText.shortMonth(period.to))</th>"
                + "<th class=\"num\">Year before</th><th class=\"num\">Change</th></tr></thead>\n<tbody>\n"
                + rows + "</tbody>\n</table>\n"
        }
        out += "<h2>Activity</h2>\n<div class=\"side\">\n" + table("Count", counts)
        out += "<div>\n" + table("Rate", rates)
        out += "<p class=\"note\">Counts at the month end are on \(HTMLText.day(period.to)) and on "
        out += "\(HTMLText.day(previous.period.to)). Activity has no target: more or fewer is neither better nor "
        out += "worse in itself."
        if anyPartialCount {
            out += " A count marked partly covered is over months the log does not wholly hold (it covers "
            out += "\(HTMLText.escape(current.span?.description ?? "nothing"))): it is not compared."
        }
        out += "</p>\n</div>\n</div>\n"
        return out
    }

    /// "↓ down 1.1 points, worsening", "→ similar (up 0.1)": the move in points, then what it means.
    static func direction(_ row: HeadlineRow) -> String {
        guard row.direction != .notComparable, let now = row.current.value, let before = row.previous.value else {
            return "–"
        }
        let change = tenths(now) - tenths(before)
        let size = HTMLText.decimal(Double(abs(change)) / 10)
        let move = change > 0 ? "up \(size)" : change < 0 ? "down \(size)" : "no change"
        switch row.direction {
        case .notComparable: return "–"
        case .similar: return "<span class=\"similar\">→ similar (\(move))</span>"
        case .improving, .worsening:
            let word = row.direction.rawValue
            return "<span class=\"\(word)\">\(change > 0 ? "↑" : "↓") \(move) points, \(word)</span>"
        }
    }

    static func badge(_ status: RAGStatus) -> String {
        let css =
            switch status {
            case .green: "rag-green"
            case .amber: "rag-amber"
            case .red: "rag-red"
            case .noTarget, .noData, .partlyCovered, .tooFewToRate: "rag-none"
            }
        return "<span class=\"rag \(css)\">\(status.label)</span>"
    }
}
