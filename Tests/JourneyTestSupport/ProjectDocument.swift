import Foundation

/// A document of the repository's `docs/` folder, for the tests that keep it in step with the code.
public enum ProjectDocument {
    /// The text of `docs/NAME`.
    public static func text(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/\(name)"), encoding: .utf8)
    }

    /// The names a document gives as a heading (`### \`care.started\``) or as the first cell of a table row
    /// (`| \`care.started\` | …`): the entries it defines.
    public static func entries(in text: String) -> Set<String> {
        var names: Set<String> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let entry: Substring
            if trimmed.hasPrefix("#") {
                entry = trimmed.drop { $0 == "#" }
            } else if trimmed.hasPrefix("|") {
                entry = trimmed.dropFirst().prefix { $0 != "|" }
            } else {
                continue
            }
            let words = entry.trimmingCharacters(in: .whitespaces)
            guard words.hasPrefix("`"), let end = words.dropFirst().firstIndex(of: "`") else { continue }
            names.insert(String(words[words.index(after: words.startIndex)..<end]))
        }
        return names
    }
}
