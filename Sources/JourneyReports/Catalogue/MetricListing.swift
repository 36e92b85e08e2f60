import JourneyCore
import JourneyProjections

/// One line of `journey metrics --list`: a metric's description (JourneyProjections) joined with what the pack
/// knows of it, its polarity and England's target.
public struct MetricListing: Sendable, Hashable {
    public var description: MetricDescription
    /// Which way is better; `nil` for the activity counts and shares, which are neither.
    public var polarity: Polarity?
    public var target: Target?

    /// Every metric of the catalogue, in report order, with the pack's polarity and `targets`.
    public static func all(targets: Targets = .england) -> [MetricListing] {
        MetricCatalogue.descriptions.map {
            MetricListing(description: $0, polarity: PackMeasure.polarity(of: $0.id), target: targets[$0.id])
        }
    }

    /// The polarity in words: "higher", "lower", or "neither" (an activity figure, read in its context).
    public var betterWords: String {
        switch polarity {
        case .higherIsBetter: "higher"
        case .lowerIsBetter: "lower"
        case nil: "neither"
        }
    }

    /// The target in the metric's unit with where it came from ("86% (England 2024-25)", "487 days (…)"), or ""
    /// for none.
    public var targetWords: String {
        guard let target else { return "" }
        let unit =
            switch description.unit {
            case .percentage: "%"
            case .days: " days"
            case .count, .score: ""
            }
        return "\(Self.number(target.value))\(unit) (\(target.source))"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension MetricListing {
    static let heading = ["metric", "unit", "better", "target", "source", "definition"]

    var cells: [String] {
        [
            description.id, description.unit.rawValue, betterWords, targetWords, description.source,
            description.definition,
        ]
    }

    /// Aligned columns, the definition last.
    public static func table(_ listings: [MetricListing]) -> String {
        let rows = [heading] + listings.map(\.cells)
        var widths = Array(repeating: 0, count: heading.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padded(widths[i]) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A heading row and a row per metric (RFC 4180, CRLF); the target split into its value and its source.
    public static func csv(_ listings: [MetricListing]) -> String {
        var csv = JourneyCore.CSVWriter(header: [
            "metric", "unit", "better", "target", "targetSource", "source", "definition",
        ])
        for l in listings {
            csv.append([
                .text(l.description.id), .text(l.description.unit.rawValue), .text(l.betterWords),
                l.target.map { .number(number($0.value)) } ?? .empty, .text(l.target?.source ?? ""),
                .text(l.description.source), .text(l.description.definition),
            ])
        }
        return csv.text
    }

    /// An array of objects; `polarity` is `higherIsBetter`, `lowerIsBetter` or `null`, `target` `null` for none.
    public static func json(_ listings: [MetricListing]) -> JSONValue {
        .array(
            listings.map { l in
                .object([
                    JSONMember(key: "id", value: .string(l.description.id)),
                    JSONMember(key: "definition", value: .string(l.description.definition)),
                    JSONMember(key: "unit", value: .string(l.description.unit.rawValue)),
                    JSONMember(key: "polarity", value: l.polarity.map { .string($0.rawValue) } ?? .null),
                    JSONMember(
                        key: "target",
                        value: l.target.map {
                            .object([
                                JSONMember(key: "value", value: .number(number($0.value))),
                                JSONMember(key: "source", value: .string($0.source)),
                            ])
                        } ?? .null),
                    JSONMember(key: "source", value: .string(l.description.source)),
                ])
            })
    }
}
