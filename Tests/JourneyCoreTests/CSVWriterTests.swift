import JourneyCore
import Testing

@Suite("The CSV writer")
struct CSVWriterTests {
    /// Text a spreadsheet would read as a formula (OWASP, CSV injection).
    static let formulas = ["=HYPERLINK(\"x\")", "+1", "-cmd", "@SUM(A1)", "\tTeam", "\rTeam"]

    @Test(arguments: formulas)
    func textThatStartsAsAFormulaGetsAnApostrophe(_ text: String) {
        let field = CSVWriter.field(.text(text))
        // Quoted when it holds a quote or a carriage return; the apostrophe comes first inside the quotes.
        #expect(field.hasPrefix("'") || field.hasPrefix("\"'"))
        #expect(CSVWriter.guarded(text) == "'" + text)
    }

    @Test func aCarriageReturnLineFeedAtTheStartIsGuardedAndQuoted() {
        #expect(CSVWriter.field(.text("\r\nx")) == "\"'\r\nx\"")
    }

    @Test(arguments: ["12", "-3", "86.4", "-0.5", "0"])
    func numbersAreWrittenAsTheyAre(_ number: String) {
        #expect(CSVWriter.field(.number(number)) == number)
    }

    @Test(arguments: ["-cmd", "=1+1", "1,5", "", "1.", ".5", "--1", "1e3"])
    func aNumberCellThatIsNotANumberIsWrittenAsText(_ text: String) {
        #expect(CSVWriter.field(.number(text)) == CSVWriter.field(.text(text)))
    }

    @Test func fieldsAreQuotedAsRFC4180Says() {
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.field("plain text") == "plain text")
        #expect(CSVWriter.field("=a,b") == "\"'=a,b\"")
    }

    @Test func aFileIsAHeaderAndRecordsEndingCRLF() {
        var csv = CSVWriter(header: ["team", "findings"])
        csv.append(["=HYPERLINK(\"x\")", .number(-2)])
        csv.append([.empty, .number(nil)])
        #expect(csv.text == "team,findings\r\n\"'=HYPERLINK(\"\"x\"\")\",-2\r\n,\r\n")
    }

    @Test func ageBandsAreWrittenSoExcelKeepsThemAsText() {
        #expect(CSVWriter.ageBand("1-4") == "1 to 4")
        #expect(CSVWriter.ageBand("5-9") == "5 to 9")
        #expect(CSVWriter.ageBand("10-15") == "10 to 15")
        #expect(CSVWriter.ageBand("16+") == "16+")
        #expect(CSVWriter.ageBand("under 1") == "under 1")
        #expect(CSVWriter.ageBand("unknown") == "unknown")
        #expect(CSVWriter.ageBand("a-b") == "a-b")
    }

    /// A field is the text guarded, then quoted with its quotes doubled (RFC 4180): what `guarded` and `quoted` say
    /// one at a time, for texts made of the characters that matter (commas, quotes, CR, LF, the formula starts, an
    /// apostrophe, letters and a character outside ASCII), in every order up to four characters long.
    @Test func aFieldIsTheTextGuardedThenQuoted() {
        let alphabet: [Character] = [",", "\"", "\r", "\n", "=", "+", "-", "@", "\t", "'", "a", "é"]
        var texts = [""]
        var last = [""]
        for _ in 0..<4 {
            last = last.flatMap { t in alphabet.map { t + String($0) } }
            texts += last
        }
        for text in texts {
            let expected = CSVWriter.quoted(CSVWriter.guarded(text))
            #expect(CSVWriter.field(.text(text)) == expected, "\(text.debugDescription)")
        }
        // And a record is its fields joined by commas, with CRLF.
        let cells: [CSVCell] = ["a,b", .number(3), "=x", "say \"hi\"", .number("1e3"), .empty]
        #expect(CSVWriter.record(cells) == "\"a,b\",3,'=x,\"say \"\"hi\"\"\",1e3,\r\n")
    }

    /// A record written a field at a time is the record of the same cells: a field of parts joined by spaces is the
    /// joined text's field, for every list of up to two parts of up to two of the characters that matter, and of
    /// three parts of up to one (an empty first part puts a space first; a part to quote quotes the whole field).
    @Test func aRecordWrittenAFieldAtATimeIsTheRecordOfItsCells() {
        let alphabet: [Character] = [",", "\"", "\r", "=", "-", " ", "'", "a", "é"]
        var texts = [""]
        var last = [""]
        for _ in 0..<2 {
            last = last.flatMap { t in alphabet.map { t + String($0) } }
            texts += last
        }
        // 91 texts (1 empty, 9 of one character, 81 of two), 10 of them of at most one character.
        let short = texts.filter { $0.count <= 1 }
        let pairs = texts.flatMap { a in texts.map { [a, $0] } }
        let triples = short.flatMap { a in short.flatMap { b in short.map { [a, b, $0] } } }
        let lists: [[String]] = [[]] + texts.map { [$0] } + pairs + triples
        var byField = CSVWriter(header: ["parts", "numbers", "text"])
        var byCells = CSVWriter(header: ["parts", "numbers", "text"])
        let numbers: [[UInt64]] = [[], [0], [7, 10], [UInt64.max, 1_000_000]]
        for (i, parts) in lists.enumerated() {
            let n = numbers[i % numbers.count]
            let text = texts[i % texts.count]
            byField.appendText(joining: parts)
            byField.appendText(joining: n)
            byField.appendText(text)
            byField.endRecord()
            byCells.append([
                .text(parts.joined(separator: " ")), .text(n.map(String.init).joined(separator: " ")), .text(text),
            ])
        }
        #expect(lists.count == 1 + 91 + 91 * 91 + 10 * 10 * 10)
        #expect(byField.bytes == byCells.bytes)
        var one = CSVWriter(header: [])
        one.appendText(joining: [UInt64.max, 0, 42])
        one.endRecord()
        #expect(one.text == "\r\n18446744073709551615 0 42\r\n")
    }
}
