/// Splits JSON Lines into numbered lines, in place, without copying them. Blank lines are skipped (the format
/// allows them) but still counted, so that line numbers match what a person sees in an editor.
public struct JSONLines {
    /// Calls `body` with the 1-based line number and the bytes of each non-blank line of `buffer`.
    /// `firstLine` is the number of the buffer's first line when a file is read in chunks.
    public static func forEachLine(
        in buffer: UnsafeBufferPointer<UInt8>, firstLine: Int = 1,
        _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        var line = firstLine
        var start = 0
        let n = buffer.count
        while start < n {
            var end = start
            while end < n && buffer[end] != 0x0A { end += 1 }
            var isBlank = true
            for i in start..<end where !(buffer[i] == 0x20 || buffer[i] == 0x09 || buffer[i] == 0x0D) {
                isBlank = false
                break
            }
            if !isBlank { try body(line, UnsafeBufferPointer(rebasing: buffer[start..<end])) }
            line += 1
            start = end + 1
        }
    }
}
