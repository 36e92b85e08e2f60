import JourneyCore
import JourneyProjections

/// A looked-after review as the 903's Reviews table reads it: its date, the child's participation, and its event.
struct CareReview {
    var date: CalendarDate
    var participation: ReviewParticipation?
    var position: UInt64?
}

extension ChildJourney {
    /// Every `care.reviewed` of the child's periods of care held by `asOf`, with its participation: `careReviews`,
    /// worked out once for each child when the journey is made (static, so that making it does not copy the journey).
    static func careReviews(of record: ChildRecord, index: EventLookup?, asOf: AsOfDate) -> [CareReview] {
        record.periodsOfCare.flatMap { p in
            p.reviews.enumerated().filter { $0.element <= asOf }.map { i, date in
                CareReview(
                    date: date, participation: i < p.reviewParticipation.count ? p.reviewParticipation[i] : nil,
                    position: position(in: record, index: index, .careReviewed, key: p.key, on: date))
            }
        }
    }
}
