import JourneyCore
import JourneySynth
import JourneyTestSupport

/// Small councils for tests: a few hundred children over a few years, generated in well under a second.
enum Councils {
    static func parameters(
        children: Int = 300, from: String = "2021-04-01", to: String = "2025-03-31", seed: UInt64 = 7,
        defectRate: Double = SynthParameters.defaultDefectRate, targets: CalibrationTargets = .england
    ) -> SynthParameters {
        SynthParameters(
            children: children, from: d(from), to: d(to), seed: seed, defectRate: defectRate, targets: targets)
    }

    /// Targets that make the rare steps of adoption common, so that a small council takes every one: adoptions
    /// three times England's rate, and many reversed decisions and disrupted placements.
    static let manyAdoptions: CalibrationTargets = {
        var targets = CalibrationTargets.england
        targets.adoptionsPerHundredLookedAfter = 12
        targets.adoptionDecisionsReversedPercent = 40
        targets.adoptionPlacementsDisruptedPercent = 40
        return targets
    }()

    /// The council's JSON Lines output and summary.
    static func jsonLines(_ parameters: SynthParameters, chunkSize: Int = 1 << 16) throws -> (
        bytes: [UInt8], summary: SynthSummary
    ) {
        let council = try SyntheticCouncil(parameters)
        var bytes: [UInt8] = []
        let summary = council.writeJSONLines(chunkSize: chunkSize) { bytes.append(contentsOf: $0) }
        return (bytes, summary)
    }

    /// The lines of the output, without their newlines.
    static func lines(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// The events of the output, parsed back from its lines.
    static func events(_ parameters: SynthParameters) throws -> [Event] {
        let (bytes, _) = try jsonLines(parameters)
        return try lines(bytes).map { try Event.parse(jsonLine: $0).get() }
    }
}
