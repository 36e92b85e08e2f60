import Foundation

/// What comes before an XML file's root element: the XML declaration, comments, processing instructions, and
/// perhaps a document type declaration.
///
/// `XMLParser` on Linux substitutes the entities a `<!DOCTYPE …>` declares but hands their text to no one, so a
/// value written with one would be read as nothing; it reports no declaration either. The reader looks for one
/// itself, before parsing.
enum XMLProlog {
    /// The line of the file's document type declaration, or `nil` when it has none. Reads only up to the root
    /// element. A UTF-16 file is read by its ASCII characters (its zero bytes skipped): the prolog's markup is
    /// ASCII.
    static func documentTypeLine(ofFileAt path: String) throws -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        var scanned = 0
        var line = 1
        /// The bytes from `i`, reading more of the file as needed; `nil` at its end.
        func byte(_ i: Int) throws -> UInt8? {
            while i >= bytes.count {
                guard let data = try handle.read(upToCount: 65_536), !data.isEmpty else { return nil }
                bytes += data.filter { $0 != 0 }
            }
            return bytes[i]
        }
        func starts(_ text: String, at i: Int) throws -> Bool {
            for (k, b) in text.utf8.enumerated() where try byte(i + k) != b { return false }
            return true
        }
        /// Moves past the first `end` at or after `i`, counting lines.
        func skip(to end: String, from i: Int) throws -> Int? {
            var i = i
            while let b = try byte(i) {
                if try starts(end, at: i) { return i + end.utf8.count }
                if b == UInt8(ascii: "\n") { line += 1 }
                i += 1
            }
            return nil
        }
        while let b = try byte(scanned) {
            switch b {
            case UInt8(ascii: "\n"):
                line += 1
                scanned += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0xEF, 0xBB, 0xBF, 0xFE, 0xFF:
                scanned += 1  // white space, and the byte-order marks of UTF-8 and UTF-16
            case UInt8(ascii: "<"):
                if try starts("<?", at: scanned) {
                    guard let next = try skip(to: "?>", from: scanned + 2) else { return nil }
                    scanned = next
                } else if try starts("<!--", at: scanned) {
                    guard let next = try skip(to: "-->", from: scanned + 4) else { return nil }
                    scanned = next
                } else if try starts("<!", at: scanned) {
                    return line  // <!DOCTYPE, in any case the parser would accept
                } else {
                    return nil  // the root element
                }
            default:
                return nil  // not XML: the parser says so
            }
        }
        return nil
    }
}
