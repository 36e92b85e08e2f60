/// The data-quality defects a synthetic council can carry, so that the checks can be tested against known counts.
///
/// Each is what real case systems show: the log records what was recorded, mistakes included, and corrections are
/// new events (events.md).
public enum SynthDefect: String, CaseIterable, Hashable, Sendable, Comparable {
    /// An event recorded days after it occurred (`recorded` 3–60 days after `occurred`).
    case lateRecording = "late-recording"
    /// An event replaced by a later one (`corrects`, same child and type, one field changed).
    case correction = "correction"
    /// An event recorded in error, then retracted (`event.retracted`).
    case retraction = "retraction"
    /// The same fact recorded twice under different ids.
    case duplicateEvent = "duplicate-event"
    /// An assessment authorised before the date it started (a mistyped date).
    case assessmentCompletedBeforeStart = "assessment-completed-before-start"
    /// A placement started while the previous one had not ended (its end recorded days late, or dated late).
    case overlappingPlacements = "overlapping-placements"
    /// A visit recorded after the case was closed, with no episode open.
    case eventAfterClosure = "event-after-closure"
    /// A contact recorded under a second record for the same child, later merged into the first (`child.merged`).
    case duplicateChildMerged = "duplicate-child-merged"
    /// A match with adopters whose decision to place for adoption was never recorded.
    case adoptionMatchWithoutDecision = "adoption-match-without-decision"
    /// A decision to place for adoption reversed on a date before the decision (a mistyped date).
    case adoptionReversedBeforeDecision = "adoption-reversed-before-decision"
    /// An SDQ score for a child under 4 (the questionnaire is for ages 4 to 16).
    case sdqScoreOutOfAge = "sdq-score-out-of-age"
    /// A care leaver recorded as having died, with an activity (the 903 allows only `0`).
    case careLeaverDiedWithActivity = "care-leaver-died-with-activity"

    public static func < (a: SynthDefect, b: SynthDefect) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The kinds only a few children can carry (those who move placement, are placed for adoption, are looked
    /// after for a year or leave care): tried first for half the children with a defect, so that the checks have
    /// some to find.
    static let rare: [SynthDefect] = [
        .adoptionReversedBeforeDecision, .sdqScoreOutOfAge, .adoptionMatchWithoutDecision, .careLeaverDiedWithActivity,
        .overlappingPlacements,
    ]

    /// How often each kind is chosen for a child with a defect: late recording is the commonest in practice.
    var weight: Double {
        switch self {
        case .lateRecording: 3
        case .correction, .duplicateEvent: 2
        default: 1
        }
    }
}
