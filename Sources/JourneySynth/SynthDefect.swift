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

    public static func < (a: SynthDefect, b: SynthDefect) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// How often each kind is chosen for a child with a defect: late recording is the commonest in practice.
    var weight: Double {
        switch self {
        case .lateRecording: 3
        case .correction, .duplicateEvent: 2
        default: 1
        }
    }
}
