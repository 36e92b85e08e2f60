/// The tables of an SSDA903 return that become events, told apart by their columns (so that any file name, and
/// any column order, will do).
enum SSDA903Table: Int, CaseIterable, Comparable, Sendable {
    case header, episodes, reviews, missing, uasc

    /// The table's name in the DfE's CSV layout, used in the summary.
    var name: String {
        switch self {
        case .header: "header"
        case .episodes: "episodes"
        case .reviews: "reviews"
        case .missing: "missing"
        case .uasc: "uasc"
        }
    }

    /// The columns the importer needs. Others (`HOME_POST`, `MOTHER`, `MC_DOB`, `DOB` outside the header) have no
    /// place in the event format and are not read.
    var requiredColumns: [String] {
        switch self {
        case .header: ["CHILD", "SEX", "DOB", "ETHNIC"]
        case .episodes: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "DEC", "REC"]
        case .reviews: ["CHILD", "REVIEW"]
        case .missing: ["CHILD", "MISSING", "MIS_START"]
        case .uasc: ["CHILD", "DUC"]
        }
    }

    /// The table with these columns, or `nil` for a table the event format has nothing for (`oc2`, `ad1`, …).
    static func identify(columns: Set<String>) -> SSDA903Table? {
        if columns.contains("DECOM") && columns.contains("RNE") { return .episodes }
        if columns.contains("REVIEW") { return .reviews }
        if columns.contains("MIS_START") { return .missing }
        if columns.contains("DUC") { return .uasc }
        if columns.contains("SEX") && columns.contains("ETHNIC") { return .header }
        return nil
    }

    static func < (a: SSDA903Table, b: SSDA903Table) -> Bool { a.rawValue < b.rawValue }

    /// The DfE validation rule an invalid value of each column breaks (csc-validator-be-903: 101 "Gender
    /// code is not valid", 141 "Date episode began is not a valid date", …).
    static let valueRules: [String: String] = [
        "SEX": "903 101", "DOB": "903 102", "ETHNIC": "903 103", "DUC": "903 104", "DECOM": "903 141",
        "RNE": "903 143", "LS": "903 144", "CIN": "903 145", "PLACE": "903 146", "DEC": "903 147", "REC": "903 149",
        "REVIEW": "903 166", "REVIEW_CODE": "903 167", "UPN": "903 168", "PLACE_PROVIDER": "903 178",
        "URN": "903 1008", "REASON_PLACE_CHANGE": "903 1009", "MISSING": "903 1006", "MIS_START": "903 1004",
        "MIS_END": "903 1005",
    ]
}
