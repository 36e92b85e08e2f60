import JourneyCore
import JourneyProjections

extension CheckReport {
    /// The report of `checks` with their `findings`, in report order, over `children` records.
    init(
        _ checks: [any Check], _ context: CheckContext, asKnownAt: Timestamp?, findings: [Finding], children: Int
    ) {
        // Counted a run at a time: findings in report order come check by check, so one look-up a run rather than
        // one a finding (a hundred thousand of them at 10M events).
        var counts: [String: Int] = [:]
        var start = 0
        while start < findings.count {
            var end = start + 1
            while end < findings.count && findings[end].check == findings[start].check { end += 1 }
            counts[findings[start].check, default: 0] += end - start
            start = end
        }
        self.init(
            asOf: context.asOf, asKnownAt: asKnownAt, newSince: nil,
            checks: checks.map {
                .init(
                    id: $0.id, severity: $0.severity, rule: $0.rule, summary: $0.summary, findings: counts[$0.id] ?? 0)
            },
            findings: findings, children: children)
    }
}

extension JourneyState {
    /// Runs the checks over every child's record as known at `asKnownAt`: the same replay (or checkpoint) the
    /// metrics use. `only` restricts the run to those check ids (all when `nil`).
    ///
    /// The children are shared out between the cores in `parts` runs, as for the metrics (`reduceRecords`): each
    /// part checks its own children's records, and the parts' findings are put in report order
    /// (`Finding.reportOrder`), each part's on its own core, then merged keeping part order between equal ones. That
    /// is a stable sort of the findings in the order one thread would have made them, so the report is the same
    /// whatever the number of parts, to the byte.
    public func check(
        _ context: CheckContext, asKnownAt: Timestamp? = nil, only: Set<String>? = nil, parts: Int = 16
    ) -> CheckReport {
        let checks = CheckCatalogue.checks(only: only)
        let checked = reduceRecords(
            asKnownAt: asKnownAt, includingRecording: true, parts: parts, initial: { CheckRuns(checks) },
            add: { runs, record in runs.add(consume record, context) }, merge: { $0.merge($1) })
        return CheckReport(
            checks, context, asKnownAt: asKnownAt, findings: Finding.inReportOrder(checked.runs),
            children: checked.children)
    }

    /// Adds the findings of `checks` on one child's record to `findings`, each charged to its team. Returns the last
    /// as-of day through which they are its findings (`AsOfDate`), `nil` when they are on every later day; noted in
    /// `horizon`, which a run of records on one thread may share. Each check whose findings change on a later day is
    /// noted in `dayReading`.
    ///
    /// With `running`, only the checks at those indices are run (in order). With `keepingOthers`, the record's events
    /// have not changed since it was checked by all, and the others' findings are kept (`LiveChecks`): the team the
    /// findings are charged to is then read whatever they find, as the findings kept are charged to it too.
    ///
    /// Never inlined: inlined into `CheckRuns.add`, where `checks` is a property of the runs that the call mutates
    /// (their findings, their checks that read the day), each check was copied out of the array before it was called
    /// and destroyed after, through its type's value witnesses, for every check on every record (about 7% of a
    /// profile of a full `check`). Here `checks` is a parameter, borrowed for the call, and each check is called where
    /// it lies.
    @discardableResult @inline(never)
    static func check(
        _ record: consuming ChildRecord, with checks: [any Check], running: [Int]? = nil, keepingOthers: Bool = false,
        _ context: CheckContext, into findings: inout [Finding], horizon: AsOfDate.Horizon = AsOfDate.Horizon(),
        dayReading: inout DayReadingChecks
    ) -> CalendarDate? {
        // The record handed over to the journey, not copied: a copy retained and released each of its lists.
        var notes = horizon.notes
        let journey = ChildJourney(consume record, context: context, horizon: horizon)
        if horizon.notes != notes {
            dayReading.insertEveryCheck()
            notes = horizon.notes
        }
        let first = findings.count
        // Each check is called where it lies in the array: a `for check in checks` copies every one out first, which
        // cost 3% of a run's time. A check that notes a read of the day is counted.
        func run(_ indices: some Sequence<Int>) {
            for i in indices {
                checks[i].check(journey, into: &findings)
                if horizon.notes != notes {
                    dayReading.insert(i)
                    notes = horizon.notes
                }
            }
        }
        if let running { run(running) } else { run(checks.indices) }
        guard findings.count > first || (keepingOthers && context.teamAttribution == .asOf) else {
            return journey.findingsHoldThrough
        }
        switch context.teamAttribution {
        case .asOf:
            // The team that must put it right: the one responsible on the as-of date (metrics.md, breakdowns).
            let team = journey.teamOnAsOf
            if horizon.notes != notes { dayReading.insertEveryCheck() }
            for i in first..<findings.count { findings[i].team = team }
        case .findingDate:
            for i in first..<findings.count { findings[i].team = journey.record.team(on: findings[i].date) }
        }
        return journey.findingsHoldThrough
    }

    /// The findings present now (as known at `asKnownAt`, judged on `context.asOf`) that were not there when the log
    /// was as known at `since`: the weekly report. The earlier run is judged on the day of `since` (or the as-of
    /// date, if earlier), as a report run then would have been, so a timescale passed since then is new too.
    /// Findings are the same when their check, child and events are (`Finding.identity`). Both runs share the
    /// children out in `parts` runs, as `check(_:asKnownAt:only:parts:)` does, with the same findings for any number.
    public func check(
        _ context: CheckContext, asKnownAt: Timestamp? = nil, only: Set<String>? = nil, newSince since: Timestamp,
        parts: Int = 16
    ) -> CheckReport {
        var report = check(context, asKnownAt: asKnownAt, only: only, parts: parts)
        var earlierContext = context
        earlierContext.asOf = min(context.asOf, since.utcDate)
        let earlier = Set(check(earlierContext, asKnownAt: since, only: only, parts: parts).findings.map(\.identity))
        report.findings.removeAll { earlier.contains($0.identity) }
        var counts: [String: Int] = [:]
        for f in report.findings { counts[f.check, default: 0] += 1 }
        for i in report.checks.indices { report.checks[i].findings = counts[report.checks[i].id] ?? 0 }
        report.newSince = since
        return report
    }
}

/// The findings of a share of the children, as `reduceRecords` folds them: a run of findings in the order they were
/// made for each part (put in report order once all are in, `Finding.inReportOrder`), how many records were
/// checked, and the records whose findings hold only until a later as-of day. Shared by a full run
/// (`JourneyState.check`) and one kept between appends (`LiveChecks`).
struct CheckRuns: Sendable {
    var runs: [[Finding]] = [[]]
    var children = 0
    /// Each record whose findings change on a later as-of day, with the last day they hold (`AsOfDate`).
    var holdThrough: [(record: ChildID, day: CalendarDate)] = []
    /// The checks whose findings changed with the day on some record checked.
    var dayReading = DayReadingChecks()
    /// One for the part's records, each checked on the part's thread.
    let horizon = AsOfDate.Horizon()
    /// The checks the records are checked with, and the kinds of fact each judges (`Check.judges`).
    let checks: [any Check]
    private let judges: [RecordFacts]
    /// The indices of the checks that judge a record holding each set of kinds of fact met so far: a council's
    /// records hold a few dozen sets, so each is worked out once a part.
    private var judging: [RecordFacts: [Int]] = [:]

    init(_ checks: [any Check]) {
        self.checks = checks
        judges = checks.map(\.judges)
    }

    /// Checks `record` with the checks that judge what it holds, or only those of them at the indices `running` names,
    /// the others' findings kept (see `JourneyState.check`). A check that judges none of the kinds of fact the record
    /// holds can find nothing on it, so it is not called: most records hold nothing a hundred of the checks judge.
    mutating func add(_ record: consuming ChildRecord, running: [Int]? = nil, _ context: CheckContext) {
        children += 1
        let id = record.id
        let facts = RecordFacts(record)
        let indices: [Int]
        if let running {
            indices = running.filter { !judges[$0].isDisjoint(with: facts) }
        } else if let known = judging[facts] {
            indices = known
        } else {
            indices = judges.indices.filter { !judges[$0].isDisjoint(with: facts) }
            judging[facts] = indices
        }
        if let day = JourneyState.check(
            consume record, with: checks, running: indices, keepingOthers: running != nil, context,
            into: &runs[0], horizon: horizon, dayReading: &dayReading)
        {
            holdThrough.append((id, day))
        }
    }

    /// Another part's runs after this one's, in part order.
    mutating func merge(_ other: CheckRuns) {
        runs += other.runs
        children += other.children
        holdThrough += other.holdThrough
        dayReading.formUnion(other.dayReading)
    }
}
