import JourneyCore
import JourneyProjections

extension ChildJourney {
    /// The child's registration, the event a finding about the child's details names (`child.updated` puts them
    /// right); `nil` for a child never registered.
    var registration: RecordedEventRef? {
        record.recording.events.first { $0.counts && $0.type == .childRegistered }.map {
            RecordedEventRef(date: $0.occurred, position: $0.position)
        }
    }

    /// Whether the CIN census would hold the child: it has a referral (a `CINdetails`).
    var hasReferral: Bool { !record.referrals.isEmpty }

    /// The first day of the census year that ends on the as-of date (`make_census_period`: the reference date less a
    /// year, plus a day). It moves with the as-of date, at least 364 days behind it: a year back is never under 365
    /// days.
    var censusYearStart: AsOfDate { asOf.lagging(asOf.value.adding(years: -1).adding(days: 1), by: 364) }

    /// Whether the census of the year ending on the as-of date returns the referral (a `CINdetails`): an episode of
    /// need open on a day of the year, or an NFA referral received in it.
    func isReturned(_ r: ChildRecord.Referral) -> Bool {
        guard r.date <= asOf else { return false }
        if r.isNFA { return r.date >= censusYearStart }
        return r.closed.map { $0 >= censusYearStart } ?? true
    }

    /// The keys of the referrals the census of the year ending on the as-of date returns (`isReturned`): the episodes
    /// whose open assessments and enquiries CIN 8736 and 8740 judge.
    var returnedReferralKeys: Set<UInt64> { Set(record.referrals.filter { isReturned($0) }.map(\.key)) }
}

/// The date and position of an event a finding names.
struct RecordedEventRef {
    var date: CalendarDate
    var position: UInt64
}

extension Check {
    /// Adds a finding about the child's details (`message` says what is wrong and how to put it right), on the
    /// child's registration, else on the first referral of a child never registered; none for a record with neither.
    func addDetailsFinding(_ child: ChildJourney, _ message: String, into findings: inout [Finding]) {
        if let registration = child.registration {
            findings.append(finding(child, on: registration.date, events: [registration.position], message))
        } else if let first = child.record.referrals.min(by: { ($0.date, $0.position) < ($1.date, $1.position) }) {
            findings.append(finding(child, on: first.date, events: [first.position], message))
        }
    }
}
