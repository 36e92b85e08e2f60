import JourneyCore

/// The CIN census year a return is written for, and what its schema allows.
///
/// The collection year runs from 1 April to 31 March; the census, its schema and its header `Year` are named after
/// the year it ends: the collection year 2024-25 is the 2025 census, written in `CIN_schema_2025.xsd`, with
/// `<Year>2025</Year>` and `<ReferenceDate>2025-03-31</ReferenceDate>` (the importer reads `Year` the same way:
/// "the census of 2024 is the collection year 2023-24"). The schemas 2017 to 2026 differ only in what this type
/// holds (compared element by element and code by code):
/// - `CINPlanDates` from the 2022 schema on;
/// - the child's sex as `GenderCurrent` (`1`, `2`, `9`, `0`) up to 2024, as `Sex` (`M`, `F`, `U`) from 2025;
/// - assessment factors `18B`, `18C`, `19B`, `19C` from 2021, `24A` from 2022; referral source `5D` and reason
///   for closure `RC9` from 2023. Every other code list equals the event format's.
public struct CINCensusSchema: Sendable, Hashable, CustomStringConvertible {
    /// The year the collection year starts (2024 for 2024-25).
    public let startYear: Int

    /// The census years whose schemas the project holds.
    public static let censusYears = 2017...2026

    /// `2024-25` (the two-digit end must follow the start), a census year of `censusYears`; `nil` otherwise.
    public init?(collectionYear text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
            let start = Int(parts[0]), let end = Int(parts[1]), end == (start + 1) % 100
        else { return nil }
        self.init(startYear: start)
    }

    public init?(startYear: Int) {
        guard Self.censusYears.contains(startYear + 1) else { return nil }
        self.startYear = startYear
    }

    /// Whether `text` has the form of a collection year (`2024-25`), whatever the year.
    public static func isCollectionYear(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let start = Int(parts[0]), let end = Int(parts[1])
        else { return false }
        return end == (start + 1) % 100
    }

    /// The census (and schema) year: the year the collection year ends.
    public var censusYear: Int { startYear + 1 }
    /// 1 April.
    public var start: CalendarDate { CalendarDate(year: startYear, month: 4, day: 1)! }
    /// 31 March, the census's reference date.
    public var end: CalendarDate { CalendarDate(year: startYear + 1, month: 3, day: 31)! }

    public func contains(_ date: CalendarDate) -> Bool { date >= start && date <= end }

    /// `2024-25`.
    public var description: String {
        let next = (startYear + 1) % 100
        return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
    }

    /// The schema's file name (`CIN_schema_2025.xsd`).
    public var schemaFileName: String { "CIN_schema_\(censusYear).xsd" }

    /// `CINPlanDates` is in the schema (from 2022).
    public var hasCINPlanDates: Bool { censusYear >= 2022 }

    /// The child's sex is `Sex` (M/F/U) rather than `GenderCurrent` (1/2/9/0): from 2025.
    public var hasSex: Bool { censusYear >= 2025 }

    /// The element's name for the child's sex.
    public var sexElement: String { hasSex ? "Sex" : "GenderCurrent" }

    /// The code written for a sex, or for none recorded (`U`, `0`): the second is whether it is the default.
    public func sexCode(_ sex: Sex?) -> (code: String, isDefault: Bool) {
        if hasSex { return (sex?.rawValue ?? "U", sex == nil) }
        switch sex?.rawValue {
        case "M": return ("1", false)
        case "F": return ("2", false)
        case "U": return ("9", false)
        default: return ("0", true)
        }
    }

    /// Whether the schema has the assessment factor (codes added in 2021 and 2022).
    public func allows(_ factor: AssessmentFactor) -> Bool {
        switch factor.rawValue {
        case "18B", "18C", "19B", "19C": censusYear >= 2021
        case "24A": censusYear >= 2022
        default: true
        }
    }

    /// Whether the schema has the referral source (`5D` from 2023).
    public func allows(_ source: ReferralSource) -> Bool { source.rawValue != "5D" || censusYear >= 2023 }

    /// Whether the schema has the reason for closure (`RC9` from 2023).
    public func allows(_ reason: ClosureReason) -> Bool { reason.rawValue != "RC9" || censusYear >= 2023 }
}
