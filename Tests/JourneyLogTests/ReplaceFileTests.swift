import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLog

/// `System.replaceFile`, the one way a file is replaced (the head, the cache files, the pack): a reader finds the
/// old file or the new one, and a failure leaves the old one and nothing beside it.
@Suite("Replacing a file")
struct ReplaceFileTests {
    @Test func replacesTheFileOwnerOnlyAndLeavesNoTemporary() throws {
        let folder = temporaryDirectory("journey-replace")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/file"
        // A temporary left by an interrupted run is replaced, not written through.
        try Data("left over".utf8).write(to: URL(fileURLWithPath: path + ".new"))
        for text in ["first", "second, longer"] {
            try System.replaceFile(path, temporary: path + ".new") { try $0.write(Array(text.utf8)) }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["file"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aFailureLeavesTheOldFileAndNothingBesideIt() throws {
        let folder = temporaryDirectory("journey-replace")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/file"
        try System.replaceFile(path, temporary: path + ".new") { try $0.write(Array("old".utf8)) }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try System.replaceFile(path, temporary: path + ".new") { output in
                try output.write(Array("half of the new".utf8))
                throw Stop()
            }
        }
        // A folder where the file is: the rename fails, as on a read-only or full disk.
        let blocked = folder + "/blocked"
        try FileManager.default.createDirectory(atPath: blocked + "/x", withIntermediateDirectories: true)
        #expect(throws: SystemCallError.self) {
            try System.replaceFile(blocked, temporary: blocked + ".new") { try $0.write(Array("new".utf8)) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["blocked", "file"])
    }

    @Test func theFolderOfAPath() {
        #expect(System.folder(of: "/a/b/c") == "/a/b")
        #expect(System.folder(of: "/c") == "/")
        #expect(System.folder(of: "c") == ".")
        #expect(System.folder(of: "a/c") == "a")
    }
}
