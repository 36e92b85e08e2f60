import ArgumentParser

extension Journey.Return {
    struct SSDA903: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ssda903",
            abstract: "Not written yet.")

        func run() throws { throw ValidationError("journey return ssda903 is not written yet") }
    }
}
