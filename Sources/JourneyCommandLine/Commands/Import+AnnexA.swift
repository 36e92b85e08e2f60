import ArgumentParser
import JourneyCore
import JourneyImport

extension Journey.Import {
    struct AnnexA: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annex-a",
            abstract: "Import a council's Ofsted Annex A lists (an .xlsx workbook, or a folder of CSV files).",
            discussion: """
                Reads Annex A as councils write it: a workbook whose sheets are the lists (found by their number \
                or name, loosely: "List 3", "L3 Referrals", "Referrals"), or a folder of the CSV files \
                `journey annex-a --format csv` writes (list-03-referrals.csv, …). Headings are matched loosely \
                (case, spacing and punctuation do not matter, and the common variants are known: "Gender" or \
                "Sex", "Child Unique ID" or "Child ID"); codes are read from the template's forms ("a) 1A: \
                Individual"), the codes alone ("1A") or words ("Police", "White British"); yes and no from "Y", \
                "Yes", "a) Yes", "1"; dates from dd/mm/yyyy, yyyy-mm-dd or Excel date numbers.

                Imported: list 1 (contacts: contact.received), 3 (referrals: referral.received), 4 (assessments: \
                assessment.started and .completed), 5 (section 47 enquiries: s47.started, s47.completed, \
                icpc.held), 6 (children in need: the episode's primary need and case.closed), 7 (child protection: \
                cp-plan.started, .reviewed, .category-changed, .ended), 8 (children in care: care.started, \
                legal-status.changed, placement.started, care.reviewed, health and dental checks, care.ended), 9 \
                (care leavers: the latest care-leaver.contacted, pathway-plan.reviewed, and \
                personal-adviser.allocated dated on --extracted, since Annex A names the adviser but not since \
                when) and 10 (adoption: adoption.decided, placement-order.granted, adoption.placed, \
                adoption.order-granted, adoption.decision-reversed), with child.registered from the sex, ethnicity \
                and date of birth. Not imported: list 2 (early help assessments) and 11 (adopters), which are not \
                children's journeys the log records; list 10's date of matching (adoption.matched needs the \
                adopters' number, sex and legal status, which Annex A does not give), and columns worked out from \
                other facts (ages, list 9's eligibility category). docs/annex-a.md says what each column becomes.

                The events are recorded at the last second of --extracted (the day the lists were drawn) and named \
                annex-a-YYYY-MM-DD. Importing a later extract gives one history: a fact already in the log is not \
                appended again, a revised one is corrected, and one the earlier extract stated that the later one \
                does not (in the dates its list covers) is retracted. List 9 gives only the latest contact and \
                review: a later list retracts only one dated after the latest it gives.

                A row that cannot be read (no child, a start date that is not a date) is rejected, and a value \
                that cannot be read (a code not in its list) is left out of its row; each goes to --rejected with \
                its sheet, row and column. Without --skip-invalid, any of them means nothing is appended.

                Examples:
                  journey import annex-a annex-a-2025-03-31.xlsx --log event-logs/main --extracted 2025-03-31
                  journey import annex-a annex-a/ --extracted 2025-03-31 --skip-invalid --rejected bad.csv
                  journey-serve import annex-a annex-a/ --extracted 2025-03-31 --log postgres://journey@db.internal/journey
                """
        )

        @Argument(help: ArgumentHelp("The Annex A workbook (.xlsx), or a folder of its CSV lists.", valueName: "path"))
        var path: String

        @Option(
            help: ArgumentHelp("The day the lists were extracted from the case system.", valueName: "date"),
            transform: CalendarDate.parse)
        var extracted: CalendarDate

        @OptionGroup var common: ImportCommandOptions

        func run() throws {
            let options = try common.options(year: nil)
            try common.run(
                AnnexAImporter(path: path, extracted: extracted, options: options),
                yearExample: "2024-25", command: "import annex-a")
        }
    }
}
