import ArgumentParser

extension Journey {
    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: "Write a statutory return (CIN census, SSDA903) from the log.",
            discussion: """
                The returns a council owes the DfE each year, written from the log as it stood at a moment: the \
                CIN census as XML in the year's schema, the SSDA903 as its CSV tables.

                Examples:
                  journey return cin-census --log event-logs/main --year 2024-25 --la 201 --out cin-2024-25.xml
                  journey return ssda903 --log event-logs/main --year 2024-25 --out 903-2024-25/
                """,
            subcommands: [CINCensus.self, SSDA903.self]
        )
    }
}
