import ArgumentParser
import JourneyLog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to standard output and standard error. Progress goes to standard error: on a terminal, or with `--progress`.
enum Terminal {
    /// Where a command's standard output and standard error go: the process's descriptors 1 and 2, or buffers in
    /// memory when the tests run a command in-process (`Terminal.$sink.withValue(_:operation:)`), so that commands
    /// run side by side in one process each keep what they wrote, and none writes to the test runner's output.
    ///
    /// A task-local is seen by the thread that binds it and the tasks it starts, not by the threads Dispatch hands
    /// work to. Every command writes from its own thread: the metrics and the replay share work out between cores,
    /// but their figures come back to the calling thread before anything is written. `StandardOutput` and `Progress`
    /// also take the sink when they are made, so that a write from another thread would still go to the same place.
    struct Sink: Sendable {
        /// Writes all the bytes to standard output: `nil`, or the `errno` of a write that failed (a closed pipe).
        var output: @Sendable (UnsafeRawBufferPointer) -> Int32?
        /// Writes all the bytes to standard error.
        var error: @Sendable (UnsafeRawBufferPointer) -> Void
        /// Whether standard error is a terminal, where progress is shown unasked. In memory it never is.
        var isErrorATerminal: @Sendable () -> Bool

        /// The process's standard output and standard error.
        static let descriptors = Sink(
            output: { Terminal.write($0, to: 1) }, error: { _ = Terminal.write($0, to: 2) },
            isErrorATerminal: { isatty(2) == 1 })

        func writeError(_ text: String) {
            var text = text
            text.withUTF8 { error(UnsafeRawBufferPointer($0)) }
        }
    }

    @TaskLocal static var sink = Sink.descriptors

    static var isStandardErrorATerminal: Bool { sink.isErrorATerminal() }

    static func error(_ message: String) {
        var line = message
        if !line.hasSuffix("\n") { line += "\n" }
        writeToStandardError(line)
    }

    static func writeToStandardError(_ text: String) { sink.writeError(text) }

    /// A line on standard output, as `print` writes it, unbuffered.
    static func print(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { _ = sink.output(UnsafeRawBufferPointer($0)) }
    }

    /// Writes all of `bytes` to standard output: `nil`, or the `errno` of a write that failed.
    static func writeToStandardOutput(_ bytes: UnsafeRawBufferPointer) -> Int32? { sink.output(bytes) }

    /// Writes all of `bytes` to a descriptor, again after an interrupted or partial write (`System.write`): `nil`,
    /// or the `errno` of a write that failed.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        do {
            try System.write(descriptor, bytes, path: descriptor == 1 ? "standard output" : "standard error")
            return nil
        } catch {
            return error.code
        }
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
            write: @escaping (String) -> Void = Terminal.sink.writeError,
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
    /// Where the bytes go: standard output as it was when this was made (see `Terminal.Sink`).
    let sink = Terminal.sink

    init() { buffer.reserveCapacity(1 << 20) }

    func write(_ bytes: [UInt8]) {
        // A large output (a CSV of a hundred thousand findings) goes out as it is, not copied into the buffer first.
        if bytes.count >= 1 << 20 {
            flush()
            _ = bytes.withUnsafeBytes { sink.output($0) }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    func write(_ text: String) { write(Array(text.utf8)) }

    func flush() {
        // A write that fails (a closed pipe: `| head`) ends this flush; what is left is dropped.
        _ = buffer.withUnsafeBytes { sink.output($0) }
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
