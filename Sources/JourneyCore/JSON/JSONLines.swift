/// Splits JSON Lines into numbered lines, in place, without copying them. Blank lines are skipped (the format
/// allows them) but still counted, so that line numbers match what a person sees in an editor.
public struct JSONLines {
    /// Calls `body` with the 1-based line number and the bytes of each non-blank line of `buffer`.
    /// `firstLine` is the number of the buffer's first line when a file is read in chunks.
    /// Returns how many lines the buffer holds: the number of the line after it is `firstLine` plus that.
    @discardableResult
    public static func forEachLine(
        in buffer: UnsafeBufferPointer<UInt8>, firstLine: Int = 1,
        _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows -> Int {
        var line = firstLine
        var start = 0
        let n = buffer.count
        while start < n {
            let end = endOfLine(in: buffer, from: start)
            var isBlank = true
            for i in start..<end where !(buffer[i] == 0x20 || buffer[i] == 0x09 || buffer[i] == 0x0D) {
                isBlank = false
                break
            }
            if !isBlank { try body(line, UnsafeBufferPointer(rebasing: buffer[start..<end])) }
            line += 1
            start = end + 1
        }
        // A buffer that ends with a newline has no line after it; one that does not ends inside its last line.
        return line - firstLine
    }

    /// The index of the first newline at or after `start`, or the buffer's end. Eight bytes at a time: lines are
    /// a few hundred bytes long, and this search touches every byte of the input.
    static func endOfLine(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = buffer.count
        var i = start
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let newlines = ones &* 0x0A
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ newlines
                if (w &- ones) & ~w & (ones &* 0x80) != 0 { break }
                i += 8
            }
        }
        while i < n && buffer[i] != 0x0A { i += 1 }
        return i
    }
}
