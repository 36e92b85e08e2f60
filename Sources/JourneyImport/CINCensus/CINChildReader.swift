import Foundation
import JourneyCore

/// What one CIN census child states, as facts, with the records that could not be read.
struct CINChildFacts {
    var child: ChildID?
    var facts: [Fact] = []
    /// Records read, by module.
    var rows: [CINModule: Int] = [:]
    var duplicates: [CINModule: Int] = [:]
    /// Records rejected, by module, each with why (a record under a rejected one is rejected with it).
    var rejections: [CINModule: [Set<String>]] = [:]
    var rejected: [RejectedRecord] = []
    /// Modules with a rejected record: earlier facts of the child from them are not retracted.
    var rejectedModules: Set<CINModule> = []
    /// The earliest CINreferralDate of the child in the return.
    var earliestReferral: CalendarDate?

    mutating func reject(_ module: CINModule, _ problems: [ImportProblem]) {
        rejections[module, default: []].append(Set(problems.map(\.reason)))
        rejectedModules.insert(module)
        rejected.append(RejectedRecord(problems: problems))
    }

    /// Values left out of a record that is imported without them, by module.
    var valuesRejected: [CINModule: [ImportProblem]] = [:]

    /// Leaves values out of a record that is imported: each is reported; earlier facts of the module are not
    /// retracted, since the return no longer states them in full.
    mutating func rejectValues(_ module: CINModule, _ problems: [ImportProblem]) {
        guard !problems.isEmpty else { return }
        valuesRejected[module, default: []] += problems
        rejectedModules.insert(module)
        rejected.append(RejectedRecord(problems: problems))
    }

    /// Rejects a record because the one it belongs to was rejected.
    mutating func reject(_ module: CINModule, because reason: String) {
        rejections[module, default: []].append([reason])
        rejectedModules.insert(module)
    }
}

/// Turns one CIN census `Child` into facts.
///
/// - `ChildIdentifiers` and `ChildCharacteristics` → `child.registered` (`GenderCurrent` 1/2/9/0 or `Sex`
///   M/F/U), and `PersonDeathDate` → `child.died`.
/// - `CINdetails` → `referral.received` (with `ReferralNFA`), `case.closed` (`CINclosureDate`, `ReasonForClosure`),
///   and `icpc.held` for a `DateOfInitialCPC` that no `Section47` of the episode holds.
/// - `Assessments` → `assessment.started`, and `assessment.completed` on the authorisation date with the factors.
/// - `CINPlanDates` → `cin-plan.started`, `cin-plan.ended`.
/// - `Section47` → `s47.started`; `s47.completed` once the outcome is known (`ICPCnotRequired`, or a conference
///   held); `icpc.held` on `DateOfInitialCPC`.
/// - A conference's outcome is `plan` when a CP plan of the episode starts on or after it, before the episode's next
///   conference; the census holds no outcome of its own.
/// - `ChildProtectionPlans` → `cp-plan.started` (initial category, `NumberOfPreviousCPP` as `previousPlans`),
///   `cp-plan.reviewed` for each `CPPreviewDate`, `cp-plan.category-changed` when the latest category differs,
///   `cp-plan.ended`.
///
/// A child's events are written in date order, parents first: a referral before anything of its episode, an
/// assessment, enquiry or plan before its completion, reviews and end, whatever the dates say.
///
/// Ids are made from the dates: the referral `ref-2022-10-06`, an assessment
/// `assessment-2022-10-06-2023-01-24` (referral date, then start date), and so on.
struct CINChildReader {
    let file: String
    let index: FactIndex
    let year: CollectionYear

    func facts(of node: XMLNode) -> CINChildFacts {
        var out = CINChildFacts()
        let episodes = node.all("CINdetails")
        out.rows[.child] = 1
        out.rows[.referral] = episodes.count
        for (module, element) in [
            (CINModule.assessment, "Assessments"), (.cinPlan, "CINPlanDates"), (.section47, "Section47"),
            (.cpPlan, "ChildProtectionPlans"),
        ] {
            out.rows[module] = episodes.reduce(0) { $0 + $1.all(element).count }
        }

        // The child's id: without it nothing of the child can be placed.
        let identifiers = node.first("ChildIdentifiers") ?? node
        var record = CINRecord(identifiers, file: file, child: nil)
        guard let text = record.required("LAchildID") else {
            rejectAll(node, record.problems, into: &out)
            return out
        }
        if let problem = ChildID.problem(with: text) {
            // An id the event format cannot hold cannot be stored, shortened or replaced without making up a child:
            // the child's rows are rejected; the rest of the return is imported (with --skip-invalid).
            let n = episodes.count
            record.problem(
                "LAchildID",
                problem + "; the child and its \(n) CINdetails are not imported",
                line: identifiers.first("LAchildID")?.line,
                rule: "event format (child: 1–20 characters\(problem.hasPrefix("may") ? ", A–Z a–z 0–9 _ -" : "");"
                    + " the census sets no limit)")
            rejectAll(node, record.problems, into: &out)
            return out
        }
        let child = ChildID(text)
        out.child = child
        let known = index[child]

        // Identifiers and characteristics (the registration is dated once the child's other dates are known).
        var registration = CINRecord(identifiers, file: file, child: child, kept: "the child")
        let characteristics = node.first("ChildCharacteristics")
        var traits = CINRecord(characteristics ?? identifiers, file: file, child: child, kept: "the child")
        let details = childDetails(&registration, &traits, hasCharacteristics: characteristics != nil)
        let death = registration.date("PersonDeathDate", required: false)
        let problems = registration.problems + traits.problems
        let dropped = registration.dropped + traits.dropped
        if !problems.isEmpty { out.reject(.child, problems + dropped) }
        if problems.isEmpty { out.rejectValues(.child, dropped) }

        var facts: [Fact] = []
        var referralDates: [CalendarDate: XMLNode] = [:]
        for episode in episodes {
            var r = CINRecord(episode, file: file, child: child, kept: "the referral")
            guard let referral = self.referral(&r) else {
                out.reject(.referral, r.problems + r.dropped)
                rejectModules(of: episode, because: "its CINdetails was rejected", into: &out)
                continue
            }
            if let first = referralDates[referral.date] {
                if first.hasSameContent(as: episode) {
                    out.duplicates[.referral, default: 0] += 1
                    continue
                }
                r.problem(
                    nil, "repeats a CINdetails with the same CINreferralDate, with other values",
                    detail: "the first, line \(first.line), is kept")
                out.reject(.referral, r.problems + r.dropped)
                rejectModules(of: episode, because: "its CINdetails was rejected", into: &out)
                continue
            }
            referralDates[referral.date] = episode
            out.rejectValues(.referral, r.dropped)
            out.earliestReferral = min(out.earliestReferral ?? referral.date, referral.date)
            facts += episodeFacts(episode, referral, child: child, into: &out)
        }

        if let death, problems.isEmpty {
            facts.append(fact(child, "died", [], death, .childDied, .child, identifiers.line))
        }
        facts = Self.parentsFirst(
            facts.enumerated().sorted { ($0.element.occurred, $0.offset) < ($1.element.occurred, $1.offset) }
                .map(\.element))
        if let details, problems.isEmpty {
            facts.insert(registrationFact(child, details, known: known, facts: facts, line: identifiers.line), at: 0)
        }
        out.facts = facts
        return out
    }

    // MARK: Records

    struct Referral {
        var date: CalendarDate
        var id: ReferralID
        var source: ReferralSource
        var primaryNeed: PrimaryNeed?
        var isNFA: Bool
        var closure: (date: CalendarDate, reason: ClosureReason)?
        var conference: CalendarDate?
    }

    private func referral(_ r: inout CINRecord) -> Referral? {
        let date = r.date("CINreferralDate", required: true)
        let source: ReferralSource? = r.code("ReferralSource", required: true)
        let need: PrimaryNeed? = r.code("PrimaryNeedCode", required: false)
        // A closure that cannot be read rejects the episode, as an end date does any record: left out, it would make
        // the episode read as open.
        let closed = r.date("CINclosureDate", required: false, leavingOut: false)
        let reason: ClosureReason? = r.code("ReasonForClosure", required: false, leavingOut: false)
        if closed != nil && r.node.value("ReasonForClosure") == nil {
            r.problem("ReasonForClosure", "is missing although CINclosureDate is given")
        }
        if closed == nil && r.node.value("CINclosureDate") == nil && reason != nil {
            r.problem("CINclosureDate", "is missing although ReasonForClosure is given")
        }
        let conference = r.date("DateOfInitialCPC", required: false)
        let isNFA = r.yesNo("ReferralNFA")
        guard r.problems.isEmpty, let date, let source, let isNFA else { return nil }
        return Referral(
            date: date, id: ReferralID("ref-" + ReturnValues.iso(date)), source: source, primaryNeed: need,
            isNFA: isNFA, closure: closed.flatMap { c in reason.map { (c, $0) } }, conference: conference)
    }

    private func childDetails(_ ids: inout CINRecord, _ traits: inout CINRecord, hasCharacteristics: Bool)
        -> ChildDetails?
    {
        var details = ChildDetails()
        details.birthDate = ids.date("PersonBirthDate", required: false)
        details.expectedBirthDate = ids.date("ExpectedPersonBirthDate", required: false)
        // GenderCurrent until 2024, Sex from 2025 (the schemas of those years).
        for name in ["Sex", "GenderCurrent"] {
            guard let text = ids.node.value(name) else { continue }
            let (known, sex) = ReturnValues.sex(text)
            if known { details.sex = sex } else { ids.drop(name, ReturnValues.sexProblem) }
            break
        }
        if let text = ids.node.value("UPN") {
            let (valid, upn) = ReturnValues.upn(text)
            if valid { details.upn = upn } else { ids.drop("UPN", ReturnValues.upnProblem) }
        }
        if hasCharacteristics {
            details.ethnicity = traits.code("Ethnicity", required: false)
            details.disabilities = traits.codes("Disabilities", "Disability", kept: "the child")
        }
        return ids.problems.isEmpty && traits.problems.isEmpty ? details : nil
    }

    // MARK: Facts

    private func episodeFacts(_ episode: XMLNode, _ referral: Referral, child: ChildID, into out: inout CINChildFacts)
        -> [Fact]
    {
        let r = referral.date
        let ref = referral.id
        var facts: [Fact] = [
            fact(
                child, "ref", [r], r,
                .referralReceived(
                    ReferralReceived(
                        referral: ref, source: referral.source, primaryNeed: referral.primaryNeed,
                        isNFA: referral.isNFA)), .referral, episode.line)
        ]

        // CP plans first: a conference's outcome is read from them (below, `outcome`).
        var planFacts: [Fact] = []
        var planStarts: Set<CalendarDate> = []
        var seenPlans: [CalendarDate: XMLNode] = [:]
        for element in episode.all("ChildProtectionPlans") {
            var p = CINRecord(element, file: file, child: child, kept: "the plan")
            let start = p.date("CPPstartDate", required: true)
            let end = p.date("CPPendDate", required: false, leavingOut: false)
            let initial: AbuseCategory? = p.code("InitialCategoryOfAbuse", required: true)
            let latest: AbuseCategory? = p.code("LatestCategoryOfAbuse", required: true)
            let previous = p.count("NumberOfPreviousCPP")
            var reviews: [CalendarDate] = []
            for review in element.first("Reviews")?.all("CPPreviewDate") ?? [] {
                let text = review.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if let date = ReturnValues.xmlDate(text) {
                    if !reviews.contains(date) { reviews.append(date) }
                } else {
                    p.drop(
                        "Reviews/CPPreviewDate", "is not a date (YYYY-MM-DD)", line: review.line,
                        rule: "CIN census schema")
                }
            }
            guard p.problems.isEmpty, let start, let initial, let latest, let previous,
                isFirst(start, element, &seenPlans, &p, .cpPlan, "ChildProtectionPlans", "CPPstartDate", &out)
            else {
                if !p.problems.isEmpty { out.reject(.cpPlan, p.problems + p.dropped) }
                continue
            }
            out.rejectValues(.cpPlan, p.dropped)
            planStarts.insert(start)
            let plan = PlanID("cp-plan-" + ReturnValues.iso(r) + "-" + ReturnValues.iso(start))
            let line = element.line
            planFacts.append(
                fact(
                    child, "ps", [r, start], start,
                    .cpPlanStarted(
                        CPPlanStarted(plan: plan, referral: ref, category: initial, previousPlans: previous)),
                    .cpPlan, line))
            reviews.sort()
            for review in reviews {
                planFacts.append(
                    fact(child, "pr", [r, start, review], review, .cpPlanReviewed(plan: plan), .cpPlan, line))
            }
            if latest != initial {
                // The census gives the latest category but not when it changed: categories change at review
                // conferences, so the last review (before any end) is the latest it can have changed.
                let changed = reviews.last { end == nil || $0 <= end! } ?? start
                planFacts.append(
                    fact(
                        child, "pc", [r, start], changed, .cpPlanCategoryChanged(plan: plan, category: latest), .cpPlan,
                        line))
            }
            if let end {
                planFacts.append(fact(child, "pe", [r, start], end, .cpPlanEnded(plan: plan), .cpPlan, line))
            }
        }
        // The census records no conference outcome; it records the CP plans of the episode. A conference decided
        // on a plan when a CP plan of the same episode starts on or after it and before the episode's next
        // conference: the plan follows the conference, whether it starts that day or not (CIN 2885 then asks why
        // not). Reading it only from a plan starting that same day made 2885 impossible to find.
        var conferences: [CalendarDate] = referral.conference.map { [$0] } ?? []
        for element in episode.all("Section47") {
            if let text = element.value("DateOfInitialCPC"), let date = ReturnValues.xmlDate(text) {
                conferences.append(date)
            }
        }
        func outcome(_ date: CalendarDate) -> ConferenceOutcome {
            let next = conferences.filter { $0 > date }.min()
            return planStarts.contains { start in start >= date && next.map { start < $0 } ?? true } ? .plan : .noPlan
        }

        var seen: [CalendarDate: XMLNode] = [:]
        for element in episode.all("Assessments") {
            var a = CINRecord(element, file: file, child: child, kept: "the assessment")
            let start = a.date("AssessmentActualStartDate", required: true)
            let authorised = a.date("AssessmentAuthorisationDate", required: false)
            let factors: [AssessmentFactor]? = a.codes(
                "FactorsIdentifiedAtAssessment", "AssessmentFactors", kept: "the assessment")
            guard a.problems.isEmpty, let start,
                isFirst(start, element, &seen, &a, .assessment, "Assessments", "AssessmentActualStartDate", &out)
            else {
                if !a.problems.isEmpty { out.reject(.assessment, a.problems + a.dropped) }
                continue
            }
            out.rejectValues(.assessment, a.dropped)
            let id = AssessmentID("assessment-" + ReturnValues.iso(r) + "-" + ReturnValues.iso(start))
            facts.append(
                fact(
                    child, "as", [r, start], start, .assessmentStarted(assessment: id, referral: ref), .assessment,
                    element.line))
            if let authorised {
                facts.append(
                    fact(
                        child, "ac", [r, start], authorised,
                        .assessmentCompleted(AssessmentCompleted(assessment: id, factors: factors)), .assessment,
                        element.line))
            }
        }

        seen = [:]
        for element in episode.all("CINPlanDates") {
            var c = CINRecord(element, file: file, child: child, kept: "the plan")
            let start = c.date("CINPlanStartDate", required: true)
            let end = c.date("CINPlanEndDate", required: false, leavingOut: false)
            guard c.problems.isEmpty, let start,
                isFirst(start, element, &seen, &c, .cinPlan, "CINPlanDates", "CINPlanStartDate", &out)
            else {
                if !c.problems.isEmpty { out.reject(.cinPlan, c.problems + c.dropped) }
                continue
            }
            out.rejectValues(.cinPlan, c.dropped)
            let plan = PlanID("cin-plan-" + ReturnValues.iso(r) + "-" + ReturnValues.iso(start))
            facts.append(
                fact(
                    child, "ns", [r, start], start, .cinPlanStarted(plan: plan, referral: ref), .cinPlan, element.line))
            if let end {
                facts.append(fact(child, "ne", [r, start], end, .cinPlanEnded(plan: plan), .cinPlan, element.line))
            }
        }

        seen = [:]
        var s47Conferences: Set<CalendarDate> = []
        for element in episode.all("Section47") {
            var s = CINRecord(element, file: file, child: child, kept: "the enquiry")
            let start = s.date("S47ActualStartDate", required: true)
            let conference = s.date("DateOfInitialCPC", required: false)
            let notRequired = s.yesNo("ICPCnotRequired")
            guard s.problems.isEmpty, let start, let notRequired,
                isFirst(start, element, &seen, &s, .section47, "Section47", "S47ActualStartDate", &out)
            else {
                if !s.problems.isEmpty { out.reject(.section47, s.problems + s.dropped) }
                continue
            }
            out.rejectValues(.section47, s.dropped)
            let id = S47ID("s47-" + ReturnValues.iso(r) + "-" + ReturnValues.iso(start))
            let line = element.line
            facts.append(
                fact(
                    child, "ss", [r, start], start, .s47Started(s47: id, referral: ref, strategy: nil), .section47, line
                ))
            // The census does not say when an enquiry concluded, only its outcome: an enquiry that found no
            // conference needed is dated on its start, one that led to a conference on the conference.
            if notRequired {
                facts.append(
                    fact(child, "sc", [r, start], start, .s47Completed(s47: id, icpcRequired: false), .section47, line))
            } else if let conference {
                facts.append(
                    fact(
                        child, "sc", [r, start], conference, .s47Completed(s47: id, icpcRequired: true), .section47,
                        line))
            }
            if let conference {
                s47Conferences.insert(conference)
                facts.append(
                    fact(
                        child, "si", [r, start], conference,
                        .icpcHeld(s47: id, referral: ref, outcome: outcome(conference)), .section47, line))
            }
        }
        // A conference at episode level that no Section47 of the episode holds (the same date is the same one).
        if let conference = referral.conference, !s47Conferences.contains(conference) {
            facts.append(
                fact(
                    child, "icp", [r], conference, .icpcHeld(s47: nil, referral: ref, outcome: outcome(conference)),
                    .referral, episode.line))
        }
        facts += planFacts
        if let closure = referral.closure {
            facts.append(
                fact(
                    child, "cls", [r], closure.date, .caseClosed(referral: ref, reason: closure.reason), .referral,
                    episode.line))
        }
        return facts
    }

    /// The facts in date order, except that a fact never comes before the one it belongs to: a referral before its
    /// closure, conference and the work of its episode, an assessment, enquiry or plan before its completion,
    /// reviews and end, whatever their dates. The replay reads a child's events in log order, and checks such as
    /// CIN 8630 (closure before referral) and 8841 (review before plan) are about exactly those dates.
    static func parentsFirst(_ facts: [Fact]) -> [Fact] {
        let keys = Set(facts.map(\.key))
        var emitted: Set<String> = []
        var waiting: [String: [Fact]] = [:]
        var out: [Fact] = []
        out.reserveCapacity(facts.count)
        func emit(_ fact: Fact) {
            out.append(fact)
            emitted.insert(fact.key)
            for child in waiting.removeValue(forKey: fact.key) ?? [] { emit(child) }
        }
        for fact in facts {
            if let parent = parentKey(of: fact.key), keys.contains(parent), !emitted.contains(parent) {
                waiting[parent, default: []].append(fact)
            } else {
                emit(fact)
            }
        }
        return out
    }

    /// The key of the fact a fact belongs to (`cin.C1.ps.20230620` for `cin.C1.pr.20230510.20230620.20230605`).
    static func parentKey(of key: String) -> String? {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 3 else { return nil }
        let (tag, dates) = (parts[2], parts.dropFirst(3))
        let parent: (tag: String, dates: Int)
        switch tag {
        case "cls", "icp", "as", "ss", "ns", "ps": parent = ("ref", 1)
        case "ac": parent = ("as", 2)
        case "sc", "si": parent = ("ss", 2)
        case "ne": parent = ("ns", 2)
        case "pr", "pc", "pe": parent = ("ps", 2)
        default: return nil
        }
        guard dates.count >= parent.dates else { return nil }
        return (parts.prefix(2) + [Substring(parent.tag)] + dates.prefix(parent.dates)).joined(separator: ".")
    }

    /// Whether a module record is the first of its episode with its start date: a second one saying the same is a
    /// duplicate and skipped; one saying otherwise is rejected.
    private func isFirst(
        _ start: CalendarDate, _ element: XMLNode, _ seen: inout [CalendarDate: XMLNode], _ record: inout CINRecord,
        _ module: CINModule, _ name: String, _ field: String, _ out: inout CINChildFacts
    ) -> Bool {
        guard let first = seen[start] else {
            seen[start] = element
            return true
        }
        if first.hasSameContent(as: element) {
            out.duplicates[module, default: 0] += 1
        } else {
            record.problem(
                nil, "repeats a \(name) of the episode with the same \(field), with other values",
                detail: "the first, line \(first.line), is kept")
        }
        return false
    }

    /// `child.registered` on the first date known of the child (the earliest of the return's dates and of the
    /// log's), so that a later return does not move it; `child.updated` when another source registered the child.
    private func registrationFact(
        _ child: ChildID, _ details: ChildDetails, known: FactIndex.ChildFacts, facts: [Fact], line: Int
    ) -> Fact {
        let key = FactKey.make("cin", child, "reg")
        let existing = known[key]
        let dates = facts.map(\.occurred) + known.facts.values.filter { !$0.isRetracted }.map(\.occurred)
        let occurred = dates.min() ?? year.start
        let isUpdate = existing.map { $0.type == .childUpdated } ?? index.registeredElsewhere.contains(child)
        return Fact(
            key: key, child: child, occurred: existing.map { min($0.importedOccurred, occurred) } ?? occurred,
            body: isUpdate ? .childUpdated(details) : .childRegistered(details), table: CINModule.child.rawValue,
            line: line)
    }

    private func fact(
        _ child: ChildID, _ tag: String, _ dates: [CalendarDate], _ occurred: CalendarDate, _ body: EventBody,
        _ module: CINModule, _ line: Int
    ) -> Fact {
        let key = (["cin", child.rawValue, tag] + dates.map(FactKey.compact)).joined(separator: ".")
        return Fact(key: key, child: child, occurred: occurred, body: body, table: module.rawValue, line: line)
    }

    // MARK: Rejections

    /// Rejects a whole child (its id cannot be read): every record of it, for the one reason.
    private func rejectAll(_ node: XMLNode, _ problems: [ImportProblem], into out: inout CINChildFacts) {
        out.reject(.child, problems)
        for episode in node.all("CINdetails") {
            out.reject(.referral, because: "its Child was rejected (LAchildID)")
            rejectModules(of: episode, because: "its Child was rejected (LAchildID)", into: &out)
        }
    }

    private func rejectModules(of episode: XMLNode, because reason: String, into out: inout CINChildFacts) {
        for (module, element) in [
            (CINModule.assessment, "Assessments"), (.cinPlan, "CINPlanDates"), (.section47, "Section47"),
            (.cpPlan, "ChildProtectionPlans"),
        ] {
            for _ in episode.all(element) { out.reject(module, because: reason) }
        }
    }
}
