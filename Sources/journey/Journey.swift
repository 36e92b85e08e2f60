import ArgumentParser

@main
struct Journey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: "An event-sourced record of children's journeys through children's social care.",
        discussion: """
            Contacts, referrals, assessments, section 47 enquiries, plans, periods of care and placements go into an \
            append-only event log (JSON Lines in, JSON Lines out: see the event format in the README). Every figure \
            is replayed from that log, so it can be reproduced for any period, as the log stood at any moment.

            Start with:
              journey append events.jsonl --log event-logs/main
              journey stats --log event-logs/main
              journey verify --log event-logs/main
            """,
        subcommands: [
            Append.self, Import.self, Metrics.self, Check.self, Report.self, Chronology.self, Cohort.self, Export.self,
            Verify.self, Stats.self,
            Synth.self,
        ]
    )
}
