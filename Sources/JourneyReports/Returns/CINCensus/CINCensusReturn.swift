import JourneyCore
import JourneyProjections

/// A CIN census return: the children in its scope, each with what the census's modules hold, from the records of
/// the log as known at a time, and the fields that had to be left blank or given a default.
///
/// Who is in scope (the DfE's CIN census guide, "Scope", and the validation rules that police it):
/// - an episode of need (`CINdetails`) is returned when its referral was received on or before 31 March and it was
///   not closed before 1 April: referred in the year, or open at its start (cases open between 1 April and
///   31 March);
/// - a referral with no further action (`nfa`) opens no episode: it is returned when it was received in the year
///   (the guide: children referred but with no further action are included), never from an earlier year;
/// - a child is returned with those episodes, and not at all without one.
///
/// What an episode holds: everything of it open at some time in the year, as it stood on 31 March:
/// - assessments started on or before 31 March and not authorised before 1 April (CIN 8736 then asks for the start
///   of one still not authorised to be in the year: one open across the whole year is returned and left for the
///   DfE's check to find, rather than hidden);
/// - CIN plans (from the 2022 schema) and CP plans started on or before 31 March and not ended before 1 April;
/// - section 47 enquiries started in the year, or started earlier with their initial conference in the year (CIN
///   8740: an enquiry with no conference by 31 March must have started in the year);
/// - conferences (`DateOfInitialCPC`, CIN 8715) and CP plan reviews held in the year.
///
/// A return with no child in scope cannot be written: the schema's `Children` holds one `Child` at least. The
/// command refuses it (`isEmpty`) rather than write a file the DfE's schema rejects.
///
/// Dates after 31 March are not the year's: a closure, authorisation, plan end, conference or death after it is
/// left out, so the return says what was true at the reference date (an episode closed on 3 April is open).
public struct CINCensusReturn: Sendable {
    public var schema: CINCensusSchema
    /// The children in scope, by `LAchildID`.
    public var children: [Child] = []
    /// The fields left blank or written with a default, child by child.
    public var findings: [Finding] = []

    public init(schema: CINCensusSchema) { self.schema = schema }

    /// No child in scope: `xml(_:)` would not validate (`Children` needs a `Child`).
    public var isEmpty: Bool { children.isEmpty }

    /// Builds the return from every record the body gives (records in any order; the children are sorted by id).
    public init(schema: CINCensusSchema, records: ((ChildRecord) -> Void) -> Void) {
        self.init(schema: schema)
        records { add($0) }
        sort()
    }

    /// The return of every record of `state` as known at `asKnownAt` (`nil`: as the log stands), the records read
    /// on all cores: each part of the children gathers its own, the parts are joined, and all is sorted as
    /// `init(schema:records:)` sorts it, by child (each child is one record, each finding numbered within its child).
    public init(schema: CINCensusSchema, state: JourneyState, asKnownAt: Timestamp?) {
        self = state.reduceRecords(
            asKnownAt: asKnownAt, initial: { CINCensusReturn(schema: schema) }, add: { $0.add($1) },
            merge: { all, part in
                all.children += part.children
                all.findings += part.findings
            })
        sort()
    }

    /// The children by id, and the findings by child and then in the order each child's were made.
    private mutating func sort() {
        children.sort { $0.id.rawValue < $1.id.rawValue }
        findings.sort { ($0.child.rawValue, $0.order) < ($1.child.rawValue, $1.order) }
    }

    public struct Child: Sendable, Hashable {
        public var id: ChildID
        public var upn: String?
        public var birthDate: CalendarDate?
        public var expectedBirthDate: CalendarDate?
        /// As the schema writes it (`M`, or `1` up to 2024).
        public var sex: String
        public var deathDate: CalendarDate?
        public var ethnicity: String
        /// Codes, in the code list's order; empty for no `Disabilities` element.
        public var disabilities: [String]
        public var episodes: [Episode]
    }

    public struct Episode: Sendable, Hashable {
        public var referralDate: CalendarDate
        public var referralSource: String
        public var primaryNeed: String?
        public var closureDate: CalendarDate?
        public var closureReason: String?
        public var initialConference: CalendarDate?
        public var assessments: [Assessment] = []
        public var cinPlans: [CINPlan] = []
        public var s47Enquiries: [S47Enquiry] = []
        public var isNFA: Bool
        public var cpPlans: [CPPlan] = []
    }

    public struct Assessment: Sendable, Hashable {
        public var start: CalendarDate
        public var authorised: CalendarDate?
        /// `nil`: no `FactorsIdentifiedAtAssessment`.
        public var factors: [String]?
    }

    public struct CINPlan: Sendable, Hashable {
        public var start: CalendarDate
        public var end: CalendarDate?
    }

    public struct S47Enquiry: Sendable, Hashable {
        public var start: CalendarDate
        public var initialConference: CalendarDate?
        public var isConferenceNotRequired: Bool
    }

    public struct CPPlan: Sendable, Hashable {
        public var start: CalendarDate
        public var end: CalendarDate?
        public var initialCategory: String
        public var latestCategory: String
        public var previousPlans: Int
        public var reviews: [CalendarDate]
    }

    /// A field of a child left blank, written with a default, or a record left out, and why. Data, not text: the
    /// command prints counts and, when asked, writes every one to a CSV file.
    public struct Finding: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// An optional element not written: the log does not hold it.
            case blank
            /// A required element written with the schema's code for "not known" (or a value worked out).
            case defaulted
            /// A record (an assessment, a plan, a code) not written: the schema cannot hold it as the log has it.
            case leftOut = "left out"
        }

        public var child: ChildID
        /// The element's path under `Child` (`ChildCharacteristics/Ethnicity`).
        public var field: String
        public var kind: Kind
        /// What was written instead (`NOBT`), empty when nothing.
        public var written: String
        public var reason: String
        /// The order the findings of a child were made in (keeps a child's findings in document order).
        var order: Int = 0
    }

    // MARK: Scope

    /// Adds a child's record if it is in scope.
    public mutating func add(_ record: ChildRecord) {
        let end = schema.end
        var findings = FindingList(child: record.id)
        var episodes: [Episode] = []
        let referrals = record.referrals.sorted { ($0.date, $0.position) < ($1.date, $1.position) }
        for referral in referrals where isInScope(referral) {
            episodes.append(episode(referral, of: record, &findings))
        }
        guard !episodes.isEmpty else { return }
        // Events of a thing whose start the log lacks (a completion, an end) name no referral, so no episode holds
        // them; the schema requires the start: each is left out, and reported.
        let unstarted = [
            ("Assessments", "an assessment", record.assessments.filter { $0.started == nil }.count),
            (
                "CINPlanDates", "a CIN plan",
                schema.hasCINPlanDates ? record.cinPlans.filter { $0.start == nil }.count : 0
            ),
            ("Section47", "a section 47 enquiry", record.s47Enquiries.filter { $0.started == nil }.count),
            ("ChildProtectionPlans", "a CP plan", record.cpPlans.filter { $0.start == nil }.count),
        ]
        for (element, name, count) in unstarted where count > 0 {
            for _ in 0..<count {
                findings.add("CINdetails/\(element)", .leftOut, "", "\(name) whose start the log does not hold")
            }
        }

        let ethnicity = record.ethnicity?.rawValue ?? "NOBT"
        if record.ethnicity == nil {
            findings.add(
                "ChildCharacteristics/Ethnicity", .defaulted, ethnicity,
                "no ethnicity recorded: NOBT, information not yet obtained")
        }
        var upn = record.upn
        if let text = upn, !Self.isUPN(text) {
            upn = nil
            findings.add("ChildIdentifiers/UPN", .blank, "", "the UPN recorded is not of the schema's form")
        } else if upn == nil {
            findings.add("ChildIdentifiers/UPN", .blank, "", "no UPN recorded (UPNunknown is not in the log either)")
        }
        // One of the birth date and the expected birth date (CIN 8525), the birth date once the child is born. A child
        // born after 31 March was unborn on the reference date (CIN 8520): the expected date, or failing it the birth
        // date, as expected.
        var birth = record.birthDate
        var expected = birth == nil ? record.expectedBirthDate : nil
        if let born = birth, born > end {
            birth = nil
            expected = record.expectedBirthDate ?? born
            if record.expectedBirthDate == nil {
                findings.add(
                    "ChildIdentifiers/ExpectedPersonBirthDate", .defaulted, born.description,
                    "born after 31 March with no expected birth date recorded: the birth date")
            }
        }
        if birth == nil && expected == nil {
            findings.add(
                "ChildIdentifiers/PersonBirthDate", .blank, "", "no birth date or expected birth date recorded")
        }
        // CIN 8750: an unborn child's sex is U (0 up to 2024), whatever is recorded of it.
        let (recordedSex, sexDefaulted) = schema.sexCode(record.sex)
        var sex = recordedSex
        if birth == nil && expected != nil {
            let unborn = schema.hasSex ? "U" : "0"
            if sex != unborn && record.sex != nil {
                findings.add(
                    "ChildIdentifiers/\(schema.sexElement)", .defaulted, unborn,
                    "unborn on the reference date: the schema's code for an unborn child (CIN 8750)")
            }
            sex = unborn
        }
        if sexDefaulted {
            findings.add(
                "ChildIdentifiers/\(schema.sexElement)", .defaulted, sex,
                "no sex recorded: the schema's code for not known")
        }
        let disabilities = record.disabilities.map(\.rawValue)
        if record.hasDisability == nil {
            findings.add("ChildCharacteristics/Disabilities", .blank, "", "no disabilities recorded (not even NONE)")
        }
        children.append(
            Child(
                id: record.id, upn: upn, birthDate: birth, expectedBirthDate: expected, sex: sex,
                deathDate: record.diedOn.flatMap { $0 <= end ? $0 : nil }, ethnicity: ethnicity,
                disabilities: disabilities, episodes: episodes))
        self.findings += findings.findings
    }

    /// An episode of need open at some time in the year, or a referral with no further action received in it.
    func isInScope(_ r: ChildRecord.Referral) -> Bool {
        if r.isNFA { return schema.contains(r.date) }
        return r.date <= schema.end && (r.closed.map { $0 >= schema.start } ?? true)
    }

    /// The UPN's form in the schema: a letter, 11 digits, a digit or letter.
    static func isUPN(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func isLetter(_ c: UInt8) -> Bool { (65...90).contains(c) || (97...122).contains(c) }
        func isDigit(_ c: UInt8) -> Bool { (48...57).contains(c) }
        return b.count == 13 && isLetter(b[0]) && b[1...11].allSatisfy(isDigit) && (isLetter(b[12]) || isDigit(b[12]))
    }

    /// What one episode holds in the year. Its assessments, enquiries and plans all have starts: a thing without
    /// one names no referral (`add` reports those).
    private func episode(_ referral: ChildRecord.Referral, of record: ChildRecord, _ findings: inout FindingList)
        -> Episode
    {
        let (start, end) = (schema.start, schema.end)
        let key = referral.key
        let at = referral.date.description
        func byEnd(_ date: CalendarDate?) -> CalendarDate? { date.flatMap { $0 <= end ? $0 : nil } }

        var source = referral.source.rawValue
        if !schema.allows(referral.source) {
            source = "10"
            findings.add(
                "CINdetails[\(at)]/ReferralSource", .defaulted, source,
                "\(referral.source.rawValue) is not in the \(schema.censusYear) schema: 10, unknown")
        }
        var need = referral.primaryNeed?.rawValue
        // CIN 8650 asks for a primary need of a referral that led to further action only.
        if need == nil && !referral.isNFA {
            need = "N0"
            findings.add(
                "CINdetails[\(at)]/PrimaryNeedCode", .defaulted, "N0", "no primary need recorded: N0, not stated")
        }
        let closure = byEnd(referral.closed)
        var reason = closure == nil ? nil : referral.closureReason
        if let r = reason, !schema.allows(r) {
            findings.add(
                "CINdetails[\(at)]/ReasonForClosure", .blank, "",
                "\(r.rawValue) is not in the \(schema.censusYear) schema")
            reason = nil
        }

        // Conferences of the episode held in the year (CIN 8715). Each enquiry has the earliest that names it. The
        // episode's own `DateOfInitialCPC` is the earliest that names no enquiry (a conference not after an enquiry
        // of the episode, such as a transfer-in), and none when that is the date of an enquiry's: CIN 2884 has a
        // conference recorded at one level only, and the importer reads the two as one conference.
        let conferences = record.conferences.filter { $0.referral == key && schema.contains($0.date) }
        let enquiryConferences = Set(conferences.filter { $0.s47 != nil }.map(\.date))
        let initialConference = conferences.filter { $0.s47 == nil }.map(\.date).min().flatMap {
            enquiryConferences.contains($0) ? nil : $0
        }

        var episode = Episode(
            referralDate: referral.date, referralSource: source, primaryNeed: need, closureDate: closure,
            closureReason: reason?.rawValue, initialConference: initialConference, isNFA: referral.isNFA)

        for a in record.assessments where a.referral == key {
            guard let started = a.started else { continue }
            let authorised = byEnd(a.completed)
            guard started <= end, authorised.map({ $0 >= start }) ?? true else { continue }
            var factors = authorised == nil ? nil : a.factors.map { $0.filter(schema.allows).map(\.rawValue) }
            if authorised != nil, let all = a.factors, all.count != factors?.count {
                findings.add(
                    "CINdetails[\(at)]/Assessments[\(started)]/FactorsIdentifiedAtAssessment", .leftOut, "",
                    "factors not in the \(schema.censusYear) schema: "
                        + all.filter { !schema.allows($0) }.map(\.rawValue).joined(separator: " "))
            }
            if factors?.isEmpty == true { factors = nil }
            if authorised != nil && factors == nil {
                findings.add(
                    "CINdetails[\(at)]/Assessments[\(started)]/FactorsIdentifiedAtAssessment", .blank, "",
                    "an authorised assessment with no factors recorded")
            }
            episode.assessments.append(Assessment(start: started, authorised: authorised, factors: factors))
        }
        episode.assessments.sort { $0.start < $1.start }

        if schema.hasCINPlanDates {
            for p in record.cinPlans where p.referral == key {
                guard let s = p.start else { continue }
                let e = byEnd(p.end)
                guard s <= end, e.map({ $0 >= start }) ?? true else { continue }
                episode.cinPlans.append(CINPlan(start: s, end: e))
            }
            episode.cinPlans.sort { $0.start < $1.start }
        }

        for s in record.s47Enquiries where s.referral == key {
            guard let started = s.started else { continue }
            let conference = conferences.filter { $0.s47 == s.key }.map(\.date).min()
            guard schema.contains(started) || conference != nil, started <= end else { continue }
            let notRequired = s.icpcRequired == false && (s.completed.map { $0 <= end } ?? false)
            episode.s47Enquiries.append(
                S47Enquiry(start: started, initialConference: conference, isConferenceNotRequired: notRequired))
        }
        episode.s47Enquiries.sort { $0.start < $1.start }

        for p in record.cpPlans where p.referral == key {
            guard let s = p.start, let category = p.category else { continue }
            let e = byEnd(p.end)
            guard s <= end, e.map({ $0 >= start }) ?? true else { continue }
            var previous = p.previousPlans
            if previous == nil {
                let count = record.cpPlans.filter { q in
                    guard let t = q.start else { return false }
                    return (t, q.position) < (s, p.position)
                }.count
                previous = count
                findings.add(
                    "CINdetails[\(at)]/ChildProtectionPlans[\(s)]/NumberOfPreviousCPP", .defaulted, String(count),
                    "not recorded: the CP plans of the log that started before it")
            }
            episode.cpPlans.append(
                CPPlan(
                    start: s, end: e, initialCategory: category.rawValue,
                    latestCategory: (p.categoryChanges.last { $0.date <= end }?.category ?? category).rawValue,
                    previousPlans: previous!,
                    reviews: p.reviews.filter { schema.contains($0) }))
        }
        episode.cpPlans.sort { $0.start < $1.start }
        return episode
    }
}

/// A child's findings as they are made, in order.
struct FindingList {
    let child: ChildID
    var findings: [CINCensusReturn.Finding] = []

    mutating func add(_ field: String, _ kind: CINCensusReturn.Finding.Kind, _ written: String, _ reason: String) {
        findings.append(
            .init(child: child, field: field, kind: kind, written: written, reason: reason, order: findings.count))
    }
}
