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
}
