#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress goes to standard error, so that standard output holds only the results.
enum Terminal {
    static func progress(_ message: String) {
        var line = message + "\n"
        line.withUTF8 { b in _ = write(2, b.baseAddress, b.count) }
    }
}
