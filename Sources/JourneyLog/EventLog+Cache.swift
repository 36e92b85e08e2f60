import JourneyCore

extension EventLog {
    /// A folder inside the log directory for disposable derived state (checkpoints): deleting it changes no figure.
    /// Created on first use, readable by its owner only; `nil` when the log directory is not writable.
    public func cacheDirectory() -> String? {
        do {
            try LogIO.makeDirectory(layout.cachePath)
            return layout.cachePath
        } catch {
            return nil
        }
    }

    /// The chain hash of the batch that ends exactly at `cursor`, or `nil` when no batch ends there: a saved
    /// checkpoint is trusted only if the log still has the batch it was taken after, byte for byte.
    public func chainHash(endingAt cursor: LogCursor) -> [UInt8]? {
        guard cursor.position <= head.position, cursor.segment >= 1,
            cursor.offset >= LogLayout.headerSize + Record.overhead
        else { return nil }
        let path = layout.segmentPath(cursor.segment)
        guard let fd = try? LogIO.open(path, flags: O_RDONLY_) else { return nil }
        defer { LogIO.close(fd) }
        let size = Record.overhead + Commit.bodySize
        var bytes = [UInt8](repeating: 0, count: size)
        guard
            let n = try? bytes.withUnsafeMutableBytes({
                try LogIO.read(fd, into: $0.baseAddress!, count: size, at: cursor.offset - size, path: path)
            }), n == size
        else { return nil }
        return bytes.withUnsafeBytes { raw -> [UInt8]? in
            guard case .record(let framed) = Record.read(raw), framed.kind == .commit,
                let commit = try? Commit.decode(framed.body), commit.lastPosition == cursor.position
            else { return nil }
            return commit.chainHash
        }
    }

    /// The chain hash at the log's end.
    public var headChainHash: [UInt8] { head.chainHash }
}
