import JourneyCore

/// Turns one child's episodes into care events, by the SSDA903 rules for the reason for new episode (RNE) and the
/// reason episode ceased (REC).
///
/// - RNE `S` starts a period of care and its first placement (`care.started`, `placement.started`).
/// - RNE `L` changes the legal status only (`legal-status.changed`); the placement goes on.
/// - RNE `P`, `T`, `U` and `B` change the placement (`placement.ended` for the one before, `placement.started`);
///   `U` and `B` change the legal status too. `T` and `U` keep the same carer (`sameCarer: true`), so they are not
///   placement moves.
/// - A temporary placement (`T0`–`T4`) interrupts the placement before it without ending it; when it ends, a
///   placement with the same details is the child going back to the interrupted one, not a new placement.
/// - REC `X1` ends the episode but not the period: the next episode carries it on. Any other REC ends the period
///   (`care.ended`, which ends its placement too).
/// - The legal status follows the return's LS: a short-break child (`V3`/`V4`) whose placements change keeps that
///   legal status throughout, and an LS that changes without RNE `L`, `U` or `B` still gives `legal-status.changed`.
struct EpisodeChain {
    /// Readings of a child's episodes that the summary reports.
    struct Notes {
        /// Periods whose start (RNE `S`) is not in the return: started at their first episode in it.
        var periodsStartedMidway = 0
        /// RNE `S` while a period from the log was still open: that period is left as it is.
        var openPeriodsNotContinued = 0
        /// RNE `S` after an episode of the return with no DEC: the period of that episode is left open.
        var openEpisodesFollowedByStart = 0
        /// REC `X1` followed by RNE `S`: the period is ended with reason `X1` on the day the episode ceased.
        var periodsEndedWithX1 = 0
        /// REC `X1` with no episode after it in the return: the period goes on.
        var x1WithoutNextEpisode = 0
        /// A legal status that changed without RNE `L`, `U` or `B`.
        var legalStatusChangesWithoutRNE = 0
        /// RNE `L` on an episode whose placement details differ: the placement goes on, as RNE `L` says.
        var placementDetailsChangedUnderL = 0
        /// Returns to the placement a temporary one interrupted.
        var returnsAfterTemporaryPlacement = 0

        static func + (a: Notes, b: Notes) -> Notes {
            Notes(
                periodsStartedMidway: a.periodsStartedMidway + b.periodsStartedMidway,
                openPeriodsNotContinued: a.openPeriodsNotContinued + b.openPeriodsNotContinued,
                openEpisodesFollowedByStart: a.openEpisodesFollowedByStart + b.openEpisodesFollowedByStart,
                periodsEndedWithX1: a.periodsEndedWithX1 + b.periodsEndedWithX1,
                x1WithoutNextEpisode: a.x1WithoutNextEpisode + b.x1WithoutNextEpisode,
                legalStatusChangesWithoutRNE: a.legalStatusChangesWithoutRNE + b.legalStatusChangesWithoutRNE,
                placementDetailsChangedUnderL: a.placementDetailsChangedUnderL + b.placementDetailsChangedUnderL,
                returnsAfterTemporaryPlacement: a.returnsAfterTemporaryPlacement + b.returnsAfterTemporaryPlacement)
        }
    }

    let child: ChildID
    /// The index of the episodes table in the report.
    let table: Int
    /// Whether a period of care that starts on a date began while the child was UASC.
    let isUASC: (CalendarDate) -> Bool
    var state: CareState
    private(set) var facts: [Fact] = []
    private(set) var notes = Notes()

    init(child: ChildID, table: Int, state: CareState, isUASC: @escaping (CalendarDate) -> Bool) {
        self.child = child
        self.table = table
        self.state = state
        self.isUASC = isUASC
    }

    /// Follows the episodes, in order of DECOM.
    mutating func run(_ episodes: [EpisodeRow]) {
        for (i, episode) in episodes.enumerated() {
            begin(episode, after: i > 0 ? episodes[i - 1] : nil)
            end(episode, isLast: i == episodes.count - 1)
        }
    }

    private mutating func begin(_ e: EpisodeRow, after previous: EpisodeRow?) {
        if e.reason == .S {
            if let open = state.period {
                if let previous, let ceased = previous.end, previous.endReason?.rawValue == "X1" {
                    // X1 says the period goes on and S says a new one starts: the return is read as ending the
                    // period on the day the episode ceased, with the reason it gives (X1).
                    emit(
                        .careEnded(period: open.id, reason: CareEndReason("X1")!), on: ceased,
                        key: key("ce", open.start), line: previous.line)
                    notes.periodsEndedWithX1 += 1
                } else if previous != nil {
                    notes.openEpisodesFollowedByStart += 1
                } else {
                    notes.openPeriodsNotContinued += 1
                }
            }
            startPeriod(e, isMidway: false)
            return
        }
        guard let period = state.period else {
            // An episode that carries on a period the return does not start (RNE other than S with no period
            // open): the period starts, as far as the log knows, with this episode.
            startPeriod(e, isMidway: true)
            notes.periodsStartedMidway += 1
            return
        }
        if e.reason.changesLegalStatus || e.legalStatus != period.legalStatus {
            emit(
                .legalStatusChanged(period: period.id, legalStatus: e.legalStatus), on: e.start,
                key: key("ls", e.start), line: e.line)
            state.period!.legalStatus = e.legalStatus
            if !e.reason.changesLegalStatus { notes.legalStatusChangesWithoutRNE += 1 }
        }
        if e.reason.changesPlacement {
            // The placement ends on the day the episode before ceased (the same day, unless the return leaves a
            // gap), with the reason that episode gives for the change.
            var ended = e.start
            if let ceased = previous?.end, ceased <= e.start { ended = ceased }
            changePlacement(e, reason: previous?.placementChangeReason, ended: ended)
        } else if state.placement == nil {
            startPlacement(e)
        } else if state.placement!.details != e.placement && state.interrupted?.details != e.placement {
            notes.placementDetailsChangedUnderL += 1
        }
    }

    private mutating func end(_ e: EpisodeRow, isLast: Bool) {
        guard let ceased = e.end, let reason = e.endReason else { return }
        if reason.rawValue != "X1" {
            guard let period = state.period else { return }
            emit(.careEnded(period: period.id, reason: reason), on: ceased, key: key("ce", period.start), line: e.line)
            state = CareState()
        } else if isLast {
            notes.x1WithoutNextEpisode += 1
        }
    }

    private mutating func startPeriod(_ e: EpisodeRow, isMidway: Bool) {
        let id = PeriodID("care-" + ReturnValues.iso(e.start))
        emit(
            .careStarted(
                CareStarted(period: id, legalStatus: e.legalStatus, needCode: e.need, isUASC: isUASC(e.start))),
            on: e.start, key: key("cs", e.start), line: e.line)
        state = CareState(period: CareState.Period(id: id, start: e.start, legalStatus: e.legalStatus))
        startPlacement(e, isSameCarer: isMidway && e.reason.isSameCarer)
    }

    private mutating func changePlacement(_ e: EpisodeRow, reason: PlacementChangeReason?, ended: CalendarDate) {
        guard let current = state.placement else {
            startPlacement(e)
            return
        }
        if current.details.isTemporary {
            endPlacement(current, reason: reason, on: ended, line: e.line)
            state.placement = nil
            if e.placement.isTemporary {
                startPlacement(e)
            } else if let held = state.interrupted, held.details == e.placement {
                // Back to the placement the temporary one interrupted: it never ended, so nothing starts.
                state.placement = held
                state.interrupted = nil
                notes.returnsAfterTemporaryPlacement += 1
            } else {
                if let held = state.interrupted { endPlacement(held, reason: reason, on: ended, line: e.line) }
                state.interrupted = nil
                startPlacement(e)
            }
        } else if e.placement.isTemporary {
            state.interrupted = current
            startPlacement(e)
        } else {
            endPlacement(current, reason: reason, on: ended, line: e.line)
            startPlacement(e)
        }
    }

    private mutating func startPlacement(_ e: EpisodeRow, isSameCarer: Bool? = nil) {
        let id = PlacementID("placement-" + ReturnValues.iso(e.start))
        let p = e.placement
        emit(
            .placementStarted(
                PlacementStarted(
                    placement: id, period: state.period!.id, placementType: p.type, provider: p.provider,
                    postcode: p.postcode, urn: p.urn, isSameCarer: isSameCarer ?? e.reason.isSameCarer)),
            on: e.start, key: key("ps", e.start), line: e.line)
        state.placement = CareState.Placement(id: id, start: e.start, details: p)
    }

    private mutating func endPlacement(
        _ placement: CareState.Placement, reason: PlacementChangeReason?, on date: CalendarDate, line: Int
    ) {
        emit(
            .placementEnded(placement: placement.id, reason: reason), on: date, key: key("pe", placement.start),
            line: line)
    }

    private func key(_ tag: String, _ date: CalendarDate) -> String { FactKey.make("903", child, tag, date) }

    private mutating func emit(_ body: EventBody, on date: CalendarDate, key: String, line: Int) {
        facts.append(Fact(key: key, child: child, occurred: date, body: body, table: table, line: line))
    }
}
