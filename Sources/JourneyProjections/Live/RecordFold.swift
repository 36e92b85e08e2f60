import Dispatch

/// How an update of live records folds the records it builds into a value on all cores (`LiveRecords.update`): each
/// run of records is folded into a value of its own, made by `initial`, and the runs' values are merged in order.
///
/// `add` is told whether the events folded in changed the record; `false` for a record the update only judges
/// again (named in `remaking`), the same as it stood. Figures, which such a record leaves as they were, pass over
/// it; findings, which may change with the day, do not.
package struct RecordFold<Value: Sendable>: Sendable {
    let initial: @Sendable () -> Value
    let add: @Sendable (inout Value, consuming ChildRecord, _ changedByEvents: Bool) -> Void
    let merge: @Sendable (inout Value, Value) -> Void

    package init(
        initial: @escaping @Sendable () -> Value,
        add: @escaping @Sendable (inout Value, consuming ChildRecord, _ changedByEvents: Bool) -> Void,
        merge: @escaping @Sendable (inout Value, Value) -> Void
    ) {
        self.initial = initial
        self.add = add
        self.merge = merge
    }
}

/// The items numbered `0..<count` folded on all cores: cut into `parts` runs in order, each folded into a value of its
/// own, made by `initial`, and the values merged in run order. How an update's records are folded
/// (`LiveRecords.update`), and a named set's records when it is read (`MetricTallies.replace(records:with:)`).
func foldInRuns<Value: Sendable>(
    count: Int, parts: Int, initial: @Sendable () -> Value, add: @Sendable (inout Value, Int) -> Void,
    merge: (inout Value, Value) -> Void
) -> Value {
    let parts = max(1, min(parts, count))
    var values = [Value?](repeating: nil, count: parts)
    values.withUnsafeMutableBufferPointer { buffer in
        // Each run writes its own element only, and the buffer outlives `concurrentPerform`.
        nonisolated(unsafe) let values = buffer
        DispatchQueue.concurrentPerform(iterations: parts) { run in
            var value = initial()
            for i in (count * run / parts)..<(count * (run + 1) / parts) { add(&value, i) }
            values[run] = value
        }
    }
    var result = values[0]!
    for value in values.dropFirst() { merge(&result, value!) }
    return result
}
