import ArgumentParser

extension Journey {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import statutory returns into the log (not yet built).")
        func run() throws { throw ValidationError("journey import is not built yet") }
    }
}
