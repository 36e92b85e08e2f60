import ArgumentParser
import JourneyAccess
import JourneyCore
import JourneyLog

extension Journey {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "List or verify the access audit: every child-level read of the service, and every refusal.",
            discussion: """
                `journey serve` appends to the audit log each time someone opens a child's data or is refused: who, \
                when, which child, which page, the reason they gave, and whether it was allowed. The log is JSON \
                Lines, owner-only, each entry on the disk before the page is served, and hash-chained: each entry \
                holds the SHA-256 of the one before, and a head file beside it (PATH.head) records the count and \
                the last hash, so an edited byte or a removed entry (even the last) is found by `audit verify`.

                Its default path is audit.jsonl beside the default users file: service/audit.jsonl (the service \
                puts it beside whatever --users file it is given, unless told --audit-log).

                Examples:
                  journey audit --audit-log service/audit.jsonl
                  journey audit --audit-log service/audit.jsonl --child C100
                  journey audit --audit-log service/audit.jsonl --user ivy --format csv > ivy.csv
                  journey audit verify --audit-log service/audit.jsonl
                """,
            subcommands: [AuditList.self, AuditVerify.self],
            defaultSubcommand: AuditList.self
        )
    }
}

/// The audit log option, with the default the service uses beside its default users file.
struct AuditLogOption: ParsableArguments {
    @Option(name: .customLong("audit-log"), help: "The access audit log.")
    var path = AuditLog.defaultPath(besideUsersFile: UsersFileOption.defaultPath)

    /// The log, which must exist: reading never creates one.
    func open() throws -> AuditLog {
        guard System.exists(path) else {
            throw RemediedError(
                description: "there is no audit log at \(path). `journey serve` creates it at its first child-level "
                    + "read; pass --audit-log if it is elsewhere.")
        }
        let log = try AuditLog.open(path)
        if let recovery = log.recovery { Terminal.error("note: \(recovery)") }
        return log
    }
}
