import ArgumentParser
import JourneyAccess
import JourneyCore

extension Journey {
    struct AuditList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the audit entries, oldest first (the default of `journey audit`).",
            discussion: """
                Every entry, or those of one child (--child), one user (--user) or both. The whole chain is checked \
                first: a damaged log is refused, not half listed (run `journey audit verify` for the first problem).

                Formats:
                  text   one entry a line: time, outcome, user, child (or -), page, and the reason if one was given
                  csv    a header, then at,user,child,page,reason,outcome (text cells guarded against formulas)
                  json   JSON Lines, one object per entry: user, at, child, page, reason, outcome

                Examples:
                  journey audit --audit-log service/audit.jsonl
                  journey audit list --audit-log service/audit.jsonl --child C100 --format csv
                  journey audit --audit-log service/audit.jsonl --user ivy --format json
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

        @OptionGroup var audit: AuditLogOption

        @Option(help: "Only the entries about this child.")
        var child: String?

        @Option(help: "Only the entries of this user.")
        var user: String?

        @Option(help: "text, csv or json.")
        var format: Format = .text

        func run() throws {
            try reportingErrors {
                try withAccessRemedies {
                    let entries = try audit.open().entries(child: child.map { ChildID($0) }, user: user)
                    switch format {
                    case .text:
                        for e in entries {
                            let child = e.child.map { Self.oneLine($0.rawValue) } ?? "-"
                            var line =
                                "\(e.at)  \(e.outcome.rawValue)  \(Self.oneLine(e.user))  \(child)  \(Self.oneLine(e.page))"
                            if let reason = e.reason { line += "  reason: \(Self.oneLine(reason))" }
                            Terminal.print(line)
                        }
                        Terminal.print("\(entries.count) entr\(entries.count == 1 ? "y" : "ies")")
                    case .csv:
                        var csv = CSVWriter(header: ["at", "user", "child", "page", "reason", "outcome"])
                        for e in entries {
                            csv.append([
                                .text(e.at.description), .text(e.user), .text(e.child?.rawValue ?? ""), .text(e.page),
                                .text(e.reason ?? ""), .text(e.outcome.rawValue),
                            ])
                        }
                        var text = csv.text
                        text.withUTF8 { _ = Terminal.writeToStandardOutput(UnsafeRawBufferPointer($0)) }
                    case .json:
                        for e in entries {
                            var w = JSONWriter()
                            w.beginObject()
                            w.key("user")
                            w.string(e.user)
                            w.key("at")
                            w.string(e.at.description)
                            w.key("child")
                            if let child = e.child { w.string(child.rawValue) } else { w.null() }
                            w.key("page")
                            w.string(e.page)
                            w.key("reason")
                            if let reason = e.reason { w.string(reason) } else { w.null() }
                            w.key("outcome")
                            w.string(e.outcome.rawValue)
                            w.endObject()
                            Terminal.print(String(decoding: w.bytes, as: UTF8.self))
                        }
                    }
                }
            }
        }

        /// Text as it is safe to print on a terminal, on one line: line breaks and tabs shown as spaces, so that
        /// each entry stays one line, and any other control character (an escape sequence in a reason or a page,
        /// which could rewrite what the terminal shows) as U+FFFD. The reason and the page come from whoever made
        /// the request.
        static func oneLine(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out.append(" ")
                } else if scalar.properties.generalCategory == .control
                    || scalar.properties.generalCategory == .format
                        && scalar.value >= 0x202A && scalar.value <= 0x2069
                {
                    out.append("\u{FFFD}")
                } else {
                    out.append(scalar)
                }
            }
            return String(out)
        }
    }
}
