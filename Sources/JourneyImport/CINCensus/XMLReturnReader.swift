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
final class XMLReturnReader: NSObject, XMLParserDelegate {
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
    /// Elements not in `known` (outside those already counted), by name: reported as not read.
    private(set) var unknownElements: [String: Int] = [:]
    /// How deep inside an unknown element the reader is.
    private var unknownDepth = 0

    init(path: String, captured: Set<String>, repeating: Set<String>, known: Set<String>) {
        self.path = path
        self.captured = captured
        self.repeating = repeating
        self.known = known
    }

    /// Reads the file, calling `handle` with each captured element. Throws what `handle` throws, or
    /// `ImportError.unreadable` when the file is not well-formed XML.
    func read(_ handle: @escaping (XMLNode) throws -> Void) throws {
        guard let stream = InputStream(fileAtPath: path), FileManager.default.fileExists(atPath: path) else {
            throw ImportError.unreadable(file: path, reason: "no such file")
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
        if !ok {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
            throw ImportError.unreadable(
                file: path, reason: "line \(parser.lineNumber): the XML is not well formed (\(reason))")
        }
    }

    private static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        let name = Self.localName(elementName)
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
        if unknownDepth > 0 || !known.contains(name) {
            if unknownDepth == 0 { unknownElements[name, default: 0] += 1 }
            unknownDepth += 1
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
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].node.text += string
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
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
            failure = error
            parser.abortParsing()
        }
    }
}
