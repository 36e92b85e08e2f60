import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport

/// A log directory in /tmp for one test, removed afterwards.
final class ScratchLog {
    let path = temporaryDirectory("journey-log")

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Every file of the log and its bytes: to prove that a rejected append changed nothing.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where name != "writer.lock" {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
        }
        return files
    }

    var segmentPath: String { path + "/segment-000001.log" }

    func events() throws -> [StoredEvent] {
        var out: [StoredEvent] = []
        try EventLog.open(path).replay { out.append($0) }
        return out
    }
}

/// `n` simple events over `children` children, ids `prefix-1`…
func simpleEvents(_ n: Int, prefix: String = "x", children: Int = 3, from: String = "2024-04-01") -> [Event] {
    (0..<n).map { i in
        Event(
            id: EventID("\(prefix)-\(i + 1)"), child: ChildID("C\(i % children)"),
            occurred: d(from).adding(days: i % 300),
            recorded: Timestamp("2024-06-01T10:00:00Z")!,
            body: .referralReceived(ReferralReceived(referral: ReferralID("R\(i)"), source: ReferralSource("6")!)))
    }
}
