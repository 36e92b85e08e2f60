import ArgumentParser

extension Journey.Return {
    struct CINCensus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cin-census",
            abstract: "Not written yet.")

        func run() throws { throw ValidationError("journey return cin-census is not written yet") }
    }
}
