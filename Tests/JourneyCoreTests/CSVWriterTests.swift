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
}
