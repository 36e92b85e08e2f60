import ArgumentParser
import JourneyAccess

extension Journey {
    struct AuditVerify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the audit log's chain; exit 1 if an entry was changed, removed or torn.",
            discussion: """
                Checks that each line is an entry exactly as the service wrote it, that entries are numbered 1, 2, \
                3… with none missing, that each holds the SHA-256 of the one before and its own hash matches its \
                bytes, and that the head file (PATH.head) agrees with the last entry, so that removing entries from \
                the end is found too. The first problem is reported by line number; nothing is repaired.

                A torn last entry (the service stopped mid-append, before the entry was on the disk and so before \
                the page was served) is set aside when the log is next opened, into PATH.torn, and noted.

                The last hash printed fixes the log as of now: record it elsewhere, and a later verify whose chain \
                still passes through it proves nothing before it has changed.

                Examples:
                  journey audit verify --audit-log service/audit.jsonl
                """
        )

        @OptionGroup var audit: AuditLogOption

        func run() throws {
            try reportingErrors {
                do {
                    let report = try audit.open().verification()
                    if report.hasTornBytes {
                        Terminal.print(
                            "note: \(audit.path).torn holds the bytes of an entry torn by a crash (never acknowledged)")
                    }
                    Terminal.print("ok: \(report.entries) entries; last hash \(report.lastHash)")
                } catch let error as AccessError {
                    Terminal.print("DAMAGED: \(error)")
                    throw ExitWithMessage(code: 1)
                }
            }
        }
    }
}
