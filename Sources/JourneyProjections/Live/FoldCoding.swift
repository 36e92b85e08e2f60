import JourneyCore

/// A metric's fold as bytes, and back: what lets a later process go on from the folds of an earlier one
/// (`LiveMetrics.savedFolds`) instead of evaluating every record again.
///
/// The context is not saved with each metric: the plan that made the folds supplies it (`MetricsPlan.question`
/// names it), as it did when they were made.
///
/// The bytes are exact and canonical: a fold read back gives the results its original gives, and takes out
/// (`Metric.subtract`) what its original would; equal folds give equal bytes whatever order their children were
/// added or merged in (dictionaries by sorted key, a median's values sorted).
protocol FoldCoding {
    func encode(into w: inout BinaryWriter)
    /// The fold `encode` wrote for a metric of `context`; throws `BinaryReader.Damage` on bytes it cannot have
    /// written (a damaged file must be refused, never trap).
    init(_ context: MetricContext, decoding r: inout BinaryReader) throws
}

extension MetricsPlan {
    /// The version of the coding below; changed whenever a metric's fold or its coding changes, so that folds saved
    /// by another build are refused rather than misread.
    static let foldFormat: UInt64 = 1

    /// The canonical bytes of what the plan answers: two plans answer the same question (their folds are made the
    /// same way from the same records) exactly when these are equal. The fold format, the catalogue's metrics
    /// with their ids (a build with another catalogue made other folds), `only` sorted, and every context: its
    /// period, the calendar's weekday holidays, its dimensions in order, how assessments are timed, and the
    /// smallest denominator rated.
    var question: [UInt8] {
        var w = BinaryWriter(capacity: 1024)
        w.string("journey metric folds")
        w.varint(Self.foldFormat)
        w.length(MetricCatalogue.metrics.count)
        for type in MetricCatalogue.metrics {
            w.length(type.ids.count)
            for id in type.ids { w.string(id) }
        }
        if let only {
            w.byte(1)
            w.length(only.count)
            for id in only.sorted() { w.string(id) }
        } else {
            w.byte(0)
        }
        w.length(contexts.count)
        for context in contexts {
            w.integer(Int(context.period.from.dayNumber))
            w.integer(Int(context.period.to.dayNumber))
            w.values(context.calendar.weekdayHolidayNumbers.map(Int.init))
            w.length(context.dimensions.count)
            for dimension in context.dimensions { w.string(dimension.rawValue) }
            w.bool(context.assessmentFromReferral)
            w.integer(context.minimumDenominator)
        }
        return w.bytes
    }

    /// Writes folds this plan made (`start`, then `add`, `merge`, `subtract`): each context's metrics in the
    /// order of `types`. Nothing says which metric is which: the question does.
    func encode(_ metrics: Metrics, into w: inout BinaryWriter) {
        for row in metrics {
            for metric in row { metric.encode(into: &w) }
        }
    }

    /// Reads what `encode` wrote for a plan with the same `question`.
    func decode(_ r: inout BinaryReader) throws -> Metrics {
        try contexts.map { context in try types.map { type in try type.init(context, decoding: &r) } }
    }
}

extension MetricsPlan {
    /// The question several plans answer together, set after set (`LiveMetrics(_:sets:)`): for one plan its own
    /// question, so that the folds of one set are saved as they always were; for more, their questions in order
    /// after a heading of their own, which no plan's question starts with.
    static func question(of plans: [MetricsPlan]) -> [UInt8] {
        if plans.count == 1 { return plans[0].question }
        var w = BinaryWriter(capacity: 1024 * plans.count)
        w.string("journey metric folds in sets")
        w.length(plans.count)
        for plan in plans {
            let question = plan.question
            w.length(question.count)
            w.bytes += question
        }
        return w.bytes
    }
}

extension LiveMetrics {
    /// The folds and the span of each set as bytes, after the question they answer together
    /// (`MetricsPlan.question(of:)`), so that a reader can refuse another question's folds.
    package func savedFolds() -> [UInt8] {
        let question = MetricsPlan.question(of: tallies.map(\.plan))
        var w = BinaryWriter(capacity: 1 << 16)
        w.length(question.count)
        w.bytes.append(contentsOf: question)
        for set in tallies {
            set.plan.encode(set.metrics, into: &w)
            set.span.encode(into: &w)
        }
        return w.bytes
    }

    /// The figures of `state` for `contexts` with the folds read from `bytes`, without evaluating a record:
    /// `bytes` must have been made by `savedFolds()` of figures for the same question (contexts and `only`) over
    /// `state` as it stood then. `nil` when the question differs or the bytes are damaged.
    package init?(_ state: JourneyState, contexts: [MetricContext], only: Set<String>?, savedFolds bytes: [UInt8]) {
        self.init(records: LiveRecords(state), sets: [(contexts, only)], savedFolds: bytes)
    }

    /// The same for several sets (`init(_:sets:)`), with the records as they stood when the bytes were saved
    /// (`SavedResults.resume`), which may already hold events folded in since, for an update to take in.
    package init?(
        records: LiveRecords, sets: [(contexts: [MetricContext], only: Set<String>?)], savedFolds bytes: [UInt8]
    ) {
        let plans = sets.map { MetricsPlan($0.contexts, only: $0.only) }
        guard let folds = Self.folds(bytes, plans: plans) else { return nil }
        self.records = records
        tallies = zip(plans, folds).map { MetricTallies(plan: $0, metrics: $1.0, span: $1.1) }
    }

    /// The reports the folds `bytes` hold, made by `savedFolds()` of figures for the same question, set after set:
    /// the figures as they stood when the folds were saved, without a record or the state (`SavedMetrics`, when
    /// nothing has been appended since). `nil` when the question differs or the bytes are damaged.
    package static func reports(
        sets: [(contexts: [MetricContext], only: Set<String>?)], savedFolds bytes: [UInt8]
    ) -> [MetricsReport]? {
        let plans = sets.map { MetricsPlan($0.contexts, only: $0.only) }
        guard let folds = folds(bytes, plans: plans) else { return nil }
        return zip(plans, folds).flatMap { plan, fold in plan.reports(fold.0, span: fold.1.span, asKnownAt: nil) }
    }

    /// Whether `bytes`, made by `savedFolds()`, are the folds of the question `sets` ask: the question alone read (a
    /// damaged file is found when the folds are read).
    package static func answer(_ bytes: [UInt8], sets: [(contexts: [MetricContext], only: Set<String>?)]) -> Bool {
        let question = MetricsPlan.question(of: sets.map { MetricsPlan($0.contexts, only: $0.only) })
        return bytes.withUnsafeBytes { buffer in
            var r = BinaryReader(buffer)
            return (try? r.bytes())?.elementsEqual(question) == true
        }
    }

    /// The folds and span counts `bytes` hold for each of `plans`, in order; `nil` when the question differs or the
    /// bytes are damaged.
    private static func folds(_ bytes: [UInt8], plans: [MetricsPlan]) -> [(MetricsPlan.Metrics, SpanCounts)]? {
        let question = MetricsPlan.question(of: plans)
        return try? bytes.withUnsafeBytes { buffer -> [(MetricsPlan.Metrics, SpanCounts)] in
            var r = BinaryReader(buffer)
            guard try r.bytes().elementsEqual(question) else {
                throw BinaryReader.Damage("the folds answer another question")
            }
            let folds = try plans.map { plan in (try plan.decode(&r), try SpanCounts(decoding: &r)) }
            guard r.isAtEnd else { throw BinaryReader.Damage("bytes follow the folds") }
            return folds
        }
    }
}

extension SpanCounts {
    func encode(into w: inout BinaryWriter) {
        w.dateCounts(firsts)
        w.dateCounts(lasts)
    }

    init(decoding r: inout BinaryReader) throws {
        self.init()
        firsts = try r.dateCounts()
        lasts = try r.dateCounts()
    }
}

extension BreakdownTally {
    /// The totals, then each dimension's rows in the order of `dimensions` (which the context gives), by key.
    func encode(into w: inout BinaryWriter) {
        w.integer(numerator)
        w.integer(denominator)
        for dimension in dimensions {
            w.entries(tallies[dimension] ?? [:]) { w, row in
                w.integer(row.numerator)
                w.integer(row.denominator)
                w.integer(row.members)
            }
        }
    }

    init(_ dimensions: [BreakdownDimension], decoding r: inout BinaryReader) throws {
        self.init(dimensions)
        numerator = try r.integer()
        denominator = try r.integer()
        for dimension in dimensions {
            let rows = try r.entries { r -> (numerator: Int, denominator: Int, members: Int) in
                let n = try r.integer()
                let d = try r.integer()
                // A row is listed while it has a member, and goes with its last (`subtract`).
                let members = try r.integer()
                guard members > 0 else { throw BinaryReader.Damage("a breakdown row has no member") }
                return (n, d, members)
            }
            if !rows.isEmpty { tallies[dimension] = rows }
        }
    }
}

extension AverageTally {
    /// The tally, then the values sorted (their order does not matter: the median sorts them).
    func encode(into w: inout BinaryWriter) {
        tally.encode(into: &w)
        w.values(values)
    }

    init(_ dimensions: [BreakdownDimension], decoding r: inout BinaryReader) throws {
        self.init(dimensions)
        tally = try BreakdownTally(dimensions, decoding: &r)
        values = try r.values()
    }
}

// The primitives of the folds' coding: integers as zigzag LEB128 (small either side of 0 in a byte), counts of what
// follows as LEB128, dictionaries as their entries by ascending key.

extension BinaryWriter {
    mutating func integer(_ v: Int) {
        let v = Int64(v)
        varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func length(_ n: Int) { varint(UInt64(n)) }

    mutating func bool(_ b: Bool) { byte(b ? 1 : 0) }

    /// Values whose order does not matter (a median's): their number, then sorted, the first as an integer and each
    /// other as its difference from the one before (mostly one byte).
    mutating func values(_ values: [Int]) {
        let sorted = values.sorted()
        length(sorted.count)
        guard let first = sorted.first else { return }
        integer(first)
        for (previous, value) in zip(sorted, sorted.dropFirst()) {
            varint(UInt64(UInt(bitPattern: value &- previous)))
        }
    }

    /// A dictionary's entries by ascending key, each key then its value.
    mutating func entries<Value>(_ dictionary: [String: Value], _ value: (inout BinaryWriter, Value) -> Void) {
        length(dictionary.count)
        for key in dictionary.keys.sorted() {
            string(key)
            value(&self, dictionary[key]!)
        }
    }

    /// Counts by date, by ascending date: the first day number as an integer, each other as its difference from
    /// the one before.
    mutating func dateCounts(_ counts: [CalendarDate: Int]) {
        length(counts.count)
        var previous: Int32?
        for date in counts.keys.sorted() {
            if let previous {
                varint(UInt64(Int(date.dayNumber) - Int(previous)))
            } else {
                integer(Int(date.dayNumber))
            }
            integer(counts[date]!)
            previous = date.dayNumber
        }
    }
}

extension BinaryReader {
    mutating func integer() throws -> Int {
        let u = try varint()
        return Int(Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1))
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Damage("a flag is neither 0 nor 1")
        }
    }

    /// What `BinaryWriter.values` wrote, sorted.
    mutating func values() throws -> [Int] {
        let n = try count()
        var values: [Int] = []
        values.reserveCapacity(n)
        guard n > 0 else { return values }
        var value = try integer()
        values.append(value)
        for _ in 1..<n {
            let step = try varint()
            guard step <= UInt64(Int.max) else { throw Damage("a value is out of range") }
            let (next, overflow) = value.addingReportingOverflow(Int(step))
            guard !overflow else { throw Damage("a value is out of range") }
            value = next
            values.append(value)
        }
        return values
    }

    /// What `BinaryWriter.entries` wrote; keys out of order (or twice) are damage.
    mutating func entries<Value>(_ value: (inout BinaryReader) throws -> Value) throws -> [String: Value] {
        let n = try count()
        var dictionary: [String: Value] = [:]
        dictionary.reserveCapacity(n)
        var previous: String?
        for _ in 0..<n {
            let key = try string()
            guard previous.map({ $0 < key }) ?? true else { throw Damage("a fold's keys are out of order") }
            dictionary[key] = try value(&self)
            previous = key
        }
        return dictionary
    }

    /// What `BinaryWriter.dateCounts` wrote. A date counted 0 times is not kept (`SpanCounts.subtract`), so such a
    /// count is damage, as are dates out of order or out of range.
    mutating func dateCounts() throws -> [CalendarDate: Int] {
        let n = try count()
        var counts: [CalendarDate: Int] = [:]
        counts.reserveCapacity(n)
        var day: Int?
        for _ in 0..<n {
            if let previous = day {
                let step = try varint()
                guard step > 0, step <= UInt64(Int32.max) else { throw Damage("dates out of order") }
                day = previous + Int(step)
            } else {
                day = try integer()
            }
            guard let number = Int32(exactly: day!) else { throw Damage("a date is out of range") }
            let count = try integer()
            guard count > 0 else { throw Damage("a date is counted no times") }
            counts[CalendarDate(dayNumber: number)] = count
        }
        return counts
    }
}
