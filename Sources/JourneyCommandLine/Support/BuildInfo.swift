import JourneyLog

/// What `journey --version` prints: which build made a figure.
enum BuildInfo {
    /// The release: bumped by hand when one is tagged.
    static let version = "0.9.0"

    /// The git commit the program was built from, when the build records it. A plain `swift build` has no step
    /// that fills it, so it says "unknown" rather than guess.
    static let commit = "unknown"

    static var description: String {
        """
        journey \(version)
        commit \(commit)
        event format \(EventLog.formatVersion) (the stored form of events this build writes into a log)
        """
    }
}
