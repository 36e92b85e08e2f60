import JourneyCore

/// A `--monthly` series laid out to paste into a spreadsheet: a row per metric (and per breakdown key when broken
/// down), a column per month end, each cell the figure for the 12 months to that month end.
package struct MonthlyGrid {
    /// One figure: the value of a rate (`86.4`) or of an average (`276.7`), or the count of a count.
    package struct Cell {
        package var figure: String
        package var isPartial: Bool
        package var isTooFewToRate: Bool
    }

    package struct Row {
        package var metric: String
        /// `nil` for the metric's figure for everyone.
        package var dimension: BreakdownDimension?
        package var key: String
        /// One per month end; `nil` where the month has no figure for this key.
        package var cells: [Cell?]
        package var monthEnds: [CalendarDate]

        /// The month ends whose cell is marked so.
        package func monthEnds(where mark: (Cell) -> Bool) -> [String] {
            zip(monthEnds, cells).compactMap { month, cell in cell.map(mark) == true ? month.description : nil }
        }
    }

    package var monthEnds: [CalendarDate]
    package var rows: [Row]
    /// Whether any row is a breakdown key, so the grid needs its dimension and key columns.
    package var isBrokenDown: Bool { rows.contains { $0.dimension != nil } }

    package init(_ reports: [MetricsReport]) {
        monthEnds = reports.map(\.period.to)
        var order: [String] = []
        var keys: [String: [BreakdownDimension: Set<String>]] = [:]
        var dimensions: [String: [BreakdownDimension]] = [:]
        for report in reports {
            for m in report.metrics {
                if keys[m.id] == nil {
                    order.append(m.id)
                    keys[m.id] = [:]
                    dimensions[m.id] = []
                }
                for b in m.breakdown {
                    if keys[m.id]![b.dimension] == nil { dimensions[m.id]!.append(b.dimension) }
                    keys[m.id]![b.dimension, default: []].formUnion(b.rows.map(\.key))
                }
            }
        }
        let months = monthEnds
        rows = order.flatMap { id -> [Row] in
            let results = reports.map { r in r.metrics.first { $0.id == id } }
            var rows = [
                Row(
                    metric: id, dimension: nil, key: "all",
                    cells: results.map { m in m.map { Self.cell($0, $0.numerator, $0.denominator) } },
                    monthEnds: months)
            ]
            for d in dimensions[id]! {
                for key in keys[id]![d]!.sorted() {
                    let cells = results.map { m -> Cell? in
                        guard let m, let row = m.breakdownRow(d, key) else { return nil }
                        return Self.cell(m, row.numerator, row.denominator)
                    }
                    rows.append(Row(metric: id, dimension: d, key: key, cells: cells, monthEnds: months))
                }
            }
            return rows
        }
    }

    static func cell(_ m: MetricResult, _ numerator: Int, _ denominator: Int?) -> Cell {
        Cell(
            figure: denominator == nil
                ? String(numerator) : formatPercentage(MetricResult.value(numerator, denominator, m.kind)),
            isPartial: m.isPartlyCovered, isTooFewToRate: m.isTooFewToRate(denominator))
    }
}

extension MetricResult {
    /// The breakdown's row for a key, if the figure has one.
    func breakdownRow(_ dimension: BreakdownDimension, _ key: String) -> Row? {
        breakdown.first { $0.dimension == dimension }?.rows.first { $0.key == key }
    }
}
