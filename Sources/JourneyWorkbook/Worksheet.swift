/// One sheet of a workbook: a heading row of columns, then rows of cells.
///
/// The heading row is written bold, frozen (it stays in view as the rows scroll) and with an autofilter, so a
/// reader can sort and filter by any column at once.
public struct Worksheet: Sendable, Hashable {
    /// One column: its heading and its width.
    public struct Column: Sendable, Hashable {
        /// The text of the heading row.
        public var heading: String
        /// The width in characters of the default font, or `nil` for one fitted to the heading and the first rows'
        /// contents (8 to 60 characters).
        public var width: Double?

        public init(_ heading: String, width: Double? = nil) {
            self.heading = heading
            self.width = width
        }
    }

    /// The sheet's name as asked for. The workbook writes it as Excel allows (`Workbook.sheetNames`): at most 31
    /// characters, none of `[]:*?/\`, and unique in the workbook.
    public var name: String
    public var columns: [Column]
    /// The rows below the heading. A row may be shorter than the columns (its last cells are empty) or longer.
    public var rows: [[Cell]]

    public init(name: String, columns: [Column], rows: [[Cell]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// A sheet whose columns are these headings, each fitted to its contents.
    public init(name: String, headings: [String], rows: [[Cell]] = []) {
        self.init(name: name, columns: headings.map { Column($0) }, rows: rows)
    }

    /// Appends a row.
    public mutating func append(_ row: [Cell]) { rows.append(row) }
}
