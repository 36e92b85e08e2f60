import Dispatch
import JourneyCore
import JourneyLog

/// An Excel workbook (`.xlsx`): sheets of text, numbers and dates, each with a bold, frozen, filterable heading row.
///
/// The package's one xlsx writer. It writes Office Open XML's SpreadsheetML (ECMA-376) itself (`SpreadsheetML`),
/// zipped by `ZipArchive`, deflated with zlib. The same workbook always gives the same bytes: the zip's entries carry
/// a fixed time (1980-01-01 00:00, the first a zip can hold), not the time of writing, so tests can compare files and
/// a rerun gives an identical file.
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

    /// The workbook's bytes: a zip of its XML parts, each deflated.
    ///
    /// A sheet is made and deflated 4,096 rows at a time (`SheetPieces`), every piece of every sheet on whichever core
    /// is free, and the pieces joined in order (`DeflatedPiece`, `ZipArchive`): deflating took most of the time a
    /// large workbook took to write, and a sheet's XML (for 200,000 rows, some 70 MB) is never held whole. Where the
    /// pieces fall depends on the rows alone, never on the cores, so the bytes are the same on any machine.
    public func data() throws -> [UInt8] {
        let markup = SpreadsheetML(self)
        let parts = markup.parts
        let sheets = markup.sheets.indices.map { SheetPieces(markup, $0) }
        // The parts other than sheets are a few kilobytes: each one piece, made here.
        let fixed = parts.map { $0.sheet == nil ? $0.bytes() : [] }
        let pieces = parts.indices.flatMap { index in
            let count = parts[index].sheet.map { sheets[$0].pieceCount } ?? 1
            return (0..<count).map { (part: index, sheet: parts[index].sheet, piece: $0, isLast: $0 == count - 1) }
        }
        var deflated = [Result<DeflatedPiece, WorkbookError>?](repeating: nil, count: pieces.count)
        deflated.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own element only, and the buffer outlives `concurrentPerform`.
            nonisolated(unsafe) let deflated = buffer
            DispatchQueue.concurrentPerform(iterations: pieces.count) { n in
                let (part, sheet, piece, isLast) = pieces[n]
                let bytes = sheet.map { sheets[$0].piece(piece) } ?? fixed[part]
                deflated[n] = Result { () throws(WorkbookError) in try DeflatedPiece(bytes, isLast: isLast) }
            }
        }
        var archive = ZipArchive()
        var next = 0
        for (index, part) in parts.enumerated() {
            var entry: [DeflatedPiece] = []
            while next < pieces.count && pieces[next].part == index {
                entry.append(try deflated[next]!.get())
                deflated[next] = nil
                next += 1
            }
            try archive.add(part.path, pieces: entry)
        }
        return try archive.finished()
    }

    /// Writes the workbook to `path`, readable by its owner only (it is about children, even in aggregate),
    /// atomically: through `path.partial`, flushed and renamed into place (`System.replaceFile`), so that a reader
    /// finds the old file or the new one, never half of one.
    public func write(to path: String) throws {
        let bytes = try data()
        try System.replaceFile(path, temporary: path + ".partial") { try $0.write(bytes) }
    }
}

/// The workbook could not be zipped.
public enum WorkbookError: Error, CustomStringConvertible {
    /// zlib refused to deflate a part (it could not have the memory it needs): `status` is its code.
    case notDeflated(status: Int32)
    /// A part or the whole workbook is 4 GiB or more (or has more than 65,535 parts), which a zip without ZIP64 cannot
    /// hold, and no spreadsheet program opens.
    case tooLarge

    public var description: String {
        switch self {
        case .notDeflated(let status):
            "the workbook could not be compressed (zlib gave status \(status), most often for want of memory)"
        case .tooLarge:
            "the workbook would be 4 GiB or more, more than an .xlsx file can hold: write fewer rows to it"
        }
    }
}
