import JourneyCore

/// The rules an append applies beyond each line's own (docs/events.md, *What an append refuses, and what it
/// accepts*), stated once for every store: the file writer (`LogWriter+Batch.swift`) and any other store's
/// (`BatchPlan`) take their words and their tests of sameness from here, so that the same batch gets the same
/// problems, with the same line, field and rule, whichever store it is appended to.
package enum BatchRules {
    /// An event appended again is a duplicate, not an error, when it is the same event. Without `recorded` it is
    /// the same as the stored one if all else is the same: the stored copy was stamped at its first append.
    package static func isSameContent(_ stored: Event, _ new: Event) -> Bool {
        guard new.recorded == nil else { return stored == new }
        var s = stored
        s.recorded = nil
        return s == new
    }

    /// The id is already used by a different event (at `position`).
    package static func idInUse(position: UInt64) -> EventProblem {
        EventProblem(
            field: "id",
            message: "is already used by a different event (position \(position)); an id may be "
                + "appended again only with the same content. Use a new id, with \"corrects\" to replace it")
    }

    /// `corrects` names an event (at `position`) of another child or another type.
    package static func referenceMismatch(field: String, position: UInt64) -> EventProblem {
        EventProblem(
            field: field,
            message: "names an event of another child or type (position \(position)); "
                + "a correction must have the same child and type as the event it replaces")
    }

    /// A reference (`corrects`, `data.event`) names an id that is neither stored nor anywhere in the batch.
    package static func referenceNotFound(field: String) -> EventProblem {
        EventProblem(field: field, message: "names an event that is not in the log or in this batch")
    }

    /// The references an event makes: its `corrects`, which must name an event of the same child and type, and
    /// the event an `event.retracted` takes out, which may be of any.
    package static func references(of event: Event) -> [(field: String, target: EventID, mustMatch: Bool)] {
        var out: [(String, EventID, Bool)] = []
        if let target = event.corrects { out.append(("corrects", target, true)) }
        if case .eventRetracted(let target, _) = event.body { out.append(("data.event", target, false)) }
        return out
    }

    /// `--expect-version`: every child named must be at exactly its expected version, checked in the order of
    /// the children's identifiers so that the same mismatch is reported first whatever the store.
    /// `AppendOptions.expectedEnd`: the log must end where the appender read it up to.
    package static func checkExpectedEnd(_ expected: UInt64?, actual: UInt64) throws {
        if let expected, expected != actual { throw LogError.logMoved(expected: expected, actual: actual) }
    }

    package static func checkExpectedVersions(
        _ expected: [ChildID: UInt32], actual: (ChildID) throws -> UInt32
    ) throws {
        for (child, version) in expected.sorted(by: { $0.key < $1.key }) {
            let found = try actual(child)
            guard found == version else {
                throw LogError.versionMismatch(child: child, expected: version, actual: found)
            }
        }
    }
}
