import Dispatch
import JourneyCore

extension JourneyState {
    /// Folds every child's record into a value, with the children shared out between the processor's cores.
    ///
    /// The children are cut into `parts` runs (and one more part for the merged records); each part folds its
    /// records into a value of its own, made by `initial`, on whichever core is free, and the parts' values are
    /// then merged in part order. Each record is built, folded in and freed on one thread, so nothing is handed
    /// between threads but the parts' values. `add` is handed each record (`consuming`): the checks keep it in the
    /// journey they read (`ChildJourney`) without copying it, which retained and released each of its lists.
    ///
    /// The result is the one a single fold over `forEachRecord` gives whenever `add` does not depend on the order
    /// of the records and `merge` is what adding the other value's records would have done: the case of every
    /// metric, which sums counts and sorts what it collects.
    ///
    /// The parts come in the order `forEachRecord` gives the records, the merged records last, so a `merge` that
    /// appends what each part collected keeps that order too, whatever the number of parts: the data-quality
    /// checks merge their findings so.
    ///
    /// - Parameters:
    ///   - parts: how many runs of children; more than the number of cores, so that a core that finishes early
    ///     takes another. Any number gives the same result.
    ///   - includingRecording: whether each record carries how its events were recorded (`ChildRecord.recording`),
    ///     as `forEachRecord`; the checks need it, the metrics leave it off and pay nothing for it.
    package func reduceRecords<Partial: Sendable>(
        asKnownAt: Timestamp? = nil, includingRecording: Bool = false, parts: Int = 16,
        initial: @Sendable () -> Partial, add: @Sendable (inout Partial, consuming ChildRecord) -> Void,
        merge: (inout Partial, Partial) -> Void
    ) -> Partial {
        RecordResolution(self, asKnownAt: asKnownAt, includingRecording: includingRecording).reduceRecords(
            parts: parts, initial: initial, add: add, merge: merge)
    }
}

extension JourneyState {
    /// What `transform` makes of each child's record as known at `asKnownAt`, leaving out the records it makes
    /// nothing of, in the order `forEachRecord` gives them: made on all cores (`reduceRecords`), each part's in
    /// order and the parts joined in order, so the list is the one a single pass makes.
    package func compactMapRecords<Element: Sendable>(
        asKnownAt: Timestamp? = nil, _ transform: @Sendable (ChildRecord) -> Element?
    ) -> [Element] {
        reduceRecords(
            asKnownAt: asKnownAt, initial: { [Element]() },
            add: { elements, record in
                if let element = transform(record) { elements.append(element) }
            }, merge: { $0 += $1 })
    }
}

extension RecordResolution {
    /// `JourneyState.reduceRecords`, over the records this resolution makes.
    func reduceRecords<Partial: Sendable>(
        parts: Int, initial: @Sendable () -> Partial, add: @Sendable (inout Partial, consuming ChildRecord) -> Void,
        merge: (inout Partial, Partial) -> Void
    ) -> Partial {
        let childCount = state.childCount
        let parts = max(1, min(parts, childCount))
        var partials = [Partial?](repeating: nil, count: parts + 1)
        partials.withUnsafeMutableBufferPointer { buffer in
            // Each part writes its own element only, and the buffer outlives `concurrentPerform`.
            nonisolated(unsafe) let partials = buffer
            DispatchQueue.concurrentPerform(iterations: parts + 1) { part in
                var partial = initial()
                if part < parts {
                    let children = (childCount * part / parts)..<(childCount * (part + 1) / parts)
                    forEachRecord(inChildren: children) { add(&partial, $0) }
                } else {
                    forEachMergedRecord { add(&partial, $0) }
                }
                partials[part] = partial
            }
        }
        var result = partials[0]!
        for partial in partials.dropFirst() { merge(&result, partial!) }
        return result
    }
}
