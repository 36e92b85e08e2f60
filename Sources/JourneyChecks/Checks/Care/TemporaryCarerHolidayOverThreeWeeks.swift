import JourneyCore

/// `T3`, temporary accommodation while the foster carers are on holiday: at most 3 weeks (SSDA903 rule 376,
/// "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks").
/// The rule itself is shared with the other limits: `TemporaryPlacementLimit`.
struct TemporaryCarerHolidayOverThreeWeeks: TemporaryPlacementLimit {
    var id: String { "t3-carer-holiday-over-three-weeks" }
    var severity: Severity { .error }
    var rule: String? { "903 376" }
    var summary: String { "A temporary placement for the carers' holiday (T3) lasts more than 3 weeks." }
    var placementType: String { "T3" }
    var limitDays: Int { 21 }
    var limitText: String { "3 weeks" }
}
