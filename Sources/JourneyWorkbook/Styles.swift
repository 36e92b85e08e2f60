/// The workbook's cell styles (`xl/styles.xml`): the default, the bold heading, the date, and one per number
/// format the cells use, in the order they are first used, so that the same workbook gives the same part.
struct Styles {
    /// Style 0 is the default (for text, whole numbers, and numbers of the general format).
    static let heading = 1
    static let date = 2
    /// `dd/mm/yyyy`, as dates are written in England, whatever the reader's locale: a built-in date format (14)
    /// would follow the reader's settings.
    static let dateFormat = "dd/mm/yyyy"

    /// The number formats the cells use, but `General`.
    var formats: [NumberFormat] = []
    private var indices: [NumberFormat: Int] = [:]

    init(_ sheets: [Worksheet]) {
        for sheet in sheets {
            for row in sheet.rows {
                for case .number(_, let format) in row where format != .general && indices[format] == nil {
                    indices[format] = 3 + formats.count
                    formats.append(format)
                }
            }
        }
    }

    /// The style of a number with this format.
    func index(_ format: NumberFormat) -> Int { indices[format] ?? 0 }

    /// The part. Custom number formats are numbered from 164, the first id the built-in formats leave free.
    var part: [UInt8] {
        var x: [UInt8] = []
        x.append(SpreadsheetML.declaration)
        x.append(#"<styleSheet xmlns="\#(SpreadsheetML.mainNamespace)">"#)
        x.append(#"<numFmts count="\#(formats.count + 1)">"#)
        for (i, code) in ([Self.dateFormat] + formats.map(\.code)).enumerated() {
            x.append(#"<numFmt numFmtId="\#(164 + i)" formatCode=""#)
            XML.append(code, to: &x, inAttribute: true)
            x.append(#""/>"#)
        }
        x.append("</numFmts>")
        x.append(#"<fonts count="2">"#)
        x.append(#"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#)
        x.append(#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#)
        x.append("</fonts>")
        x.append(#"<fills count="2"><fill><patternFill patternType="none"/></fill>"#)
        x.append(#"<fill><patternFill patternType="gray125"/></fill></fills>"#)
        x.append(#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#)
        x.append(#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#)
        x.append(#"<cellXfs count="\#(3 + formats.count)">"#)
        x.append(#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#)
        x.append(#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#)
        x.append(#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#)
        for i in formats.indices {
            x.append(
                #"<xf numFmtId="\#(165 + i)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#)
        }
        x.append("</cellXfs>")
        x.append(#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#)
        x.append("</styleSheet>")
        return x
    }
}
