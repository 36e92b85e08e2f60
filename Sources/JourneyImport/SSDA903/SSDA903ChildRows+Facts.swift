import JourneyCore

/// What one child's rows state, as facts, with the rows that could not be placed.
struct SSDA903ChildFacts {
    var facts: [Fact] = []
    /// Reviews on a day no period of care covers: `care.reviewed` must name its period.
    var rejectedReviews: [(row: ReviewRow, problem: ImportProblem)] = []
    var notes = EpisodeChain.Notes()
    /// `care.started` events marked `uasc: true`.
    var periodsMarkedUASC = 0
    /// Whether the child has a UASC row that marks no period of care.
    var hasUnmatchedUASCRow = false
    /// Rows of the other tables that cannot be placed (an OC3 row whose birthday cannot be told, a DoLO outside
    /// the collection year).
    var rejectedRows: [(table: SSDA903Table, problem: ImportProblem)] = []
}

/// The return-wide facts needed to turn a child's rows into facts.
struct SSDA903Setting {
    let year: CollectionYear
    let tablesRead: Set<SSDA903Table>
    /// The team `worker.allocated` names for the social worker episodes (the table gives none).
    var socialWorkerTeam: String?
}

extension SSDA903ChildRows {
    /// The facts the child's rows state, given what earlier imports put in the log for the child.
    func facts(
        of child: ChildID, known: FactIndex.ChildFacts, isRegisteredElsewhere: Bool, setting: SSDA903Setting
    ) -> SSDA903ChildFacts {
        var out = SSDA903ChildFacts()
        let episodes = self.episodes.sorted { $0.start < $1.start }
        let scope = retractionScope(known: known, setting: setting)

        // Episodes. The UASC table, when read, says which periods began while the child was UASC; without it, a
        // period keeps what the log already says.
        let ceasedUASC = uasc?.ceased
        let isUASCKnown = setting.tablesRead.contains(.uasc)
        let isUASC: (CalendarDate) -> Bool = { start in
            if isUASCKnown { return ceasedUASC.map { start < $0 } ?? false }
            if case .careStarted(let c)? = known.bodies[FactKey.make("903", child, "cs", start)] {
                return c.isUASC
            }
            return false
        }
        // The care the return carries on: from earlier facts that it does not restate (those it should restate but
        // does not are retracted, so nothing it carries on may rest on them).
        let earlier = known.filter { key, fact in scope(key, fact) == nil }
        let initial = episodes.first.map { CareState.before($0.start, in: earlier) } ?? CareState()
        var chain = EpisodeChain(
            child: child, table: SSDA903Table.episodes.rawValue, state: initial, isUASC: isUASC)
        chain.run(episodes)
        out.notes = chain.notes
        var facts = chain.facts + homePostcodeFacts(of: child, episodes: episodes, known: known, scope: scope)
        for fact in facts {
            if case .careStarted(let c) = fact.body, c.isUASC { out.periodsMarkedUASC += 1 }
        }

        // UASC for periods of earlier returns that this return does not restate.
        let stated = Set(facts.map(\.key))
        if let uasc, isUASCKnown {
            for (key, fact) in known.facts
            where FactKey.tag(of: key) == "cs" && !stated.contains(key) && !fact.isRetracted && scope(key, fact) == nil
            {
                guard case .careStarted(var c) = known.bodies[key], fact.occurred < uasc.ceased else { continue }
                out.periodsMarkedUASC += 1
                if c.isUASC { continue }
                c.isUASC = true
                facts.append(
                    Fact(
                        key: key, child: child, occurred: fact.occurred, body: .careStarted(c),
                        table: SSDA903Table.uasc.rawValue, line: uasc.line))
            }
            out.hasUnmatchedUASCRow = out.periodsMarkedUASC == 0
        }

        // Reviews name the period of care they fall in.
        let periods = periodsOfCare(facts: facts, known: known, scope: scope)
        for review in reviews.sorted(by: { $0.date < $1.date }) {
            guard
                let period = periods.last(where: { $0.start <= review.date && review.date <= ($0.end ?? review.date) })
            else {
                out.rejectedReviews.append(
                    (
                        review,
                        ImportProblem(
                            file: review.file, line: review.line, record: SSDA903Table.reviews.name, child: child,
                            field: "REVIEW",
                            message: "is not within a period of care of the child (in the episodes, or in the log "
                                + "from earlier returns)")
                    ))
                continue
            }
            facts.append(
                Fact(
                    key: FactKey.make("903", child, "rv", review.date), child: child, occurred: review.date,
                    body: .careReviewed(period: period.id, participation: review.participation),
                    table: SSDA903Table.reviews.rawValue, line: review.line))
        }

        // Missing episodes: the return's own dates identify them.
        for missing in self.missing.sorted(by: { $0.start < $1.start }) {
            let episode = EpisodeID("missing-" + ReturnValues.iso(missing.start))
            let table = SSDA903Table.missing.rawValue
            facts.append(
                Fact(
                    key: FactKey.make("903", child, "ms", missing.start), child: child, occurred: missing.start,
                    body: .missingStarted(episode: episode, kind: missing.kind), table: table, line: missing.line))
            if let end = missing.end {
                facts.append(
                    Fact(
                        key: FactKey.make("903", child, "me", missing.start), child: child, occurred: end,
                        body: .missingEnded(MissingEnded(episode: episode)), table: table, line: missing.line))
            }
        }

        // The other tables. The earliest period of care in the return is the one its first episode starts, or
        // carries on (RNE other than S, with a period open in the log).
        let periodStart = episodes.first.map { first in
            (first.reason == .S ? nil : initial.period?.start) ?? first.start
        }
        let other = permanenceAndHealthFacts(of: child, periodStart: periodStart, setting: setting)
        facts += other.facts
        out.rejectedRows = other.rejected
        if let motherhood = motherhoodFact(of: child, known: known, setting: setting) { facts.append(motherhood) }

        // Chronological order, the chain's order kept within a day.
        facts = facts.enumerated().sorted { ($0.element.occurred, $0.offset) < ($1.element.occurred, $1.offset) }
            .map(\.element)
        if let registration = registration(
            of: child, known: known, isRegisteredElsewhere: isRegisteredElsewhere, setting: setting, facts: facts)
        {
            facts.insert(registration, at: 0)
        }
        out.facts = facts
        return out
    }

    /// The header row as `child.registered`: `occurred` is the first date known of the child, the earliest of the
    /// return's dates for the child and of what the log already holds (a previous-permanence entry aside), so that importing a later year does not move
    /// it. A child another source registered gets `child.updated` instead (one registration per child).
    private func registration(
        of child: ChildID, known: FactIndex.ChildFacts, isRegisteredElsewhere: Bool, setting: SSDA903Setting,
        facts: [Fact]
    ) -> Fact? {
        guard let header else { return nil }
        let key = FactKey.make("903", child, "reg")
        let existing = known[key]
        // A previous-permanence entry is dated by the importer (on a period's start, or the year's first day when the
        // return has none), not by the return: it never dates the registration; nor does motherhood, whose date
        // (a first child's birth, or the year's end) is not the child's first known to the council.
        let stated = facts.filter {
            switch $0.body {
            case .previousPermanenceRecorded, .motherhoodRecorded: false
            default: true
            }
        }
        let held = known.facts.values.filter {
            !$0.isRetracted && $0.type != .previousPermanenceRecorded && $0.type != .motherhoodRecorded
        }
        let dates = stated.map(\.occurred) + held.map(\.occurred)
        let occurred = dates.min() ?? setting.year.start
        // The type of the first import stays: a correction must keep the type of what it corrects.
        let isUpdate = existing.map { $0.type == .childUpdated } ?? isRegisteredElsewhere
        let body: EventBody = isUpdate ? .childUpdated(header.details) : .childRegistered(header.details)
        return Fact(
            key: key, child: child, occurred: existing.map { min($0.importedOccurred, occurred) } ?? occurred,
            body: body, table: SSDA903Table.header.rawValue, line: header.line)
    }

    /// The periods of care a review can fall in: those of the return, and those of earlier returns that it does not
    /// restate.
    private func periodsOfCare(
        facts: [Fact], known: FactIndex.ChildFacts, scope: (String, FactIndex.Known) -> Int?
    ) -> [(id: PeriodID, start: CalendarDate, end: CalendarDate?)] {
        var periods: [CalendarDate: (id: PeriodID, start: CalendarDate, end: CalendarDate?)] = [:]
        var ends: [PeriodID: CalendarDate] = [:]
        let stated = Set(facts.map(\.key))
        let earlier = known.facts.filter {
            !stated.contains($0.key) && !$0.value.isRetracted && scope($0.key, $0.value) == nil
        }
        let bodies = earlier.compactMap { key, fact in known.bodies[key].map { ($0, fact.occurred) } }
        for event in facts.map({ ($0.body, $0.occurred) }) + bodies {
            switch event.0 {
            case .careStarted(let c): periods[event.1] = (c.period, event.1, nil)
            case .careEnded(let period, _): ends[period] = event.1
            default: break
            }
        }
        return periods.values.map { ($0.id, $0.start, ends[$0.id]) }.sorted { $0.start < $1.start }
    }

    /// Which facts of earlier imports this return should state, if they still held: those it would have stated,
    /// by table. Returns the table that owns a fact in scope, or `nil`.
    ///
    /// An SSDA903 return holds every episode open at any time in its year, so from the child's first episode in it
    /// (or the year's start, if later) to the year's end its episodes are the whole story. An end on the day of the
    /// first episode belongs to the episode before it, which the return does not hold. Reviews and missing
    /// episodes are those of the year. A table not read, or with a rejected row of the child, retracts nothing.
    func retractionScope(known: FactIndex.ChildFacts, setting: SSDA903Setting)
        -> (String, FactIndex.Known) -> Int?
    {
        let first = episodes.map(\.start).min()
        let year = setting.year
        let readable = setting.tablesRead.subtracting(tablesWithRejections)
        return { key, fact in
            let date = fact.occurred
            switch FactKey.tag(of: key) {
            case "cs", "ls", "ps", "ce", "pe", "hp":
                guard readable.contains(.episodes) else { return nil }
                let from = min(first ?? year.start, year.start)
                let isEnd = FactKey.tag(of: key) == "ce" || FactKey.tag(of: key) == "pe"
                guard date >= from && date <= year.end && !(isEnd && date == first) else { return nil }
                return SSDA903Table.episodes.rawValue
            case "rv":
                return readable.contains(.reviews) && year.contains(date) ? SSDA903Table.reviews.rawValue : nil
            case "ms", "me":
                return readable.contains(.missing) && year.contains(date) ? SSDA903Table.missing.rawValue : nil
            // The year's OC2 items, care leavers' contacts, social worker episodes and DoLOs; decisions to place
            // for adoption made, and reversed, in the year (a PlacedAdoption row stays until the decision is
            // reversed). A match (AD1, of children adopted in the year) and a PrevPerm entry are not retracted: a
            // later return need not restate them.
            case let tag where Self.oc2Tags.contains(tag):
                return readable.contains(.oc2) && year.contains(date) ? SSDA903Table.oc2.rawValue : nil
            case "cl":
                return readable.contains(.oc3) && year.contains(date) ? SSDA903Table.oc3.rawValue : nil
            case "sw", "swr":
                return readable.contains(.swEpisodes) && year.contains(date) ? SSDA903Table.swEpisodes.rawValue : nil
            case "dls", "dle":
                return readable.contains(.dolo) && year.contains(date) ? SSDA903Table.dolo.rawValue : nil
            case "ad", "ar":
                return readable.contains(.placedAdoption) && year.contains(date)
                    ? SSDA903Table.placedAdoption.rawValue : nil
            default:
                return nil
            }
        }
    }
}
