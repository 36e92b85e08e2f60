/// A zip archive made in memory, its entries deflated (PKWARE's APPNOTE.TXT, the parts of it an Office Open XML
/// package needs): each entry's local header and data in order, then the central directory and its end.
///
/// Each entry comes as pieces deflated apart (`DeflatedPiece`), so that a workbook's sheets can be deflated on all
/// cores; the entry's CRC-32 and sizes are worked out from its pieces'. Every entry carries the same fixed time and
/// permissions, so the same entries always give the same bytes. No ZIP64: an archive or an entry of 4 GiB or more,
/// or of more than 65,535 entries, is refused (`WorkbookError.tooLarge`), far past what Excel opens.
struct ZipArchive {
    private(set) var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var entryCount = 0

    /// The time every entry carries, as an MS-DOS time and date: 1980-01-01 00:00:00, the earliest they can hold.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    /// Read by every reader, Unix's `rw-r--r--` for a regular file (`S_IFREG | 0o644`); the file the workbook is
    /// written to is owner-only whatever its entries say.
    static let externalAttributes: UInt32 = (0o100644 as UInt32) << 16
    /// The largest size or offset a zip without ZIP64 holds (its all-ones value means "see ZIP64").
    static let largest = Int(UInt32.max) - 1

    /// Adds an entry at `path` (ASCII, `/` between folders) whose data is `pieces` joined, in order; the last must end
    /// the deflate stream.
    mutating func add(_ path: String, pieces: [DeflatedPiece]) throws(WorkbookError) {
        var crc: UInt32 = 0
        var inflated = 0
        var deflated = 0
        for piece in pieces {
            crc = DeflatedPiece.crc(crc, then: piece.crc, ofLength: piece.inflatedCount)
            inflated += piece.inflatedCount
            deflated += piece.bytes.count
        }
        let name = Array(path.utf8)
        let offset = bytes.count
        guard inflated <= Self.largest, deflated <= Self.largest, offset <= Self.largest, entryCount < 0xFFFF,
            name.count <= 0xFFFF
        else { throw .tooLarge }

        // The local file header (APPNOTE 4.3.7).
        append(0x0403_4b50 as UInt32, to: &bytes)
        appendDescription(crc: crc, deflated: deflated, inflated: inflated, name: name, to: &bytes)
        bytes += name
        for piece in pieces { bytes += piece.bytes }

        // Its central directory header (APPNOTE 4.3.12).
        append(0x0201_4b50 as UInt32, to: &directory)
        append(0x0314 as UInt16, to: &directory)  // made by: Unix (3), APPNOTE 2.0, so the attributes are Unix's
        appendDescription(crc: crc, deflated: deflated, inflated: inflated, name: name, to: &directory)
        append(0 as UInt16, to: &directory)  // comment length
        append(0 as UInt16, to: &directory)  // disk number start
        append(0 as UInt16, to: &directory)  // internal attributes
        append(Self.externalAttributes, to: &directory)
        append(UInt32(offset), to: &directory)
        directory += name
        entryCount += 1
    }

    /// The whole archive: the entries, the central directory and the end of central directory record.
    func finished() throws(WorkbookError) -> [UInt8] {
        guard bytes.count <= Self.largest, directory.count <= Self.largest else { throw .tooLarge }
        var archive = bytes
        archive.reserveCapacity(bytes.count + directory.count + 22)
        archive += directory
        // The end of central directory record (APPNOTE 4.3.16): one disk, every entry on it, no comment.
        append(0x0605_4b50 as UInt32, to: &archive)
        append(0 as UInt16, to: &archive)
        append(0 as UInt16, to: &archive)
        append(UInt16(entryCount), to: &archive)
        append(UInt16(entryCount), to: &archive)
        append(UInt32(directory.count), to: &archive)
        append(UInt32(bytes.count), to: &archive)
        append(0 as UInt16, to: &archive)
        return archive
    }

    /// The fields the local and central headers share, from the version needed to the extra field's length.
    private func appendDescription(crc: UInt32, deflated: Int, inflated: Int, name: [UInt8], to x: inout [UInt8]) {
        append(20 as UInt16, to: &x)  // version needed to extract: 2.0, deflate
        append(0 as UInt16, to: &x)  // flags: none (sizes in the header, names ASCII)
        append(8 as UInt16, to: &x)  // compression method: deflate
        append(Self.dosTime, to: &x)
        append(Self.dosDate, to: &x)
        append(crc, to: &x)
        append(UInt32(deflated), to: &x)
        append(UInt32(inflated), to: &x)
        append(UInt16(name.count), to: &x)
        append(0 as UInt16, to: &x)  // extra field length
    }

    private func append<Integer: FixedWidthInteger>(_ value: Integer, to x: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { x += $0 }
    }
}
