import Foundation
import JourneyCore
import ZIPFoundation

/// Reads an Excel workbook (.xlsx): its sheet names, and each sheet's rows as cells (shared strings, inline strings,
/// numbers, booleans). A number keeps its text as written, so a date column's Excel serial (45383 is 1 April 2024)
/// can be read as a date by whoever knows the column is one.
///
/// A workbook is a zip of XML parts, and both can be made to attack the reader: a small zip whose parts inflate to
/// gigabytes (a zip bomb), and XML whose document type declares entities that expand (a billion laughs) or name
/// files on the machine (external entities). So the reader refuses a workbook whose parts would inflate past
/// `maximumSize` in all, or any part of more than a megabyte that is over `maximumRatio` times its compressed size,
/// and counts the bytes as they inflate, so a header that lies about a part's size cannot carry it past the cap;
/// and it refuses any XML with a document type declaration (SpreadsheetML has none). The XML is read by a small
/// scanner over the bytes, which never resolves an entity but the five predefined ones and character references.
public struct WorkbookReader {
    /// One cell as read.
    public enum Value: Sendable, Hashable {
        case text(String)
        /// A number, with its text as the sheet holds it (`45383`, `0.5`).
        case number(Double, raw: String)
        case boolean(Bool)
        case empty

        /// The cell as text: a number as the sheet holds it, a boolean as TRUE or FALSE.
        public var text: String {
            switch self {
            case .text(let s): s
            case .number(_, let raw): raw
            case .boolean(let b): b ? "TRUE" : "FALSE"
            case .empty: ""
            }
        }
    }

    /// One row: its number in the sheet (1 for the first) and its cells from column A, empty where none is written.
    public struct Row: Sendable, Hashable {
        public var number: Int
        public var cells: [Value]
    }

    /// The most bytes all the parts may inflate to: 512 MB.
    public static let defaultMaximumSize: UInt64 = 512 << 20
    /// The most a part of over a megabyte may inflate, over its compressed size. SpreadsheetML compresses well (a
    /// sheet of repeated codes reaches 50 to 100), a zip bomb reaches thousands.
    public static let maximumRatio: UInt64 = 250

    public let path: String
    /// The sheets' names, in the workbook's order.
    public let sheetNames: [String]
    private let archive: Archive
    private let sheetParts: [String]
    private let sharedStrings: [String]
    private let maximumSize: UInt64

    /// Opens the workbook and reads its list of sheets and its shared strings.
    public init(path: String, maximumSize: UInt64 = WorkbookReader.defaultMaximumSize) throws {
        self.path = path
        self.maximumSize = maximumSize
        guard FileManager.default.fileExists(atPath: path) else {
            throw WorkbookReadError.notWorkbook(file: path, reason: "no such file")
        }
        let opened: Archive
        do {
            opened = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WorkbookReadError.notWorkbook(file: path, reason: "it is not a zip file")
        }
        archive = opened
        var total: UInt64 = 0
        for entry in opened {
            total += entry.uncompressedSize
            if total > maximumSize {
                throw WorkbookReadError.tooLarge(
                    file: path,
                    reason: "its parts would inflate past "
                        + (maximumSize >= 1 << 20 ? "\(maximumSize >> 20) MB" : "\(maximumSize) bytes") + " in all")
            }
            let compressed = max(entry.compressedSize, 1)
            if entry.uncompressedSize > 1 << 20 && entry.uncompressedSize / compressed > Self.maximumRatio {
                throw WorkbookReadError.tooLarge(
                    file: path,
                    reason: "a part (\(entry.path)) inflates more than \(Self.maximumRatio) times its size")
            }
        }
        guard let workbookXML = try Self.part("xl/workbook.xml", in: opened, file: path, limit: maximumSize) else {
            throw WorkbookReadError.notWorkbook(file: path, reason: "it has no xl/workbook.xml")
        }
        var names: [String] = []
        var relationIDs: [String] = []
        try XMLScanner(workbookXML, file: path, part: "xl/workbook.xml").scan { tag in
            guard case .open(let name, let attributes, _) = tag, name == "sheet" else { return }
            names.append(attributes["name"] ?? "")
            relationIDs.append(attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? "")
        }
        var targets: [String: String] = [:]
        if let rels = try Self.part("xl/_rels/workbook.xml.rels", in: opened, file: path, limit: maximumSize) {
            try XMLScanner(rels, file: path, part: "xl/_rels/workbook.xml.rels").scan { tag in
                guard case .open(let name, let attributes, _) = tag, name == "Relationship",
                    let id = attributes["Id"], let target = attributes["Target"]
                else { return }
                // Targets are relative to xl/, or absolute from the package root.
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        sheetNames = names
        sheetParts = zip(names.indices, relationIDs).map { i, id in targets[id] ?? "xl/worksheets/sheet\(i + 1).xml" }
        var strings: [String] = []
        if let shared = try Self.part("xl/sharedStrings.xml", in: opened, file: path, limit: maximumSize) {
            var current: String?
            var inText = false
            var depthInPhonetic = 0
            try XMLScanner(shared, file: path, part: "xl/sharedStrings.xml").scan { tag in
                switch tag {
                case .open("si", _, let isEmpty):
                    current = ""
                    if isEmpty {
                        strings.append("")
                        current = nil
                    }
                case .close("si"):
                    strings.append(current ?? "")
                    current = nil
                // Phonetic runs (`rPh`) hold readings of East Asian text, not the text.
                case .open("rPh", _, let isEmpty): if !isEmpty { depthInPhonetic += 1 }
                case .close("rPh"): depthInPhonetic -= 1
                case .open("t", _, let isEmpty): inText = !isEmpty
                case .close("t"): inText = false
                case .text(let text): if inText && depthInPhonetic == 0 { current? += text }
                default: break
                }
            }
        }
        sharedStrings = strings
    }

    /// The rows of the sheet named `name` (as written, or ignoring case).
    public func rows(ofSheet name: String) throws -> [Row] {
        guard
            let index = sheetNames.firstIndex(of: name)
                ?? sheetNames.firstIndex(where: {
                    $0.lowercased() == name.lowercased()
                })
        else {
            throw WorkbookReadError.missingSheet(file: path, sheet: name)
        }
        return try rows(ofSheetAt: index)
    }

    /// The rows of the sheet at `index` in `sheetNames`.
    public func rows(ofSheetAt index: Int) throws -> [Row] {
        let part = sheetParts[index]
        guard let xml = try Self.part(part, in: archive, file: path, limit: maximumSize) else {
            throw WorkbookReadError.missingSheet(file: path, sheet: sheetNames[index])
        }
        var rows: [Row] = []
        var cells: [Value] = []
        var rowNumber = 0
        var column = 0
        var type = ""
        var value: String?
        var inValue = false
        var inInline = false
        var inText = false
        try XMLScanner(xml, file: path, part: part).scan { tag in
            switch tag {
            case .open("row", let attributes, let isEmpty):
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                cells = []
                column = 0
                if isEmpty { rows.append(Row(number: rowNumber, cells: [])) }
            case .close("row"):
                while cells.last == .empty { cells.removeLast() }
                rows.append(Row(number: rowNumber, cells: cells))
            case .open("c", let attributes, _):
                column = attributes["r"].flatMap(Self.column(of:)) ?? cells.count
                type = attributes["t"] ?? "n"
                value = nil
            case .close("c"):
                let cell = self.value(type: type, value)
                if cell != .empty {
                    while cells.count < column { cells.append(.empty) }
                    if cells.count == column { cells.append(cell) } else { cells[column] = cell }
                }
            case .open("v", _, let isEmpty): inValue = !isEmpty
            case .close("v"): inValue = false
            case .open("is", _, _): inInline = true
            case .close("is"): inInline = false
            case .open("t", _, let isEmpty): inText = inInline && !isEmpty
            case .close("t"): inText = false
            case .text(let text):
                if inValue || inText { value = (value ?? "") + text }
            default: break
            }
        }
        return rows
    }

    private func value(type: String, _ text: String?) -> Value {
        guard let text else { return .empty }
        switch type {
        case "s":
            guard let i = Int(text.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(i) else {
                return .empty
            }
            return sharedStrings[i].isEmpty ? .empty : .text(sharedStrings[i])
        case "inlineStr", "str": return text.isEmpty ? .empty : .text(text)
        case "b": return .boolean(text == "1")
        case "e": return .text(text)
        default:
            let raw = text.trimmingCharacters(in: .whitespaces)
            guard let number = Double(raw) else { return raw.isEmpty ? .empty : .text(raw) }
            return .number(number, raw: raw)
        }
    }

    /// The column (0 for A) of a reference such as `AB12`.
    static func column(of reference: String) -> Int? {
        var n = 0
        var letters = 0
        for byte in reference.utf8 {
            guard byte >= 65 && byte <= 90 else { break }
            n = n * 26 + Int(byte - 64)
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : n - 1
    }

    /// The bytes of a part, or `nil` when the workbook has none by that name. The bytes are counted as they
    /// inflate: a part that would pass the size its header gives, or the cap, stops the read.
    static func part(_ name: String, in archive: Archive, file: String, limit: UInt64) throws -> [UInt8]? {
        guard let entry = archive[name] else { return nil }
        let declared = entry.uncompressedSize
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(declared, limit)))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data in
                if UInt64(bytes.count + data.count) > min(declared, limit) {
                    throw WorkbookReadError.tooLarge(
                        file: file, reason: "a part (\(name)) inflates past the size its header gives")
                }
                bytes.append(contentsOf: data)
            }
        } catch let error as WorkbookReadError {
            throw error
        } catch {
            throw WorkbookReadError.notWorkbook(file: file, reason: "its part \(name) could not be read")
        }
        return bytes
    }

    /// The day of Excel's serial number (1900 date system), or `nil` for one out of range: the inverse of the
    /// writer's `SpreadsheetML.serial`. Serial 1 is 1 January 1900; Excel counts a 29 February 1900 that never was
    /// (serial 60), so from serial 61 (1 March 1900) a serial is the days since 30 December 1899, 25,569 days before
    /// `CalendarDate`'s day 0 (1 January 1970). A fraction is a time of day, dropped.
    public static func day(ofSerial serial: Double) -> CalendarDate? {
        guard serial >= 1 && serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        guard whole != 60 else { return nil }
        return CalendarDate(dayNumber: Int32(whole > 60 ? whole - 25_569 : whole - 25_568))
    }
}

/// Why a workbook could not be read.
public enum WorkbookReadError: Error, CustomStringConvertible, Equatable {
    case notWorkbook(file: String, reason: String)
    case missingSheet(file: String, sheet: String)
    case tooLarge(file: String, reason: String)
    case unsafeXML(file: String, part: String, reason: String)
    case badXML(file: String, part: String, reason: String)

    public var description: String {
        switch self {
        case .notWorkbook(let file, let reason): "\(file) is not an Excel workbook (.xlsx): \(reason)"
        case .missingSheet(let file, let sheet): "\(file) has no sheet named \"\(sheet)\""
        case .tooLarge(let file, let reason): "\(file) is refused as a zip bomb: \(reason)"
        case .unsafeXML(let file, let part, let reason): "\(file) is refused: its part \(part) \(reason)"
        case .badXML(let file, let part, let reason): "\(file) could not be read: its part \(part) \(reason)"
        }
    }
}

/// A scanner over the bytes of an XML part: tags with their attributes, and text between them, entities decoded.
/// It reads what SpreadsheetML is (elements, attributes, text, comments, processing instructions, CDATA) and
/// refuses a document type declaration, which SpreadsheetML never has and an attack always does.
struct XMLScanner {
    enum Tag {
        /// An element's start; `isEmpty` for `<x/>`. Names keep their prefix only when it is not the default.
        case open(String, [String: String], isEmpty: Bool)
        case close(String)
        case text(String)
    }

    let bytes: [UInt8]
    let file: String
    let part: String

    init(_ bytes: [UInt8], file: String, part: String) {
        self.bytes = bytes
        self.file = file
        self.part = part
    }

    func scan(_ body: (Tag) throws -> Void) throws {
        let n = bytes.count
        var i = 0
        try bytes.withUnsafeBufferPointer { b in
            while i < n {
                if b[i] != 60 {  // text up to the next <
                    let start = i
                    while i < n && b[i] != 60 { i += 1 }
                    try body(.text(decode(b, start, i)))
                    continue
                }
                guard i + 1 < n else { throw bad("ends inside a tag") }
                switch b[i + 1] {
                case 63:  // <? … ?>
                    i = try find(b, [63, 62], from: i + 2) + 2
                case 33:  // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE
                    if matches(b, i, "<!--") {
                        i = try find(b, [45, 45, 62], from: i + 4) + 3
                    } else if matches(b, i, "<![CDATA[") {
                        let end = try find(b, [93, 93, 62], from: i + 9)
                        try body(
                            .text(String(decoding: UnsafeBufferPointer(rebasing: b[(i + 9)..<end]), as: UTF8.self)))
                        i = end + 3
                    } else {
                        throw WorkbookReadError.unsafeXML(
                            file: file, part: part,
                            reason: "has a document type declaration (<!DOCTYPE or <!ENTITY), which a workbook never "
                                + "needs and entity attacks use")
                    }
                case 47:  // </name>
                    let end = try find(b, [62], from: i + 2)
                    try body(.close(localName(b, i + 2, end)))
                    i = end + 1
                default:
                    i = try openTag(b, i + 1, body)
                }
            }
        }
    }

    /// Reads `<name a="v" …>` from just after the `<`; returns the index after the `>`.
    private func openTag(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ body: (Tag) throws -> Void) throws -> Int {
        let n = b.count
        var i = from
        while i < n && !isSpace(b[i]) && b[i] != 62 && b[i] != 47 { i += 1 }
        let name = localName(b, from, i)
        var attributes: [String: String] = [:]
        while true {
            while i < n && isSpace(b[i]) { i += 1 }
            guard i < n else { throw bad("ends inside a tag") }
            if b[i] == 62 {
                try body(.open(name, attributes, isEmpty: false))
                return i + 1
            }
            if b[i] == 47 {
                guard i + 1 < n, b[i + 1] == 62 else { throw bad("has a malformed tag") }
                try body(.open(name, attributes, isEmpty: true))
                return i + 2
            }
            let keyStart = i
            while i < n && b[i] != 61 && !isSpace(b[i]) && b[i] != 62 { i += 1 }
            let key = String(decoding: UnsafeBufferPointer(rebasing: b[keyStart..<i]), as: UTF8.self)
            while i < n && isSpace(b[i]) { i += 1 }
            guard i < n, b[i] == 61 else { throw bad("has an attribute with no value") }
            i += 1
            while i < n && isSpace(b[i]) { i += 1 }
            guard i < n, b[i] == 34 || b[i] == 39 else { throw bad("has an unquoted attribute") }
            let quote = b[i]
            let valueStart = i + 1
            i = valueStart
            while i < n && b[i] != quote { i += 1 }
            guard i < n else { throw bad("ends inside an attribute") }
            attributes[key] = try decode(b, valueStart, i)
            i += 1
        }
    }

    /// An element's name without the prefix of the main namespace (`x:row` is `row`), but `r:id`-style prefixed
    /// attributes are kept as written.
    private func localName(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var s = start
        var e = end
        while e > s && isSpace(b[e - 1]) { e -= 1 }
        for j in s..<e where b[j] == 58 { s = j + 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }

    private func matches(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ text: String) -> Bool {
        let p = Array(text.utf8)
        guard i + p.count <= b.count else { return false }
        for k in 0..<p.count where b[i + k] != p[k] { return false }
        return true
    }

    private func find(_ b: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], from: Int) throws -> Int {
        var i = from
        while i + pattern.count <= b.count {
            if b[i] == pattern[0] {
                var ok = true
                for k in 1..<pattern.count where b[i + k] != pattern[k] {
                    ok = false
                    break
                }
                if ok { return i }
            }
            i += 1
        }
        throw bad("ends inside a tag or comment")
    }

    /// Text with the predefined entities and character references decoded; any other entity is refused.
    private func decode(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws -> String {
        var hasAmpersand = false
        for j in start..<end where b[j] == 38 {
            hasAmpersand = true
            break
        }
        if !hasAmpersand { return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var j = start
        while j < end {
            guard b[j] == 38 else {
                out.append(b[j])
                j += 1
                continue
            }
            var k = j + 1
            while k < end && b[k] != 59 && k - j < 12 { k += 1 }
            guard k < end, b[k] == 59 else { throw bad("has an unterminated entity reference") }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[(j + 1)..<k]), as: UTF8.self)
            switch name {
            case "amp": out.append(38)
            case "lt": out.append(60)
            case "gt": out.append(62)
            case "quot": out.append(34)
            case "apos": out.append(39)
            default:
                let scalar: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst())
                } else {
                    throw WorkbookReadError.unsafeXML(
                        file: file, part: part, reason: "refers to an entity (&\(name.prefix(12));) it does not define")
                }
                guard let value = scalar, let u = Unicode.Scalar(value) else {
                    throw bad("has a character reference to no character")
                }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            }
            j = k + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func bad(_ reason: String) -> WorkbookReadError {
        .badXML(file: file, part: part, reason: reason)
    }
}
