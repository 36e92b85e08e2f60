/// Writes canonical JSON: members in the order given, no spaces, strings escaped the one way (RFC 8785's
/// choice: `\"`, `\\`, `\b \f \n \r \t`, `\u00XX` for other control characters, everything else as UTF-8).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// For each open object or array: whether the next member or element needs a comma before it.
    var needsComma: [Bool] = []
    /// A key has just been written: its value takes no comma.
    var isAfterKey = false

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma.removeLast()
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma.removeLast()
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
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: Array("null".utf8))
    }

    public mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: Array(String(value).utf8))
    }

    /// A number in its shortest round-trip form; whole numbers without a fraction (`20`, not `20.0`).
    public mutating func double(_ value: Double) {
        separate()
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: Array(String(Int64(value)).utf8))
        } else {
            bytes.append(contentsOf: Array(String(value).utf8))
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
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    mutating func writeQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 15)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
