import JourneyCore
import JourneyProjections

extension LiveChecks {
    /// The canonical bytes of the question these findings answer (`SavedFindings.question`): equal for two
    /// `LiveChecks` exactly when they judge the same records alike.
    package var question: [UInt8] { SavedFindings.question(context, checks: checks.map(\.id)) }

    /// The question, the children count and the findings as bytes (`SavedFindings`), to be read back by
    /// `init(_:context:only:savedFindings:)` in a later run; with `days`, the bytes of the records' days
    /// (`SavedFindings.days(_:asOf:)` of `holdThrough`), asked for once the findings are encoded.
    package func savedFindings(days: (() -> [UInt8])? = nil) -> [UInt8] {
        SavedFindings.encode(
            question: question, asOf: context.asOf, children: children, findings: findings, holdThrough: holdThrough,
            dayReading: dayReading, days: days)
    }

    /// LiveChecks for `state` with findings read from `bytes`, made by `savedFindings()` of a LiveChecks of the
    /// SAME question over the state as it stood then; nil if the question differs or the bytes are damaged.
    ///
    /// No record is checked: the findings are taken as those of `state`'s records, so the caller must pass the
    /// state the bytes were saved with (the log as it stood, with nothing appended since). Appends after it are
    /// then folded in as usual (`apply`, `fold`), which checks only the records they change.
    package init?(_ state: JourneyState, context: CheckContext, only: Set<String>?, savedFindings bytes: [UInt8]) {
        self.init(records: LiveRecords(state), context: context, only: only, savedFindings: bytes)
    }

    /// The same, with the records as they stood when the bytes were saved (`SavedResults.resume`), which may
    /// already hold events folded in since, for an update to take in.
    package init?(records: LiveRecords, context: CheckContext, only: Set<String>?, savedFindings bytes: [UInt8]) {
        guard let saved = Self.decode(bytes, context: context, only: only),
            let held = Self.decodeHoldThroughInOrder(bytes, context: context, only: only)
        else { return nil }
        self.init(
            records: records, context: context, only: only, decoded: saved, holdThrough: held.days,
            dayReading: held.dayReading)
    }

    /// The same, with the findings already read from their bytes by `decode(_:context:only:)` for the same context
    /// and checks (a caller may read them while it reads the records), and the records whose findings change on a
    /// later day and the checks that read the day by `decodeHoldThroughInOrder(_:context:only:)`, in the order
    /// they were saved in when it is given.
    init(
        records: LiveRecords, context: CheckContext, only: Set<String>?, decoded saved: DecodedFindings,
        holdThrough: [ChildID: CalendarDate], dayReading: DayReadingChecks, inOrder: DaysInOrder? = nil
    ) {
        self.records = records
        self.checks = CheckCatalogue.checks(only: only)
        self.context = context
        findings = saved.findings
        children = saved.children
        self.holdThrough = holdThrough
        self.dayReading = dayReading
        daysInOrder = inOrder
        figures = nil
    }

    /// The children count and findings `bytes` hold, made by `savedFindings()` of LiveChecks of the question
    /// `context` and `only` ask; nil if the question differs or the bytes are damaged.
    package static func decode(_ bytes: [UInt8], context: CheckContext, only: Set<String>?) -> DecodedFindings? {
        let ids = CheckCatalogue.checks(only: only).map(\.id)
        return SavedFindings.decode(
            bytes, question: SavedFindings.question(context, checks: ids), asOf: context.asOf, checks: Set(ids)
        ).map { DecodedFindings(children: $0.children, findings: $0.findings) }
    }

    /// Whether `bytes`, made by `savedFindings()`, are the findings of the question `context` and `only` ask (their
    /// checksum is `decode`'s to check).
    static func answer(_ bytes: [UInt8], context: CheckContext, only: Set<String>?) -> Bool {
        SavedFindings.asks(
            bytes, question: SavedFindings.question(context, checks: CheckCatalogue.checks(only: only).map(\.id)))
    }

    /// The records whose findings change on a later day (`holdThrough`) that `bytes` hold, made by `savedFindings()`
    /// of LiveChecks of the question `context` and `only` ask, with the order the bytes hold them in, for a later save
    /// to keep (`DaysInOrder`), and the checks that read the day (`DayReadingChecks`); nil if the question differs or
    /// the bytes are damaged.
    static func decodeHoldThroughInOrder(_ bytes: [UInt8], context: CheckContext, only: Set<String>?) -> (
        days: [ChildID: CalendarDate], order: DaysInOrder, dayReading: DayReadingChecks
    )? {
        SavedFindings.holdThrough(
            bytes, question: SavedFindings.question(context, checks: CheckCatalogue.checks(only: only).map(\.id)),
            asOf: context.asOf)
    }

    /// Findings read back from saved bytes, for `init(records:context:only:decoded:)`.
    package struct DecodedFindings: Sendable {
        var children: Int
        var findings: [Finding]
    }
}
