import ArgumentParser
import JourneyCore
import JourneyImport

extension Journey.Import {
    struct SSDA903: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ssda903",
            abstract: "Import an SSDA903 return (children looked after) from its CSV tables.",
            discussion: """
                Reads the header, episodes, reviews, missing, uasc, ad1, placed_for_adoption, previous_permanence, \
                oc2, oc3, sw_episodes and DoLo tables (told apart by their columns, in any order; dates \
                dd/mm/yyyy); other files are skipped with a note. Episodes become periods of care, legal statuses \
                and placements by their RNE and REC; reviews become care.reviewed; missing episodes \
                missing.started and missing.ended; header rows child.registered; a UASC row marks the periods of \
                care that began before its DUC with uasc. MOTHER and MC_DOB give motherhood.recorded (a mother \
                dated on her first child's birth, not a mother on the year's 31 March); HOME_POST gives \
                home-postcode.recorded on each episode whose home postcode is not the one before.

                Permanence, leaving care and health: an AD1 row gives adoption.decided (DATE_INT) and \
                adoption.matched (DATE_MATCH); a placed_for_adoption row adoption.decided (DATE_PLACED) and \
                adoption.decision-reversed (DATE_PLACED_CEASED); an adoption is known by its decision date. A \
                previous_permanence row gives previous-permanence.recorded, dated on the start of the child's \
                earliest period of care in the return (or the year's 1 April). An OC2 row gives, on the year's \
                31 March, an event for each item that is 1 (health-assessment.completed, dental-check.completed, \
                conviction.recorded, substance-misuse.identified), immunisations.recorded and \
                health-surveillance.recorded when given, and sdq.recorded for a score or a reason. An OC3 row \
                gives care-leaver.contacted on the birthday in the collection year. A DoLo row gives \
                deprivation-of-liberty.started and .ended. sw_episodes rows give worker.allocated, with the team \
                named by --social-worker-team (the table has none; without it the table is skipped), and \
                worker-change.recorded for SW_REASON, the reason the worker changed.

                The events are recorded at --recorded, or at the last second of the collection year's 31 March.

                Examples:
                  journey import ssda903 903-2023-24/ --log event-logs/main
                  journey import ssda903 header.csv episodes.csv --year 2023-24
                  journey import ssda903 903-2023-24/ --social-worker-team "Children in care"
                  journey-serve import ssda903 903-2023-24/ --log postgres://journey@db.council.internal/journey
                """
        )

        @Argument(help: ArgumentHelp("The return's CSV tables, or a folder holding them.", valueName: "path"))
        var paths: [String]

        @Option(
            help: ArgumentHelp(
                "The collection year (default: the year of the latest episode start).", valueName: "2024-25"))
        var year: String?

        @Option(
            help: ArgumentHelp(
                "The team to name in worker.allocated for the social workers of the sw_episodes table, which gives "
                    + "none (default: the table is skipped).", valueName: "team"))
        var socialWorkerTeam: String?

        @OptionGroup var common: ImportCommandOptions

        func validate() throws {
            if let year, CollectionYear(year) == nil {
                throw ValidationError("--year takes a collection year such as 2024-25")
            }
            if let socialWorkerTeam, socialWorkerTeam.isEmpty || socialWorkerTeam.utf8.count > 256 {
                throw ValidationError("--social-worker-team takes a team name of 1–256 bytes")
            }
        }

        func run() throws {
            var options = try common.options(year: year)
            options.socialWorkerTeam = socialWorkerTeam
            try common.run(
                SSDA903Importer(paths: paths, options: options), yearExample: "2024-25", command: "import ssda903")
        }
    }
}
