/// The tables of an SSDA903 return that become events, told apart by their columns (so that any file name, and
/// any column order, will do).
enum SSDA903Table: Int, CaseIterable, Comparable, Sendable {
    case header, episodes, reviews, missing, uasc
    case ad1, placedAdoption, previousPermanence, oc2, oc3, swEpisodes, dolo

    /// The table's name in the DfE's CSV layout, used in the summary.
    var name: String {
        switch self {
        case .header: "header"
        case .episodes: "episodes"
        case .reviews: "reviews"
        case .missing: "missing"
        case .uasc: "uasc"
        case .ad1: "ad1"
        case .placedAdoption: "placed_for_adoption"
        case .previousPermanence: "previous_permanence"
        case .oc2: "oc2"
        case .oc3: "oc3"
        case .swEpisodes: "sw_episodes"
        case .dolo: "DoLo"
        }
    }

    /// The tables every summary lists, read or not (the others are listed only when read, so that the summary of a
    /// return without them stays as it was).
    var isAlwaysListed: Bool { self <= .uasc }

    /// The columns the importer needs. Others are read when present (`UPN`, `MOTHER`, `MC_DOB`, `HOME_POST`,
    /// `PL_POST`, `URN`, `SW_REASON`…) or have no place in the event format (`DOB` outside the header and OC3,
    /// `SW_DEC`). Every OC2 item is required: a
    /// missing column would read as every child's item left blank.
    var requiredColumns: [String] {
        switch self {
        case .header: ["CHILD", "SEX", "DOB", "ETHNIC"]
        case .episodes: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "DEC", "REC"]
        case .reviews: ["CHILD", "REVIEW"]
        case .missing: ["CHILD", "MISSING", "MIS_START"]
        case .uasc: ["CHILD", "DUC"]
        case .ad1: ["CHILD", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]
        case .placedAdoption: ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]
        case .previousPermanence: ["CHILD", "PREV_PERM"]
        case .oc2:
            [
                "CHILD", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
                "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
            ]
        case .oc3: ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"]
        case .swEpisodes: ["CHILD", "SW_ID", "SW_DECOM"]
        case .dolo: ["CHILD", "DOLO_START", "DOLO_END"]
        }
    }

    /// The table with these columns, or `nil` for a table the importer does not know.
    static func identify(columns: Set<String>) -> SSDA903Table? {
        if columns.contains("DECOM") && columns.contains("RNE") { return .episodes }
        if columns.contains("REVIEW") { return .reviews }
        if columns.contains("MIS_START") { return .missing }
        if columns.contains("DUC") { return .uasc }
        if columns.contains("DATE_INT") || columns.contains("DATE_MATCH") { return .ad1 }
        if columns.contains("DATE_PLACED") { return .placedAdoption }
        if columns.contains("PREV_PERM") { return .previousPermanence }
        if columns.contains("HEALTH_ASSESSMENT") || columns.contains("SDQ_SCORE") { return .oc2 }
        if columns.contains("IN_TOUCH") { return .oc3 }
        if columns.contains("SW_ID") || columns.contains("SW_DECOM") { return .swEpisodes }
        if columns.contains("DOLO_START") { return .dolo }
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
        // AD1, PlacedAdoption, PrevPerm, OC3, OC2 (181: each item 0 or 1), DoLO, social worker episodes.
        "DATE_INT": "903 112", "DATE_MATCH": "903 113", "FOSTER_CARE": "903 114", "NB_ADOPTR": "903 175",
        "SEX_ADOPTR": "903 176", "LS_ADOPTR": "903 177", "DATE_PLACED": "903 115", "DATE_PLACED_CEASED": "903 116",
        "REASON_PLACED_CEASED": "903 120", "PREV_PERM": "903 631", "IN_TOUCH": "903 131", "ACTIV": "903 132",
        "ACCOM": "903 133", "SDQ_SCORE": "903 180", "SDQ_REASON": "903 196", "CONVICTED": "903 181",
        "HEALTH_CHECK": "903 181", "IMMUNISATIONS": "903 181", "TEETH_CHECK": "903 181",
        "HEALTH_ASSESSMENT": "903 181", "SUBSTANCE_MISUSE": "903 181", "INTERVENTION_RECEIVED": "903 181",
        "INTERVENTION_OFFERED": "903 181", "DOLO_START": "903 700", "DOLO_END": "903 701", "SW_DECOM": "903 SW04STG1",
        // MOTHER, MC_DOB, HOME_POST, SW_REASON.
        "MOTHER": "903 165", "MC_DOB": "903 171", "HOME_POST": "903 392c", "SW_REASON": "903 SW13STG1",
    ]
}
