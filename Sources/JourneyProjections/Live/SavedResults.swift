import JourneyCore
import JourneyLog

/// Results of an evaluation kept between runs in a log folder's cache folder, beside the checkpoint: the metrics'
/// folds (`SavedMetrics`), the findings (`SavedChecks`). They are made at the checkpoint by a full evaluation, and
/// saved again at the log's end by each run that brings them up to date. A later run asking the same question reads
/// them, folds the events after the checkpoint, reads from the checkpoint only the atoms of the children the events
/// after the results have changed (`CheckpointPart`), and brings the results up to date as the live results do
/// (`LiveRecords`): only those records are built again. So a run after a day's append builds again the records
/// that day changed, not every record changed since the checkpoint, which is written again only after 2% more
/// events (`Checkpoint.isWorthSaving`).
///
/// Like every derived file, a results file is used only if it fits the log (the batch it was made after is one the
/// log holds) and its checksum is good, and only with the checkpoint it was made from; otherwise the run evaluates in
/// full and saves a new one. One file of each kind is kept: another question replaces it.
package enum SavedResults {
    /// Folds the events of `log` after `cursor` onto `state` (the state `baseState` gives, at its checkpoint), and
    /// returns the cursor at the log's end: a full evaluation then evaluates every record once, as the log stands.
    package static func fold(_ state: inout JourneyState, _ log: EventLog, after cursor: LogCursor) throws -> LogCursor
    {
        try state.fold(log, after: cursor)
    }

    /// The results file `name` of `log`, if the log has a cache folder and this program can be told from other
    /// builds. Its prefix is `prefix` and the program's executable (`System.executableStamp`): results made by
    /// another build are not read, since a metric's or check's rule may have changed between the two with no
    /// format changing.
    static func file(_ log: EventLog, name: String, prefix: [UInt8]) -> CacheFile? {
        guard let build = buildStamp, let directory = log.cacheDirectory() else { return nil }
        return CacheFile(directory: directory, name: name, prefix: prefix + build)
    }

    static let buildStamp = System.executableStamp()

    /// The records as they stood when the results were saved, with the events after that folded in but no update
    /// made, the atoms held from before the checkpoint being those of the children the events change only; and the
    /// results. `nil` when there are none for this log from its checkpoint, the events after the checkpoint are
    /// enough to save it again, or a piece cannot be read as written.
    package struct Resumed {
        package var records: LiveRecords
        package var saved: [UInt8]
        /// The number of events after the results.
        package var events: Int
        /// The latest `occurred` date of the events after the checkpoint.
        package var latestOccurredAfter: CalendarDate?
        /// The end of the log folded, and of the checkpoint: where results brought up to date are saved
        /// (`save(_:_:name:prefix:end:checkpoint:state:)`).
        package var end: LogCursor
        package var checkpoint: LogCursor
    }

    /// A results file's contents, the end of the batch they were made after, the end of the checkpoint they were
    /// made from, and what the state had folded after that checkpoint when they were saved (`StateTail`).
    package struct Saved: Sendable {
        package var end: LogCursor
        package var checkpoint: LogCursor
        var tail: [UInt8]
        package var contents: [UInt8]
        /// The checkpoint being opened in part, begun as the results were read (`Opening`); `nil` when nothing was
        /// appended since them, for then it is not read.
        var opening: Opening?

        /// Whether nothing has been appended to `log` since the results were saved: they are then the results of the
        /// log as it stands, which a run gives without reading the checkpoint or the state.
        package func isAtEnd(of log: EventLog) -> Bool { end.position == log.lastPosition }
    }

    /// The contents of the results file `name` of `log`, if there is one that fits the log (made after a batch the
    /// log still holds, by this build) and its checksum is good; whether it fits the checkpoint is `resume`'s to say.
    /// The file holds the checkpoint's end (`LogCursor.write(to:)`), the length of the state's tail (i64) and the
    /// tail, then the contents.
    package static func saved(_ log: EventLog, name: String, prefix: [UInt8]) -> Saved? {
        file(log, name: name, prefix: prefix)?.read(for: log) { reader -> Saved? in
            // Events appended since the results: the checkpoint will be read in part (`resume`), and is opened on
            // another core while the rest of the file is read.
            let opening = reader.end.position == log.lastPosition ? nil : Opening { CheckpointPart.open(log) }
            // Each piece read into an array of its own, none copied out of another (the tail is 13 MB late in a
            // checkpoint's 2% at 10M events).
            guard let header = reader.read(LogCursor.byteCount + 8),
                let (checkpoint, tailSize) = header.withUnsafeBytes({ raw -> (LogCursor, Int64)? in
                    var r = BinaryReader(raw)
                    return try? (LogCursor(reading: &r), r.fixed(Int64.self))
                }),
                checkpoint.position <= reader.end.position, let tailSize = Int(exactly: tailSize),
                0 <= tailSize, tailSize <= reader.remaining,
                let tail = reader.read(tailSize), let contents = reader.read(reader.remaining), reader.isChecksumGood()
            else { return nil }
            return Saved(end: reader.end, checkpoint: checkpoint, tail: tail, contents: contents, opening: opening)
        }
    }

    /// A log's checkpoint opened in part (`CheckpointPart.open`) on another thread, begun while the saved results
    /// are read: the two took a fifth of a run after a day's append at 10M events, one after the other, each mostly
    /// on one core.
    typealias Opening = Promised<(part: CheckpointPart, state: JourneyState)?>

    /// The records as the results `file` (`saved(_:name:prefix:)`) had them, brought to the log's end without an
    /// update (`Resumed`); the caller may begin to read the results back while the checkpoint's pieces are read.
    /// `remaking` names, given the latest `occurred` date of the
    /// events after the checkpoint, records to be built again though those events do not change them (the findings
    /// of a record judged again on a later day): their atoms are read too, and the caller's update must name them
    /// again (`LiveRecords.update(remaking:)`).
    package static func resume(
        _ log: EventLog, saved file: Saved, remaking: (CalendarDate?) -> [ChildID] = { _ in [] }
    ) throws -> Resumed? {
        guard let (part, opened) = file.opening.map({ $0.take() ?? nil }) ?? CheckpointPart.open(log),
            part.file.end == file.checkpoint,
            // A tail long enough to save the checkpoint again is a full evaluation, which saves it and the results
            // at the log's end: otherwise every run would fold a tail that only grows.
            !Checkpoint.isWorthSaving(folded: log.lastPosition - min(log.lastPosition, opened.position), of: opened)
        else { return nil }
        var state = consume opened
        // What the state had folded between the checkpoint and the results, put back onto the state without atoms
        // first: the records as the results had them. The events after the results then tell which records they
        // change. The state is handed over, not copied: the tail and the fold grow its tables of children in place.
        // No room is made for appends: this run folds only the events in the log, and making the tables its own at
        // once would copy them (tens of megabytes at 10M events) though the few events folded may add to none.
        let appended = Int(clamping: log.lastPosition - min(log.lastPosition, file.end.position))
        guard (try? StateTail.apply(file.tail, to: &state, roomAfter: appended)) != nil,
            state.position == file.end.position
        else {
            return nil
        }
        // Consumed: a copy kept here would share the state's tables with the records' own, and the first child the
        // events after the results add would copy the children's table (tens of megabytes at 10M events).
        var records = LiveRecords(consume state, roomForAppends: false)
        let (end, events) = try records.fold(log, after: file.end)
        let latest = records.state.latestOccurred()
        // A correction or retraction names an event by id: the children whose atoms have those ids are found in the
        // checkpoint's ids, and among the atoms folded since it.
        struct PieceNotAsWritten: Error {}
        let changes = try? records.changes(remaking: remaking(latest)) { ids in
            guard let children = part.children(ofAtomsWithIDs: ids) else { throw PieceNotAsWritten() }
            return children.union(records.childrenOfHeldAtoms(ids))
        }
        // With room for the atoms folded since the checkpoint, which go after them.
        guard let changes,
            let (atoms, children) = part.atoms(
                of: Set(changes.children.filter { $0 < part.childCount }), roomAfter: records.state.atoms.count)
        else { return nil }
        records.insertEarlierAtoms(consume atoms, children: consume children)
        return Resumed(
            records: records, saved: file.contents, events: events, latestOccurredAfter: latest, end: end,
            checkpoint: file.checkpoint)
    }

    /// The state to evaluate in full, from the checkpoint if there is a good one: the state at the checkpoint, with
    /// its end, when the events after it are too few to save a new one (the caller folds them on, `fold`, and saves
    /// its results after them, made from that checkpoint); otherwise the state at the log's end, with the end of a
    /// checkpoint saved there, or no end when none could be saved (no results are saved then).
    package static func baseState(
        _ log: EventLog, useCache: Bool, progress: ((UInt64) -> Void)?
    ) throws -> (state: JourneyState, savedAt: LogCursor?) {
        guard useCache else { return (try JourneyState(replaying: log, progress: progress), nil) }
        if let directory = log.cacheDirectory(), let loaded = Checkpoint.load(Checkpoint.file(in: directory), log: log)
        {
            let resumed = loaded.state.position
            progress?(resumed)
            guard Checkpoint.isWorthSaving(folded: log.lastPosition - min(log.lastPosition, resumed), of: loaded.state)
            else { return (loaded.state, loaded.cursor) }
            // Enough events since to save the checkpoint again: folded onto it, and saved at the log's end.
            var state = loaded.state
            let end = try state.fold(log, after: loaded.cursor, progress: progress.map { p in { n in p(resumed + n) } })
            let isSaved =
                (try? Checkpoint.write(
                    state, cursor: end, chainHash: log.headChainHash, to: Checkpoint.file(in: directory))) != nil
            // Saved as the checkpoint: nothing folded since.
            state.tailStart = StateTail.Start(state)
            return (state, isSaved ? end : nil)
        }
        var (state, outcome) = try Checkpoint.replay(log, progress: progress)
        state.tailStart = StateTail.Start(state)
        // The end the checkpoint saved names, from its header (and table) alone.
        let end = log.cacheDirectory().flatMap { Checkpoint.file(in: $0).openBlocks(for: log, blocksStart: 0)?.end }
        return (state, outcome.saved ? end : nil)
    }

    /// Saves `bytes` as the results file `name`, made after the batch that ends at `end` from the checkpoint that
    /// ends at `checkpoint` (the same, for the results of a full evaluation), with what `state`, the state at `end`,
    /// folded after that checkpoint. A failure to save is not an error: the next run brings older results up to
    /// date, or evaluates in full again.
    package static func save(
        _ bytes: [UInt8], _ log: EventLog, name: String, prefix: [UInt8], end: LogCursor, checkpoint: LogCursor,
        state: JourneyState
    ) {
        guard let file = file(log, name: name, prefix: prefix), let chainHash = log.chainHash(endingAt: end),
            state.position == end.position, let tail = StateTail.Encoded(state)
        else { return }
        var header = BinaryWriter()
        checkpoint.write(to: &header)
        header.fixed(Int64(tail.count))
        try? file.write(end: end, chainHash: chainHash) { writer in
            try writer.write(header.bytes)
            try tail.write { try writer.write($0) }
            try writer.write(bytes)
        }
    }
}

/// How results were made (`SavedMetrics`, `SavedChecks`).
public enum SavedEvaluation: Sendable, Equatable {
    /// From saved results, brought up to date by building again the records the events after them change.
    case updated(LiveUpdate)
    /// Every record evaluated.
    case full
}
