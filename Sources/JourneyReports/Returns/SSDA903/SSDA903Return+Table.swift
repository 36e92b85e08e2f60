extension SSDA903Return {
    /// The tables of the return, with the DfE's file and column names (the CSV layout of the 903 that the DfE's
    /// validator and `journey import ssda903` read).
    public enum Table: Int, CaseIterable, Sendable, Hashable, Comparable {
        case header, episodes, reviews, uasc, missing, oc2, oc3, ad1, placedAdoption, previousPermanence
        case socialWorkers, dolo

        /// The file's name without `.csv`.
        public var name: String {
            switch self {
            case .header: "header"
            case .episodes: "episodes"
            case .reviews: "reviews"
            case .uasc: "uasc"
            case .missing: "missing"
            case .oc2: "oc2"
            case .oc3: "oc3"
            case .ad1: "ad1"
            case .placedAdoption: "placed_for_adoption"
            case .previousPermanence: "previous_permanence"
            case .socialWorkers: "sw_episodes"
            case .dolo: "DoLo"
            }
        }

        public var fileName: String { name + ".csv" }

        public var columns: [String] {
            switch self {
            case .header: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
            case .episodes:
                [
                    "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                    "REASON_PLACE_CHANGE",
                    "HOME_POST", "PL_POST", "URN",
                ]
            case .reviews: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
            case .uasc: ["CHILD", "SEX", "DOB", "DUC"]
            case .missing: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]
            case .oc2:
                [
                    "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
                    "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
                    "INTERVENTION_OFFERED",
                ]
            case .oc3: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]
            case .ad1:
                ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]
            case .placedAdoption: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]
            case .previousPermanence: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]
            case .socialWorkers: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]
            case .dolo: ["CHILD", "DOB", "DOLO_START", "DOLO_END"]
            }
        }

        public static func < (a: Table, b: Table) -> Bool { a.rawValue < b.rawValue }
    }
}
