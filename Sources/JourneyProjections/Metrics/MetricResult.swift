import JourneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One figure: a count, a share or an average over a population, with its details and breakdowns (metrics.md,
/// output).
public struct MetricResult: Sendable, Equatable {
    /// The three kinds of figure (metrics.md, *Percentages*).
    public enum Kind: String, Sendable, Hashable {
        /// A numerator only: no denominator, no value.
        case count
        /// `100 × numerator / denominator`: a percentage.
        case share
        /// `numerator / denominator`: the numerator a sum (of days, of scores) over the denominator's children.
        case average
    }

    public var id: String
    public var kind: Kind
    /// A count's number, a share's numerator, or the sum an average is taken of.
    public var numerator: Int
    /// `nil` for plain counts, which have no denominator.
    public var denominator: Int?
    /// Named figures (`unmatched`, `invalid`, `median`, `bands`…), in the order the definition names them.
    public var details: [JSONMember] = []
    public var breakdown: [Breakdown] = []
    /// Why the log covers only part of what this figure needs (its period or its look-back), or `nil` when it
    /// covers all of it or was not asked (`LogSpan`). A partial figure gets no status against a target.
    public var partialCoverage: String?
    /// Rates over fewer than this are "too few to rate" (0: every rate is rated).
    public var minimumDenominator = 0

    /// A figure of `kind`; with no kind, a count when there is no denominator and a share when there is.
    public init(
        id: String, numerator: Int, denominator: Int?, kind: Kind? = nil, details: [JSONMember] = [],
        breakdown: [Breakdown] = []
    ) {
        self.id = id
        self.kind = kind ?? (denominator == nil ? .count : .share)
        self.numerator = numerator
        self.denominator = denominator
        self.details = details
        self.breakdown = breakdown
    }

    /// A share's `100 × numerator / denominator`, or an average's `numerator / denominator`, to one decimal place;
    /// `nil` when the denominator is 0 or there is none.
    public var value: Double? { Self.value(numerator, denominator, kind) }

    /// Whether the figure is a rate over too few to be judged against a target: shown, but not rated.
    public var isTooFewToRate: Bool { isTooFewToRate(denominator) }

    /// Whether a rate over `denominator` (the figure's, or a breakdown row's) is too few to rate.
    public func isTooFewToRate(_ denominator: Int?) -> Bool {
        guard let denominator else { return false }
        return denominator < minimumDenominator
    }

    public var isPartlyCovered: Bool { partialCoverage != nil }

    public static func percentage(_ n: Int, _ d: Int?) -> Double? {
        guard let d, d > 0 else { return nil }
        return roundedToOneDecimal(100 * Double(n) / Double(d))
    }

    /// `n / d` to one decimal place, as `%.1f` rounds it; `nil` when `d` is 0 or there is none.
    public static func average(_ n: Int, _ d: Int?) -> Double? {
        guard let d, d > 0 else { return nil }
        return roundedToOneDecimal(Double(n) / Double(d))
    }

    /// The value of a figure of `kind` with this numerator and denominator.
    public static func value(_ n: Int, _ d: Int?, _ kind: Kind) -> Double? {
        kind == .average ? average(n, d) : percentage(n, d)
    }

    /// Rounds to one decimal place as `%.1f` does: correctly rounded from the exact binary value, half to even,
    /// which is also what Python's `round(x, 1)` gives (so figures match the DuckDB baseline's).
    static func roundedToOneDecimal(_ x: Double) -> Double {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = withVaList([x]) { vsnprintf(&buffer, 64, "%.1f", $0) }
        let bytes = buffer.prefix(Int(max(0, min(length, 63)))).map { UInt8(bitPattern: $0) }
        return Double(String(decoding: bytes, as: UTF8.self))!
    }

    /// A breakdown of the population by one dimension.
    public struct Breakdown: Sendable, Equatable {
        public var dimension: BreakdownDimension
        public var rows: [Row]
    }

    public struct Row: Sendable, Equatable {
        public var key: String
        public var numerator: Int
        public var denominator: Int?
        /// The figure's kind, which says how the value is worked out.
        public var kind: Kind = .share
        public var value: Double? { MetricResult.value(numerator, denominator, kind) }
    }
}

extension JSONMember {
    static func count(_ key: String, _ n: Int) -> JSONMember { JSONMember(key: key, value: .number(String(n))) }
    static func optionalCount(_ key: String, _ n: Int?) -> JSONMember {
        JSONMember(key: key, value: n.map { .number(String($0)) } ?? .null)
    }
    static func counts(_ key: String, _ pairs: [(String, Int)]) -> JSONMember {
        JSONMember(key: key, value: .object(pairs.map { .count($0.0, $0.1) }))
    }
    /// A figure to one decimal place (`120.0`, `41.9`), or `null`.
    static func decimal(_ key: String, _ value: Double?) -> JSONMember {
        JSONMember(key: key, value: value.map { .number(formatPercentage($0)) } ?? .null)
    }
    /// A share of a part of the population, as its own `{numerator, denominator, value}`.
    static func share(_ key: String, _ numerator: Int, _ denominator: Int) -> JSONMember {
        JSONMember(
            key: key,
            value: .object([
                .count("numerator", numerator), .count("denominator", denominator),
                .decimal("value", MetricResult.percentage(numerator, denominator)),
            ]))
    }
}
