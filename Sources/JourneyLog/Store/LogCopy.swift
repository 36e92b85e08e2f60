import JourneyCore

/// Copies a log from one store to another, batch for batch: the same events in the same batches with the same
/// commit times, so that the copy's chain of hashes, and its head hash, are the original's. The copy is then
/// verified, and its head hash compared with the original's.
///
/// Only into an empty log: appended after other events, the same batches would chain from another hash, and the
/// copy would not be the original. A copy that stops part way (a crash, a lost connection) holds whole batches
/// only, each committed as the original's was; run again into a new, empty log.
public enum LogCopy {
    /// What a copy did.
    public struct Report: Hashable, Sendable {
        public var events: UInt64 = 0
        public var batches: UInt64 = 0
        /// The head hash of both logs, once the copy has been verified.
        public var headHash = ""
    }

    /// Copies every committed batch of `source` into `destination`, which must be empty, then verifies the copy with
    /// `verifyCopy` (the destination opened again for reading). `progress` is told the events copied so far.
    public static func copy(
        from source: some EventStoreReader, to destination: some EventStoreWriter,
        verifyCopy: () throws -> VerificationReport, progress: ((UInt64) -> Void)? = nil
    ) throws -> Report {
        guard destination.lastPosition == 0 else { throw LogCopyError.destinationNotEmpty(destination.lastPosition) }
        let marks = try source.commits()
        var report = Report()
        var batch: [Event] = []
        var next = marks.makeIterator()
        var mark = next.next()
        func commit(_ through: CommitMark) throws {
            let appended = try destination.append(batch, options: AppendOptions(committedAt: through.committedAt))
            // Every event of a log is new to an empty one: a duplicate would mean the source holds an id twice.
            guard appended.appended == batch.count else {
                throw LogCopyError.notCopiedWhole(
                    batch: report.batches + 1, appended: appended.appended, of: batch.count)
            }
            report.events += UInt64(batch.count)
            report.batches += 1
            batch.removeAll(keepingCapacity: true)
            progress?(report.events)
        }
        try source.replay { stored in
            guard let current = mark else { throw LogCopyError.eventsPastLastCommit(stored.position) }
            batch.append(stored.event)
            if stored.position == current.lastPosition {
                try commit(current)
                mark = next.next()
            }
        }
        guard batch.isEmpty, mark == nil else { throw LogCopyError.commitsDoNotMatchEvents }
        let verification = try verifyCopy()
        guard verification.isIntact else { throw LogCopyError.copyDamaged(verification.damage.count) }
        guard verification.headHash == source.headHash, destination.headHash == source.headHash else {
            throw LogCopyError.headHashesDiffer(source: source.headHash, copy: verification.headHash)
        }
        report.headHash = verification.headHash
        return report
    }
}

/// Why a copy stopped. None of these names a child or an event's content.
public enum LogCopyError: Error, Equatable, Sendable, CustomStringConvertible {
    case destinationNotEmpty(UInt64)
    case notCopiedWhole(batch: UInt64, appended: Int, of: Int)
    case eventsPastLastCommit(UInt64)
    case commitsDoNotMatchEvents
    case copyDamaged(Int)
    case headHashesDiffer(source: String, copy: String)

    public var description: String {
        switch self {
        case .destinationNotEmpty(let last):
            "the log to copy into already holds \(last) events: a copy goes into an empty log only"
        case .notCopiedWhole(let batch, let appended, let count):
            "batch \(batch) was not copied whole (\(appended) of \(count) events appended): the source holds an "
                + "event id twice"
        case .eventsPastLastCommit(let position):
            "the source holds an event at position \(position) after its last commit"
        case .commitsDoNotMatchEvents:
            "the source's commits do not end where its events do"
        case .copyDamaged(let count):
            "the copy does not verify (\(count) problem(s)): it is not the original"
        case .headHashesDiffer(let source, let copy):
            "the copy's head hash \(copy) is not the original's \(source)"
        }
    }
}
