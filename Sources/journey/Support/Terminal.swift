import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to standard output and standard error. Progress goes to standard error: on a terminal, or with `--progress`.
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

    /// Seconds on a clock that only goes forward, for rates and throttling.
    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Progress on standard error, never standard output: a line that rewrites itself on a terminal, at most four
    /// times a second; with `--progress` and standard error not a terminal (a file, a pipeline, CI), a line at a
    /// time, at most one a second, and the last one when the work ends; otherwise nothing.
    final class Progress {
        enum Mode { case off, terminal, lines }

        let mode: Mode
        let write: (String) -> Void
        let now: () -> Double
        /// When the last line was written (`-infinity`: never, so the first update is always shown).
        var lastShown = -Double.infinity
        /// The latest text, when not written yet (`lines`: written when the work ends).
        var pending: (() -> String)?
        /// The first counted report and when it came: the rate of the estimate is measured from it.
        var baseline: (done: Int64, seconds: Double)?

        var isEnabled: Bool { mode != .off }
        var interval: Double { mode == .terminal ? 0.25 : 1 }

        /// Progress shown on a terminal, or always when `forced` (`--progress`).
        init(
            forced: Bool = false, isTerminal: Bool = Terminal.isStandardErrorATerminal,
            write: @escaping (String) -> Void = Terminal.writeToStandardError,
            now: @escaping () -> Double = Terminal.monotonicSeconds
        ) {
            self.mode = isTerminal ? .terminal : forced ? .lines : .off
            self.write = write
            self.now = now
        }

        /// Progress as `--progress` asks (`ProgressOptions`).
        convenience init(_ options: ProgressOptions) { self.init(forced: options.progress) }

        func update(_ text: @escaping @autoclosure () -> String) {
            guard isEnabled else { return }
            let seconds = now()
            guard seconds - lastShown >= interval else {
                pending = text
                return
            }
            lastShown = seconds
            pending = nil
            show(text())
        }

        /// A counted step: how much is `done` of `total` (when known), with an estimate of the time left at the
        /// rate since the first counted step.
        func update(_ label: String, done: Int64, total: Int64?, unit: ProgressLine.Unit, detail: String? = nil) {
            guard isEnabled else { return }
            let seconds = now()
            let start = baseline ?? (done, seconds)
            if baseline == nil { baseline = start }
            let left = ProgressLine.secondsLeft(
                done: done, total: total, from: start.done, startSeconds: start.seconds, nowSeconds: seconds)
            update(ProgressLine.text(label, done: done, total: total, unit: unit, detail: detail, secondsLeft: left))
        }

        func finish() {
            switch mode {
            case .off: return
            case .terminal: if lastShown > -Double.infinity { write("\r\u{1B}[K") }
            case .lines: if let pending { write(pending() + "\n") }
            }
            pending = nil
        }

        func show(_ text: String) {
            write(mode == .terminal ? "\r\u{1B}[K" + text : text + "\n")
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
        Terminal.error("journey: \(commandLineMessage(for: error))")
        throw ExitCode(1)
    }
}
