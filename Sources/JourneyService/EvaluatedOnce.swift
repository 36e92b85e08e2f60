extension Service {
    /// The answer of a full evaluation (another period, as known at, the pack, a cohort, a working list), made once per
    /// position of the log: `make` runs, taking its turn with the others (`evaluations`), only when no answer is kept
    /// under `key` since the log last moved; it is kept for the next request that asks the same. An answer depends on
    /// nothing but the log's events and the question, so one made at a position is the answer at that position, byte
    /// for byte, however many times it is asked: on a council of 10M events the pack takes seconds to evaluate, and
    /// every manager who opens it between two appends asks the same. The key must name everything the answer depends
    /// on besides the log: the route, its parameters and whose team it is restricted to (`Query.key`).
    ///
    /// A request that finds its answer kept does not wait for the full evaluations under way.
    func evaluatedOnce(
        _ key: String, _ make: @escaping @Sendable (LiveView) throws -> String
    ) async throws -> (text: String, position: UInt64) {
        let live = self.live
        if let kept = try await Service.offload({ try live.evaluated(key) }) { return kept }
        return try await evaluations.run { () throws -> (text: String, position: UInt64) in
            let view = try live.view()
            // Made by a request that took its turn before this one.
            if let kept = try live.evaluated(key), kept.position == view.position { return kept }
            let text = try make(view)
            live.keep(text, evaluated: key, from: view)
            return (text, view.position)
        }
    }
}
