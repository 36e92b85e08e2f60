import Foundation
import JourneyTestSupport
import Testing
import ZIPFoundation

@testable import JourneyWorkbook

@Suite struct ZipArchiveTests {
    /// One entry, "hello" in one piece: every header field read at its place in the bytes (APPNOTE.TXT 4.3.7,
    /// 4.3.12, 4.3.16).
    @Test func headersByHand() throws {
        let piece = try DeflatedPiece(Array("hello".utf8), isLast: true)
        // CRC-32 of "hello" (ISO 3309, as `python3 -c 'import zlib; print(hex(zlib.crc32(b"hello")))'` gives it).
        #expect(piece.crc == 0x3610_a686)
        #expect(piece.inflatedCount == 5)
        var archive = ZipArchive()
        try archive.add("a.txt", pieces: [piece])
        let bytes = try archive.finished()
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let deflated = piece.bytes.count
        // The local header: 30 bytes and the name, then the data.
        #expect(u32(0) == 0x0403_4b50)
        #expect(u16(4) == 20)  // version needed: 2.0
        #expect(u16(6) == 0)  // flags
        #expect(u16(8) == 8)  // deflate
        #expect(u16(10) == 0)  // 00:00:00
        #expect(u16(12) == 0x21)  // 1980-01-01: (1980 - 1980) << 9 | 1 << 5 | 1
        #expect(u32(14) == 0x3610_a686)
        #expect(u32(18) == deflated)
        #expect(u32(22) == 5)
        #expect(u16(26) == 5)  // the name's length
        #expect(u16(28) == 0)  // no extra field
        #expect(Array(bytes[30..<35]) == Array("a.txt".utf8))
        #expect(Array(bytes[35..<35 + deflated]) == piece.bytes)
        // The central directory header: 46 bytes and the name.
        let central = 35 + deflated
        #expect(u32(central) == 0x0201_4b50)
        #expect(u16(central + 4) == 0x0314)  // made by Unix, 2.0
        #expect(Array(bytes[central + 6..<central + 30]) == Array(bytes[4..<28]))  // as the local header
        #expect(u16(central + 30) == 0)  // extra field
        #expect(u16(central + 32) == 0)  // comment
        #expect(u32(central + 38) == 0o100644 << 16)  // a regular file, rw-r--r--
        #expect(u32(central + 42) == 0)  // the local header's offset
        #expect(Array(bytes[central + 46..<central + 51]) == Array("a.txt".utf8))
        // The end of central directory record: 22 bytes, the last.
        let end = central + 51
        #expect(bytes.count == end + 22)
        #expect(u32(end) == 0x0605_4b50)
        #expect(u16(end + 8) == 1 && u16(end + 10) == 1)  // one entry on this disk, one in all
        #expect(u32(end + 12) == 51)  // the central directory's size
        #expect(u32(end + 16) == central)  // and its offset
    }

    /// An entry deflated in pieces, each alone, reads back as the pieces' bytes joined: text that compresses well,
    /// bytes that do not (stored blocks), an empty piece between them, a piece of a single byte last; and an entry
    /// of one empty piece. ZIPFoundation and Python's `zipfile` each inflate the entries and check their CRC-32s.
    @Test func piecesJoinAsOneStream() throws {
        var generator = SeededRandom(state: 22)
        let text = Array(
            String(repeating: "<row r=\"1\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>", count: 3_000).utf8)
        let noise = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let inputs: [[UInt8]] = [text, noise, [], Array(text.prefix(1_000)), [0x41]]
        let pieces = try inputs.indices.map { try DeflatedPiece(inputs[$0], isLast: $0 == inputs.count - 1) }
        var archive = ZipArchive()
        try archive.add("joined.bin", pieces: pieces)
        try archive.add("empty.txt", pieces: [DeflatedPiece([], isLast: true)])
        let bytes = try archive.finished()
        let expected = ["joined.bin": inputs.flatMap { $0 }, "empty.txt": []]

        let read = try Archive(data: Data(bytes), accessMode: .read)
        #expect(Array(read).map(\.path) == ["joined.bin", "empty.txt"])
        for entry in read {
            var unzipped: [UInt8] = []
            _ = try read.extract(entry) { unzipped += $0 }
            #expect(unzipped == expected[entry.path], "\(entry.path)")
            // 1980-01-01 00:00:00 UTC.
            #expect(entry.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 315_532_800))
        }
        #expect(try Self.readByPython(bytes) == expected)
    }

    /// Every entry of a zip as Python's `zipfile` reads it, after `testzip` has read each and checked its CRC-32:
    /// a reader this package did not write.
    static func readByPython(_ zip: [UInt8]) throws -> [String: [UInt8]] {
        let path = NSTemporaryDirectory() + "zip-\(UInt64.random(in: 0...UInt64.max)).zip"
        try Data(zip).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
            import json, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist():
                assert i.date_time == (1980, 1, 1, 0, 0, 0) and i.compress_type == zipfile.ZIP_DEFLATED, i
            print(json.dumps({i.filename: z.read(i).hex() for i in z.infolist()}))
            """
        let (status, output) = try programOutput(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script, path])
        #expect(status == 0)
        let hex = try JSONDecoder().decode([String: String].self, from: output)
        return hex.mapValues { text in
            let digits = Array(text.utf8)
            return stride(from: 0, to: digits.count, by: 2).map {
                UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)!
            }
        }
    }
}
