import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to standard output and standard error. Progress goes to standard error, and only on a terminal.
enum Terminal {
    static var isStandardErrorATerminal: Bool { isatty(2) == 1 }

    static func error(_ message: String) {
        var line = message
        if !line.hasSuffix("\n") { line += "\n" }
        writeToStandardError(line)
    }

    static func writeToStandardError(_ text: String) {
        var text = text
        text.withUTF8 { b in _ = Glibc.write(2, b.baseAddress, b.count) }
    }

    /// A progress line that rewrites itself, at most ten times a second; silent when standard error is not a
    /// terminal (a pipeline, CI).
    final class Progress {
        let isEnabled = Terminal.isStandardErrorATerminal
        var last: Int64 = 0

        func update(_ text: @autoclosure () -> String) {
            guard isEnabled else { return }
            var ts = timespec()
            clock_gettime(CLOCK_MONOTONIC, &ts)
            let now = Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
            guard now - last >= 100 else { return }
            last = now
            Terminal.writeToStandardError("\r\u{1B}[K" + text())
        }

        func finish() {
            guard isEnabled, last > 0 else { return }
            Terminal.writeToStandardError("\r\u{1B}[K")
        }
    }
}

/// Buffered standard output: large writes, so that exporting millions of lines is not bound by system calls.
final class StandardOutput {
    var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 20) }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    func write(_ text: String) { write(Array(text.utf8)) }

    func flush() {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + done, $0.count - done) }
            if n <= 0 {
                if errno == EINTR { continue }
                break  // a closed pipe (`| head`): stop writing
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// A failure already explained on standard error: exit with this code and print nothing more.
struct ExitWithMessage: Error {
    var code: Int32
}

/// Runs a command body, turning errors into a message on standard error and an exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitWithMessage {
        throw ExitCode(error.code)
    } catch let error as ValidationError {
        throw error
    } catch let error as ExitCode {
        throw error
    } catch {
        Terminal.error("journey: \(error)")
        throw ExitCode(1)
    }
}
