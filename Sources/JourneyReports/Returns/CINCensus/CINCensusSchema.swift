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
    /// The collection year the census covers.
    public let year: CollectionYear

    /// The census years whose schemas the project holds.
    public static let censusYears = 2017...2026

    /// The census of `year`, or `nil` when the project holds no schema for it.
    public init?(year: CollectionYear) {
        guard Self.censusYears.contains(year.endYear) else { return nil }
        self.year = year
    }

    /// The year the collection year starts (2024 for 2024-25).
    public var startYear: Int { year.startYear }
    /// The census (and schema) year: the year the collection year ends.
    public var censusYear: Int { year.endYear }
    /// 1 April.
    public var start: CalendarDate { year.start }
    /// 31 March, the census's reference date.
    public var end: CalendarDate { year.end }

    public func contains(_ date: CalendarDate) -> Bool { year.contains(date) }

    /// `2024-25`.
    public var description: String { year.description }

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
