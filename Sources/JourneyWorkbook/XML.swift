/// XML text, escaped, into a byte buffer.
enum XML {
    /// Whether XML 1.0 can hold the character (its production `Char`): tab, LF, CR, and everything from U+0020 but
    /// U+FFFE and U+FFFF (a Swift string holds no surrogates). Anything else, a control character from a pasted
    /// note, say, would make the part unreadable, so it is left out.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xFFFD: return true
        case 0x10000...: return true
        default: return false
        }
    }

    static func isAllowed(_ c: Character) -> Bool { c.unicodeScalars.allSatisfy(isAllowed) }

    /// The text without the characters XML cannot hold (as `append` leaves them out), so that what is left can be
    /// judged (whether it starts or ends with a space) as it will be read.
    static func cleaned(_ text: String) -> String {
        // Most text is printable: the bytes below U+0020 and the lead byte of U+FFFE and U+FFFF (0xEF) are the only
        // ones that need a closer look.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 != 0xEF) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return text
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(out)
    }

    /// Appends `text` escaped for element content or, with `inAttribute`, for a double-quoted attribute value:
    /// `&`, `<`, `>` and `"` as entities; CR as `&#13;` (a parser would read CR LF as LF); in an attribute, tab and
    /// LF as `&#9;` and `&#10;` too (a parser would read them as spaces); characters XML cannot hold left out.
    static func append(_ text: String, to out: inout [UInt8], inAttribute: Bool = false) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "&"): out.append(contentsOf: amp)
                case UInt8(ascii: "<"): out.append(contentsOf: lt)
                case UInt8(ascii: ">"): out.append(contentsOf: gt)
                case UInt8(ascii: "\""): out.append(contentsOf: quot)
                case 0x0D: out.append(contentsOf: cr)
                case 0x09: if inAttribute { out.append(contentsOf: tab) } else { out.append(b) }
                case 0x0A: if inAttribute { out.append(contentsOf: lf) } else { out.append(b) }
                case ..<0x20: break
                case 0xEF
                where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    // U+FFFE and U+FFFF.
                    i += 3
                    continue
                default: out.append(b)
                }
                i += 1
            }
        }
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let cr = Array("&#13;".utf8)
    private static let tab = Array("&#9;".utf8)
    private static let lf = Array("&#10;".utf8)
}

extension Array where Element == UInt8 {
    /// Appends text as it is (markup the writer made, never data).
    mutating func append(_ markup: String) { append(contentsOf: markup.utf8) }
}
