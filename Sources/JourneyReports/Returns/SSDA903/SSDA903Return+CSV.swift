import Foundation
import JourneyCore
import JourneyLog

extension SSDA903Return {
    /// One table as CSV (the package's `CSVWriter`: RFC 4180, CRLF), its header row the DfE's column names.
    public func csv(_ table: Table) -> String {
        var writer = CSVWriter(header: table.columns)
        for row in rows(of: table) { writer.append(row.map(CSVCell.text)) }
        return writer.text
    }

    /// The values left blank or written as "not known", one row per table, child and field: `table`, `child`,
    /// `field`, `written` (the code written, or empty for a blank).
    public func blanksCSV() -> String {
        var writer = CSVWriter(header: ["table", "child", "field", "written"])
        for b in blanks {
            writer.append([.text(b.table.name), .text(b.child.rawValue), .text(b.field), .text(b.written)])
        }
        return writer.text
    }

    /// How many values were left blank (or "not known") for each table and field, most first.
    public var blankCounts: [(table: Table, field: String, count: Int)] {
        var counts: [String: (Table, String, Int)] = [:]
        for b in blanks { counts[b.table.name + "." + b.field, default: (b.table, b.field, 0)].2 += 1 }
        return counts.values.map { (table: $0.0, field: $0.1, count: $0.2) }
            .sorted { ($1.count, $0.table, $0.field) < ($0.count, $1.table, $1.field) }
    }

    /// Writes every table into the folder `path` (`header.csv`, `episodes.csv`, …), a table with no rows as its
    /// header row alone: a table the return holds, and holds empty, tells an import that the year has none.
    ///
    /// Nothing half-written is left: the tables are written into a new folder beside `path`, which is then renamed
    /// into place. A folder already there that holds anything is refused unless `replacing`, when it is replaced
    /// whole (its old files go, not merged with the new); an empty one is replaced.
    public func write(toFolder path: String, replacing: Bool) throws {
        let manager = FileManager.default
        let target = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: target, isDirectory: &isFolder)
        if exists {
            guard isFolder.boolValue else { throw SSDA903WriteError.notAFolder(path) }
            let contents = (try? manager.contentsOfDirectory(atPath: target)) ?? []
            if !contents.isEmpty && !replacing { throw SSDA903WriteError.notEmpty(path) }
        }
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = parent + "/." + name + ".writing-" + suffix
        // mkdir(2) itself, for its errno: Foundation's message for a missing or read-only parent says neither. The
        // folder and its files are the owner's only, as every file the package writes: the return is about children.
        guard mkdir(temporary, 0o700) == 0 else {
            throw SSDA903WriteError.cannotWrite(path, reason: String(cString: strerror(errno)))
        }
        do {
            for table in Table.allCases {
                let file = temporary + "/" + table.fileName
                try System.replaceFile(file, temporary: file + ".partial") { try $0.write(Array(csv(table).utf8)) }
            }
            if exists {
                // The old folder is moved aside first, then removed once the new one is in place.
                let old = parent + "/." + name + ".replaced-" + suffix
                try manager.moveItem(atPath: target, toPath: old)
                do {
                    try manager.moveItem(atPath: temporary, toPath: target)
                } catch {
                    try? manager.moveItem(atPath: old, toPath: target)
                    throw error
                }
                try? manager.removeItem(atPath: old)
            } else {
                try manager.moveItem(atPath: temporary, toPath: target)
            }
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw SSDA903WriteError.cannotWrite(path, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: Error) -> String {
        if let error = error as? SystemCallError { return error.reason }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}

/// Why the return's tables cannot be written. Names the folder the user gave, never a child's data.
public enum SSDA903WriteError: Error, CustomStringConvertible, Equatable {
    case notAFolder(String)
    case notEmpty(String)
    case cannotWrite(String, reason: String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "\(path) is a file, not a folder: give a folder for the return's tables"
        case .notEmpty(let path):
            "\(path) already holds files: give a new or empty folder, or --force to replace it whole"
        case .cannotWrite(let path, let reason): "cannot write the return into \(path): \(reason)"
        }
    }
}
