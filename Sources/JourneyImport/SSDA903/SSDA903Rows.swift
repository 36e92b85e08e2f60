import JourneyCore

/// SSDA903 reason for new episode (RNE): what changed on the day the episode began.
enum ReasonForNewEpisode: String, Sendable {
    /// Started to be looked after.
    case S
    /// Change of legal status only.
    case L
    /// Change of placement and carer(s) only.
    case P
    /// Change of placement but the same carer(s) only.
    case T
    /// Change of legal status and of placement, with the same carer(s).
    case U
    /// Change of legal status and of placement and carer(s).
    case B

    var changesPlacement: Bool { self == .P || self == .T || self == .U || self == .B }
    var changesLegalStatus: Bool { self == .L || self == .U || self == .B }
    /// `T` and `U`: the placement changed but the carer did not (events.md: `sameCarer`).
    var isSameCarer: Bool { self == .T || self == .U }
}

/// What identifies a placement in the return: the return has no carer id, so a return to the same placement after a
/// temporary one is recognised by the same placement type, provider, postcode and URN.
struct PlacementDetails: Hashable, Sendable {
    var type: PlacementType
    var provider: PlacementProvider?
    var postcode: String?
    var urn: String?

    var isTemporary: Bool { type.isTemporary }
}

/// A row of the header table: the child's characteristics.
struct HeaderRow: Hashable, Sendable {
    var line: Int
    var details: ChildDetails
    /// MOTHER (`0`, `1`) and MC_DOB, when MOTHER is given.
    var motherhood: Motherhood?

    struct Motherhood: Hashable, Sendable {
        var isMother: Bool
        var firstChildBirthDate: CalendarDate?
    }

    func isSame(as other: HeaderRow) -> Bool { details == other.details && motherhood == other.motherhood }
}

/// A row of the episodes table: an episode of care, from the day something changed (DECOM) to the day the next
/// change came or care ended (DEC).
struct EpisodeRow: Hashable, Sendable {
    var line: Int
    var start: CalendarDate
    var reason: ReasonForNewEpisode
    var legalStatus: LegalStatus
    var need: CareNeed
    var placement: PlacementDetails
    var end: CalendarDate?
    /// HOME_POST: the child's home postcode.
    var homePostcode: String?
    /// REC: read only when the episode has ceased (DEC given).
    var endReason: CareEndReason?
    var placementChangeReason: PlacementChangeReason?

    func isSame(as other: EpisodeRow) -> Bool {
        var a = self
        a.line = other.line
        return a == other
    }
}

/// A row of the reviews table: a looked-after review.
struct ReviewRow: Hashable, Sendable {
    /// The file, for a rejection found only once the child's periods of care are known.
    var file: String
    var line: Int
    var date: CalendarDate
    var participation: ReviewParticipation?

    func isSame(as other: ReviewRow) -> Bool { date == other.date && participation == other.participation }
}

/// A row of the missing table: an episode of going missing (`M`) or away without authorisation (`A`).
struct MissingRow: Hashable, Sendable {
    var line: Int
    var kind: MissingKind
    var start: CalendarDate
    var end: CalendarDate?

    func isSame(as other: MissingRow) -> Bool { kind == other.kind && start == other.start && end == other.end }
}

/// A row of the UASC table: the child was an unaccompanied asylum-seeking child until DUC.
struct UASCRow: Hashable, Sendable {
    var line: Int
    /// DUC: the date the child ceased to be UASC.
    var ceased: CalendarDate

    func isSame(as other: UASCRow) -> Bool { ceased == other.ceased }
}

extension CSVRow {
    /// The CHILD column: the child's pseudonymous local identifier.
    mutating func childID() -> ChildID? {
        guard let value = required("CHILD") else { return nil }
        if let problem = ChildID.problem(with: value) {
            self.problem("CHILD", problem)
            return nil
        }
        child = ChildID(value)
        return child
    }

    mutating func headerRow() -> HeaderRow? {
        var details = ChildDetails()
        if let text = text("SEX") {
            let (known, sex) = ReturnValues.sex(text)
            if known { details.sex = sex } else { drop("SEX", ReturnValues.sexProblem) }
        }
        details.birthDate = date("DOB", required: false)
        details.ethnicity = code("ETHNIC", required: false)
        if let text = text("UPN") {
            let (valid, upn) = ReturnValues.upn(text)
            if valid { details.upn = upn } else { drop("UPN", ReturnValues.upnProblem) }
        }
        let motherhood = motherhood(sex: details.sex)
        return problems.isEmpty ? HeaderRow(line: line, details: details, motherhood: motherhood) : nil
    }

    /// MOTHER and MC_DOB. MOTHER other than `0` or `1`, or given for a boy, is left out (903 rule 165), as is an
    /// MC_DOB that is not a date (171), given for a boy (174) or without MOTHER `1` (612): the child is kept.
    mutating func motherhood(sex: Sex?) -> HeaderRow.Motherhood? {
        let isBoy = sex?.rawValue == "M"
        var isMother: Bool?
        if let text = text("MOTHER") {
            switch text {
            case "0": isMother = false
            case "1": isMother = true
            default: drop("MOTHER", ReturnValues.problem(text, isNot: "0 (not a mother) or 1 (a mother)"))
            }
            if isBoy && isMother != nil {
                drop("MOTHER", "is given for a boy: the 903 asks it of girls only", rule: "903 165")
                isMother = nil
            }
        }
        var born: CalendarDate?
        if text("MC_DOB") != nil {
            born = date("MC_DOB", required: false)
            if born != nil && isBoy {
                drop("MC_DOB", "is given for a boy", rule: "903 174")
                born = nil
            } else if born != nil && isMother != true {
                drop("MC_DOB", "is given but MOTHER does not say that the child is a mother", rule: "903 612")
                born = nil
            }
        }
        return isMother.map { HeaderRow.Motherhood(isMother: $0, firstChildBirthDate: $0 ? born : nil) }
    }
}

extension CSVRow {
    /// Reads an episode; `problems` says why when it returns `nil`. REC is read only with DEC: the return gives the
    /// reason an episode ceased only once it has (an open episode's REC, which some exports fill, is ignored).
    mutating func episodeRow() -> (row: EpisodeRow?, ignoredREC: Bool) {
        let start = date("DECOM", required: true)
        var reason: ReasonForNewEpisode?
        if let text = required("RNE") {
            reason = ReasonForNewEpisode(rawValue: text.uppercased())
            if reason == nil {
                problem("RNE", ReturnValues.problem(text, isNot: "a reason for new episode (S, L, P, T, U, B)"))
            }
        }
        let legalStatus: LegalStatus? = code("LS", required: true)
        let need: CareNeed? = code("CIN", required: true)
        let type: PlacementType? = code("PLACE", required: true)
        let provider: PlacementProvider? = code("PLACE_PROVIDER", required: false)
        // The end and its reason are never left out: without them the period or placement would read as open.
        let end = date("DEC", required: false, leavingOut: false)
        var endReason: CareEndReason?
        var ignoredREC = false
        if end != nil {
            endReason = code("REC", required: false, leavingOut: false)
            if text("REC") == nil {
                problem("REC", "is missing although DEC is given: a ceased episode needs its reason")
            }
        } else if text("REC") != nil {
            ignoredREC = true
        }
        let change: PlacementChangeReason? = code("REASON_PLACE_CHANGE", required: false)
        let postcode = freeText("PL_POST")
        var homePostcode = freeText("HOME_POST")
        if let value = homePostcode, value.utf8.count > 8 {
            drop("HOME_POST", "is longer than 8 characters: not a postcode")
            homePostcode = nil
        }
        var urn = freeText("URN")
        // XXXXXXX: the DfE's "no URN" (a placement with no Ofsted registration).
        if urn?.uppercased() == "XXXXXXX" { urn = nil }
        guard problems.isEmpty, let start, let reason, let legalStatus, let need, let type else { return (nil, false) }
        let placement = PlacementDetails(type: type, provider: provider, postcode: postcode, urn: urn)
        return (
            EpisodeRow(
                line: line, start: start, reason: reason, legalStatus: legalStatus, need: need, placement: placement,
                end: end, homePostcode: homePostcode, endReason: endReason, placementChangeReason: change),
            ignoredREC
        )
    }

    mutating func reviewRow() -> ReviewRow? {
        let date = date("REVIEW", required: true)
        let participation: ReviewParticipation? = code("REVIEW_CODE", required: false)
        guard problems.isEmpty, let date else { return nil }
        return ReviewRow(file: file, line: line, date: date, participation: participation)
    }

    mutating func missingRow() -> MissingRow? {
        var kind: MissingKind?
        if let text = required("MISSING") {
            switch text.uppercased() {
            case "M": kind = MissingKind("missing")
            case "A": kind = MissingKind("away")
            default:
                problem("MISSING", ReturnValues.problem(text, isNot: "M (missing) or A (away without authorisation)"))
            }
        }
        let start = date("MIS_START", required: true)
        let end = date("MIS_END", required: false, leavingOut: false)
        guard problems.isEmpty, let kind, let start else { return nil }
        return MissingRow(line: line, kind: kind, start: start, end: end)
    }

    mutating func uascRow() -> UASCRow? {
        let ceased = date("DUC", required: true)
        guard problems.isEmpty, let ceased else { return nil }
        return UASCRow(line: line, ceased: ceased)
    }
}
