import JourneyCore
import JourneyLog
import PostgresNIO

extension PostgresEventLog {
    /// Every batch up to the log's end as it was opened, from the batches table, a page of rows at a time.
    public func commits() throws -> [CommitMark] {
        let s = location.schema
        var marks: [CommitMark] = []
        var lastBatch: Int64 = 0
        while true {
            let rows = try session.query(
                """
                SELECT batch, first_position, count, committed_at FROM \(unescaped: s).batches
                WHERE batch > \(lastBatch) AND first_position <= \(Int64(lastPosition)) ORDER BY batch LIMIT 4096
                """)
            var any = false
            for row in rows {
                any = true
                let (batch, first, count, committedAt) = try row.decode((Int64, Int64, Int32, Int64).self)
                lastBatch = batch
                marks.append(
                    CommitMark(
                        lastPosition: UInt64(first) + UInt64(count) - 1,
                        committedAt: Timestamp(nanoseconds: committedAt)))
            }
            if !any { return marks }
        }
    }
}
