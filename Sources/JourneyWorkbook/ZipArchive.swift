import JourneyCore

/// A zip archive made in memory, its entries deflated (PKWARE's APPNOTE.TXT, the parts of it an Office Open XML
/// package needs): each entry's local header and data in order, then the central directory and its end.
///
/// Each entry comes as pieces deflated apart (`DeflatedPiece`), so that a workbook's sheets can be deflated on all
/// cores; the entry's CRC-32 and sizes are worked out from its pieces'. Every entry carries the same fixed time and
/// permissions, so the same entries always give the same bytes. No ZIP64: an archive or an entry of 4 GiB or more,
/// or of more than 65,535 entries, is refused (`WorkbookError.tooLarge`), far past what Excel opens.
struct ZipArchive {
    /// The entries so far, each its local header and data; then the central directory's headers for them.
    private var entries = BinaryWriter(capacity: 0)
    private var directory = BinaryWriter(capacity: 0)
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
        let offset = entries.bytes.count
        guard inflated <= Self.largest, deflated <= Self.largest, offset <= Self.largest, entryCount < 0xFFFF,
            name.count <= 0xFFFF
        else { throw .tooLarge }

        // The local file header (APPNOTE 4.3.7).
        entries.fixed(0x0403_4b50 as UInt32)
        Self.describe(crc: crc, deflated: deflated, inflated: inflated, name: name, to: &entries)
        entries.bytes += name
        for piece in pieces { entries.bytes += piece.bytes }

        // Its central directory header (APPNOTE 4.3.12).
        directory.fixed(0x0201_4b50 as UInt32)
        directory.fixed(0x0314 as UInt16)  // made by: Unix (3), APPNOTE 2.0, so the attributes are Unix's
        Self.describe(crc: crc, deflated: deflated, inflated: inflated, name: name, to: &directory)
        directory.fixed(0 as UInt16)  // comment length
        directory.fixed(0 as UInt16)  // disk number start
        directory.fixed(0 as UInt16)  // internal attributes
        directory.fixed(Self.externalAttributes)
        directory.fixed(UInt32(offset))
        directory.bytes += name
        entryCount += 1
    }

    /// The whole archive: the entries, the central directory and the end of central directory record, written after
    /// the entries where they lie rather than into a copy of them (a large workbook's entries are tens of megabytes).
    consuming func finished() throws(WorkbookError) -> [UInt8] {
        let (entriesSize, directorySize) = (entries.bytes.count, directory.bytes.count)
        guard entriesSize <= Self.largest, directorySize <= Self.largest else { throw .tooLarge }
        entries.bytes += directory.bytes
        // The end of central directory record (APPNOTE 4.3.16): one disk, every entry on it, no comment.
        entries.fixed(0x0605_4b50 as UInt32)
        entries.fixed(0 as UInt16)
        entries.fixed(0 as UInt16)
        entries.fixed(UInt16(entryCount))
        entries.fixed(UInt16(entryCount))
        entries.fixed(UInt32(directorySize))
        entries.fixed(UInt32(entriesSize))
        entries.fixed(0 as UInt16)
        return entries.bytes
    }

    /// The fields the local and central headers share, from the version needed to the extra field's length.
    private static func describe(crc: UInt32, deflated: Int, inflated: Int, name: [UInt8], to x: inout BinaryWriter) {
        x.fixed(20 as UInt16)  // version needed to extract: 2.0, deflate
        x.fixed(0 as UInt16)  // flags: none (sizes in the header, names ASCII)
        x.fixed(8 as UInt16)  // compression method: deflate
        x.fixed(dosTime)
        x.fixed(dosDate)
        x.fixed(crc)
        x.fixed(UInt32(deflated))
        x.fixed(UInt32(inflated))
        x.fixed(UInt16(name.count))
        x.fixed(0 as UInt16)  // extra field length
    }
}
