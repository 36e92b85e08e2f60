import Crypto
import JourneyCore

/// The audit log's lines and their chain. Each line is one JSON object, its members always in this order:
///
///     {"seq":1,"at":"2026-12-04T21:40:00.123Z","user":"ana","child":"C100","page":"GET /v1/children/{id}",
///      "reason":null,"outcome":"allowed","prev":"<64 hex>","hash":"<64 hex>"}
///
/// (one line in the file). `seq` counts from 1; `prev` is the previous line's `hash` (64 zeros for the first);
/// `hash` is the SHA-256 of the line's own bytes up to `,"hash"` with `}` put back — the object without its hash —
/// written canonically (JourneyCore's JSONWriter: no spaces, one escaping). Changing any byte of a line changes
/// its hash or breaks its canonical form; removing a line breaks `seq` and the next line's `prev`.
enum AuditChain {
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// The longest user name, page and reason an entry may hold, in UTF-8 bytes: a line stays a few kilobytes.
    static let maximumUser = 64
    static let maximumText = 4096

    static func problem(_ entry: AuditEntry) -> String? {
        if entry.user.isEmpty || entry.user.utf8.count > maximumUser {
            return "the user's name must be 1–\(maximumUser) bytes"
        }
        if entry.page.isEmpty || entry.page.utf8.count > maximumText {
            return "the page must be 1–\(maximumText) bytes"
        }
        if let reason = entry.reason, reason.utf8.count > maximumText {
            return "the reason must be at most \(maximumText) bytes"
        }
        if let child = entry.child, child.rawValue.isEmpty || child.rawValue.utf8.count > maximumText {
            return "the child's identifier must be 1–\(maximumText) bytes"
        }
        return nil
    }

    /// The time with as many fraction digits as it needs to be read back to the nanosecond: a `Timestamp` made from
    /// a clock (`fractionDigits` 0) would otherwise print whole seconds, and the entry read back would differ.
    static func exact(_ at: Timestamp) -> Timestamp {
        var unit: Int64 = 1
        for _ in 0..<(9 - Int(min(at.fractionDigits, 9))) { unit *= 10 }
        guard at.nanoseconds % unit != 0 else { return at }
        return Timestamp(nanoseconds: at.nanoseconds, offsetMinutes: at.offsetMinutes, fractionDigits: 9)
    }

    /// The object without its hash: `{"seq":…,…,"prev":"…"}`.
    static func body(_ entry: AuditEntry, sequence: Int, previous: [UInt8]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("seq")
        w.int(sequence)
        w.key("at")
        w.string(exact(entry.at).description)
        w.key("user")
        w.string(entry.user)
        w.key("child")
        if let child = entry.child { w.string(child.rawValue) } else { w.null() }
        w.key("page")
        w.string(entry.page)
        w.key("reason")
        if let reason = entry.reason { w.string(reason) } else { w.null() }
        w.key("outcome")
        w.string(entry.outcome.rawValue)
        w.key("prev")
        w.string(Secrets.hex(previous))
        w.endObject()
        return w.bytes
    }

    /// The line for an entry, ending in a line feed, and its hash.
    static func line(_ entry: AuditEntry, sequence: Int, previous: [UInt8]) -> (bytes: [UInt8], hash: [UInt8]) {
        let body = body(entry, sequence: sequence, previous: previous)
        let hash = Array(SHA256.hash(data: body))
        var line = body
        line.removeLast()  // the closing brace, put back after the hash
        line.append(contentsOf: #","hash":""#.utf8)
        line.append(contentsOf: Secrets.hex(hash).utf8)
        line.append(contentsOf: "\"}\n".utf8)
        return (line, hash)
    }

    /// Where a reading of the chain has got to: lines checked, the last hash, the byte after the last whole line.
    struct Position {
        var count = 0
        var lastHash = AuditChain.genesis
        var end = 0
    }

    /// Checks one line (without its line feed) as line `position.count + 1`, and moves `position` past it. A line
    /// that is not exactly what `line` writes for what it says, is out of sequence or does not chain to the one
    /// before is damage, reported by line number (never its contents).
    static func take(_ text: ArraySlice<UInt8>, at position: inout Position, path: String) throws -> AuditEntry {
        let number = position.count + 1
        func damaged(_ problem: String) -> AccessError {
            .damagedAuditLog(path: path, line: number, problem: problem)
        }
        guard let (entry, sequence, previous) = parse(Array(text)) else {
            throw damaged("it is not an audit entry as journey writes them")
        }
        guard sequence == number else { throw damaged("its sequence number is \(sequence), not \(number)") }
        guard previous == position.lastHash else {
            throw damaged("it does not chain to the entry before it (an entry was removed or changed)")
        }
        let expected = line(entry, sequence: sequence, previous: previous)
        guard expected.bytes.dropLast().elementsEqual(text) else {
            throw damaged("its hash does not match its contents (it was changed)")
        }
        position.count = number
        position.lastHash = expected.hash
        position.end += text.count + 1
        return entry
    }

    /// What a line says: its entry, sequence number and previous hash, or nil when it has not the members, in
    /// the order and of the kinds, that `line` writes. The hash is checked by writing the line again.
    static func parse(_ line: [UInt8]) -> (AuditEntry, Int, [UInt8])? {
        guard let value = try? line.withUnsafeBufferPointer({ try JSONParser.parse($0) }),
            case .object(let members) = value,
            members.map(\.key) == ["seq", "at", "user", "child", "page", "reason", "outcome", "prev", "hash"],
            case .number(let seqText) = members[0].value, let sequence = Int(seqText),
            case .string(let atText) = members[1].value, let at = Timestamp(atText),
            case .string(let user) = members[2].value,
            case .string(let page) = members[4].value,
            case .string(let outcomeText) = members[6].value, let outcome = AuditEntry.Outcome(rawValue: outcomeText),
            case .string(let prevText) = members[7].value, let previous = Secrets.bytes(hex: prevText),
            previous.count == 32
        else { return nil }
        let child: ChildID?
        switch members[3].value {
        case .null: child = nil
        case .string(let text): child = ChildID(text)
        default: return nil
        }
        let reason: String?
        switch members[5].value {
        case .null: reason = nil
        case .string(let text): reason = text
        default: return nil
        }
        let entry = AuditEntry(user: user, at: at, child: child, page: page, reason: reason, outcome: outcome)
        return (entry, sequence, previous)
    }
}
