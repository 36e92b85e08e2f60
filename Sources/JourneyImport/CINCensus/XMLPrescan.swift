import Foundation

/// A pass over an XML return's bytes before `XMLParser` reads it, for what makes Foundation's parser on Linux stop
/// the program rather than report an error: bytes that are not UTF-8 in a name (it traps), and a processing
/// instruction with no data (`<?x?>`: it reads a null pointer). A CIN census return has neither, so a file with
/// either is refused here, naming its line; other processing instructions are left to the parser, which skips them.
enum XMLPrescan {
    /// Why the file cannot be read safely, with its line, or `nil`. A file with a UTF-16 byte-order mark is left to
    /// the parser, which converts it to UTF-8 itself.
    static func problem(ofFileAt path: String) throws -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var scanner = Scanner()
        var isFirst = true
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            let bytes = [UInt8](data)
            if isFirst {
                isFirst = false
                if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return nil }
            }
            if let problem = scanner.scan(bytes) { return problem }
        }
        return scanner.finish()
    }

    /// Reads the file a chunk at a time: UTF-8 sequences and markup may run across chunks.
    struct Scanner {
        static let instructionStart = Array("<?".utf8)
        static let commentStart = Array("<!--".utf8)
        static let commentEnd = Array("-->".utf8)
        static let cdataStart = Array("<![CDATA[".utf8)
        static let cdataEnd = Array("]]>".utf8)

        enum State { case content, markupStart, comment, cdata, instruction }
        var state = State.content
        var line = 1
        /// Bytes still expected to complete a UTF-8 sequence.
        var continuation = 0
        /// The range the next continuation byte must be in: narrower after some lead bytes, so that overlong forms
        /// and surrogates are refused as Swift's own validation refuses them.
        var nextRange: ClosedRange<UInt8> = 0x80...0xBF
        /// The bytes read since the markup being looked at began (`<!`, `<?`), enough to tell which it is.
        var recent: [UInt8] = []
        /// Whether anything but white space and a byte-order mark has been read: the XML declaration must be first.
        var hasContent = false
        /// The processing instruction read so far: its name and whether any data followed it.
        var instruction: [UInt8] = []

        mutating func scan(_ bytes: [UInt8]) -> String? {
            for b in bytes {
                if let problem = utf8(b) { return problem }
                if b == UInt8(ascii: "\n") { line += 1 }
                if let problem = markup(b) { return problem }
            }
            return nil
        }

        func finish() -> String? {
            continuation > 0 ? "line \(line): the file ends inside a character that is not whole UTF-8" : nil
        }

        private mutating func utf8(_ b: UInt8) -> String? {
            let notUTF8 = "line \(line): a byte that is not UTF-8 text: save the return as UTF-8"
            if continuation > 0 {
                guard nextRange.contains(b) else { return notUTF8 }
                continuation -= 1
                nextRange = 0x80...0xBF
                return nil
            }
            switch b {
            case 0x00..<0x80: return nil
            case 0xC2..<0xE0: continuation = 1
            case 0xE0: (continuation, nextRange) = (2, 0xA0...0xBF)
            case 0xED: (continuation, nextRange) = (2, 0x80...0x9F)
            case 0xE1..<0xF0: continuation = 2
            case 0xF0: (continuation, nextRange) = (3, 0x90...0xBF)
            case 0xF4: (continuation, nextRange) = (3, 0x80...0x8F)
            case 0xF1..<0xF4: continuation = 3
            default: return notUTF8
            }
            return nil
        }

        private mutating func markup(_ b: UInt8) -> String? {
            switch state {
            case .content:
                if b == UInt8(ascii: "<") {
                    state = .markupStart
                    recent = [b]
                } else if !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0xEF || b == 0xBB || b == 0xBF) {
                    hasContent = true
                }
            case .markupStart:
                recent.append(b)
                if recent == Self.instructionStart {
                    state = .instruction
                    instruction = []
                } else if recent.count >= 2 && recent[1] != UInt8(ascii: "!") {
                    state = .content
                    hasContent = true
                } else if recent == Self.commentStart {
                    state = .comment
                    recent = []
                } else if recent == Self.cdataStart {
                    state = .cdata
                    recent = []
                } else if recent.count >= 9
                    || !(Self.commentStart.starts(with: recent) || Self.cdataStart.starts(with: recent))
                {
                    state = .content  // <!DOCTYPE and the like: `XMLProlog` deals with them
                    hasContent = true
                }
            case .comment, .cdata:
                let end = state == .comment ? Self.commentEnd : Self.cdataEnd
                recent.append(b)
                if recent.count > end.count { recent.removeFirst() }
                if recent == end { state = .content }
            case .instruction:
                // Ends at `?>`: the last two bytes looked at by index (a `suffix` of the whole array here once made a
                // long instruction take n² steps).
                instruction.append(b)
                let n = instruction.count
                guard n >= 2, instruction[n - 2] == UInt8(ascii: "?"), instruction[n - 1] == UInt8(ascii: ">") else {
                    return nil
                }
                let body = instruction.dropLast(2)
                let name = body.prefix { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
                let data = body.dropFirst(name.count).drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
                let isDeclaration = !hasContent && name.elementsEqual("xml".utf8)
                state = .content
                hasContent = true
                guard data.isEmpty && !isDeclaration else { return nil }
                return "line \(line): a processing instruction with no data (<?name?>) is not part of a CIN census "
                    + "return: remove it"
            }
            return nil
        }
    }
}
