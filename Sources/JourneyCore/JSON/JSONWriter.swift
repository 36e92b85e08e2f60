/// Writes canonical JSON: members in the order given, no spaces, strings escaped the one way (RFC 8785's
/// choice: `\"`, `\\`, `\b \f \n \r \t`, `\u00XX` for other control characters, everything else as UTF-8).
public struct JSONWriter {
    public internal(set) var bytes: [UInt8] = []
    /// For each open object or array: whether the next member or element needs a comma before it.
    var needsComma = CommaStack()
    /// A key has just been written: its value takes no comma.
    var isAfterKey = false

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.push()
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma.pop()
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.push()
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma.pop()
    }

    /// Writes `"name":`; the value follows.
    public mutating func key(_ name: String) {
        separate()
        writeQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        isAfterKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        writeQuoted(value)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        append("null")
    }

    public mutating func int(_ value: Int) {
        separate()
        if value >= 0 {
            appendDigits(value, width: 1)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// A number in its shortest round-trip form; whole numbers without a fraction (`20`, not `20.0`).
    public mutating func double(_ value: Double) {
        separate()
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Bytes already known to be one JSON value.
    public mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    mutating func separate() {
        if isAfterKey {
            isAfterKey = false
            return
        }
        guard !needsComma.isEmpty else { return }
        if needsComma.top { bytes.append(UInt8(ascii: ",")) }
        needsComma.top = true
    }

    mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `value` (0 or more) in decimal, with leading zeros up to `width` digits: `appendDigits(7, width: 2)` is `07`.
    mutating func appendDigits(_ value: Int, width: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, more than any Int has
        withUnsafeMutableBytes(of: &digits) { buffer in
            var v = value
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
                v /= 10
            } while v > 0
            while buffer.count - i < width {
                i -= 1
                buffer[i] = 48
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    mutating func writeQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Most strings need no escape: copy the runs between escapes whole.
            var start = 0
            for i in utf8.indices {
                let b = utf8[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                writeEscaped(b)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func writeEscaped(_ b: UInt8) {
        switch b {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            bytes.append(hex.utf8Start[Int(b >> 4)])
            bytes.append(hex.utf8Start[Int(b & 15)])
        }
    }
}

/// A stack of Booleans that needs no allocation for the first 64 levels: an event nests three deep.
struct CommaStack {
    /// Bit i is level i, for the first 64 levels.
    private var bits: UInt64 = 0
    private var deeper: [Bool] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The innermost level. The stack must not be empty.
    var top: Bool {
        get { count <= 64 ? bits & (1 << UInt64(count - 1)) != 0 : deeper[count - 65] }
        set {
            if count <= 64 {
                let bit: UInt64 = 1 << UInt64(count - 1)
                bits = newValue ? bits | bit : bits & ~bit
            } else {
                deeper[count - 65] = newValue
            }
        }
    }

    /// Opens a level, false.
    mutating func push() {
        count += 1
        if count <= 64 {
            top = false
        } else {
            deeper.append(false)
        }
    }

    mutating func pop() {
        precondition(count > 0, "more ends than begins")
        if count > 64 { deeper.removeLast() }
        count -= 1
    }
}
