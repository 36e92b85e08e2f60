import ArgumentParser

extension Journey {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Data-quality checks (not yet built).")
        func run() throws { throw ValidationError("journey check is not built yet") }
    }
}
