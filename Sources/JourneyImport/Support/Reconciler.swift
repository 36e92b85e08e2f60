import JourneyCore
import JourneyLog

/// Compares the facts a return states with what earlier imports put in the log, and turns the differences into
/// events: a new fact is appended with its key as id, a revised one as a `corrects` event, and one the return no
/// longer states as `event.retracted`. Unchanged facts append nothing, so importing a return again is a no-op.
///
/// A fact whose version in the log came from a later return is left as it is: an older return does not overrule a
/// newer one, whatever the order of import.
struct Reconciler {
    var index: FactIndex
    /// The return (`ssda903-2018`): every event's `source`.
    let source: String
    /// The return's date: every event's `recorded`.
    let recorded: Timestamp

    enum Outcome {
        case new, unchanged, revised, superseded
    }

    /// The event that records a fact, if the log does not hold it as it is.
    func reconcile(_ fact: Fact) -> (event: Event?, outcome: Outcome) {
        guard let known = index[fact.child][fact.key] else {
            return (event(fact, id: EventID(fact.key), corrects: nil), .new)
        }
        if let later = known.recorded, later > recorded { return (nil, .superseded) }
        let isSame = known.importedDigest == FactKey.digest(fact.child, fact.occurred, fact.body)
        // A fact the return states again after an import retracted it is restated; one retracted by hand stays so.
        if isSame && !(known.isRetracted && known.isRetractedByImport) { return (nil, .unchanged) }
        var revision = event(fact, id: EventID(fact.key), corrects: known.id(fact.key))
        let digest = FactKey.stableHash(recorded.description + "|" + revision.canonicalJSONString)
        revision.id = EventID(fact.key + "~" + FactKey.hex(digest, digits: 8))
        return (revision, .revised)
    }

    /// The retraction of a fact the return no longer states, or `nil` when there is nothing to retract.
    func retraction(of key: String, _ known: FactIndex.Known, child: ChildID, reason: String) -> Event? {
        guard !known.isRetracted else { return nil }
        if let later = known.recorded, later > recorded { return nil }
        let target = known.id(key)
        let digest = FactKey.stableHash(recorded.description + "|" + target.rawValue)
        return Event(
            id: EventID(key + "~x" + FactKey.hex(digest, digits: 7)), child: child, occurred: recorded.localDate,
            recorded: recorded, body: .eventRetracted(event: target, reason: reason), source: source)
    }

    private func event(_ fact: Fact, id: EventID, corrects: EventID?) -> Event {
        Event(
            id: id, child: fact.child, occurred: fact.occurred, recorded: recorded, body: fact.body,
            corrects: corrects, source: source)
    }

    /// Appends the events for one child's facts and counts what happened in the report.
    func append(_ facts: [Fact], to batch: ImportBatch, report: inout ImportReport) throws {
        for fact in facts {
            let (event, outcome) = reconcile(fact)
            report.tables[fact.table].events[fact.body.type, default: 0] += 1
            switch outcome {
            case .new: report.tables[fact.table].new += 1
            case .unchanged: report.tables[fact.table].unchanged += 1
            case .revised: report.tables[fact.table].revised += 1
            case .superseded: report.tables[fact.table].superseded += 1
            }
            if let event { try batch.add(event, line: fact.line) }
        }
    }

    /// Retracts the facts of a child that `isInScope` says the return should have stated but did not.
    func retract(
        child: ChildID, stated: Set<String>, reason: String, to batch: ImportBatch, report: inout ImportReport,
        isInScope: (String, FactIndex.Known) -> Int?
    ) throws {
        for (key, known) in index[child].facts.sorted(by: { $0.value.position < $1.value.position })
        where !stated.contains(key) {
            guard let table = isInScope(key, known),
                let event = retraction(of: key, known, child: child, reason: reason)
            else {
                continue
            }
            report.tables[table].retracted += 1
            try batch.add(event, line: 0)
        }
    }
}
