import JourneyProjections

/// Which kinds of fact a record holds: one flag for each of its lists that is not empty. A check names the kinds it
/// judges (`Check.judges`), and is not called on a record with none of them: most children are never in care, and a
/// hundred checks of the SSDA903 return have nothing to say of them.
public struct RecordFacts: OptionSet, Hashable, Sendable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Set for every record, one with no lists at all too, so that `everything` meets every record.
    public static let anyRecord = RecordFacts(rawValue: 1 << 63)
    /// Every kind: what a check judges unless it names less (`Check.judges`), so it is called on every record.
    public static let everything = RecordFacts(rawValue: .max)

    public static let mergedFrom = RecordFacts(rawValue: 1 << 0)
    public static let disabilities = RecordFacts(rawValue: 1 << 1)
    public static let allocations = RecordFacts(rawValue: 1 << 2)
    public static let contacts = RecordFacts(rawValue: 1 << 3)
    public static let referrals = RecordFacts(rawValue: 1 << 4)
    public static let assessments = RecordFacts(rawValue: 1 << 5)
    public static let strategyDiscussions = RecordFacts(rawValue: 1 << 6)
    public static let s47Enquiries = RecordFacts(rawValue: 1 << 7)
    public static let conferences = RecordFacts(rawValue: 1 << 8)
    public static let cinPlans = RecordFacts(rawValue: 1 << 9)
    public static let cpPlans = RecordFacts(rawValue: 1 << 10)
    public static let earlyHelp = RecordFacts(rawValue: 1 << 11)
    public static let steps = RecordFacts(rawValue: 1 << 12)
    /// Periods of care; the 903 rows (`ChildJourney.careEpisodes`) and care reviews (`careReviews`) are made only
    /// for a record that has them.
    public static let periodsOfCare = RecordFacts(rawValue: 1 << 13)
    public static let placements = RecordFacts(rawValue: 1 << 14)
    public static let missingEpisodes = RecordFacts(rawValue: 1 << 15)
    public static let visits = RecordFacts(rawValue: 1 << 16)
    public static let adoptions = RecordFacts(rawValue: 1 << 17)
    public static let permanenceOrders = RecordFacts(rawValue: 1 << 18)
    public static let previousPermanence = RecordFacts(rawValue: 1 << 19)
    public static let careLeaverContacts = RecordFacts(rawValue: 1 << 20)
    public static let pathwayPlanReviews = RecordFacts(rawValue: 1 << 21)
    public static let personalAdvisers = RecordFacts(rawValue: 1 << 22)
    public static let healthAssessments = RecordFacts(rawValue: 1 << 23)
    public static let dentalChecks = RecordFacts(rawValue: 1 << 24)
    public static let immunisations = RecordFacts(rawValue: 1 << 25)
    public static let healthSurveillance = RecordFacts(rawValue: 1 << 26)
    public static let sdqs = RecordFacts(rawValue: 1 << 27)
    public static let convictions = RecordFacts(rawValue: 1 << 28)
    public static let substanceMisuse = RecordFacts(rawValue: 1 << 29)
    public static let deprivationOfLibertyOrders = RecordFacts(rawValue: 1 << 30)
    public static let motherhood = RecordFacts(rawValue: 1 << 31)
    public static let homePostcodes = RecordFacts(rawValue: 1 << 32)
    public static let workerChangeReasons = RecordFacts(rawValue: 1 << 33)

    /// The kinds of fact `record` holds, with `anyRecord`.
    public init(_ record: borrowing ChildRecord) {
        var facts = RecordFacts.anyRecord
        func note(_ isEmpty: Bool, _ kind: RecordFacts) { if !isEmpty { facts.insert(kind) } }
        note(record.mergedFrom.isEmpty, .mergedFrom)
        note(record.disabilities.isEmpty, .disabilities)
        note(record.allocations.isEmpty, .allocations)
        note(record.contacts.isEmpty, .contacts)
        note(record.referrals.isEmpty, .referrals)
        note(record.assessments.isEmpty, .assessments)
        note(record.strategyDiscussions.isEmpty, .strategyDiscussions)
        note(record.s47Enquiries.isEmpty, .s47Enquiries)
        note(record.conferences.isEmpty, .conferences)
        note(record.cinPlans.isEmpty, .cinPlans)
        note(record.cpPlans.isEmpty, .cpPlans)
        note(record.earlyHelp.isEmpty, .earlyHelp)
        note(record.steps.isEmpty, .steps)
        note(record.periodsOfCare.isEmpty, .periodsOfCare)
        note(record.placements.isEmpty, .placements)
        note(record.missingEpisodes.isEmpty, .missingEpisodes)
        note(record.visits.isEmpty, .visits)
        note(record.adoptions.isEmpty, .adoptions)
        note(record.permanenceOrders.isEmpty, .permanenceOrders)
        note(record.previousPermanence.isEmpty, .previousPermanence)
        note(record.careLeaverContacts.isEmpty, .careLeaverContacts)
        note(record.pathwayPlanReviews.isEmpty, .pathwayPlanReviews)
        note(record.personalAdvisers.isEmpty, .personalAdvisers)
        note(record.healthAssessments.isEmpty, .healthAssessments)
        note(record.dentalChecks.isEmpty, .dentalChecks)
        note(record.immunisations.isEmpty, .immunisations)
        note(record.healthSurveillance.isEmpty, .healthSurveillance)
        note(record.sdqs.isEmpty, .sdqs)
        note(record.convictions.isEmpty, .convictions)
        note(record.substanceMisuse.isEmpty, .substanceMisuse)
        note(record.deprivationOfLibertyOrders.isEmpty, .deprivationOfLibertyOrders)
        note(record.motherhood.isEmpty, .motherhood)
        note(record.homePostcodes.isEmpty, .homePostcodes)
        note(record.workerChangeReasons.isEmpty, .workerChangeReasons)
        self = facts
    }
}
