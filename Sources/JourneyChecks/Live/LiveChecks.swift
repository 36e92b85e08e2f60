import JourneyCore
import JourneyLog
import JourneyProjections

/// The data-quality checks of a log, kept up to date as events are appended: after an append only the records the
/// new events change are checked again (`LiveRecords`). Their old findings go and their new ones take their places
/// in report order, so the report is, byte for byte, the one a full run over the state gives (`JourneyState.check`).
///
/// The findings are as known now (no "as known at"), judged on the context given when it was made. The day they are
/// judged on may move later (`judge(on:)`): only the records whose findings can change by then are checked again,
/// those a check found would (`AsOfDate`), and only by the checks that have found an answer that changes with the day
/// (`DayReadingChecks`). An earlier day, an earlier time or the findings new since a time are a full run.
///
/// The figures of the same records may be kept beside the findings (`figuresFor`, `keepFigures`), as `LiveMetrics`
/// keeps them: one state, the events folded into it once, and each record an update builds checked and counted from
/// the one build (the service's). The state is held here and grows in place: a caller that keeps its own copy of the
/// state it passed in makes the first append copy every atom.
public struct LiveChecks: Sendable {
    var records: LiveRecords
    let checks: [any Check]
    var context: CheckContext
    /// In report order.
    var findings: [Finding]
    var children: Int
    /// Each record whose findings change on a later as-of day, with the last day they hold (`AsOfDate`).
    var holdThrough: [ChildID: CalendarDate]
    /// The checks to run again on a record judged again for the day alone, its events unchanged.
    var dayReading: DayReadingChecks
    /// `holdThrough` in the order saved findings held it, with the records changed since (`DaysInOrder`), when the
    /// findings were read back from them (`SavedChecks`): saving them again orders only those.
    var daysInOrder: DaysInOrder?
    /// Every metric of the same records for the periods asked for, when the figures are kept beside the findings.
    var figures: MetricTallies?
    /// Other sets of figures of the same records, each under a name of its own (`keepFigures(_:as:)`), brought up to
    /// date when they are read.
    var named: [NamedFigures] = []

    /// A set of figures kept under a name, and the records the updates since it was last read took out and put back,
    /// in order: folded into it when it is next read (`figureReports(as:)`), so that an update spends nothing on it
    /// but keeping the records it built anyway.
    struct NamedFigures: Sendable {
        var name: String
        var tallies: MetricTallies
        var pending: [(removed: [ChildRecord], added: [ChildRecord])] = []
        var pendingRecords = 0

        mutating func catchUp() {
            for (removed, added) in pending { tallies.replace(records: removed, with: added) }
            pending = []
            pendingRecords = 0
        }
    }

    /// The records a named set of figures may wait to fold at most (those taken out and those put back): past it,
    /// the set is let go, and the next to ask for it evaluates it in full. About a hundred megabytes of records; two
    /// weeks of a 10M-event council's working days.
    var pendingRecordLimit = 50_000

    /// Checks every record of `state`, as `JourneyState.check(_:only:)` does, and keeps the findings for the appends
    /// to come (`roomForAppends`: see `LiveRecords.init`); with `figuresFor`, every metric for those periods too,
    /// from the same records, as `LiveMetrics` does.
    public init(
        _ state: consuming JourneyState, context: CheckContext, only: Set<String>? = nil,
        figuresFor contexts: [MetricContext]? = nil, parts: Int = 16, roomForAppends: Bool = true
    ) {
        let checks = CheckCatalogue.checks(only: only)
        let plan = contexts.map { MetricTallies.plan($0, only: nil) }
        records = LiveRecords(consume state, roomForAppends: roomForAppends)
        let fold = Self.checking(checks, context, figures: plan, keepingChanged: false)
        let checked = records.reduceRecords(includingRecording: true, parts: parts, fold)
        self.checks = checks
        self.context = context
        self.findings = Finding.inReportOrder(checked.runs.runs)
        self.children = checked.runs.children
        self.holdThrough = Dictionary(checked.runs.holdThrough, uniquingKeysWith: min)
        self.dayReading = checked.runs.dayReading
        if let plan, let part = checked.figures { figures = MetricTallies(plan, part) }
    }

    /// What checking some of the records found, their figures when they are kept, and the records the events
    /// changed when named sets of figures are kept.
    struct Checked: Sendable {
        var runs: CheckRuns
        var figures: MetricTallies.Part?
        var changed: [ChildRecord]?

        mutating func merge(_ other: Checked) {
            runs.merge(other.runs)
            if let part = other.figures { figures?.merge(part) }
            if let records = other.changed { changed?.append(contentsOf: records) }
        }
    }

    /// Records checked, and counted in the figures of `plan` when it is given (those the events changed only), and
    /// kept when `keepingChanged` (the same). A record the events did not change is checked by the checks at the
    /// indices `dayOnly` names, when it names them.
    static func checking(
        _ checks: [any Check], _ context: CheckContext, figures plan: MetricTallies.Plan?, keepingChanged: Bool,
        dayOnly: [Int]? = nil
    ) -> RecordFold<Checked> {
        RecordFold(
            initial: { Checked(runs: CheckRuns(checks), figures: plan?.part(), changed: keepingChanged ? [] : nil) },
            add: { checked, record, changedByEvents in
                if changedByEvents {
                    checked.figures?.add(record)
                    checked.changed?.append(copy record)
                }
                checked.runs.add(consume record, running: changedByEvents ? nil : dayOnly, context)
            }, merge: { $0.merge($1) })
    }

    /// What an update takes out of the figures: the records the events change, as they stood, folded into the
    /// figures' part when `plan` is given, and kept when `keepingChanged`.
    struct Taken: Sendable {
        var figures: MetricTallies.Part?
        var records: [ChildRecord]?

        static func fold(_ plan: MetricTallies.Plan?, keepingChanged: Bool) -> RecordFold<Taken> {
            RecordFold(
                initial: { Taken(figures: plan?.part(), records: keepingChanged ? [] : nil) },
                add: { taken, record, changedByEvents in
                    guard changedByEvents else { return }
                    taken.figures?.add(record)
                    taken.records?.append(record)
                },
                merge: { taken, other in
                    if let part = other.figures { taken.figures?.merge(part) }
                    if let records = other.records { taken.records?.append(contentsOf: records) }
                })
        }
    }

    /// The figures kept beside the findings, for each period in the order given, as `JourneyState.metrics` gives
    /// them; `nil` when none are kept.
    public var figureReports: [MetricsReport]? { figures?.reports }

    /// Keeps every metric for `contexts` beside the findings from now on, evaluated over every record as it stood at
    /// the last update (the records are not checked again).
    public mutating func keepFigures(for contexts: [MetricContext]) {
        let plan = MetricTallies.plan(contexts, only: nil)
        figures = MetricTallies(plan, records.reduceRecords(plan.recordFold))
    }

    /// Keeps `tallies` under `name` beside the findings from now on, in place of any kept under it. `tallies` must be
    /// of every record as it stood at the last update (`MetricTallies.init(_:contexts:only:)` of `state`), made away
    /// from here so that an update waits for none of it. Each update then keeps the records it takes out and puts
    /// back, and a read of the set folds them in (`figureReports(as:)`). A judgement on an earlier day, which checks
    /// every record again, lets the named sets go.
    package mutating func keepFigures(_ tallies: MetricTallies, as name: String) {
        dropFigures(as: name)
        named.append(NamedFigures(name: name, tallies: tallies))
    }

    /// The figures kept under `name` as the records stand at the last update, for each of their periods in order;
    /// `nil` when none are kept. The records the updates since the last read changed are folded in first: as many
    /// as an update folds into the figures for each of them, on all cores.
    package mutating func figureReports(as name: String) -> [MetricsReport]? {
        guard let i = named.firstIndex(where: { $0.name == name }) else { return nil }
        named[i].catchUp()
        return named[i].tallies.reports
    }

    /// The names of the sets of figures kept (`keepFigures(_:as:)`), first kept first.
    package var figureNames: [String] { named.map(\.name) }

    /// Stops keeping the figures under `name`.
    package mutating func dropFigures(as name: String) {
        named.removeAll { $0.name == name }
    }

    /// The state the findings are of.
    public var state: JourneyState { records.state }

    /// The report, as `JourneyState.check(_:only:)` gives it.
    public var report: CheckReport {
        CheckReport(checks, context, asKnownAt: nil, findings: findings, children: children)
    }

    /// Folds in the events of `log` (a folder, or a log in another store) after `cursor` and brings the findings up
    /// to date. Returns the cursor at the log's end.
    ///
    /// `judgedOn` is given the state with the events folded in, and may name the day to judge the findings on from
    /// now (`judge(on:)`; `nil` keeps the day): the records the events change and those whose findings change by
    /// then are checked once, on that day. An update and then `judge(on:)` would check twice a record that is both,
    /// and a day's events touch mostly the children whose findings change with the day.
    public mutating func fold<Store: EventStoreReader>(
        _ log: Store, after cursor: Store.Cursor?, judgedOn: (borrowing JourneyState) -> CalendarDate? = { _ in nil }
    ) throws -> (Store.Cursor, LiveUpdate) {
        let (end, events) = try records.fold(log, after: cursor)
        return (end, update(events: events, judgedOn: judgedOn(records.state)))
    }

    /// Folds in `events`, which must follow the state's last position, and brings the findings up to date, judged
    /// on the day `judgedOn` names, as `fold(_:after:judgedOn:)` does.
    @discardableResult
    public mutating func apply(
        _ events: [StoredEvent], judgedOn: (borrowing JourneyState) -> CalendarDate? = { _ in nil }
    ) -> LiveUpdate {
        records.apply(events)
        return update(events: events.count, judgedOn: judgedOn(records.state))
    }

    /// Judges the findings on `asOf`: on a later day (or the same), checks again the records whose findings change
    /// by then, and those the events folded since change; on an earlier day, every record.
    @discardableResult
    public mutating func judge(on asOf: CalendarDate) -> LiveUpdate {
        update(events: 0, judgedOn: asOf)
    }

    /// The records whose findings change by `asOf`, a later as-of day: those to check again when the findings are
    /// judged on it.
    static func changing(by asOf: CalendarDate, _ holdThrough: [ChildID: CalendarDate]) -> [ChildID] {
        holdThrough.compactMap { $0.value < asOf ? $0.key : nil }
    }

    /// Takes out the findings of the records the folded events change, and adds those of the records as they stand;
    /// judged on `asOf` when it is given, with the records whose findings change by then.
    mutating func update(events: Int, judgedOn asOf: CalendarDate? = nil) -> LiveUpdate {
        var remaking: [ChildID] = []
        if let asOf, asOf != context.asOf {
            // The findings hold through later days, not from earlier ones: an earlier day is judged in full, which
            // is always right (`SavedChecks` and the service ask for none).
            guard asOf > context.asOf else {
                return judgedInFull(on: asOf, events: events)
            }
            remaking = Self.changing(by: asOf, holdThrough)
            context.asOf = asOf
        }
        // A record judged again for the day alone, its events unchanged, is checked again by the checks that have
        // found an answer that changes with the day, and keeps the others' findings: they find the same on every
        // later day (`DayReadingChecks`).
        let dayOnly = dayReading.toRunAgain(of: checks.count)
        var removed = Removed(checks: dayOnly.map { Set($0.map { checks[$0].id }) })
        let removing = { (id: ChildID, changedByEvents: Bool) in
            removed.insert(id, wholly: changedByEvents)
            self.holdThrough[id] = nil
        }
        // The records as they stand are checked on all cores, as in a full run; with the figures, those the events
        // change are counted from the same builds, and taken out as they stood.
        // With named sets, the records are kept for them as well, to fold when they are read.
        let plan = figures?.partPlan
        let keeping = !named.isEmpty
        let fold = Self.checking(checks, context, figures: plan, keepingChanged: keeping, dayOnly: dayOnly)
        let checked: CheckRuns
        if plan != nil || keeping {
            let (old, new) = records.update(
                includingRecording: true, remaking: remaking, removing: removing,
                taking: Taken.fold(plan, keepingChanged: keeping), adding: fold)
            if let part = old.value.figures { figures!.replace(part, with: new.value.figures!) }
            if let removed = old.value.records, let added = new.value.changed {
                for i in named.indices {
                    named[i].pending.append((removed, added))
                    named[i].pendingRecords += removed.count + added.count
                }
                named.removeAll { $0.pendingRecords > pendingRecordLimit }
            }
            checked = new.value.runs
        } else {
            checked =
                records.update(includingRecording: true, remaking: remaking, removing: removing, adding: fold).runs
        }
        for (record, day) in checked.holdThrough { holdThrough[record] = day }
        dayReading.formUnion(checked.dayReading)
        if daysInOrder != nil {
            daysInOrder?.touched.formUnion(removed.records)
            daysInOrder?.touched.formUnion(removed.partly)
            daysInOrder?.touched.formUnion(checked.holdThrough.lazy.map(\.record))
        }
        let ordered = Finding.inReportOrder(checked.runs)
        var kept: [Finding] = []
        swap(&kept, &findings)
        findings = Self.replacing(consume kept, of: removed, with: ordered)
        children += checked.children - removed.count
        return LiveUpdate(events: events, recordsRemoved: removed.count, recordsAdded: checked.children)
    }

    /// The records an update takes the findings of out: every finding of those the events change, and of those
    /// judged again for the day alone, the findings of the checks run again on them (all of them when `checks` is
    /// `nil`).
    struct Removed {
        /// Every finding of these goes.
        var records: Set<ChildID> = []
        /// The findings of `checks` of these go.
        var partly: Set<ChildID> = []
        /// The ids of the checks run again on a record judged again for the day alone; `nil` for all.
        let checks: Set<String>?

        init(checks: Set<String>?) { self.checks = checks }

        /// All of `record`'s findings when `wholly` or every check runs again, otherwise those of `checks`.
        mutating func insert(_ record: ChildID, wholly: Bool) {
            if wholly || checks == nil { records.insert(record) } else { partly.insert(record) }
        }

        var count: Int { records.count + partly.count }

        /// Whether a finding of `check` about `child` goes. Asked with the two alone, so that a finding read where it
        /// lies in a buffer is not copied whole (each of its strings and lists retained) to be asked about.
        func contains(_ child: ChildID, check: String) -> Bool {
            records.contains(child) || (partly.contains(child) && checks!.contains(check))
        }
    }

    /// Every record checked again, judged on `asOf`, with the events folded since.
    private mutating func judgedInFull(on asOf: CalendarDate, events: Int) -> LiveUpdate {
        var judged = context
        judged.asOf = asOf
        let state = records.state
        let before = children
        // The records let go first, so that the state is not held twice while it is checked again.
        records = LiveRecords(JourneyState(), roomForAppends: false)
        self = LiveChecks(state, context: judged, only: Set(checks.map(\.id)), figuresFor: figures?.contexts)
        return LiveUpdate(events: events, recordsRemoved: before, recordsAdded: children)
    }

    /// `findings` without those `removed` holds, and with `added` (in report order) in their places.
    ///
    /// A record's findings all name its child, and no two records are of one child; a record whose findings are
    /// kept in part loses those of the checks run on it again, and only those add findings. So a finding kept and
    /// one added are never of one check and one child, never tie in report order, and this is the stable sort a
    /// full run makes. Each added finding's place is found by halving (a handful of comparisons, where a merge would
    /// compare every finding kept), and the kept findings are moved across a run at a time.
    ///
    /// An added finding that cites only events a removed one cited, with their ids looked up, takes their ids: an
    /// event's id never changes, and a record checked again mostly finds what it found before, so only the events
    /// cited for the first time are looked up (`SavedChecks`, the service's findings with their ids).
    static func replacing(_ findings: consuming [Finding], of removed: Removed, with added: [Finding]) -> [Finding] {
        var findings = findings
        // Each finding's check's place in the catalogue, looked up once for each run of one check (in report order a
        // check's findings lie together): looked up in every comparison, it cost two hashed strings each time.
        let places = Finding.checkPlaces(findings)
        let addedPlaces = Finding.checkPlaces(added)
        var known: [UInt64: EventID] = [:]
        var result = findings.withUnsafeMutableBufferPointer { old in
            [Finding](unsafeUninitializedCapacity: old.count + added.count) { result, count in
                // The findings kept are moved across, not copied: a copy retains each of a finding's strings and lists,
                // most of them long out of the cache by now, and that was most of the update's merging. The places
                // moved from are left holding a finding with nothing to free, so that `findings` frees only those
                // taken out.
                let vacant = Finding.vacant
                var start = 0
                func keep(upTo end: Int) {
                    var i = start
                    while i < end {
                        guard !removed.contains(old[i].child, check: old[i].check) else {
                            if old[i].isResolved {
                                for (position, id) in zip(old[i].positions, old[i].eventIDs) { known[position] = id }
                            }
                            i += 1
                            continue
                        }
                        var j = i + 1
                        while j < end && !removed.contains(old[j].child, check: old[j].check) { j += 1 }
                        (result.baseAddress! + count).moveInitialize(from: old.baseAddress! + i, count: j - i)
                        (old.baseAddress! + i).initialize(repeating: vacant, count: j - i)
                        count += j - i
                        i = j
                    }
                    start = end
                }
                for (finding, place) in zip(added, addedPlaces) {
                    var (low, high) = (start, old.count)
                    while low < high {
                        let mid = (low + high) / 2
                        let before =
                            places[mid] != place ? places[mid] < place : Finding.ordering(old[mid], finding) < 0
                        if before { low = mid + 1 } else { high = mid }
                    }
                    keep(upTo: low)
                    (result.baseAddress! + count).initialize(to: finding)
                    count += 1
                }
                keep(upTo: old.count)
            }
        }
        if !known.isEmpty {
            for i in result.indices where !result[i].isResolved {
                let ids = result[i].positions.compactMap { known[$0] }
                if ids.count == result[i].positions.count { result[i].eventIDs = ids }
            }
        }
        return result
    }
}
