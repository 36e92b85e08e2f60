import JourneyCore

/// List 2: early help assessments. Written with its headings only: the log holds episodes of early help
/// (`early-help.started`, `early-help.ended`) but not the early help assessment, its completion or the organisation
/// that completed it, which are what this list is about; an episode's dates are not an assessment's.
enum EarlyHelpList {
    static let name = "Early help"

    static func headings(_ sex: String) -> [String] {
        AnnexA.ChildColumns.openingHeadings(sex) + [
            "Assessment start date", "Assessment completion date", "Organisation completing assessment",
        ]
    }

    static let note =
        "written with its headings only: the log holds episodes of early help, not early help assessments or the "
        + "organisation completing them"
}
