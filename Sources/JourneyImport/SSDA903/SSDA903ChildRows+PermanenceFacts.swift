import JourneyCore

extension SSDA903ChildRows {
    /// The facts of the AD1, PlacedAdoption, PrevPerm, OC2, OC3, social worker episodes and DoLO tables, and the
    /// rows that cannot be placed (an OC3 row whose birthday cannot be told, a DoLO outside the collection year).
    ///
    /// `periodStart` is the start of the child's earliest period of care in the return, which dates the PrevPerm
    /// entry; without one, the entry is dated on the collection year's first day.
    func permanenceAndHealthFacts(
        of child: ChildID, periodStart: CalendarDate?, setting: SSDA903Setting
    ) -> (facts: [Fact], rejected: [(table: SSDA903Table, problem: ImportProblem)]) {
        var facts: [Fact] = []
        var rejected: [(table: SSDA903Table, problem: ImportProblem)] = []
        func add(
            _ table: SSDA903Table, _ tag: String, _ keyDate: CalendarDate, on date: CalendarDate, _ body: EventBody,
            line: Int
        ) {
            facts.append(
                Fact(
                    key: FactKey.make("903", child, tag, keyDate), child: child, occurred: date, body: body,
                    table: table.rawValue, line: line))
        }
        let year = setting.year

        // Adoptions: identified by the date of the decision to place for adoption (AD1 DATE_INT, PlacedAdoption
        // DATE_PLACED), so that an AD1 row and a PlacedAdoption row of the same date are the one adoption, and next
        // year's return finds the same facts.
        var decided: Set<CalendarDate> = []
        func decide(_ date: CalendarDate, table: SSDA903Table, line: Int) -> AdoptionID {
            let adoption = AdoptionID("adoption-" + ReturnValues.iso(date))
            if decided.insert(date).inserted {
                add(table, "ad", date, on: date, .adoptionDecided(adoption: adoption), line: line)
            }
            return adoption
        }
        for row in ad1.sorted(by: { $0.decided < $1.decided }) {
            let adoption = decide(row.decided, table: .ad1, line: row.line)
            if let m = row.matched {
                add(
                    .ad1, "am", row.decided, on: m.date,
                    .adoptionMatched(
                        AdoptionMatched(
                            adoption: adoption, adopters: m.adopters, adoptersSex: m.sex,
                            adoptersLegalStatus: m.legalStatus, isFosterCarerAdopting: m.isFosterCarer)),
                    line: row.line)
            }
        }
        for row in placedAdoption.sorted(by: { $0.decided < $1.decided }) {
            let adoption = decide(row.decided, table: .placedAdoption, line: row.line)
            if let reversed = row.reversed, let reason = row.reversalReason {
                add(
                    .placedAdoption, "ar", row.decided, on: reversed,
                    .adoptionDecisionReversed(adoption: adoption, reason: reason), line: row.line)
            }
        }

        if let row = previousPermanence {
            let date = periodStart ?? year.start
            add(.previousPermanence, "pp", date, on: date, .previousPermanenceRecorded(row.entry), line: row.line)
        }

        // OC2: what the return knows at 31 March. An item 1 is the event; 0 or blank is none. Immunisations and
        // health surveillance say up to date or not, so either value is an event.
        if let row = oc2 {
            let end = year.end
            func item(_ tag: String, _ body: EventBody) { add(.oc2, tag, end, on: end, body, line: row.line) }
            if row.healthAssessment == true { item("ha", .healthAssessmentCompleted) }
            if row.teethCheck == true { item("dc", .dentalCheckCompleted) }
            if let upToDate = row.immunisations { item("im", .immunisationsRecorded(isUpToDate: upToDate)) }
            if let upToDate = row.healthCheck { item("hs", .healthSurveillanceRecorded(isUpToDate: upToDate)) }
            if let sdq = row.sdq { item("sq", .sdqRecorded(sdq)) }
            if row.convicted == true { item("cv", .convictionRecorded) }
            if row.substanceMisuse == true {
                item(
                    "sm",
                    .substanceMisuseIdentified(
                        interventionOffered: row.interventionOffered, interventionReceived: row.interventionReceived))
            }
        }

        // OC3: the contact is "on or around the birthday"; the birthday in the collection year dates it.
        if let row = oc3 {
            if let birth = row.birthDate ?? header?.details.birthDate, let birthday = Self.birthday(of: birth, in: year)
            {
                add(.oc3, "cl", birthday, on: birthday, .careLeaverContacted(row.contact), line: row.line)
            } else {
                let why =
                    row.birthDate ?? header?.details.birthDate == nil
                    ? "is missing in the row and the child's header: the contact is dated on the birthday in the "
                        + "collection year"
                    : "is after the collection year: the contact is dated on the birthday in the collection year"
                rejected.append(
                    (
                        .oc3,
                        ImportProblem(
                            file: row.file, line: row.line, record: SSDA903Table.oc3.name, child: child, field: "DOB",
                            message: why)
                    ))
            }
        }

        if let team = setting.socialWorkerTeam {
            for row in socialWorkers.sorted(by: { $0.start < $1.start }) {
                add(
                    .swEpisodes, "sw", row.start, on: row.start, .workerAllocated(team: team, worker: row.worker),
                    line: row.line)
                // SW_REASON: why the worker changed, on the allocation's day.
                if let reason = row.reason {
                    add(
                        .swEpisodes, "swr", row.start, on: row.start, .workerChangeRecorded(reason: reason),
                        line: row.line)
                }
            }
        }

        // DoLOs: identified by their start. One that starts after the collection year, or ends outside it, is not
        // the year's (903 703, 704).
        for row in dolo.sorted(by: { $0.start < $1.start }) {
            var problem: (field: String, message: String, rule: String)?
            if row.start > year.end {
                problem = ("DOLO_START", "is after the end of the collection year", "903 703")
            } else if let end = row.end, !year.contains(end) {
                problem = ("DOLO_END", "is before the start or after the end of the collection year", "903 704")
            }
            if let problem {
                rejected.append(
                    (
                        .dolo,
                        ImportProblem(
                            file: row.file, line: row.line, record: SSDA903Table.dolo.name, child: child,
                            field: problem.field, message: problem.message, rule: problem.rule)
                    ))
                continue
            }
            let order = DoLOrderID("dolo-" + ReturnValues.iso(row.start))
            add(.dolo, "dls", row.start, on: row.start, .deprivationOfLibertyStarted(order: order), line: row.line)
            if let end = row.end {
                add(.dolo, "dle", row.start, on: end, .deprivationOfLibertyEnded(order: order), line: row.line)
            }
        }
        return (facts, rejected)
    }

    /// The birthday that falls in the collection year (a 29 February birthday on 28 February in other years, as
    /// calendar arithmetic on years gives it), or `nil` for a child born after the year.
    static func birthday(of birth: CalendarDate, in year: CollectionYear) -> CalendarDate? {
        guard birth <= year.end else { return nil }
        let candidate = birth.adding(years: year.startYear - birth.year)
        return candidate >= year.start ? candidate : birth.adding(years: year.startYear + 1 - birth.year)
    }

    /// The key tags of the facts of each table after `uasc`, for the retraction scope.
    static let oc2Tags: Set<Substring> = ["ha", "dc", "im", "hs", "sq", "cv", "sm"]
}
