import ArgumentParser
import JourneyImport

extension Journey.Import {
    struct SSDA903: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ssda903",
            abstract: "Import an SSDA903 return (children looked after) from its CSV tables.",
            discussion: """
                Reads the header, episodes, reviews, missing and uasc tables (told apart by their columns, in any \
                order; dates dd/mm/yyyy); other tables are skipped with a note. Episodes become periods of care, \
                legal statuses and placements by their RNE and REC; reviews become care.reviewed; missing episodes \
                missing.started and missing.ended; header rows child.registered; a UASC row marks the periods of \
                care that began before its DUC with uasc.

                The events are recorded at --recorded, or at the last second of the collection year's 31 March.

                Examples:
                  journey import ssda903 903-2023-24/ --log event-logs/main
                  journey import ssda903 header.csv episodes.csv --year 2023-24
                """
        )

        @Argument(help: ArgumentHelp("The return's CSV tables, or a folder holding them.", valueName: "path"))
        var paths: [String]

        @Option(
            help: ArgumentHelp(
                "The collection year (default: the year of the latest episode start).", valueName: "2024-25"))
        var year: String?

        @OptionGroup var common: ImportCommandOptions

        func validate() throws {
            if let year, CollectionYear(year) == nil {
                throw ValidationError("--year takes a collection year such as 2024-25")
            }
        }

        func run() throws {
            try common.run(
                SSDA903Importer(paths: paths, options: try common.options(year: year)), yearExample: "2024-25")
        }
    }
}
