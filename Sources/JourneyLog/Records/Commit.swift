import Crypto
import JourneyCore

/// The record that closes a batch. Events are visible to readers only once their batch's commit is written and
/// durable, so a reader never sees half a batch.
///
/// `chainHash` = SHA-256(previous batch's chain hash ‖ every byte of this batch's event records ‖ the commit's
/// own fields). Any edit, deletion or reordering of stored bytes changes a chain hash, and with it every later
/// one: `verify` recomputes the chain and compares.
package struct Commit: Hashable {
    /// The position of the batch's first event.
    package var firstPosition: UInt64
    /// How many events the batch holds.
    package var count: UInt32
    /// When the batch was committed (nanoseconds since 1970 UTC).
    package var committedAt: Int64
    package var chainHash: [UInt8]

    package init(firstPosition: UInt64, count: UInt32, committedAt: Int64, chainHash: [UInt8]) {
        self.firstPosition = firstPosition
        self.count = count
        self.committedAt = committedAt
        self.chainHash = chainHash
    }

    package static let genesisHash = [UInt8](repeating: 0, count: 32)
    /// Size of the body: fields and hash.
    static let bodySize = 8 + 4 + 8 + 32

    package var lastPosition: UInt64 { firstPosition + UInt64(count) - 1 }

    func writeFields(to w: inout BinaryWriter) {
        w.fixed(firstPosition)
        w.fixed(count)
        w.fixed(committedAt)
    }

    package var fieldBytes: [UInt8] {
        var w = BinaryWriter(capacity: 20)
        writeFields(to: &w)
        return w.bytes
    }

    package static func decode(_ body: UnsafeRawBufferPointer) throws(BinaryReader.Damage) -> Commit {
        guard body.count == bodySize else { throw BinaryReader.Damage("a commit record has the wrong size") }
        var r = BinaryReader(body)
        let first = try r.fixed(UInt64.self)
        let count = try r.fixed(UInt32.self)
        let at = try r.fixed(Int64.self)
        return Commit(firstPosition: first, count: count, committedAt: at, chainHash: Array(body[20..<52]))
    }

    /// The running hash of a batch as its records are written.
    package struct Hasher {
        var sha = SHA256()

        package init(previous: [UInt8]) {
            sha.update(data: previous)
        }

        package mutating func add(_ bytes: UnsafeRawBufferPointer) {
            sha.update(bufferPointer: bytes)
        }

        package mutating func finish(with fields: [UInt8]) -> [UInt8] {
            sha.update(data: fields)
            return Array(sha.finalize())
        }
    }
}

extension Array where Element == UInt8 {
    /// Lower-case hexadecimal.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for b in self {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
