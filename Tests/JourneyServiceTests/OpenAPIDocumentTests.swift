import Foundation
import Testing

@testable import JourneyService

/// docs/openapi.yaml stays in step with the routes: every parameter an endpoint takes is documented under that
/// endpoint, and every parameter documented there is taken.
@Suite("docs/openapi.yaml")
struct OpenAPIDocumentTests {
    static let document: String = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: repository.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)) ?? ""
    }()

    /// The parameter names under one path of the document: `name: X` directly, and those of the
    /// `components/parameters` it refers to.
    func documented(_ path: String) throws -> Set<String> {
        let lines = Self.document.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  \(path):"), "\(path) is not documented")
        var section: [String] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("  /") || !line.hasPrefix("  ") { break }
            section.append(line)
        }
        var names = Set<String>()
        for line in section {
            if let range = line.range(of: "name: ") {
                names.insert(String(line[range.upperBound...].prefix { $0 != "," && $0 != " " && $0 != "}" }))
            }
            if let range = line.range(of: "#/components/parameters/") {
                let key = line[range.upperBound...].prefix { $0 != "\"" }
                let definition = try #require(lines.first { $0.hasPrefix("    \(key):") })
                let following = lines.drop { $0 != definition }.prefix(3).joined(separator: " ")
                let name = try #require(following.range(of: "name: "))
                names.insert(String(following[name.upperBound...].prefix { $0 != "," && $0 != " " && $0 != "}" }))
            }
        }
        names.remove("id")
        return names
    }

    @Test(
        "Each endpoint's query parameters are documented, and only those",
        arguments: [
            ("/v1/metrics", MetricsQuery.parameters), ("/v1/checks", ChecksQuery.parameters),
            ("/v1/children/{id}/chronology", ChronologyQuery.parameters),
            ("/v1/cohorts/repeat-cp", RepeatCPQuery.parameters), ("/v1/events", Service.appendParameters),
        ])
    func parameters(path: String, taken: Set<String>) throws {
        #expect(try documented(path) == taken)
    }

    @Test("The body limit documented is the server's: 64 MiB")
    func bodyLimit() {
        #expect(Service.bodyLimit == 64 * 1024 * 1024)
        #expect(Self.document.contains("maxLength: \(Service.bodyLimit)"))
        #expect(Self.document.contains("The body limit is 64 MiB"))
    }
}
