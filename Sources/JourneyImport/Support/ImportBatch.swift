import JourneyCore
import JourneyLog

/// The one batch an import appends, whichever store keeps the log.
///
/// Into a log folder the events go straight into the file writer's batch as the return is read
/// (`LogWriter.append(options:_:)`), as they always have; into any other store (PostgreSQL) they are gathered and
/// appended as one batch once the return has been read whole (`EventStoreWriter.append(_:options:)`). Either way a
/// return that throws while it is read (`ImportError.invalid`, a `--rejected` file that cannot be written) appends
/// nothing, and a batch the log refuses is refused whole, with each problem at the line of the return it came from.
public struct ImportBatch {
    enum Destination {
        case file(BatchAppender)
        case gathered(GatheredEvents)
    }

    /// The events of a batch for a store other than the folder, with the line of the return each came from.
    final class GatheredEvents {
        var events: [Event] = []
        var lines: [Int] = []
    }

    let destination: Destination

    /// Adds an event from line `line` of the return (0 for a retraction, which no line states).
    public func add(_ event: Event, line: Int) throws {
        switch destination {
        case .file(let batch): try batch.add(event, line: line)
        case .gathered(let gathered):
            gathered.events.append(event)
            gathered.lines.append(line)
        }
    }

    /// Fills one batch with `fill` and appends it to `writer`, all or nothing, listing at most `problemLimit`
    /// problems when the log refuses it.
    ///
    /// The batch is worked out from what the log held up to `readThrough` (the import's reader): it is appended only
    /// if the log still ends there (`AppendOptions.expectedEnd`). A folder's writer holds its lock from before the
    /// read, so nothing can come between; a database's writers take turns only for the append itself, and an
    /// import that another writer overtook is refused whole (`LogError.logMoved`), to be run again, rather than
    /// appending corrections and retractions judged against a log that has changed.
    static func append(
        to writer: some EventStoreWriter, readThrough: UInt64, problemLimit: Int, _ fill: (ImportBatch) throws -> Void
    ) throws -> AppendReport {
        let options = AppendOptions(problemLimit: problemLimit, expectedEnd: readThrough)
        if let folder = writer as? LogWriter {
            return try folder.append(options: options) { try fill(ImportBatch(destination: .file($0))) }
        }
        let gathered = GatheredEvents()
        try fill(ImportBatch(destination: .gathered(gathered)))
        do {
            return try writer.append(gathered.events, options: options)
        } catch LogError.rejected(let problems, let truncated) {
            // The store numbers the events 1, 2, 3… in list order; the file writer names the return's lines, and so
            // does this, so that the same return gives the same problems in every store.
            throw LogError.rejected(
                problems.map { problem in
                    var renumbered = problem
                    if gathered.lines.indices.contains(problem.line - 1) {
                        renumbered.line = gathered.lines[problem.line - 1]
                    }
                    return renumbered
                }, truncated: truncated)
        }
    }
}
