import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyImport

@Suite("Importing: the rejected rows' CSV guards text that starts as a formula")
struct RejectedCSVTests {
    @Test(arguments: formulaTeamNames)
    func aValueThatStartsAsAFormulaIsGuardedAndTheLineIsANumber(_ value: (team: String, field: String)) {
        let problem = ImportProblem(
            file: "returns/episodes.csv", line: 3, record: "episodes", child: "C2", field: "DECOM",
            message: "is not a date", rule: "903 103")
        let record = RejectedRecord(problems: [problem], fields: [value.team, "01/05/2023"])
        let csv = RejectedRecord.csv([record])
        #expect(csv.hasPrefix("file,line,record,child,field,reason,rule,row\r\nepisodes.csv,3,episodes,C2,DECOM,"))
        // The row as read is one cell: guarded as a whole, its own fields quoted as RFC 4180 quotes them.
        let row = CSVWriter.quoted(value.team) + ",01/05/2023"
        #expect(csv.hasSuffix(",903 103," + CSVWriter.field(.text(row)) + "\r\n"))
        // What the spreadsheet reads in the cell does not start as a formula: the apostrophe, or the quote that opens
        // a first field that had to be quoted.
        let cell = CSVWriter.guarded(row)
        #expect(cell.first == "'" || cell.first == "\"")
    }
}
