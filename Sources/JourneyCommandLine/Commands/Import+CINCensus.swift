import ArgumentParser
import JourneyCore
import JourneyImport

extension Journey.Import {
    struct CINCensus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cin-census",
            abstract: "Import a CIN census return (XML, 2017 to 2026).",
            discussion: """
                Reads every module: the child's identifiers and characteristics (GenderCurrent or Sex), episodes \
                of need (CINdetails), assessments and their factors, CIN plans, section 47 enquiries with their \
                initial conferences, and CP plans with their categories, previous plans and reviews. The file is \
                read one child at a time, so a return of any size fits.

                The collection year is the header's ReferenceDate (or --year), and the events are recorded at the \
                header's DateTime (or --recorded).

                Examples:
                  journey import cin-census cin-2024.xml --log event-logs/main
                  journey import cin-census cin-2024.xml --skip-invalid --rejected bad.csv
                  journey-serve import cin-census cin-2024.xml --log postgres://journey@db.council.internal/journey
                """
        )

        @Argument(help: ArgumentHelp("The CIN census XML file.", valueName: "file"))
        var file: String

        @Option(
            help: ArgumentHelp(
                "The collection year, when the header does not give it (or to overrule it).", valueName: "2023-24"))
        var year: String?

        @OptionGroup var common: ImportCommandOptions

        func validate() throws {
            if let year, CollectionYear(year) == nil {
                throw ValidationError("--year takes a collection year such as 2024-25")
            }
        }

        func run() throws {
            try common.run(
                CINCensusImporter(path: file, options: try common.options(year: year)), yearExample: "2023-24",
                command: "import cin-census")
        }
    }
}
