import Crypto
import Foundation
import JourneyCore
import JourneyLog

/// Where the pack's figures came from, printed on every page: the log as it stood, and when the pack was made.
public struct Provenance: Sendable, Hashable {
    /// The log as given on the command line.
    public var log: String
    public var source: Source
    /// When the pack was made (`--stamp` fixes it, so that two runs give the same bytes).
    public var madeAt: Timestamp
    /// The journey release that made the pack (`journey --version`), printed at the foot of every page.
    public var journeyVersion: String?

    public enum Source: Sendable, Hashable {
        /// A log directory: its last position and the chain hash of its head (`journey verify` prints the same).
        case log(lastPosition: UInt64, headHash: String)
        /// A JSON Lines file, which has no chain: its SHA-256 and the number of events in it.
        case file(events: UInt64, sha256: String)
    }

    public init(log: String, source: Source, madeAt: Timestamp, journeyVersion: String? = nil) {
        self.log = log
        self.source = source
        self.madeAt = madeAt
        self.journeyVersion = journeyVersion
    }

    /// The position and hash, as the footer prints them.
    public var summary: String {
        switch source {
        case .log(let position, let hash): "position \(position), head hash \(hash)"
        case .file(let events, let sha256): "\(events) events, SHA-256 \(sha256)"
        }
    }

    /// The log and its hash in a few words, for the running header of a printed page: the log's name without its
    /// folders, a log folder's position, and the first 12 hex digits of the hash (enough to tell two logs apart;
    /// the first page has it whole, with a file's event count).
    public var shortSummary: String {
        let name = log.split(separator: "/").last.map(String.init) ?? log
        switch source {
        case .log(let position, let hash): return "\(name), position \(position), head \(hash.prefix(12))"
        case .file(_, let sha256): return "\(name), SHA-256 \(sha256.prefix(12))"
        }
    }

    /// The SHA-256 of a file's bytes, in lower-case hex, read a megabyte at a time.
    public static func sha256(ofFileAt path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
