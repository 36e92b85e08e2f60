import JourneyProjections

/// A percentage (or an average) as the pack shows it: the value, or "–" when there is none or (for a team) its
/// denominator is too small to show (`smallNumberThreshold`), with the counts it came from.
///
/// The council's own figures are shown however small, with a warning: hiding them would leave a small council's
/// headline page blank, and the counts beside them say how little they rest on. A team's small figure is hidden: a
/// percentage of three children is no comparison between teams.
public struct ShownFigure: Sendable, Hashable {
    /// `nil` when not shown: RAG and direction of travel then have nothing to judge.
    public var value: Double?
    /// "45.2%" or "–".
    public var text: String
    /// "38 of 84", "over 84" (an average), "3: fewer than 5", "none".
    public var note: String

    public init(
        numerator: Int, denominator: Int?, kind: MetricResult.Kind = .share, hidingSmallNumbers: Bool = false
    ) {
        guard let denominator, denominator > 0 else {
            value = nil
            text = "–"
            note = "none"
            return
        }
        guard denominator >= smallNumberThreshold || !hidingSmallNumbers else {
            value = nil
            text = "–"
            note = "fewer than \(smallNumberThreshold)"
            return
        }
        value = MetricResult.value(numerator, denominator, kind)
        if kind == .average, let value {
            // An average of days or of scores: its value bare, over how many.
            text = HTMLText.decimal(value)
            note = "over \(HTMLText.count(denominator))"
        } else {
            text = HTMLText.percentage(value)
            note = "\(HTMLText.count(numerator)) of \(HTMLText.count(denominator))"
        }
        if denominator < smallNumberThreshold { note += ": a small number" }
    }

    public init(_ result: MetricResult?) {
        self.init(
            numerator: result?.numerator ?? 0, denominator: result?.denominator ?? 0, kind: result?.kind ?? .share)
    }

    /// A team's figure: hidden under `smallNumberThreshold`.
    public init(team row: MetricResult.Row?) {
        self.init(
            numerator: row?.numerator ?? 0, denominator: row?.denominator ?? 0, kind: row?.kind ?? .share,
            hidingSmallNumbers: true)
    }
}
