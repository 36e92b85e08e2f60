import JourneyLog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What stands at an output path before it is replaced, not following a link there: `nil` when nothing does yet.
/// Any other failure to look is the output's `ReportFileError` (the pack's file, the Annex A lists' folder).
func existingEntry(at path: String) throws -> System.FileStatus? {
    do {
        return try System.status(of: path, followingLinks: false)
    } catch {
        if error.code == ENOENT { return nil }
        throw ReportFileError(path: path, reason: error.reason)
    }
}
