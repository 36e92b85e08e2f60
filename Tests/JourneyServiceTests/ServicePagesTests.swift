import Foundation
import Hummingbird
import HummingbirdTesting
import JourneyCore
import JourneyService
import JourneyTestSupport
import Testing

/// The web pages, on a server without accounts (nobody signs in).
@Suite("The service's web pages")
struct ServicePagesTests {
    @Test("Find a child: the form's id leads to the chronology page, the command line's HTML with the forms on top")
    func chronologyPage() async throws {
        let log = try tinyCouncilLog()
        let cli = journey(["chronology", "C1", "--log", log, "--format", "html"])
        try await withService(log: log) { client in
            try await client.execute(uri: "/children?id=C1", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/children/C1/chronology")
            }
            // An investigator's reason goes along.
            try await client.execute(uri: "/children?id=C1&reason=s47+enquiry", method: .get) { response in
                #expect(response.headers[.location] == "/children/C1/chronology?reason=s47%20enquiry")
            }
            try await client.execute(uri: "/children/C1/chronology", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                // The chronology's own document, with the navigation and the two forms after <body>.
                let page = response.text
                #expect(page.contains("name=\"as-known-at\""))
                #expect(page.components(separatedBy: "name=\"diff\"").count == 3)
                let withoutForms = page.replacingOccurrences(
                    of: #"<nav class="journey-service">[\s\S]*?Compare</button></form>"#, with: "",
                    options: .regularExpression)
                #expect(withoutForms == cli.output)
            }
        }
    }

    @Test("The monthly pack for a chosen month: the performance pack's HTML, 2025-03's twelve months")
    func pack() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            try await client.execute(uri: "/pack", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("name=\"year\""))
            }
            try await client.execute(uri: "/pack?year=2024-25&month=2025-03", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<svg"))
                // Aggregates only: no child's id in the pack.
                #expect(!response.text.contains("C1<") && !response.text.contains("C2<"))
            }
            // A person gets a page saying what is wrong, not the API's JSON.
            try await client.execute(uri: "/pack?year=2024-25&month=2025-04", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("parameter month: takes a month of the year"))
            }
        }
    }

    @Test("journey serve, with no journey-serve beside it, says how to build it")
    func serveNotBuilt() throws {
        let folder = temporaryDirectory("journey-serve-missing")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journeyProgram = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/journey").path
        try FileManager.default.createSymbolicLink(atPath: folder + "/journey", withDestinationPath: journeyProgram)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: folder + "/journey")
        process.arguments = ["serve", "--log", "event-logs/main"]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = Pipe()
        try process.run()
        let errors = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(errors.contains("swift build --product journey-serve"), "\(errors)")
        #expect(errors.contains(folder + "/journey-serve"), "\(errors)")
    }
}

/// The working pages from the pages' renderers: each the command line's HTML, with the navigation and a form on top.
@Suite("The service's working pages")
struct ServiceWorkingPagesTests {
    /// The page without what the service puts at the top of its body.
    func withoutServiceParts(_ page: String) -> String {
        page.replacingOccurrences(
            of: #"<nav class="journey-service">[\s\S]*?</form>"#, with: "", options: .regularExpression)
    }

    @Test(
        "Findings by team, caseload and an audit sample are the commands' HTML",
        arguments: [
            ("/findings", ["check", "--format", "html", "--fail-on", "never"]),
            ("/caseload", ["caseload", "--format", "html"]),
            ("/caseload?on=2024-06-30", ["caseload", "--on", "2024-06-30", "--format", "html"]),
            ("/audit-sample?size=1&seed=7", ["audit-sample", "--size", "1", "--seed", "7", "--format", "html"]),
        ])
    func asTheCommandLine(uri: String, command: [String]) async throws {
        let log = try tinyCouncilLog()
        let cli = journey([command[0], "--log", log] + command.dropFirst())
        #expect(cli.status == 0)
        try await withService(log: log) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<nav class=\"journey-service\">"))
                #expect(withoutServiceParts(response.text) == cli.output)
            }
        }
    }

    @Test("The audit sample's form, before a size and seed are given; a seed that is not a number is refused")
    func auditSampleForm() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            try await client.execute(uri: "/audit-sample", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("name=\"seed\""))
            }
            try await client.execute(uri: "/audit-sample?size=2&seed=abc", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
