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
    /// An assessment authorised with no factors recorded, not even `21` for none (CIN rule 8897Q).
    /// Next to the commonest kinds, so that few children whose kind does not apply fall through to it (the
    /// last involvement tries the kinds after the one drawn).
    case assessmentWithoutFactors = "assessment-without-factors"
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
    /// A child protection plan whose end was mistyped as the day it started (CIN rule 8840).
    case cpPlanEndedOnStartDay = "cp-plan-ended-on-start-day"
    /// A child in need plan whose end was mistyped as a day before it started (CIN rule 4011).
    case cinPlanEndedBeforeStart = "cin-plan-ended-before-start"
    /// A child in need plan whose end was mistyped as the day it started (CIN rule 4012Q).
    case cinPlanEndedOnStartDay = "cin-plan-ended-on-start-day"
    /// An initial child protection conference whose date was mistyped as days before its enquiry started (CIN
    /// rule 8615).
    case icpcBeforeS47 = "icpc-before-s47"
    /// A move between placements whose reason was never recorded (903 rule 225).
    case placementChangeWithoutReason = "placement-change-without-reason"
    /// A foster placement recorded as provided by another public body, which foster care cannot be (903 rule 529).
    case placementProviderContradictsType = "placement-provider-contradicts-type"
    /// Adopters whose sex code contradicts their legal status: an unmarried couple of different genders coded as
    /// the same sex, or the other way round (903 rules 517 and 518).
    case adoptersSexContradictsLegalStatus = "adopters-sex-contradicts-legal-status"
    /// A review's participation code wrong for the child's age: `PN0` (under 4) for a child of 4 or over, or a
    /// code for a child of 4 or over for one under 4 (903 rules 440 and 441).
    case reviewParticipationWrongForAge = "review-participation-wrong-for-age"

    public static func < (a: SynthDefect, b: SynthDefect) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The kinds only a few children can carry (those who move placement, are placed for adoption, are looked
    /// after for a year or leave care): tried first for half the children with a defect, so that the checks have
    /// some to find.
    static let rare: [SynthDefect] = [
        .adoptionReversedBeforeDecision, .sdqScoreOutOfAge, .adoptionMatchWithoutDecision, .careLeaverDiedWithActivity,
        .overlappingPlacements, .placementChangeWithoutReason, .adoptersSexContradictsLegalStatus,
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
