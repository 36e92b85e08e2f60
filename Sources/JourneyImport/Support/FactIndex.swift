import JourneyCore
import JourneyLog

/// What earlier imports of one kind of return put in the log, fact by fact: the version that counts now, and a
/// digest of the last version an import wrote.
///
/// It holds the facts of every child the importer has written to, and nothing of other sources. Each fact is kept
/// small (its fields only for the care events the SSDA903 importer follows), so that a log of many years of a large
/// council's returns fits in memory.
struct FactIndex {
    /// One fact of an earlier import.
    struct Known {
        /// The id of the event that counts now (or was retracted), when it is not the fact's key: a correction.
        var latestID: EventID?
        /// Where that event is in the log: orders events of the same day in the order they were appended.
        var position: UInt64
        var recorded: Timestamp?
        var occurred: CalendarDate
        var type: EventType
        /// A digest of the date and fields of the last version an import wrote. A return is compared with it, not
        /// with the version that counts now, so that a correction made by hand in the log is not undone by
        /// importing the same return again.
        var importedDigest: UInt64
        var importedOccurred: CalendarDate
        var isRetracted = false
        /// Retracted by an import (a later return dropped it) rather than by hand.
        var isRetractedByImport = false

        /// The id of the event that counts now.
        func id(_ key: String) -> EventID { latestID ?? EventID(key) }
    }

    /// The facts of one child, by key.
    struct ChildFacts {
        var facts: [String: Known] = [:]
        /// The fields of the version that counts now, for the kinds of fact the importer follows.
        var bodies: [String: EventBody] = [:]

        subscript(key: String) -> Known? { facts[key] }

        /// The facts that pass a test, with their fields.
        func filter(_ isIncluded: (String, Known) -> Bool) -> ChildFacts {
            let kept = facts.filter { isIncluded($0.key, $0.value) }
            return ChildFacts(facts: kept, bodies: bodies.filter { kept[$0.key] != nil })
        }
    }

    /// The first part of this importer's keys (`903`, `cin`).
    let prefix: String
    /// The start of this importer's `source` (`ssda903-`, `cin-census-`).
    let sourcePrefix: String
    /// The types whose fields are kept.
    let keepsBody: @Sendable (EventType) -> Bool
    private(set) var children: [ChildID: ChildFacts] = [:]
    /// Children registered by events that are not this importer's (another return, or the case system).
    private(set) var registeredElsewhere: Set<ChildID> = []
    /// The latest `recorded` of this importer's events.
    private(set) var latestRecorded: Timestamp?
    /// Corrections with ids of their own (made by hand) → the fact they replaced.
    private var foreign: [EventID: (child: ChildID, key: String)] = [:]

    init(prefix: String, sourcePrefix: String, keepsBody: @escaping @Sendable (EventType) -> Bool = { _ in false }) {
        self.prefix = prefix
        self.sourcePrefix = sourcePrefix
        self.keepsBody = keepsBody
    }

    /// Reads the log (which may be empty), whichever store keeps it.
    static func load(
        from log: some EventStoreReader, prefix: String, sourcePrefix: String,
        keepsBody: @escaping @Sendable (EventType) -> Bool = { _ in false }
    ) throws -> FactIndex {
        var index = FactIndex(prefix: prefix, sourcePrefix: sourcePrefix, keepsBody: keepsBody)
        // A folder is read by its own replay, specialized for whole events in JourneyLog: the importers are generic
        // over the store and are not specialized for it, so through the protocol each event would go through
        // unspecialized generic code (see the comment on `EventStoreReader`).
        if let folder = log as? EventLog {
            try folder.replay { index.add($0) }
        } else {
            try log.replay { index.add($0) }
        }
        return index
    }

    func isImported(_ event: Event) -> Bool { event.source?.hasPrefix(sourcePrefix) ?? false }

    /// The facts of a child.
    subscript(child: ChildID) -> ChildFacts { children[child] ?? ChildFacts() }

    /// The fact an event id belongs to, if it is one of this importer's facts.
    func locate(_ id: EventID) -> (child: ChildID, key: String)? {
        if let found = foreign[id] { return found }
        guard id.rawValue.hasPrefix(prefix + ".") else { return nil }
        let key = String(FactKey.base(of: id))
        let parts = key.split(separator: ".", maxSplits: 2)
        guard parts.count == 3 else { return nil }
        let child = ChildID(String(parts[1]))
        guard children[child]?.facts[key] != nil else { return nil }
        return (child, key)
    }

    /// Follows one event of the log.
    mutating func add(_ stored: StoredEvent) {
        let event = stored.event
        let isImport = isImported(event)
        if isImport, let recorded = event.recorded {
            latestRecorded = max(latestRecorded ?? recorded, recorded)
        }
        if case .eventRetracted(let target, _) = event.body {
            if let (child, key) = locate(target), children[child]!.facts[key]!.id(key) == target {
                children[child]!.facts[key]!.isRetracted = true
                children[child]!.facts[key]!.isRetractedByImport = isImport
            }
            return
        }
        if let target = event.corrects, let (child, key) = locate(target) {
            var known = children[child]!.facts[key]!
            known.latestID = event.id.rawValue == key ? nil : event.id
            known.position = stored.position
            known.recorded = event.recorded
            known.occurred = event.occurred
            known.isRetracted = false
            known.isRetractedByImport = false
            if isImport {
                known.importedDigest = FactKey.digest(event.child, event.occurred, event.body)
                known.importedOccurred = event.occurred
            }
            children[child]!.facts[key] = known
            if keepsBody(event.type) { children[child]!.bodies[key] = event.body }
            if FactKey.base(of: event.id) != key { foreign[event.id] = (child, key) }
            return
        }
        let isOwnKey = isImport && event.id.rawValue.hasPrefix(prefix + ".")
        if event.type == .childRegistered && !isOwnKey { registeredElsewhere.insert(event.child) }
        guard isOwnKey else { return }
        let key = String(FactKey.base(of: event.id))
        children[event.child, default: ChildFacts()].facts[key] = Known(
            latestID: event.id.rawValue == key ? nil : event.id, position: stored.position, recorded: event.recorded,
            occurred: event.occurred, type: event.type,
            importedDigest: FactKey.digest(event.child, event.occurred, event.body), importedOccurred: event.occurred)
        if keepsBody(event.type) { children[event.child]!.bodies[key] = event.body }
    }
}
