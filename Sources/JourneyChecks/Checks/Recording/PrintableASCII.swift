/// Runs `body` on the UTF-8 bytes of `text` when every one is printable ASCII (space to `~`), and returns `nil`
/// for any other text.
///
/// In printable ASCII a byte is a character (no two of them make one grapheme, as a carriage return and a line feed
/// do), so the checks that judge a UPN or an identifier character by character can read bytes instead. Reading them
/// as `Character`s, whose properties (`isNumber`, `wholeNumberValue`) are looked up in Unicode's tables, cost a
/// tenth of `journey check` on a 10M-event council. Text with any other byte is judged as `Character`s, as before.
func withPrintableASCII<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
    var text = text
    return text.withUTF8 { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E } ? body(bytes) : nil }
}

extension UInt8 {
    /// An ASCII digit, `0` to `9`.
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
}
