import Dispatch

/// A value being made on another thread while the caller goes on, and waited for where it is wanted: the checkpoint
/// opened in part while saved results are read, the records' days sorted while findings are encoded.
package final class Promised<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once on the making thread before `done` is left, read and let go of after it is waited for.
    private var value: Value?

    /// Begins making the value on another thread.
    package init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) { [self] in value = make() }
    }

    /// The value, once it is made: handed over to the one caller, not kept here, so that the caller holds the only
    /// reference to what it holds (a state's tables, whose first change would otherwise copy them). Asked again, it
    /// is `nil`.
    package func take() -> Value? {
        done.wait()
        defer { value = nil }
        return value
    }
}
