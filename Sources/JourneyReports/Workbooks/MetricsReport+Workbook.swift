import JourneyCore
import JourneyProjections
import JourneyWorkbook

extension MetricsReport {
    /// The metrics as an Excel workbook (`journey metrics --format xlsx`), the figures of `csv(_:)` as numbers:
    ///
    /// - **Metrics**: the headline figures, a row per metric (and per month end of a `--monthly` series), with the
    ///   CSV's columns: the period's days as dates, the numerator and denominator as whole numbers, the value a
    ///   percentage for a share (86.4%) and a number of one decimal for an average, then the details.
    /// - **By team**, **By age-band**…: a sheet per breakdown asked for, a row per metric and key.
    /// - **Monthly** (with `monthly`): the grid of `monthlyCSV(_:)`, a row per metric (and key), a column per
    ///   month end, each cell the figure for the 12 months to it.
    public static func workbook(_ reports: [MetricsReport], monthly: Bool = false) -> Workbook {
        let kinds = Dictionary(
            reports.flatMap(\.metrics).map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var sheets: [Worksheet] = []
        let names = detailColumns(reports.flatMap(\.metrics))
        var headline = Worksheet(
            name: "Metrics", headings: csvColumns.filter { $0 != "dimension" && $0 != "key" } + names)
        for report in reports {
            for m in report.metrics {
                let details = Dictionary(flattened(m.details), uniquingKeysWith: { first, _ in first })
                headline.append(
                    prefix(report) + [.text(m.id)] + figures(m.kind, m.numerator, m.denominator)
                        + [.text(m.coverageWord), .text(m.rating(m.denominator))]
                        + names.map { details[$0].map(Cell.csv) ?? .empty })
            }
        }
        sheets.append(headline)
        let dimensions = BreakdownDimension.allCases.filter { d in
            reports.contains { $0.metrics.contains { $0.breakdown.contains { $0.dimension == d } } }
        }
        for d in dimensions {
            var sheet = Worksheet(
                name: "By \(d.rawValue)",
                headings: [
                    "from", "to", "as_known_at", "metric", d.rawValue, "numerator", "denominator", "value",
                    "coverage", "rating",
                ])
            for report in reports {
                for m in report.metrics {
                    for b in m.breakdown where b.dimension == d {
                        for row in b.rows {
                            sheet.append(
                                prefix(report) + [.text(m.id), .text(row.key)]
                                    + figures(row.kind, row.numerator, row.denominator)
                                    + [.text(m.coverageWord), .text(m.rating(row.denominator))])
                        }
                    }
                }
            }
            sheets.append(sheet)
        }
        if monthly { sheets.append(monthlySheet(reports, kinds: kinds)) }
        return Workbook(sheets)
    }

    /// The period and the time the log is taken as known at.
    static func prefix(_ report: MetricsReport) -> [Cell] {
        [.date(report.period.from), .date(report.period.to), .text(report.asKnownAt?.description)]
    }

    /// Numerator, denominator and value: the value as the CSV gives it (to one decimal place), a share as a
    /// percentage, an average as a number, and a count's left empty as the CSV leaves it.
    static func figures(_ kind: MetricResult.Kind, _ numerator: Int, _ denominator: Int?) -> [Cell] {
        let value = MetricResult.value(numerator, denominator, kind)
        return [.integer(numerator), .integer(denominator), valueCell(kind, value)]
    }

    static func valueCell(_ kind: MetricResult.Kind, _ value: Double?) -> Cell {
        guard let value else { return .empty }
        // The value to one decimal place, as the CSV writes it (`formatPercentage`).
        let tenths = Int((value * 10).rounded())
        let text = (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
        return kind == .average ? .figure(text) : .percentage(text)
    }

    /// The `--monthly` grid: each cell the count of a count, the percentage of a share, the number of an average.
    static func monthlySheet(_ reports: [MetricsReport], kinds: [String: MetricResult.Kind]) -> Worksheet {
        let grid = MonthlyGrid(reports)
        var headings = ["metric"]
        if grid.isBrokenDown { headings += ["dimension", "key"] }
        var columns = headings.map { Worksheet.Column($0) }
        columns += grid.monthEnds.map { Worksheet.Column($0.description, width: 11) }
        columns += [Worksheet.Column("partial"), Worksheet.Column("too_few_to_rate")]
        var sheet = Worksheet(name: "Monthly", columns: columns)
        for row in grid.rows {
            var cells: [Cell] = [.text(row.metric)]
            if grid.isBrokenDown { cells += [.text(row.dimension?.rawValue ?? "all"), .text(row.key)] }
            let kind = kinds[row.metric] ?? .count
            cells += row.cells.map { cell in
                guard let figure = cell?.figure else { return .empty }
                // A count is a whole number; a share's or an average's figure has its one decimal place.
                if kind == .share && figure.contains(".") { return .percentage(figure) }
                return .figure(figure)
            }
            cells.append(.text(row.monthEnds(where: \.isPartial).joined(separator: " ")))
            cells.append(.text(row.monthEnds(where: \.isTooFewToRate).joined(separator: " ")))
            sheet.append(cells)
        }
        return sheet
    }
}
