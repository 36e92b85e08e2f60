import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLog

/// A derived file's contents read on all cores (`readOnAllCores`, `skipOnAllCores`), as a checkpoint's atoms are: the
/// same bytes as read in order, the file's checksum still good, and a byte changed in any slice caught.
@Suite struct CacheFileOnAllCoresTests {
    static let prefix = Array("TEST1".utf8)
    static let chainHash = [UInt8](repeating: 7, count: 32)
    static let end = LogCursor(segment: 1, offset: 4_096, position: 12)
    /// Contents of three parts: 10 bytes read in order, 100,003 read on all cores in 25 slices (the last short), and
    /// 50,001 read only for the checksum, in 8 slices of 7,000 bytes, each read 1,000 bytes at a time.
    static let parts = [10, 100_003, 50_001]
    static let contents = CRC32CTests.bytes(count: parts.reduce(0, +), seed: 0x5EED_0022)

    /// Writes the file; returns its path.
    static func write(in folder: String) throws -> String {
        let file = CacheFile(directory: folder, name: "derived", prefix: prefix)
        try file.write(end: end, chainHash: chainHash) { try $0.write(contents) }
        return file.path
    }

    /// The contents read back, the middle part on all cores, or nil when the file is refused.
    static func read(_ source: CacheFile.Reader.Source, size: Int) -> [UInt8]? {
        CacheFile.read(prefix: prefix, size: size, from: source, chainHash: { $0 == end ? chainHash : nil }) {
            reader -> [UInt8]? in
            guard var bytes = reader.read(parts[0]) else { return nil }
            var middle = [UInt8](repeating: 0, count: parts[1])
            guard middle.withUnsafeMutableBytes({ reader.readOnAllCores(into: $0, sliceSize: 4_096) }),
                reader.skipOnAllCores(parts[2], sliceSize: 7_000, pieceSize: 1_000), reader.isChecksumGood()
            else { return nil }
            bytes += middle
            return bytes
        }
    }

    /// A source other than a file (as PostgreSQL's derived files are): read in order, on this thread.
    final class InMemory: DerivedFileSource {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
            guard offset + buffer.count <= bytes.count else { return false }
            bytes.withUnsafeBytes {
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + buffer.count]))
            }
            return true
        }
    }

    @Test func sameBytesAndChecksumGood() throws {
        let folder = temporaryDirectory("cache-all-cores")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(in: folder)
        let fd = try System.open(path, flags: O_RDONLY)
        defer { System.close(fd) }
        let size = try System.size(fd, path: path)
        #expect(
            Self.read(.file(fd: fd, path: path), size: size) == Array(Self.contents[..<(Self.parts[0] + Self.parts[1])])
        )
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(
            Self.read(.other(InMemory(file)), size: size) == Array(Self.contents[..<(Self.parts[0] + Self.parts[1])]))
    }

    /// A byte changed in the first slice, a middle one and the last of the part read on all cores, and in the first,
    /// a middle and the last of the part read for the checksum alone: each makes the file refused.
    @Test func aChangedByteInAnySliceIsCaught() throws {
        let folder = temporaryDirectory("cache-all-cores-damage")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(in: folder)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let header = Self.prefix.count + 3 * 8 + 32
        let middle = header + Self.parts[0]
        let skipped = middle + Self.parts[1]
        for at in [middle, middle + 50_000, skipped - 1, skipped, skipped + 21_500, skipped + Self.parts[2] - 1] {
            var damaged = good
            damaged[at] ^= 0x10
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let fd = try System.open(path, flags: O_RDONLY)
            defer { System.close(fd) }
            #expect(Self.read(.file(fd: fd, path: path), size: damaged.count) == nil, "byte \(at)")
            #expect(Self.read(.other(InMemory(damaged)), size: damaged.count) == nil, "byte \(at)")
        }
    }
}
