import JourneyCore

/// A synthetic council: realistic journeys for made-up children, calibrated to England's published figures, for a
/// built-in sample, tests at scale and benchmarks. Real child-level data never ships.
///
///     let council = try SyntheticCouncil(SynthParameters(children: 1_000, from: from, to: to, seed: 7))
///     let summary = try council.writeJSONLines { chunk in try file.write(chunk) }
///
/// Children arrive at the front door evenly, from `historyYears` before `from` to `to`; the log holds what is
/// open on `from` and everything after (see `SynthParameters.historyYears`). Each involvement (a contact and what follows it, to
/// the case closing) is simulated on the day it begins, and events are written in recorded order across all
/// children, a day at a time, so memory holds the involvements in progress, not the council (about 270 MB for
/// 10 million events). The same parameters give the same bytes on every machine.
///
/// Calibration: the targets are met in steady state, which the history before `from` provides: any year of the
/// extract can be measured, except that re-referrals need the year before it in the log (a re-referral's previous
/// referral must be there to be seen), so measure them from the second year.
public struct SyntheticCouncil: Sendable {
    public let parameters: SynthParameters
    let model: FlowModel
    let workingDays: WorkingDays
    let nameWidth: Int

    public init(_ parameters: SynthParameters) throws(SynthParametersError) {
        if let problem = parameters.problem { throw problem }
        self.parameters = parameters
        model = FlowModel(targets: parameters.targets)
        // Journeys are simulated a little past the extract, to decide what happens before it.
        workingDays = WorkingDays(
            from: parameters.simulationStart.adding(days: -7), to: parameters.to.adding(years: 3))
        nameWidth = ChildNames.width(forChildren: parameters.simulatedChildren)
    }

    /// The council's events, in order, one at a time.
    public func stream() -> SynthStream {
        SynthStream(council: self)
    }

    /// All the events at once: for small councils and tests.
    public func events() -> [Event] {
        var stream = stream()
        var events: [Event] = []
        while let event = stream.next() { events.append(event) }
        return events
    }

    /// Writes the council as JSON Lines, handing `write` chunks of about `chunkSize` bytes of whole lines, and
    /// `progress` the state after each chunk.
    @discardableResult
    public func writeJSONLines(
        chunkSize: Int = 1 << 20, progress: ((SynthProgress) -> Void)? = nil,
        _ write: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows -> SynthSummary {
        var stream = stream()
        let limit = max(chunkSize, 4_096)
        var buffer = [UInt8](repeating: 0, count: limit + JSONCursor.maximumLineLength)
        var isDone = false
        while !isDone {
            var used = 0
            buffer.withUnsafeMutableBufferPointer { b in
                let base = b.baseAddress!
                var cursor = JSONCursor(position: base)
                while cursor.position - base < limit {
                    guard stream.writeNextLine(&cursor) else {
                        isDone = true
                        break
                    }
                }
                used = cursor.position - base
            }
            if used > 0 {
                try buffer.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<used])) }
            }
            progress?(stream.progress)
        }
        return stream.summary
    }
}
