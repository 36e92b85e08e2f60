// Scanning an object in place: the fast path of reading an event line.
//
// `parse(_:)` builds a tree of `JSONValue`s, with a string for every key and value and an array for every object.
// For an event line that is most of the cost of an append. The scanner walks the same grammar but records only
// where each member's key and value are, so that the event reader makes just the strings the event keeps.
//
// It handles the common form only: strings without escapes or control characters, scalars, arrays of scalars,
// and one level of nested object (an event's `data`). On anything else it answers nil, and the caller parses the
// line again with `parse(_:)`, which accepts or rejects it with its exact message. A nil is never a verdict.

/// One member of a scanned object: where its key and value are in the text.
struct ScannedMember {
    enum Kind: UInt8 {
        case null, `false`, `true`, number, string, array, object
    }

    /// The key, without its quotes.
    var key: Range<Int>
    var kind: Kind
    /// A string without its quotes; a number or literal as written; an array or object with its brackets.
    var value: Range<Int>
}

/// The members of a scanned object, in the order written, in storage the caller provides (no allocation).
struct ScannedObject {
    let storage: UnsafeMutableBufferPointer<ScannedMember>
    private(set) var count = 0

    init(storage: UnsafeMutableBufferPointer<ScannedMember>) {
        self.storage = storage
    }

    var members: UnsafeBufferPointer<ScannedMember> {
        UnsafeBufferPointer(rebasing: storage[0..<count])
    }

    var isFull: Bool { count == storage.count }

    mutating func append(_ member: ScannedMember) {
        storage[count] = member
        count += 1
    }
}

extension JSONParser {
    /// Scans the object at `index` into `object`; an object-valued member goes into `inner` when `allowsInner`
    /// (at most one). Returns false for any text the scanner does not handle, valid JSON or not.
    mutating func scanObject(
        _ object: inout ScannedObject, inner: inout ScannedObject, allowsInner: Bool
    ) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return false }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return true
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = scanString() else {
                return false
            }
            // A repeated key is an error the parser reports.
            for m in object.members where isSame(m.key, key) { return false }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            guard index < bytes.count, !object.isFull else { return false }
            let start = index
            let kind: ScannedMember.Kind
            var value: Range<Int>
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let range = scanString() else { return false }
                kind = .string
                value = range
            case UInt8(ascii: "t"):
                guard (try? literal("true")) != nil else { return false }
                kind = .true
                value = start..<index
            case UInt8(ascii: "f"):
                guard (try? literal("false")) != nil else { return false }
                kind = .false
                value = start..<index
            case UInt8(ascii: "n"):
                guard (try? literal("null")) != nil else { return false }
                kind = .null
                value = start..<index
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard (try? skipNumber()) != nil else { return false }
                kind = .number
                value = start..<index
            case UInt8(ascii: "["):
                guard scanArray() else { return false }
                kind = .array
                value = start..<index
            case UInt8(ascii: "{"):
                guard allowsInner, !object.members.contains(where: { $0.kind == .object }) else { return false }
                var unused = ScannedObject(storage: UnsafeMutableBufferPointer(start: nil, count: 0))
                guard scanObject(&inner, inner: &unused, allowsInner: false) else { return false }
                kind = .object
                value = start..<index
            default:
                return false
            }
            object.append(ScannedMember(key: key, kind: kind, value: value))
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return true
            } else {
                return false
            }
        }
    }

    /// Steps over an array of scalars.
    mutating func scanArray() -> Bool {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return true
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""): guard scanString() != nil else { return false }
            case UInt8(ascii: "t"): guard (try? literal("true")) != nil else { return false }
            case UInt8(ascii: "f"): guard (try? literal("false")) != nil else { return false }
            case UInt8(ascii: "n"): guard (try? literal("null")) != nil else { return false }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard (try? skipNumber()) != nil else { return false }
            default: return false
            }
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return true
            } else {
                return false
            }
        }
    }

    /// Steps over a string with no escape and no control character; returns its contents. A string with other
    /// bytes than ASCII must be valid UTF-8, as `parseString()` requires.
    mutating func scanString() -> Range<Int>? {
        index += 1
        let start = index
        var seen: UInt8 = 0
        // Eight bytes at a time up to the first quote, backslash, control character or non-ASCII byte; the loop
        // below then looks at that byte.
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while index + 8 <= bytes.count {
            let special = Self.specialBytes(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if special != 0 {
                index += special.trailingZeroBitCount >> 3
                break
            }
            index += 8
        }
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let range = start..<index
                index += 1
                if seen >= 0x80 {
                    guard (try? validatedString(UnsafeBufferPointer(rebasing: bytes[range]), at: start)) != nil else {
                        return nil
                    }
                }
                return range
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
            seen |= b
            index += 1
        }
        return nil
    }

    /// The high bit of each byte of `w` (read little-endian) that is `"`, `\\`, below 0x20 or above 0x7F, from
    /// the tricks of "Bit Twiddling Hacks": `x - 0x01…` borrows into the high bit of a zero byte. A borrow can
    /// also mark a byte after a true match, never before one, so the lowest bit set is always exact.
    @inline(__always)
    static func specialBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote = zeroBytes(w ^ (ones &* 0x22))
        let backslash = zeroBytes(w ^ (ones &* 0x5C))
        let control = (w &- ones &* 0x20) & ~w & highs
        return quote | backslash | control | (w & highs)
    }

    /// Whether two ranges of the text hold the same bytes.
    func isSame(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where bytes[a.lowerBound + i] != bytes[b.lowerBound + i] { return false }
        return true
    }

    /// Whether a range of the text holds exactly `name`'s UTF-8.
    func holds(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let p = name.utf8Start
        for i in 0..<range.count where bytes[range.lowerBound + i] != p[i] { return false }
        return true
    }

    /// Whether a range of the text holds exactly `name`'s UTF-8.
    func holds(_ range: Range<Int>, _ name: String) -> Bool {
        let utf8 = name.utf8
        guard range.count == utf8.count else { return false }
        return utf8.withContiguousStorageIfAvailable { isSame(range, $0) } ?? utf8.elementsEqual(bytes[range])
    }

    /// Whether a range of the text holds exactly `other`'s bytes.
    func isSame(_ range: Range<Int>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.count == other.count else { return false }
        var i = 0
        while i < other.count {
            if bytes[range.lowerBound + i] != other[i] { return false }
            i += 1
        }
        return true
    }

    /// The text of a range as a string. Ranges come from `scanString()`, so the bytes are valid UTF-8.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The value a scanned member holds, exactly as `parse(_:)` would have made it; nil for an object (never
    /// wanted) or if the text cannot be parsed after all.
    func value(of member: ScannedMember) -> JSONValue? {
        switch member.kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number: return .number(string(member.value))
        case .string: return .string(string(member.value))
        case .array:
            var parser = JSONParser(bytes: bytes, index: member.value.lowerBound)
            return try? parser.parseValue(depth: 2)
        case .object: return nil
        }
    }
}
