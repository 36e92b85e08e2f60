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
