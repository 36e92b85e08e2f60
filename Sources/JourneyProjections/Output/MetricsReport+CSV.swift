import JourneyCore

extension MetricsReport {
    /// The columns every metrics CSV starts with; the details' columns follow them.
    package static let csvColumns = [
        "from", "to", "as_known_at", "metric", "dimension", "key", "numerator", "denominator", "value", "coverage",
        "rating",
    ]

    /// CSV that opens in a spreadsheet: one row per metric (dimension `all`) and per breakdown key, then a column per
    /// detail the metrics name (`median`, `bands.1-10`…; a nested detail is named `outer.inner`), in the order they
    /// are first named, blank where a metric has no such detail. Age bands are written `1 to 4` (`CSVWriter.ageBand`).
    public static func csv(_ reports: [MetricsReport]) -> String {
        let names = detailColumns(reports.flatMap(\.metrics))
        var csv = CSVWriter(header: csvColumns + names)
        for report in reports {
            let prefix: [CSVCell] = [
                .text(report.period.from.description), .text(report.period.to.description),
                .text(report.asKnownAt?.description ?? ""),
            ]
            for m in report.metrics {
                let details = Dictionary(flattened(m.details), uniquingKeysWith: { first, _ in first })
                csv.append(
                    prefix + [
                        .text(m.id), "all", "all", .number(m.numerator), .number(m.denominator),
                        .number(formatPercentage(m.value)), .text(m.coverageWord), .text(m.rating(m.denominator)),
                    ] + names.map { details[$0] ?? .empty })
                for b in m.breakdown {
                    for row in b.rows {
                        csv.append(
                            prefix + [
                                .text(m.id), .text(b.dimension.rawValue), .text(csvKey(row.key, b.dimension)),
                                .number(row.numerator), .number(row.denominator),
                                .number(formatPercentage(row.value)), .text(m.coverageWord),
                                .text(m.rating(row.denominator)),
                            ] + names.map { _ in .empty })
                    }
                }
            }
        }
        return csv.text
    }

    /// A `--monthly` series as a grid that pastes into a spreadsheet: a row per metric (and per breakdown key, when
    /// broken down), a column per month end (the rolling 12 months to it), each cell the value, or the count for a
    /// count. `partial` and `too_few_to_rate` list the month ends whose figure is partial or a rate over too few.
    public static func monthlyCSV(_ reports: [MetricsReport]) -> String {
        let grid = MonthlyGrid(reports)
        var header = ["metric"]
        if grid.isBrokenDown { header += ["dimension", "key"] }
        header += grid.monthEnds.map(\.description) + ["partial", "too_few_to_rate"]
        var csv = CSVWriter(header: header)
        for row in grid.rows {
            var cells: [CSVCell] = [.text(row.metric)]
            if grid.isBrokenDown {
                cells += [.text(row.dimension?.rawValue ?? "all"), .text(csvKey(row.key, row.dimension))]
            }
            cells += row.cells.map { $0.map { .number($0.figure) } ?? .empty }
            cells.append(.text(row.monthEnds(where: \.isPartial).joined(separator: " ")))
            cells.append(.text(row.monthEnds(where: \.isTooFewToRate).joined(separator: " ")))
            csv.append(cells)
        }
        return csv.text
    }

    /// A breakdown key as the CSV writes it: an age band so Excel keeps it as text.
    static func csvKey(_ key: String, _ dimension: BreakdownDimension?) -> String {
        dimension == .ageBand ? CSVWriter.ageBand(key) : key
    }

    /// The names of the details' columns, in the order the metrics first name them.
    package static func detailColumns(_ metrics: [MetricResult]) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for m in metrics {
            for (name, _) in flattened(m.details) where seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// A metric's details as named cells: a nested object's members named `outer.inner`.
    package static func flattened(_ details: [JSONMember], prefix: String = "") -> [(String, CSVCell)] {
        details.flatMap { m -> [(String, CSVCell)] in
            let name = prefix + m.key
            switch m.value {
            case .object(let inner): return flattened(inner, prefix: name + ".")
            case .number(let n): return [(name, .number(n))]
            case .string(let s): return [(name, .text(s))]
            case .bool(let b): return [(name, .text(b ? "true" : "false"))]
            case .null: return [(name, .empty)]
            case .array: return [(name, .text(m.value.compactText))]
            }
        }
    }
}
