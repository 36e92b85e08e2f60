import JourneyCore

/// The rows of an Annex A, child by child, read into what they say, and the facts they state.
///
/// Annex A does not link an assessment, enquiry or plan to its referral: each names the child's latest referral on
/// or before its start among lists 3 and 6 (the episode it belongs to, as the CIN census nests them).
struct AnnexARows {
    struct Referral {
        var source: ReferralSource?
        var isNFA: Bool?
        var need: PrimaryNeed?
        var closure: (date: CalendarDate, reason: ClosureReason)?
        var line = 0
    }
    struct Contact {
        var date: CalendarDate
        var source: ReferralSource
        var line: Int
    }
    struct Assessment {
        var start: CalendarDate
        var authorised: CalendarDate?
        var requiresSupport: Bool?
        var line: Int
    }
    struct Enquiry {
        var start: CalendarDate
        var isUnnecessary: Bool?
        var conference: CalendarDate?
        var isPlan: Bool?
        var line: Int
    }
    struct Plan {
        var start: CalendarDate
        var initial: AbuseCategory
        var latest: AbuseCategory?
        var review: CalendarDate?
        var end: CalendarDate?
        var previous: Int?
        var line: Int
    }
    struct Care {
        var start: CalendarDate
        var need: CareNeed
        var isUASC: Bool
        var status: LegalStatus
        var statusStart: CalendarDate?
        var review: CalendarDate?
        var health: CalendarDate?
        var dental: CalendarDate?
        var end: (date: CalendarDate, reason: CareEndReason)?
        var placement:
            (
                start: CalendarDate, type: PlacementType, provider: PlacementProvider?, postcode: String?,
                urn: String?
            )?
        var line: Int
    }
    /// List 9's latest contact with a care leaver.
    struct LeaverContact {
        var date: CalendarDate
        var inTouch: CareLeaverContactStatus
        var activity: CareLeaverActivity?
        var accommodation: CareLeaverAccommodation?
        var line: Int
    }
    /// A row of list 10: an adoption, named by its decision.
    struct Adoption {
        var decided: CalendarDate
        var placementOrder: CalendarDate?
        var placed: CalendarDate?
        var order: CalendarDate?
        var reversed: (date: CalendarDate, reason: AdoptionReversalReason)?
        var line: Int
    }
    /// What a child's row of list 9 says is the latest, by tag (`clc` contact, `ppr` pathway plan review), and the
    /// adoptions list 10 gives the child, by the compact date of their decision: what an earlier extract's facts of
    /// the child are compared with.
    struct Stated {
        var latest: [String: CalendarDate] = [:]
        var adoptions: Set<String> = []
    }
    struct Child {
        var details: ChildDetails?
        var line = 0
        var contacts: [Contact] = []
        var referrals: [CalendarDate: Referral] = [:]
        var assessments: [CalendarDate: Assessment] = [:]
        var enquiries: [CalendarDate: Enquiry] = [:]
        var plans: [CalendarDate: Plan] = [:]
        var care: [CalendarDate: Care] = [:]
        var leaverContacts: [CalendarDate: LeaverContact] = [:]
        var pathwayReviews: [CalendarDate: Int] = [:]
        var adviser: (name: String, line: Int)?
        var adoptions: [CalendarDate: Adoption] = [:]
        var stated = Stated()
    }

    /// The list that states each kind of fact, by the tag of its key.
    static let listOfTag: [String: Int] = [
        "con": 1, "ref": 3, "as": 4, "ac": 4, "ss": 5, "sc": 5, "si": 5, "cls": 6, "ps": 7, "pc": 7, "pr": 7, "pe": 7,
        "cs": 8, "ls": 8, "pl": 8, "cr": 8, "ha": 8, "dc": 8, "ce": 8, "clc": 9, "ppr": 9, "ad": 10, "apo": 10,
        "apl": 10, "aao": 10, "adr": 10,
    ]
    /// The steps of an adoption after its decision: their keys carry the decision's date.
    static let adoptionSteps: Set<String> = ["apo", "apl", "aao", "adr"]

    let file: String
    /// The day the lists were extracted: the date of a personal adviser Annex A names (it gives who, not since when).
    let extracted: CalendarDate
    var children: [ChildID: Child] = [:]
    var rejected: [RejectedRecord] = []
    var rejectedByList: [Int: [ImportProblem]] = [:]
    var valuesByList: [Int: [ImportProblem]] = [:]
    /// The dates each kind of fact spans in this extract, by tag: what an earlier extract's facts are compared in.
    var spans: [String: ClosedRange<CalendarDate>] = [:]
    /// Facts that found no referral on or before them.
    var unlinked = 0

    init(file: String, extracted: CalendarDate) {
        self.file = file
        self.extracted = extracted
    }

    /// One row being read: its values, and its problems.
    struct Reader {
        let table: AnnexATable
        let fields: [String]
        let line: Int
        let file: String
        var child: ChildID?
        var problems: [ImportProblem] = []
        var dropped: [ImportProblem] = []

        func text(_ c: AnnexAColumn) -> String? { table.value(c, fields) }

        mutating func problem(_ c: AnnexAColumn?, _ message: String, dropping: Bool = false) {
            let heading = c.map { col in
                table.columns[col].map { "column \($0 + 1), \(table.headings[$0])" } ?? col.rawValue
            }
            let p = ImportProblem(
                file: file, line: line, record: table.name, child: child, field: heading, message: message,
                rule: "Annex A")
            if dropping { dropped.append(p) } else { problems.append(p) }
        }

        mutating func date(_ c: AnnexAColumn, required: Bool = false, dropping: Bool = false) -> CalendarDate? {
            guard let t = text(c) else {
                if required { problem(c, table.columns[c] == nil ? "the list has no such column" : "is missing") }
                return nil
            }
            guard let d = AnnexAValues.date(t) else {
                problem(c, "is not a date (dd/mm/yyyy, yyyy-mm-dd or an Excel date)", dropping: dropping)
                return nil
            }
            return d
        }

        mutating func code<List: CodeList>(
            _ c: AnnexAColumn, _ list: List.Type, required: Bool = false, dropping: Bool = false,
            words: [String: String] = [:]
        ) -> Code<List>? {
            guard let t = text(c) else {
                if required { problem(c, table.columns[c] == nil ? "the list has no such column" : "is missing") }
                return nil
            }
            guard let code = AnnexAValues.code(t, list, words: words) else {
                if !required && AnnexAValues.isUnknown(t) { return nil }
                problem(c, "is not \(List.name)", dropping: dropping)
                return nil
            }
            return code
        }

        /// The accommodation code from its letter ("Type of Accommodation") and digit ("Suitability of
        /// Accommodation"), or the code itself in the first (`U1`). `S` and `X` are never suitable (the 903 has no
        /// `S1` or `X1`), so their digit is 2 whatever the suitability says.
        mutating func accommodation() -> CareLeaverAccommodation? {
            guard let t = text(.accommodation) else { return nil }
            if let code = AnnexAValues.code(t, CareLeaverAccommodations.self) { return code }
            guard let letter = AnnexAValues.accommodationLetter(t) else {
                if !AnnexAValues.isUnknown(t) { problem(.accommodation, "is not an accommodation", dropping: true) }
                return nil
            }
            if letter == "S" || letter == "X" { return CareLeaverAccommodation(String(letter) + "2") }
            guard let s = text(.suitability), let isSuitable = AnnexAValues.isSuitable(s) else {
                let bad = text(.suitability).map { !AnnexAValues.isUnknown($0) } ?? false
                problem(
                    .suitability,
                    bad
                        ? "is not suitable or unsuitable"
                        : "is missing: the accommodation's code needs whether it is suitable", dropping: true)
                return nil
            }
            return CareLeaverAccommodation(String(letter) + (isSuitable ? "1" : "2"))
        }

        mutating func yesNo(_ c: AnnexAColumn) -> Bool? {
            guard let t = text(c) else { return nil }
            if let b = AnnexAValues.yesNo(t) { return b }
            if !AnnexAValues.isUnknown(t) { problem(c, "is not yes or no", dropping: true) }
            return nil
        }
    }

    mutating func add(_ table: AnnexATable) {
        for (line, fields) in table.rows {
            var r = Reader(table: table, fields: fields, line: line, file: table.file)
            guard let id = r.text(.child) else {
                r.problem(.child, table.columns[.child] == nil ? "the list has no such column" : "is missing")
                reject(table.list, r)
                continue
            }
            if let problem = ChildID.problem(with: id) {
                r.problem(.child, problem + " (the log holds 1–20 of A–Z, a–z, 0–9, _ and -)")
                reject(table.list, r)
                continue
            }
            let child = ChildID(id)
            r.child = child
            readDetails(&r, child)
            switch table.list {
            case 1:
                if let date = r.date(.contactDate, required: true),
                    let source = r.code(
                        .contactSource, ReferralSources.self, required: true,
                        words: AnnexAValues.sourceWords)
                {
                    if r.problems.isEmpty {
                        children[child, default: Child()].contacts.append(
                            Contact(date: date, source: source, line: line))
                        cover("con", date)
                    }
                }
            case 3:
                let date = r.date(.referralDate, required: true)
                let source = r.code(.referralSource, ReferralSources.self, words: AnnexAValues.sourceWords)
                let nfa = r.yesNo(.referralNFA)
                if let date, r.problems.isEmpty {
                    var ref = children[child, default: Child()].referrals[date] ?? Referral()
                    ref.source = source ?? ref.source
                    ref.isNFA = nfa
                    ref.line = line
                    children[child]!.referrals[date] = ref
                    cover("ref", date)
                }
            case 4:
                let start = r.date(.assessmentStart, required: true)
                let authorised = r.date(.assessmentAuthorised)
                let support = r.yesNo(.requiresSupport)
                if let start, r.problems.isEmpty {
                    children[child, default: Child()].assessments[start] = Assessment(
                        start: start, authorised: authorised, requiresSupport: support, line: line)
                    cover("as", start)
                }
            case 5:
                let start = r.date(.s47Start, required: true)
                let unnecessary = r.yesNo(.icpcUnnecessary)
                let conference = r.date(.icpcDate)
                let plan = r.yesNo(.icpcPlan)
                if let start, r.problems.isEmpty {
                    children[child, default: Child()].enquiries[start] = Enquiry(
                        start: start, isUnnecessary: unnecessary, conference: conference, isPlan: plan, line: line)
                    cover("ss", start)
                }
            case 6:
                let start = r.date(.cinStart, required: true)
                let need = r.code(.need, PrimaryNeeds.self, dropping: true)
                let closed = r.date(.cinClosure)
                let reason = r.code(.closureReason, ClosureReasons.self)
                if closed != nil && reason == nil && r.problems.isEmpty {
                    r.problem(.closureReason, "is missing although the CIN closure date is given")
                }
                if let start, r.problems.isEmpty {
                    var ref = children[child, default: Child()].referrals[start] ?? Referral(line: line)
                    ref.need = need ?? ref.need
                    if ref.isNFA == nil { ref.isNFA = false }
                    ref.closure = closed.flatMap { c in reason.map { (c, $0) } }
                    children[child]!.referrals[start] = ref
                    cover("ref", start)
                    if let closed { cover("cls", closed) }
                }
            case 7:
                let start = r.date(.cpStart, required: true)
                let initial = r.code(
                    .initialCategory, AbuseCategories.self, required: true, words: AnnexAValues.abuseWords)
                let latest = r.code(
                    .latestCategory, AbuseCategories.self, dropping: true, words: AnnexAValues.abuseWords)
                let review = r.date(.reviewConference, dropping: true)
                let end = r.date(.cpEnd)
                var previous: Int?
                if let t = r.text(.previousPlans) {
                    previous = Int(t).flatMap { $0 >= 0 ? $0 : nil }
                    if previous == nil { r.problem(.previousPlans, "is not a whole number, 0 or more", dropping: true) }
                }
                if let start, let initial, r.problems.isEmpty {
                    children[child, default: Child()].plans[start] = Plan(
                        start: start, initial: initial, latest: latest, review: review, end: end, previous: previous,
                        line: line)
                    cover("ps", start)
                }
            case 8:
                let start = r.date(.careStart, required: true)
                let need = r.code(.need, CareNeeds.self, required: true)
                let status = r.code(.legalStatus, LegalStatuses.self, required: true)
                let statusStart = r.date(.legalStatusStart, dropping: true)
                let uasc = r.yesNo(.uasc) ?? false
                let review = r.date(.latestReview, dropping: true)
                let health = r.date(.healthAssessment, dropping: true)
                let dental = r.date(.dentalCheck, dropping: true)
                let end = r.date(.careEnd)
                let endReason = r.code(.careEndReason, CareEndReasons.self)
                if end != nil && endReason == nil && r.problems.isEmpty {
                    r.problem(.careEndReason, "is missing although the date ceased to be looked after is given")
                }
                let placementStart = r.date(.placementStart, dropping: true)
                let type = r.code(.placementType, PlacementTypes.self, dropping: true)
                let provider = r.code(.provider, PlacementProviders.self, dropping: true)
                if let start, let need, let status, r.problems.isEmpty {
                    var care = Care(
                        start: start, need: need, isUASC: uasc, status: status, statusStart: statusStart,
                        review: review, health: health, dental: dental,
                        end: end.flatMap { e in endReason.map { (e, $0) } }, placement: nil, line: line)
                    if let placementStart, let type {
                        care.placement = (placementStart, type, provider, r.text(.postcode), r.text(.urn))
                    }
                    children[child, default: Child()].care[start] = care
                    cover("cs", start)
                }
            case 9:
                // The latest contact: its date and what it found, one `care-leaver.contacted`. A contact with no date,
                // or a date with no in-touch answer, cannot be an event: the values are left out, the row kept.
                let adviser = r.text(.personalAdviser)
                let review = r.date(.pathwayReview, dropping: true)
                let contactDate = r.date(.leaverContactDate, dropping: true)
                let inTouch = r.code(
                    .inTouch, CareLeaverContactStatuses.self, dropping: true, words: AnnexAValues.inTouchWords)
                let activity = r.code(.activity, CareLeaverActivities.self, dropping: true)
                let accommodation = r.accommodation()
                if contactDate != nil && inTouch == nil && r.text(.inTouch) == nil {
                    r.problem(.inTouch, "is missing although the latest date of contact is given", dropping: true)
                }
                if contactDate == nil && r.text(.leaverContactDate) == nil
                    && (inTouch != nil || activity != nil || accommodation != nil)
                {
                    r.problem(
                        .leaverContactDate, "is missing although the contact's findings are given", dropping: true)
                }
                if r.problems.isEmpty {
                    var c = children[child, default: Child()]
                    if let adviser { c.adviser = (adviser, line) }
                    if let review {
                        c.pathwayReviews[review] = line
                        c.stated.latest["ppr"] = max(c.stated.latest["ppr"] ?? review, review)
                    }
                    if let contactDate, let inTouch {
                        c.leaverContacts[contactDate] = LeaverContact(
                            date: contactDate, inTouch: inTouch, activity: activity, accommodation: accommodation,
                            line: line)
                        c.stated.latest["clc"] = max(c.stated.latest["clc"] ?? contactDate, contactDate)
                    }
                    children[child] = c
                }
            case 10:
                let decided = r.date(.adoptionDecision, required: true)
                let placementOrder = r.date(.placementOrder, dropping: true)
                let placed = r.date(.placedForAdoption, dropping: true)
                // The order and the reversal end the adoption: one that cannot be read rejects the row rather than
                // leave the adoption open, as list 8's end of care does.
                let order = r.date(.adoptionOrder)
                let reversed = r.date(.decisionReversed)
                let reason = r.code(.reversalReason, AdoptionReversalReasons.self, words: AnnexAValues.reversalWords)
                if reversed != nil && reason == nil && r.problems.isEmpty {
                    r.problem(
                        .reversalReason, "is missing although the date of decision no longer placed is given")
                }
                if let decided, r.problems.isEmpty {
                    children[child, default: Child()].adoptions[decided] = Adoption(
                        decided: decided, placementOrder: placementOrder, placed: placed, order: order,
                        reversed: reversed.flatMap { d in reason.map { (d, $0) } }, line: line)
                    children[child]!.stated.adoptions.insert(FactKey.compact(decided))
                    cover("ad", decided)
                }
            default: break
            }
            if !r.problems.isEmpty {
                reject(table.list, r)
            } else if !r.dropped.isEmpty {
                valuesByList[table.list, default: []] += r.dropped
                rejected.append(RejectedRecord(problems: r.dropped, fields: nil))
            }
        }
    }

    private mutating func readDetails(_ r: inout Reader, _ child: ChildID) {
        guard children[child]?.details == nil else { return }
        var details = ChildDetails()
        details.birthDate = r.date(.birthDate, dropping: true)
        if let t = r.text(.sex) {
            let (known, sex) = AnnexAValues.sex(t)
            if known {
                details.sex = sex
            } else {
                r.problem(.sex, "is not a sex (male, female, not stated)", dropping: true)
            }
        }
        details.ethnicity = r.code(.ethnicity, Ethnicities.self, dropping: true, words: AnnexAValues.ethnicityWords)
        children[child, default: Child()].details = details
        children[child]!.line = r.line
    }

    private mutating func reject(_ list: Int, _ r: Reader) {
        rejectedByList[list, default: []] += r.problems
        rejected.append(RejectedRecord(problems: r.problems + r.dropped, fields: nil))
    }

    private mutating func cover(_ tag: String, _ date: CalendarDate) {
        let tags: [String] =
            switch tag {
            case "as": ["as", "ac"]
            case "ss": ["ss", "sc", "si"]
            case "ps": ["ps", "pc", "pr", "pe"]
            case "cs": ["cs", "ls", "pl", "cr", "ha", "dc", "ce"]
            default: [tag]
            }
        for t in tags {
            spans[t] = spans[t].map { min($0.lowerBound, date)...max($0.upperBound, date) } ?? date...date
        }
    }

    /// The facts of one child, parents first.
    mutating func facts(of child: ChildID, known: FactIndex.ChildFacts, isRegisteredElsewhere: Bool) -> [Fact] {
        guard let c = children[child] else { return [] }
        var facts: [Fact] = []
        func fact(
            _ tag: String, _ dates: [CalendarDate], _ occurred: CalendarDate, _ body: EventBody, _ list: Int,
            _ line: Int
        ) {
            let key = (["aa", child.rawValue, tag] + dates.map(FactKey.compact)).joined(separator: ".")
            facts.append(
                Fact(
                    key: key, child: child, occurred: occurred, body: body, table: AnnexAImporter.tableOfList[list]!,
                    line: line))
        }
        func iso(_ d: CalendarDate) -> String { d.description }
        let referralDates = c.referrals.keys.sorted()
        var unlinked = 0
        func referral(on date: CalendarDate) -> ReferralID {
            if let r = referralDates.last(where: { $0 <= date }) { return ReferralID("ref-" + iso(r)) }
            unlinked += 1
            return ReferralID("ref-" + iso(date))
        }

        var contactsByDay: [CalendarDate: Int] = [:]
        for contact in c.contacts.sorted(by: { ($0.date, $0.line) < ($1.date, $1.line) }) {
            let n = contactsByDay[contact.date, default: 0]
            contactsByDay[contact.date] = n + 1
            let suffix = n == 0 ? "" : "-\(n + 1)"
            fact(
                "con" + (n == 0 ? "" : "\(n + 1)"), [contact.date], contact.date,
                .contactReceived(
                    ContactReceived(
                        contact: ContactID("contact-" + iso(contact.date) + suffix),
                        source: contact.source)), 1, contact.line)
        }
        for date in referralDates {
            let r = c.referrals[date]!
            let id = ReferralID("ref-" + iso(date))
            // A referral known only from list 6 (received before list 3's window) has no source in Annex A: 10,
            // the census code for a source not known.
            fact(
                "ref", [date], date,
                .referralReceived(
                    ReferralReceived(
                        referral: id, source: r.source ?? ReferralSource("10")!, primaryNeed: r.need,
                        isNFA: r.isNFA ?? false)), 3, r.line)
            if let closure = r.closure {
                fact("cls", [date], closure.date, .caseClosed(referral: id, reason: closure.reason), 6, r.line)
            }
        }
        for a in c.assessments.values.sorted(by: { $0.start < $1.start }) {
            let id = AssessmentID("assessment-" + iso(a.start))
            fact(
                "as", [a.start], a.start, .assessmentStarted(assessment: id, referral: referral(on: a.start)), 4, a.line
            )
            if let done = a.authorised {
                // Annex A says only whether support was needed: yes reads as a child in need, no as no further action.
                let outcome = a.requiresSupport.map { AssessmentOutcome($0 ? "cin" : "no-further-action")! }
                fact(
                    "ac", [a.start], done,
                    .assessmentCompleted(AssessmentCompleted(assessment: id, outcome: outcome)), 4, a.line)
            }
        }
        for e in c.enquiries.values.sorted(by: { $0.start < $1.start }) {
            let id = S47ID("s47-" + iso(e.start))
            let ref = referral(on: e.start)
            fact("ss", [e.start], e.start, .s47Started(s47: id, referral: ref, strategy: nil), 5, e.line)
            if e.isUnnecessary == true {
                fact("sc", [e.start], e.start, .s47Completed(s47: id, icpcRequired: false), 5, e.line)
            } else if e.isUnnecessary == false {
                fact("sc", [e.start], e.conference ?? e.start, .s47Completed(s47: id, icpcRequired: true), 5, e.line)
            }
            if let conference = e.conference {
                let outcome = ConferenceOutcome(e.isPlan == true ? "plan" : "no-plan")!
                fact("si", [e.start], conference, .icpcHeld(s47: id, referral: ref, outcome: outcome), 5, e.line)
            }
        }
        for p in c.plans.values.sorted(by: { $0.start < $1.start }) {
            let id = PlanID("cp-plan-" + iso(p.start))
            fact(
                "ps", [p.start], p.start,
                .cpPlanStarted(
                    CPPlanStarted(
                        plan: id, referral: referral(on: p.start), category: p.initial, previousPlans: p.previous)),
                7, p.line)
            if let review = p.review {
                fact("pr", [p.start, review], review, .cpPlanReviewed(plan: id), 7, p.line)
            }
            if let latest = p.latest, latest != p.initial {
                // Annex A gives the latest category but not when it changed: at the latest review, as the CIN census
                // import reads it, or the start.
                fact(
                    "pc", [p.start], p.review ?? p.start, .cpPlanCategoryChanged(plan: id, category: latest), 7, p.line)
            }
            if let end = p.end { fact("pe", [p.start], end, .cpPlanEnded(plan: id), 7, p.line) }
        }
        for care in c.care.values.sorted(by: { $0.start < $1.start }) {
            let period = PeriodID("period-" + iso(care.start))
            let s = care.start
            // Annex A gives the current legal status, not the one care started under: it is read as held from the
            // start, and as changed on its own start date when that is later.
            fact(
                "cs", [s], s,
                .careStarted(
                    CareStarted(period: period, legalStatus: care.status, needCode: care.need, isUASC: care.isUASC)),
                8, care.line)
            if let statusStart = care.statusStart, statusStart > s {
                fact(
                    "ls", [s], statusStart, .legalStatusChanged(period: period, legalStatus: care.status), 8, care.line)
            }
            if let p = care.placement {
                fact(
                    "pl", [s, p.start], p.start,
                    .placementStarted(
                        PlacementStarted(
                            placement: PlacementID("placement-" + iso(p.start)), period: period, placementType: p.type,
                            provider: p.provider, postcode: p.postcode, urn: p.urn)), 8, care.line)
            }
            if let review = care.review {
                fact("cr", [s, review], review, .careReviewed(period: period, participation: nil), 8, care.line)
            }
            if let d = care.health { fact("ha", [d], d, .healthAssessmentCompleted, 8, care.line) }
            if let d = care.dental { fact("dc", [d], d, .dentalCheckCompleted, 8, care.line) }
            if let end = care.end {
                fact("ce", [s], end.date, .careEnded(period: period, reason: end.reason), 8, care.line)
            }
        }
        for (date, line) in c.pathwayReviews.sorted(by: { $0.key < $1.key }) {
            fact("ppr", [date], date, .pathwayPlanReviewed, 9, line)
        }
        for contact in c.leaverContacts.values.sorted(by: { $0.date < $1.date }) {
            fact(
                "clc", [contact.date], contact.date,
                .careLeaverContacted(
                    CareLeaverContacted(
                        inTouch: contact.inTouch, activity: contact.activity, accommodation: contact.accommodation)), 9,
                contact.line)
        }
        if let adviser = c.adviser {
            // Annex A names the adviser, not since when: the allocation is dated on the first extract that names
            // them (the log then holds them from that day at the latest). An extract naming the adviser already in
            // force by earlier imports states that allocation again; one naming another is a new allocation.
            let current = known.facts.filter { key, fact in
                FactKey.tag(of: key) == "pa" && !fact.isRetracted && fact.importedOccurred <= extracted
            }.max { ($0.value.importedOccurred, $0.value.position) < ($1.value.importedOccurred, $1.value.position) }
            if let (key, fact) = current, case .personalAdviserAllocated(let name) = known.bodies[key],
                name == adviser.name
            {
                facts.append(
                    Fact(
                        key: key, child: child, occurred: fact.importedOccurred,
                        body: .personalAdviserAllocated(adviser: name), table: AnnexAImporter.tableOfList[9]!,
                        line: adviser.line))
            } else {
                fact("pa", [extracted], extracted, .personalAdviserAllocated(adviser: adviser.name), 9, adviser.line)
            }
        }
        for a in c.adoptions.values.sorted(by: { $0.decided < $1.decided }) {
            let id = AdoptionID("adoption-" + iso(a.decided))
            let d = a.decided
            fact("ad", [d], d, .adoptionDecided(adoption: id), 10, a.line)
            if let po = a.placementOrder { fact("apo", [d], po, .placementOrderGranted(adoption: id), 10, a.line) }
            if let placed = a.placed {
                fact("apl", [d], placed, .adoptionPlaced(adoption: id, placement: nil), 10, a.line)
            }
            if let order = a.order { fact("aao", [d], order, .adoptionOrderGranted(adoption: id), 10, a.line) }
            if let r = a.reversed {
                fact("adr", [d], r.date, .adoptionDecisionReversed(adoption: id, reason: r.reason), 10, a.line)
            }
        }
        self.unlinked += unlinked
        // Duplicate keys (a health assessment on two rows of the child) are stated once.
        var seen: Set<String> = []
        facts = facts.filter { seen.insert($0.key).inserted }
        if let details = c.details {
            let key = FactKey.make("aa", child, "reg")
            let existing = known[key]
            let occurred =
                (facts.map(\.occurred) + known.facts.values.filter { !$0.isRetracted }.map(\.occurred)).min()
                ?? extractedFallback(facts)
            let isUpdate = existing.map { $0.type == .childUpdated } ?? isRegisteredElsewhere
            facts.insert(
                Fact(
                    key: key, child: child, occurred: existing.map { min($0.importedOccurred, occurred) } ?? occurred,
                    body: isUpdate ? .childUpdated(details) : .childRegistered(details),
                    table: AnnexAImporter.childrenTable, line: c.line),
                at: 0)
        }
        // In date order, a fact before those of its day stated after it (a referral before its assessment): the
        // replay reads a child's events in log order.
        return facts.enumerated().sorted { ($0.element.occurred, $0.offset) < ($1.element.occurred, $1.offset) }
            .map(\.element)
    }

    private func extractedFallback(_ facts: [Fact]) -> CalendarDate {
        facts.map(\.occurred).min() ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}
