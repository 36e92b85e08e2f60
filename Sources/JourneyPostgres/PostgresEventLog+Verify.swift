import JourneyCore
import JourneyLog
import PostgresNIO

extension PostgresEventLog {
    /// Recomputes the chain from the rows, as `journey verify` does from a log directory's bytes: every record's
    /// framing and checksum, that it decodes and holds its row's position, child, version, id and `recorded`; that
    /// positions run 1, 2, 3… with no gap and each child's versions likewise; that each batch holds exactly the
    /// positions its row names; and that each batch's chain hash is SHA-256 of the previous one, its records' bytes
    /// and its commit fields. The same batches give the same head hash as the file log's verify prints. Damage is
    /// reported (by table and position), never skipped, and the check goes on past it.
    public func verify() throws -> VerificationReport {
        let s = location.schema
        var report = VerificationReport()
        func damage(_ table: String, _ position: UInt64, _ reason: String) {
            let found = VerificationReport.Damage(
                file: "\(s).\(table)", offset: Int(position), reason: reason, unit: "position")
            if report.damage.count < 1000 && !report.damage.contains(found) { report.damage.append(found) }
        }
        // Everything stored, not only what the head names: rows past the last batch are damage too.
        let totals = try session.query(
            "SELECT count(*), coalesce(max(position), 0) FROM \(unescaped: s).events")
        var (rowCount, maxPosition): (Int64, Int64) = (0, 0)
        for row in totals { (rowCount, maxPosition) = try row.decode((Int64, Int64).self) }

        var chain = Commit.genesisHash
        var versions: [ChildID: UInt32] = [:]
        var expectedFirst: UInt64 = 1
        var lastBatch: Int64 = 0
        while true {
            let batches = try session.query(
                """
                SELECT batch, first_position, count, committed_at, chain_hash FROM \(unescaped: s).batches
                WHERE batch > \(lastBatch) ORDER BY batch LIMIT 4096
                """)
            var any = false
            for row in batches {
                any = true
                let (batch, first, count, committedAt, hash) = try row.decode(
                    (Int64, Int64, Int32, Int64, ByteBuffer).self)
                let stored = Array(hash.readableBytesView)
                if batch != lastBatch + 1 {
                    damage("batches", UInt64(first), "batch \(batch) where \(lastBatch + 1) was expected")
                }
                lastBatch = batch
                if UInt64(first) != expectedFirst {
                    damage(
                        "batches", UInt64(first),
                        "batch \(batch) starts at position \(first) where \(expectedFirst) was expected")
                }
                var hasher = Commit.Hasher(previous: chain)
                let last = UInt64(first) + UInt64(count) - 1
                var seen: UInt64 = 0
                do {
                    try PostgresVerifyPages(session: session, after: UInt64(first) - 1, through: last).forEachRow {
                        position, rowBatch, child, version, id, recorded, record in
                        seen += 1
                        report.events += 1
                        report.bytes += record.readableBytes
                        record.withUnsafeReadableBytes { hasher.add($0) }
                        if rowBatch != batch {
                            damage("events", position, "the row names batch \(rowBatch), not \(batch)")
                        }
                        let event: StoredEvent
                        do {
                            event = try PostgresRecords.decodeEvent(record, position: position, schema: s) {
                                try Record.decodeEvent($0)
                            }
                        } catch let PostgresStoreError.damaged(_, _, reason) {
                            damage("events", position, reason)
                            return
                        } catch {
                            damage("events", position, "\(error)")
                            return
                        }
                        if event.version != version || event.event.child.rawValue != child
                            || event.event.id.rawValue != id || event.event.recorded?.nanoseconds != recorded
                        {
                            damage("events", position, "the row's columns do not match its stored record")
                        }
                        let expectedVersion = (versions[event.event.child] ?? 0) + 1
                        if event.version != expectedVersion {
                            damage(
                                "events", position,
                                "the event is version \(event.version) of its child's stream where "
                                    + "\(expectedVersion) was expected")
                        }
                        versions[event.event.child] = event.version
                    }
                } catch let PostgresStoreError.damaged(_, position, reason) {
                    damage("events", position, reason)
                }
                if seen != UInt64(count) {
                    damage("batches", UInt64(first), "batch \(batch) should hold \(count) events but holds \(seen)")
                }
                let fields = Commit(
                    firstPosition: UInt64(first), count: UInt32(count), committedAt: committedAt, chainHash: []
                ).fieldBytes
                if hasher.finish(with: fields) != stored {
                    damage(
                        "batches", UInt64(first),
                        "the batch's hash does not match its records or the batches before it "
                            + "(positions \(first)…\(last))")
                }
                // Go on from the stored hash, so that one damaged batch is reported once, not for ever after.
                chain = stored
                expectedFirst = last + 1
                report.batches += 1
            }
            if !any { break }
        }
        if UInt64(maxPosition) != expectedFirst - 1 || UInt64(rowCount) != report.events {
            damage(
                "events", expectedFirst,
                "the table holds \(rowCount) events up to position \(maxPosition), but the batches hold "
                    + "\(report.events) up to position \(expectedFirst - 1)")
        }
        report.headHash = chain.hex
        return report
    }
}

/// `PostgresPages` with every column `verify` compares.
struct PostgresVerifyPages {
    let session: PostgresSession
    let after: UInt64
    let through: UInt64

    func forEachRow(
        _ body: (UInt64, Int64, String, UInt32, String, Int64, ByteBuffer) throws -> Void
    ) throws {
        let s = session.location.schema
        var from = after
        while from < through {
            let to = min(from + PostgresEventLog.pageSize, through)
            let rows = try session.query(
                """
                SELECT position, batch, child, version, id, recorded, record FROM \(unescaped: s).events
                WHERE position > \(Int64(from)) AND position <= \(Int64(to)) ORDER BY position
                """)
            var expected = from + 1
            for row in rows {
                let (position, batch, child, version, id, recorded, record) = try row.decode(
                    (Int64, Int64, String, Int32, String, Int64, ByteBuffer).self)
                if UInt64(position) != expected {
                    throw PostgresStoreError.damaged(
                        schema: s, position: expected, reason: "the event at this position is missing")
                }
                try body(UInt64(position), batch, child, UInt32(version), id, recorded, record)
                expected += 1
            }
            from = to
        }
    }
}
