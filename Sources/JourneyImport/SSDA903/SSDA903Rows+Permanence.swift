import JourneyCore

/// A row of the AD1 table: the decision that the child should be placed for adoption (DATE_INT) and the match with
/// adopters (DATE_MATCH and the adopters' details), for a child adopted in the year.
struct AD1Row: Hashable, Sendable {
    var line: Int
    var decided: CalendarDate
    /// The match, when DATE_MATCH is given and the adopters' details can be read.
    var matched: Match?

    struct Match: Hashable, Sendable {
        var date: CalendarDate
        var adopters: Int
        var sex: AdopterSex
        var legalStatus: AdopterLegalStatus
        var isFosterCarer: Bool
    }

    func isSame(as other: AD1Row) -> Bool { decided == other.decided && matched == other.matched }
}

/// A row of the PlacedAdoption table: the decision that the child should be placed for adoption (DATE_PLACED), and
/// its reversal (DATE_PLACED_CEASED with REASON_PLACED_CEASED) when there was one.
struct PlacedAdoptionRow: Hashable, Sendable {
    var line: Int
    var decided: CalendarDate
    var reversed: CalendarDate?
    var reversalReason: AdoptionReversalReason?

    func isSame(as other: PlacedAdoptionRow) -> Bool {
        decided == other.decided && reversed == other.reversed && reversalReason == other.reversalReason
    }
}

/// A row of the PrevPerm table: the permanence the child had before care.
struct PreviousPermanenceRow: Hashable, Sendable {
    var line: Int
    var entry: PreviousPermanence

    func isSame(as other: PreviousPermanenceRow) -> Bool { entry == other.entry }
}

extension CSVRow {
    /// Reads an AD1 row. DATE_INT is required; a match whose details cannot be read (NB_ADOPTR, SEX_ADOPTR,
    /// LS_ADOPTR, FOSTER_CARE, DATE_MATCH) is left out, and the decision imported without it.
    mutating func ad1Row() -> AD1Row? {
        let decided = date("DATE_INT", required: true)
        kept = "the decision (DATE_INT) without the match"
        var matched: AD1Row.Match?
        if let match = date("DATE_MATCH", required: false) {
            var adopters: Int?
            if let text = text("NB_ADOPTR") {
                if text == "1" || text == "2" {
                    adopters = Int(text)
                } else {
                    drop("NB_ADOPTR", ReturnValues.problem(text, isNot: "a number of adopters (1 or 2)"))
                }
            } else {
                drop("NB_ADOPTR", "is missing although DATE_MATCH is given")
            }
            let sex: AdopterSex? = code("SEX_ADOPTR", required: false)
            if text("SEX_ADOPTR") == nil { drop("SEX_ADOPTR", "is missing although DATE_MATCH is given") }
            let legalStatus: AdopterLegalStatus? = code("LS_ADOPTR", required: false)
            if text("LS_ADOPTR") == nil { drop("LS_ADOPTR", "is missing although DATE_MATCH is given") }
            // FOSTER_CARE may be blank (903 114): the foster carer is not adopting.
            let fosterCarer = flag("FOSTER_CARE")
            if let adopters, let sex, let legalStatus, fosterCarer.isValid {
                matched = AD1Row.Match(
                    date: match, adopters: adopters, sex: sex, legalStatus: legalStatus,
                    isFosterCarer: fosterCarer.value ?? false)
            }
        }
        guard problems.isEmpty, let decided else { return nil }
        return AD1Row(line: line, decided: decided, matched: matched)
    }

    /// Reads a PlacedAdoption row. A reversal is both DATE_PLACED_CEASED and REASON_PLACED_CEASED or neither (903
    /// 119); a row whose reversal cannot be read is rejected, since without it the decision would read as standing.
    mutating func placedAdoptionRow() -> PlacedAdoptionRow? {
        let decided = date("DATE_PLACED", required: true)
        let reversed = date("DATE_PLACED_CEASED", required: false, leavingOut: false)
        let reason: AdoptionReversalReason? = code("REASON_PLACED_CEASED", required: false, leavingOut: false)
        let hasDate = text("DATE_PLACED_CEASED") != nil
        let hasReason = text("REASON_PLACED_CEASED") != nil
        if hasDate != hasReason {
            let missing = hasDate ? "REASON_PLACED_CEASED" : "DATE_PLACED_CEASED"
            let given = hasDate ? "DATE_PLACED_CEASED" : "REASON_PLACED_CEASED"
            problem(
                missing,
                "is missing although \(given) is given: a reversed decision needs its date and its reason",
                rule: "903 119")
        }
        if let decided, let reversed, reversed < decided {
            problem("DATE_PLACED_CEASED", "is before DATE_PLACED: a decision cannot be reversed before it was made")
        }
        guard problems.isEmpty, let decided else { return nil }
        return PlacedAdoptionRow(line: line, decided: decided, reversed: reversed, reversalReason: reason)
    }

    /// Reads a PrevPerm row. LA_PERM and DATE_PERM are kept as the return writes them (DATE_PERM may be known only
    /// in part, `ZZ/ZZ/2015`); a DATE_PERM longer than 10 characters is left out.
    mutating func previousPermanenceRow() -> PreviousPermanenceRow? {
        let kind: PreviousPermanenceKind? = code("PREV_PERM", required: true)
        let la = freeText("LA_PERM")
        var orderDate = text("DATE_PERM")
        if let value = orderDate, value.utf8.count > 10 {
            drop("DATE_PERM", "is longer than 10 characters (DD/MM/YYYY, with ZZ for a part not known)")
            orderDate = nil
        }
        guard problems.isEmpty, let kind else { return nil }
        return PreviousPermanenceRow(line: line, entry: PreviousPermanence(kind: kind, la: la, orderDate: orderDate))
    }
}
