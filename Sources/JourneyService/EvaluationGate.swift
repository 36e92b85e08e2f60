import Foundation

/// At most as many full evaluations at once as the machine has cores: each one already shares its children out
/// over every core, so more at once only holds more memory (a replayed state's results each) and makes every one of
/// them slower. The others wait their turn here, in order, without holding a thread.
actor EvaluationGate {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int = ProcessInfo.processInfo.activeProcessorCount) { available = max(1, width) }

    /// Runs `body` (on a thread of its own, `Service.offload`) when a place is free.
    nonisolated func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await Service.offload(body)
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }

    private func enter() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
