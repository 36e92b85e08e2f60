import JourneyLog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file an option names (`--targets`, `--calendar`, `--parameters`) that cannot be read: the option, the path
/// and why in plain words ("no such file"), never Foundation's error domain and code.
struct OptionFileError: Error, CustomStringConvertible {
    var option: String
    var path: String
    var reason: String
    var description: String { "\(option) \(path): \(reason)" }
}

/// Reads the whole of a file an option names.
func readOptionFile(_ path: String, option: String) throws -> [UInt8] {
    func failure(_ code: Int32) -> OptionFileError {
        let reason =
            switch code {
            case ENOENT: "no such file"
            case EISDIR: "it is a folder, not a file"
            case EACCES: "permission denied"
            default: System.describe(code)
            }
        return OptionFileError(option: option, path: path, reason: reason)
    }
    let fd: Int32
    do { fd = try System.open(path, flags: O_RDONLY) } catch { throw failure(error.code) }
    defer { System.close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n: Int
        do {
            n = try chunk.withUnsafeMutableBytes {
                try System.readSome(fd, into: $0.baseAddress!, count: $0.count, path: path)
            }
        } catch let error as SystemCallError {
            throw failure(error.code)
        }
        if n == 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
}

/// Reads a text file an option names; text that is not UTF-8 is refused rather than read with replacement marks.
func readOptionTextFile(_ path: String, option: String) throws -> String {
    let bytes = try readOptionFile(path, option: option)
    guard let text = String(validating: bytes, as: UTF8.self) else {
        throw OptionFileError(option: option, path: path, reason: "it is not UTF-8 text")
    }
    return text
}
