/// Where a log's last batch begins, and the chain hash of the batch before it: enough to re-hash that batch alone
/// and compare it with the head. `append` does, before building on it.
struct LastBatch: Hashable {
    /// The end of the batch before it (segment 0, offset 0, position 0 for the first batch).
    var start: LogCursor
    /// The chain hash at `start`.
    var chainHash: [UInt8]

    /// Before the first batch.
    static let none = LastBatch(start: LogCursor(segment: 0, offset: 0, position: 0), chainHash: Commit.genesisHash)
}

extension EventLog {
    /// Re-hashes the batch from `batch.start` to the head and compares it with the head's chain hash; checks that
    /// the log holds `batch.chainHash` at `batch.start`. Throws `LogError.damaged` when either differs.
    func checkChainHash(of batch: LastBatch) throws {
        let startHash = batch.start.position == 0 ? Commit.genesisHash : chainHash(endingAt: batch.start)
        guard startHash == batch.chainHash else {
            throw LogError.damaged(
                path: layout.segmentPath(max(batch.start.segment, 1)), offset: batch.start.offset,
                reason: "the batch before the last one does not end with the chain hash expected here")
        }
        var hasher = Commit.Hasher(previous: batch.chainHash)
        try scanRecords(after: batch.start) { framed, _, path, offset in
            switch framed.kind {
            case .event:
                hasher.add(framed.bytes)
            case .commit:
                let fields = Array(framed.body[0..<20])
                guard hasher.finish(with: fields) == Array(framed.body[20..<52]) else {
                    throw LogError.damaged(
                        path: path, offset: offset,
                        reason: "the last batch's hash does not match its bytes or the batches before it (edited "
                            + "after it was committed?); nothing was appended")
                }
                hasher = Commit.Hasher(previous: Array(framed.body[20..<52]))
            }
        }
    }
}
