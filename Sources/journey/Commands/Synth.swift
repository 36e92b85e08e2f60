import ArgumentParser

extension Journey {
    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a synthetic council's events (not yet built).")
        func run() throws { throw ValidationError("journey synth is not built yet") }
    }
}
