import JourneyCore
import JourneyLog

/// Choices for one import.
public struct ImportOptions: Sendable {
    /// The collection year of the return; when `nil`, told from the return (the CIN census header's reference date;
    /// for SSDA903, the year of the latest episode start).
    public var year: CollectionYear?
    /// The `recorded` time of the events; when `nil`, the return's own date (the CIN census header `DateTime`; for
    /// SSDA903, the last second of the year's 31 March).
    public var recorded: Timestamp?
    /// Import the valid rows and report the others, rather than importing nothing when any row is invalid.
    public var skipInvalid = false
    /// How many problems an error lists.
    public var problemLimit = 100
    /// Where to write the rejected rows with their problems (`--rejected`), or `nil` for nowhere. The importer
    /// opens it (owner-only) before reading the return and writes it before its batch is committed.
    public var rejectedFile: String?
    /// SSDA903: the team `worker.allocated` names for the social workers of the `sw_episodes` table, which gives
    /// none; when `nil`, that table is skipped with a note.
    public var socialWorkerTeam: String?

    public init(
        year: CollectionYear? = nil, recorded: Timestamp? = nil, skipInvalid: Bool = false, problemLimit: Int = 100,
        rejectedFile: String? = nil, socialWorkerTeam: String? = nil
    ) {
        self.year = year
        self.recorded = recorded
        self.skipInvalid = skipInvalid
        self.problemLimit = problemLimit
        self.rejectedFile = rejectedFile
        self.socialWorkerTeam = socialWorkerTeam
    }
}

/// How far an import has gone, for a progress line.
public struct ImportProgress: Sendable {
    public enum Stage: Sendable, Equatable {
        /// Reading a file of the return: `done` counts rows (SSDA903) or children (CIN census).
        case reading(file: String)
        /// Turning children's rows into events: `done` of `total` children.
        case appending
    }

    public var stage: Stage
    public var done: Int
    public var total: Int?

    public init(stage: Stage, done: Int, total: Int? = nil) {
        self.stage = stage
        self.done = done
        self.total = total
    }
}

/// An importer of one kind of statutory return: reads it, checks it, and appends what it states to a log as one
/// batch, all or nothing.
public protocol Importer {
    /// Imports into the log `writer` appends to, comparing the return with what earlier imports put in `log` (the
    /// same log, opened for reading after the writer); `progress` is called often, and may ignore most calls.
    ///
    /// A log folder's writer holds its lock, so nothing is appended between the reading and the batch. Another
    /// store's writer takes its turn only for the append itself: an import appended to it by someone else in
    /// between is not among the facts compared (run one import at a time).
    func run(
        into writer: some EventStoreWriter, reading log: some EventStoreReader,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportReport
}

extension Importer {
    /// Imports into the log folder `writer` holds, reading it up to its head.
    public func run(into writer: LogWriter, progress: ((ImportProgress) -> Void)? = nil) throws -> ImportReport {
        try run(into: writer, reading: EventLog.open(writer.path), progress: progress)
    }
}
