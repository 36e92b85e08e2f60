import JourneyCore

// The framing of everything stored in a segment file:
//
//   length u32 · kind u8 · body (length − 1 bytes) · crc32c u32 of everything before it in the record
//
// An event record's body is its position u64, its version within the child's stream u32, and the event's
// binary form (Event+Binary.swift). A commit record closes a batch: it makes the events before it visible,
// and chains the batch to every batch before it with SHA-256 (see Commit).

/// The kinds of record in a segment.
@usableFromInline
package enum RecordKind: UInt8 {
    case event = 1
    case commit = 2
}

@usableFromInline
package enum Record {
    /// Bytes of framing around a body: the length, the kind and the checksum.
    static let overhead = 4 + 1 + 4
    /// A record larger than this cannot have been written by the engine: its length is damage.
    package static let maximumLength = 1 << 20

    /// Appends an event record to `out`.
    package static func appendEvent(_ event: Event, position: UInt64, version: UInt32, to out: inout [UInt8]) {
        let start = out.count
        var w = BinaryWriter(capacity: 0)
        swap(&w.bytes, &out)
        w.fixed(UInt32(0))  // the length, filled in by `finish`
        w.byte(RecordKind.event.rawValue)
        w.fixed(position)
        w.fixed(version)
        event.write(binary: &w)
        swap(&w.bytes, &out)
        finish(&out, from: start)
    }

    package static func appendCommit(_ commit: Commit, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: [0, 0, 0, 0, RecordKind.commit.rawValue])
        var w = BinaryWriter(capacity: 0)
        swap(&w.bytes, &out)
        commit.writeFields(to: &w)
        w.bytes.append(contentsOf: commit.chainHash)
        swap(&w.bytes, &out)
        finish(&out, from: start)
    }

    /// Fills in the length and appends the checksum.
    static func finish(_ out: inout [UInt8], from start: Int) {
        let length = UInt32(out.count - start - 4)
        withUnsafeBytes(of: length.littleEndian) { l in
            for i in 0..<4 { out[start + i] = l[i] }
        }
        let crc = out.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        withUnsafeBytes(of: crc.littleEndian) { out.append(contentsOf: $0) }
    }

    /// One record read from a buffer.
    @usableFromInline
    package struct Framed {
        @usableFromInline package var kind: RecordKind
        /// The body, without length, kind or checksum.
        @usableFromInline package var body: UnsafeRawBufferPointer
        /// The whole record: length, kind, body and checksum.
        package var bytes: UnsafeRawBufferPointer
        package var size: Int { bytes.count }
    }

    /// What stands at the start of `buffer`.
    package enum Reading {
        case record(Framed)
        /// The buffer ends inside the record: `needed` bytes in all would hold it.
        case incomplete(needed: Int)
        case damaged(String)
    }

    package static func read(_ buffer: UnsafeRawBufferPointer, verifyChecksum: Bool = true) -> Reading {
        guard buffer.count >= 5 else { return .incomplete(needed: 5) }
        let length = Int(UInt32(littleEndian: buffer.loadUnaligned(as: UInt32.self)))
        guard length >= 1, length <= maximumLength else { return .damaged("a record length of \(length) bytes") }
        let size = 4 + length + 4
        guard buffer.count >= size else { return .incomplete(needed: size) }
        guard let kind = RecordKind(rawValue: buffer[4]) else { return .damaged("an unknown record kind") }
        if verifyChecksum {
            let stored = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 4 + length, as: UInt32.self))
            let actual = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[0..<(4 + length)]))
            guard stored == actual else { return .damaged("the record's checksum does not match its bytes") }
        }
        return .record(
            Framed(
                kind: kind, body: UnsafeRawBufferPointer(rebasing: buffer[5..<(4 + length)]),
                bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<size])))
    }

    /// Decodes an event record's body.
    static func decodeEvent(_ body: UnsafeRawBufferPointer) throws(BinaryReader.Damage) -> StoredEvent {
        try decodeEvent(try StoredEventBytes(body))
    }

    @usableFromInline
    package static func decodeEvent(_ stored: StoredEventBytes) throws(BinaryReader.Damage) -> StoredEvent {
        var r = BinaryReader(stored.event)
        let event = try Event.read(binary: &r)
        guard r.isAtEnd else { throw BinaryReader.Damage("an event record has bytes after its event") }
        return StoredEvent(position: stored.position, version: stored.version, event: event)
    }
}

/// An event record's body, undecoded: its position and version, and the event in its stored form
/// (`Event.write(binary:)`), valid only during the call it is lent to.
public struct StoredEventBytes {
    public let position: UInt64
    public let version: UInt32
    public let event: UnsafeRawBufferPointer

    @inlinable
    package init(_ body: UnsafeRawBufferPointer) throws(BinaryReader.Damage) {
        var r = BinaryReader(body)
        position = try r.fixed(UInt64.self)
        version = try r.fixed(UInt32.self)
        event = UnsafeRawBufferPointer(rebasing: body[r.offset...])
    }
}
