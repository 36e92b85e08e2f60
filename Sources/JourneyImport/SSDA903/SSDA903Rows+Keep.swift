import JourneyCore

/// A row of an SSDA903 table, read for one child: what the line-by-line reading keeps or finds repeated.
protocol SSDA903Row {
    var line: Int { get }
    /// Whether `other` says the same as this row, whatever its line: a duplicate, not a contradiction.
    func isSame(as other: Self) -> Bool
}

extension HeaderRow: SSDA903Row {}
extension EpisodeRow: SSDA903Row {}
extension ReviewRow: SSDA903Row {}
extension MissingRow: SSDA903Row {}
extension UASCRow: SSDA903Row {}
extension AD1Row: SSDA903Row {}
extension PlacedAdoptionRow: SSDA903Row {}
extension PreviousPermanenceRow: SSDA903Row {}
extension OC2Row: SSDA903Row {}
extension OC3Row: SSDA903Row {}
extension SocialWorkerRow: SSDA903Row {}
extension DoLORow: SSDA903Row {}

// A child has one row of some tables (the header, UASC, OC2…) and one row a date of others (episodes, reviews…).
// The first row read is kept; a later one that says the same is a duplicate, and one that says otherwise is a
// problem of the later row (`repeats`), as the DfE's rules on a child's repeated rows have it.
extension CSVRow {
    /// Keeps `new` in `slot` unless a row is there; returns whether `new` duplicates it. `what` names the row in the
    /// problem of one that contradicts it.
    mutating func keep<Row: SSDA903Row>(_ new: Row, in slot: inout Row?, _ what: String) -> Bool {
        guard let first = slot else {
            slot = new
            return false
        }
        return isRepeat(of: first, new, what)
    }

    /// Keeps `new` in `rows` unless one of them `isFirst` (of the same date); returns whether `new` duplicates it.
    mutating func keep<Row: SSDA903Row>(
        _ new: Row, in rows: inout [Row], firstOfDate isFirst: (Row) -> Bool, _ what: String
    ) -> Bool {
        guard let first = rows.first(where: isFirst) else {
            rows.append(new)
            return false
        }
        return isRepeat(of: first, new, what)
    }

    private mutating func isRepeat<Row: SSDA903Row>(of first: Row, _ new: Row, _ what: String) -> Bool {
        if first.isSame(as: new) { return true }
        repeats(first.line, what)
        return false
    }
}
