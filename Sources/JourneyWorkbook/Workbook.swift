import Foundation
import JourneyCore
import JourneyLog
import ZIPFoundation

/// An Excel workbook (`.xlsx`): sheets of text, numbers and dates, each with a bold, frozen, filterable heading row.
///
/// The package's one xlsx writer. It writes Office Open XML's SpreadsheetML (ECMA-376) itself (`SpreadsheetML`),
/// zipped with ZIPFoundation. The same workbook always gives the same bytes: the zip's entries carry a fixed time
/// (1980-01-01 00:00, the first a zip can hold), not the time of writing, so tests can compare files and a rerun
/// gives an identical file.
///
/// ```swift
/// let sheet = Worksheet(name: "Findings", headings: ["child", "date", "days"], rows: [
///     [.text("C0001"), .date(CalendarDate("2024-03-31")!), .integer(12)],
/// ])
/// try Workbook([sheet]).write(to: "findings.xlsx")
/// ```
public struct Workbook: Sendable, Hashable {
    /// The sheets, in order. A workbook with none is written with one empty sheet, `Sheet1`: Excel opens no
    /// workbook without a sheet.
    public var sheets: [Worksheet]

    public init(_ sheets: [Worksheet] = []) { self.sheets = sheets }

    /// The sheets' names as the workbook writes them: each made one Excel allows (at most 31 characters, none of
    /// `[]:*?/\`, no apostrophe at either end, `Sheet` for an empty one), and numbered ` (2)`, ` (3)`… where it
    /// would be the same as an earlier one when case is ignored.
    public var sheetNames: [String] { SpreadsheetML(self).names }

    /// The time every zip entry carries: 1980-01-01 00:00:00 UTC, the earliest an MS-DOS date can hold.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The workbook's bytes: a zip of its XML parts, each deflated.
    ///
    /// A sheet is made twice, a run of rows at a time: once to count its bytes (the zip's entry needs its size before
    /// its data), on all cores, then again as the zip takes it, each run made on another core while the zip deflates
    /// the one before (`SheetStream`), so that its XML (for 200,000 rows, some 70 MB) is never held whole.
    public func data() throws -> [UInt8] {
        let markup = SpreadsheetML(self)
        let archive = try Archive(data: Data(), accessMode: .create)
        let pieces = markup.sheets.indices.map { SheetPieces(markup, $0) }
        let sizes = SheetPieces.sizes(pieces)
        for part in markup.parts {
            if let index = part.sheet {
                var stream = SheetStream(pieces[index])
                var pending: [UInt8] = []
                var start = 0
                try add(part.path, size: sizes[index], to: archive) { size in
                    while pending.count - start < size, let more = stream.more() {
                        if start > 0 {
                            pending.removeFirst(start)
                            start = 0
                        }
                        pending += more
                    }
                    let end = min(start + size, pending.count)
                    defer { start = end }
                    return pending.withUnsafeBufferPointer {
                        Data(buffer: UnsafeBufferPointer(rebasing: $0[start..<end]))
                    }
                }
            } else {
                let bytes = part.bytes()
                var start = 0
                try add(part.path, size: bytes.count, to: archive) { size in
                    defer { start += size }
                    return bytes.withUnsafeBufferPointer {
                        Data(buffer: UnsafeBufferPointer(rebasing: $0[start..<start + size]))
                    }
                }
            }
        }
        guard let data = archive.data else { throw WorkbookError.notWritten }
        return [UInt8](data)
    }

    /// Adds one deflated entry of `size` bytes, which `next` gives in order, a chunk of the size asked at a time.
    func add(_ path: String, size: Int, to archive: Archive, next: (Int) throws -> Data) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(size), modificationDate: Self.entryDate,
            permissions: 0o644, compressionMethod: .deflate, bufferSize: 1 << 16
        ) { _, chunk in try next(chunk) }
    }

    /// Writes the workbook to `path`, readable by its owner only (it is about children, even in aggregate),
    /// atomically: through `path.partial`, flushed and renamed into place (`System.replaceFile`), so that a reader
    /// finds the old file or the new one, never half of one.
    public func write(to path: String) throws {
        let bytes = try data()
        try System.replaceFile(path, temporary: path + ".partial") { try $0.write(bytes) }
    }
}

/// The zip could not be made in memory.
public enum WorkbookError: Error, CustomStringConvertible {
    case notWritten

    public var description: String { "the workbook's zip could not be made in memory" }
}
