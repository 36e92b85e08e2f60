/// Why a targets file cannot be read: the file, the line and what to fix.
public struct TargetsFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file) line \(line): \(message)" }
}

extension Targets {
    /// Reads a council's targets file over England's defaults.
    ///
    /// One measure a line: its metric id, the target percentage, and optionally the tolerance in percentage points
    /// (amber within it; default 2). `none` in place of the figure removes the target. `#` starts a comment. A
    /// measure the file does not name keeps England's figure.
    ///
    ///     # metric id          target  tolerance
    ///     re-referrals           20.0    1.5
    ///     assessment-timeliness  90
    ///     cp-review-timeliness   95      0
    ///     cp-plan-duration       none
    ///     minimum-denominator    10
    ///
    /// The percentages of the permanence section (`cla-health-assessments`, `care-leavers-eet`, …) have no
    /// England target, but can be given one here; its counts and averages (days, scores) cannot.
    ///
    /// `minimum-denominator N`: a rate over fewer than N is "too few to rate" rather than judged (default 10).
    public init(fileContents text: String, fileName: String, over defaults: Targets = .england) throws {
        var targets = defaults.byMetric
        var minimumDenominator = defaults.minimumDenominator
        var seen: Set<String> = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            func fail(_ message: String) -> TargetsFileError {
                TargetsFileError(file: fileName, line: line, message: message)
            }
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let id = fields.first else { continue }
            // A file saved from a spreadsheet as CSV: say how fields are separated, not that the line is unknown.
            if id.contains(",") || id.contains(";") {
                throw fail(
                    "fields are separated by spaces, not commas: write \"re-referrals 20\", not \"re-referrals,20\"")
            }
            if id == Self.minimumDenominatorKey {
                guard seen.insert(id).inserted else { throw fail("\(id) is given twice") }
                guard fields.count == 2, let n = Int(fields[1]), n >= 0 else {
                    throw fail("\(id) takes one whole number, 0 or more (rates over fewer are not rated)")
                }
                minimumDenominator = n
                continue
            }
            guard PackMeasure.named(id) != nil || PerformancePack.permanenceTargetIDs.contains(id) else {
                throw fail(
                    "\"\(id)\" is not a headline measure; known: "
                        + (PackMeasure.all.map(\.id) + PerformancePack.permanenceTargetIDs).joined(separator: ", "))
            }
            guard seen.insert(id).inserted else { throw fail("\(id) is given twice") }
            guard fields.count == 2 || fields.count == 3 else {
                throw fail("expected a metric id, a target and an optional tolerance, found \(fields.count) fields")
            }
            if fields[1] == "none" {
                guard fields.count == 2 else { throw fail("\"none\" takes no tolerance") }
                targets[id] = nil
                continue
            }
            guard let value = Double(fields[1]), value.isFinite, (0...100).contains(value) else {
                throw fail("the target \"\(fields[1])\" is not a percentage from 0 to 100 (or \"none\")")
            }
            var tolerance = Target.defaultTolerance
            if fields.count == 3 {
                guard let t = Double(fields[2]), t.isFinite, (0...100).contains(t) else {
                    throw fail("the tolerance \"\(fields[2])\" is not a number of percentage points from 0 to 100")
                }
                tolerance = t
            }
            targets[id] = Target(value: value, tolerance: tolerance, source: "local target")
        }
        self.init(targets, minimumDenominator: minimumDenominator)
    }

    /// The line that sets the smallest denominator a rate is rated on.
    static let minimumDenominatorKey = "minimum-denominator"
}
