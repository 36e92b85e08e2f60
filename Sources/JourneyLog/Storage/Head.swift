import JourneyCore

/// The committed end of the log: everything before `offset` in `segment` (and all earlier segments) is
/// acknowledged; nothing after it is visible. Replaced atomically and durably (`System.replaceFile`) after
/// each batch is durable.
struct Head: Hashable, Sendable {
    /// 0 when the log is empty.
    var segment: Int
    /// The byte just after the last commit record in `segment`.
    var offset: Int
    /// The last event's position (0 when empty).
    var position: UInt64
    /// The last batch's chain hash (all zeros when empty).
    var chainHash: [UInt8]
    /// Batches committed.
    var batches: UInt64

    static let empty = Head(segment: 0, offset: 0, position: 0, chainHash: Commit.genesisHash, batches: 0)

    var json: String {
        "{\"format\":1,\"segment\":\(segment),\"offset\":\(offset),\"position\":\(position),"
            + "\"batches\":\(batches),\"hash\":\"\(chainHash.hex)\"}\n"
    }

    /// Reads the head file; `nil` when there is none.
    static func read(_ layout: LogLayout) throws -> Head? {
        guard LogIO.exists(layout.headPath) else { return nil }
        let fd = try LogIO.open(layout.headPath, flags: O_RDONLY_)
        defer { LogIO.close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = try buffer.withUnsafeMutableBytes { b throws in
            try LogIO.read(fd, into: b.baseAddress!, count: 512, at: 0, path: layout.headPath)
        }
        let text = String(decoding: buffer[0..<n], as: UTF8.self)
        guard case .object(let m)? = try? JSONParser.parse(text) else {
            throw LogError.damaged(path: layout.headPath, offset: 0, reason: "the head file is not readable")
        }
        func int(_ key: String) -> UInt64? {
            guard case .number(let s)? = m.first(where: { $0.key == key })?.value else { return nil }
            return UInt64(s)
        }
        guard let segment = int("segment"), let offset = int("offset"), let position = int("position"),
            let batches = int("batches"), case .string(let hex)? = m.first(where: { $0.key == "hash" })?.value,
            let hash = [UInt8](hex: hex), hash.count == 32
        else {
            throw LogError.damaged(path: layout.headPath, offset: 0, reason: "the head file is incomplete")
        }
        return Head(segment: Int(segment), offset: Int(offset), position: position, chainHash: hash, batches: batches)
    }

    /// Replaces the head file atomically and durably (`System.replaceFile`). When it cannot (a full disk, a head
    /// that cannot be replaced), the head is left as it was and no `head.new` is left beside it.
    func write(_ layout: LogLayout) throws {
        do {
            try System.replaceFile(layout.headPath, temporary: layout.headTemporaryPath) {
                try $0.write(Array(json.utf8))
            }
        } catch let error as SystemCallError {
            throw LogError(error)
        }
    }
}

extension Array where Element == UInt8 {
    init?(hex: String) {
        var out: [UInt8] = []
        var high: UInt8?
        for c in hex.utf8 {
            let v: UInt8
            switch c {
            case 48...57: v = c - 48
            case 97...102: v = c - 87
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        guard high == nil else { return nil }
        self = out
    }
}
