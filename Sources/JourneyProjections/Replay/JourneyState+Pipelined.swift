import JourneyCore
import JourneyLog

extension JourneyState {
    /// `forEachRecord`, with the records built on a second thread while `body` takes in the ones before them:
    /// building a record costs about as much as the metrics or checks that read it, so an evaluation runs close to
    /// twice as fast on two cores. `body` runs on the calling thread and sees the records in the order they are
    /// built, so what it computes is what it would compute on one thread.
    public func forEachRecordPipelined(
        asKnownAt: Timestamp? = nil, includingRecording: Bool = false, _ body: (ChildRecord) -> Void
    ) {
        let state = self
        let records = ChunkPipeline<[ChildRecord]>(chunksAhead: 4) { pipeline in
            var chunk: [ChildRecord] = []
            var isTaken = true
            state.forEachRecord(asKnownAt: asKnownAt, includingRecording: includingRecording) { record in
                guard isTaken else { return }
                chunk.append(record)
                if chunk.count == 256 {
                    isTaken = pipeline.hand(chunk)
                    chunk = []
                }
            }
            if isTaken && !chunk.isEmpty { _ = pipeline.hand(chunk) }
        }
        defer { records.finish() }
        while let chunk = records.next() {
            for record in chunk { body(record) }
        }
    }
}
