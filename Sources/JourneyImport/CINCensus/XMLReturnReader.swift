import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An element of an XML return with everything inside it. The CIN census is read one `Header` or `Child` at a
/// time, so a return of any size is never held whole.
struct XMLNode: Equatable {
    var name: String
    /// Where the element is, with its position among siblings of the same name where the schema lets them repeat
    /// (`Message/Children/Child[3]/CINdetails[1]/Assessments[2]`): the place an error names.
    var path: String
    var line: Int
    var text = ""
    var children: [XMLNode] = []

    func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The trimmed text of the first child element with that name, or `nil` when it is absent or empty.
    func value(_ name: String) -> String? {
        guard let text = first(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            return nil
        }
        return text
    }

    /// Whether two elements say the same: names and texts, not where they are.
    func hasSameContent(as other: XMLNode) -> Bool {
        name == other.name
            && text.trimmingCharacters(in: .whitespacesAndNewlines)
                == other.text.trimmingCharacters(in: .whitespacesAndNewlines)
            && children.count == other.children.count
            && zip(children, other.children).allSatisfy { $0.hasSameContent(as: $1) }
    }
}

/// Streams an XML return and hands over each element named in `captured` (with its contents) as it ends.
///
/// `XMLParser` calls back into a delegate, which has to be an object; this one lives only for one read.
///
/// The file must be one whole document: `XMLParser` on Linux reads in libxml2's recovery mode, which reports a file
/// cut short, an unknown entity or stray text after the root as an error but goes on, so any error it reports ends
/// the read, and so does a root element that is never closed. Elements the caller does not know are counted and
/// skipped with everything in them, and no file may nest deeper than `maximumDepth`, so that what is held stays
/// small whatever the file.
final class XMLReturnReader: NSObject, XMLParserDelegate {
    /// The deepest nesting read. A CIN census return nests 7 deep
    /// (`Message/Children/Child/CINdetails/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors`).
    static let maximumDepth = 64

    let path: String
    /// The elements handed over whole.
    let captured: Set<String>
    /// The elements whose position among siblings goes in paths.
    let repeating: Set<String>
    /// The elements the caller reads or knowingly leaves out.
    let known: Set<String>
    private var handle: ((XMLNode) throws -> Void)?
    private var parser: XMLParser?
    /// The path of each open element outside a captured one, with the counts of names seen under it.
    private var outer: [(path: String, counts: [String: Int])] = []
    /// The open elements of the captured element being read.
    private var stack: [(node: XMLNode, counts: [String: Int])] = []
    private var failure: Error?
    /// The first error the parser reported, with its line.
    private var parseError: (code: Int, line: Int)?
    /// Elements not in `known` (outside those already counted), by name: reported as not read.
    private(set) var unknownElements: [String: Int] = [:]
    /// How deep inside an unknown element the reader is.
    private var unknownDepth = 0
    /// How deep inside an unknown element within a captured one the reader is: such elements are skipped, not kept.
    private var skippedDepth = 0
    /// Open elements, all told.
    private var depth = 0
    /// The root element, once it has started, and whether it has ended.
    private var root: String?
    private var hasClosedRoot = false

    init(path: String, captured: Set<String>, repeating: Set<String>, known: Set<String>) {
        self.path = path
        self.captured = captured
        self.repeating = repeating
        self.known = known
    }

    /// Reads the file, calling `handle` with each captured element. Throws what `handle` throws, or
    /// `ImportError.unreadable` when the file is not one whole, well-formed XML document.
    func read(_ handle: @escaping (XMLNode) throws -> Void) throws {
        guard let stream = InputStream(fileAtPath: path), FileManager.default.fileExists(atPath: path) else {
            throw ImportError.unreadable(file: path, reason: "no such file")
        }
        if let line = try XMLProlog.documentTypeLine(ofFileAt: path) {
            throw ImportError.unreadable(
                file: path,
                reason: "line \(line): a document type declaration (<!DOCTYPE …>) is not read: a CIN census return "
                    + "has none, and the entities it may declare would be read as nothing. Remove it.")
        }
        if let problem = try XMLPrescan.problem(ofFileAt: path) {
            throw ImportError.unreadable(file: path, reason: problem)
        }
        let parser = XMLParser(stream: stream)
        parser.delegate = self
        self.handle = handle
        self.parser = parser
        defer {
            self.handle = nil
            self.parser = nil
        }
        let ok = parser.parse()
        if let failure { throw failure }
        let line = parseError?.line ?? parser.lineNumber
        guard let root else {
            throw ImportError.unreadable(file: path, reason: "it holds no XML element: is it a CIN census return?")
        }
        if !hasClosedRoot {
            throw ImportError.unreadable(
                file: path,
                reason: "the file ends before its root element \(root) is closed (line \(line)): it is cut short, not "
                    + "a whole return")
        }
        if !ok || parseError != nil {
            let code = parseError?.code ?? ((parser.parserError as NSError?)?.code ?? 0)
            throw ImportError.unreadable(file: path, reason: "line \(line): \(Self.describe(code))")
        }
    }

    /// What an `XMLParser` error code (libxml2's) means, in words that say what to fix.
    static func describe(_ code: Int) -> String {
        switch code {
        case 5: "there is more after the root element ends: the file holds more than one return, or is damaged"
        case 9: "a character that XML does not allow (or text that is not UTF-8)"
        case 26, 27:
            "an entity reference that is not one of XML's own (&amp; &lt; &gt; &quot; &apos;) or a character "
                + "reference (&#38;): write the character itself"
        case 73, 74, 76: "an end tag does not match the element it closes"
        default: "the XML is not well formed (XML parser error \(code))"
        }
    }

    private static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    private func fail(_ error: Error, _ parser: XMLParser) {
        guard failure == nil else { return }
        failure = error
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        if self.parseError == nil && !Self.isHarmless(code) { self.parseError = (code, parser.lineNumber) }
    }

    /// Whether libxml2's error `code` leaves every element and value read as written: its warnings about namespace
    /// names (a relative `xmlns` URI), `xml:lang` and `xml:space` values, and namespace errors (an undeclared
    /// prefix; the reader ignores prefixes). An undeclared entity (27) is not harmless: its text is lost.
    static func isHarmless(_ code: Int) -> Bool {
        [93, 97, 98, 99, 100, 102, 106].contains(code) || (200..<300).contains(code)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        depth += 1
        guard depth <= Self.maximumDepth else {
            fail(
                ImportError.unreadable(
                    file: path,
                    reason:
                        "line \(parser.lineNumber): nesting deeper than \(Self.maximumDepth) elements (a CIN census "
                        + "return nests 7 deep): the file is damaged or not a return"), parser)
            return
        }
        let name = Self.localName(elementName)
        if root == nil { root = name }
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        if !stack.isEmpty && !known.contains(name) {
            // Inside a captured element, an unknown one is skipped with everything in it: nothing reads it.
            if unknownDepth == 0 { unknownElements[name, default: 0] += 1 }
            skippedDepth = 1
            return
        }
        if unknownDepth > 0 || !known.contains(name) {
            if unknownDepth == 0 { unknownElements[name, default: 0] += 1 }
            unknownDepth += 1
        }
        let position: Int
        let parentPath: String
        if stack.isEmpty {
            let count = (outer.last?.counts[name] ?? 0) + 1
            if !outer.isEmpty { outer[outer.count - 1].counts[name] = count }
            position = count
            parentPath = outer.last?.path ?? ""
        } else {
            let count = (stack[stack.count - 1].counts[name] ?? 0) + 1
            stack[stack.count - 1].counts[name] = count
            position = count
            parentPath = stack[stack.count - 1].node.path
        }
        let path =
            (parentPath.isEmpty ? "" : parentPath + "/") + name
            + (repeating.contains(name) ? "[\(position)]" : "")
        if !stack.isEmpty || captured.contains(name) {
            stack.append((XMLNode(name: name, path: path, line: parser.lineNumber), [:]))
        } else {
            outer.append((path, [:]))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil, skippedDepth == 0, !stack.isEmpty else { return }
        stack[stack.count - 1].node.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        // A CDATA section is text written without escapes: the same value as the escaped text.
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard failure == nil else { return }
        depth -= 1
        if depth == 0 { hasClosedRoot = true }
        if skippedDepth > 0 {
            skippedDepth -= 1
            return
        }
        if unknownDepth > 0 { unknownDepth -= 1 }
        guard let (node, _) = stack.popLast() else {
            _ = outer.popLast()
            return
        }
        if !stack.isEmpty {
            // Text between child elements (stray words in a hand-edited file) is not a value: only leaves have text.
            stack[stack.count - 1].node.children.append(node)
            return
        }
        do {
            try handle?(node)
        } catch {
            fail(error, parser)
        }
    }
}
