import Crypto
import JourneyCore

/// Turns events into a research extract that identifies no child: identifiers replaced by keyed pseudonyms, dates of
/// birth and postcodes coarsened, workers, teams and free text taken out (docs/research-extract.md).
///
/// A pseudonym is the HMAC-SHA256, under the key, of a kind and the identifier (`child:C100`, `event:e-0001`,
/// `id:R1`), written in lower-case hexadecimal and cut short: 20 digits for a child (80 bits, the most a child
/// identifier holds, 20 characters of `A–Z a–z 0–9 _ -`), 32 for an event or a thing of the child's record (128 bits,
/// within the 64 bytes an identifier may have). The same key always gives the same pseudonyms, so extracts taken at
/// different times link up; without the key they cannot be reversed or recomputed from a guessed id. The kinds keep
/// the three apart: a referral called `C100` does not get child `C100`'s pseudonym.
///
/// The mapping is one-to-one in practice (two of a million children share a pseudonym with odds of about 1 in
/// 2.4 × 10¹²), so everything that links events — a correction to the event it corrects, a plan's end to its start,
/// a merge to the record it joins — links the same way in the extract.
public struct Pseudonymiser: Sendable {
    /// The shortest key taken: 32 bytes, the length of HMAC-SHA256's output, below which the key, not the hash, is
    /// the weaker part (RFC 2104 §3).
    public static let minimumKeyLength = 32

    /// What a required free-text field holds in the extract (`worker.allocated` `team`, `event.retracted` `reason`).
    public static let withheld = "withheld"

    /// The key's bytes (`SymmetricKey` is not `Sendable`: one is made for each pseudonym).
    private let key: [UInt8]

    /// A pseudonymiser with `key`; `nil` when it is shorter than `minimumKeyLength` (`init(keyFile:)` says why).
    public init?(key: some Sequence<UInt8>) {
        let bytes = Array(key)
        guard bytes.count >= Self.minimumKeyLength else { return nil }
        self.key = bytes
    }

    // MARK: Identifiers

    /// The child's pseudonym: the first 20 hexadecimal digits of HMAC-SHA256(key, "child:" + id).
    public func pseudonym(of child: ChildID) -> ChildID {
        ChildID(hexDigest("child:" + child.rawValue, digits: 20))
    }

    /// The event's pseudonym: the first 32 hexadecimal digits of HMAC-SHA256(key, "event:" + id). Event ids made by
    /// the importers name the child (`903.C1.ad.20230710`), so they cannot be kept.
    public func pseudonym(of event: EventID) -> EventID {
        EventID(hexDigest("event:" + event.rawValue, digits: 32))
    }

    /// A thing's pseudonym (a referral, a plan, a placement…): the first 32 hexadecimal digits of
    /// HMAC-SHA256(key, "id:" + id). One domain for every kind, so that a placement named by `adoption.placed` gets the
    /// pseudonym of its `placement.started`; a case system's ids may embed the child's.
    public func pseudonym<Tag>(of thing: Identifier<Tag>) -> Identifier<Tag> {
        Identifier(hexDigest("id:" + thing.rawValue, digits: 32))
    }

    private func hexDigest(_ message: String, digits: Int) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key))
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digits)
        for byte in mac {
            guard text.count < digits else { break }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text.prefix(digits), as: UTF8.self)
    }

    // MARK: Events

    /// The event as the extract holds it. Its `occurred` date and `recorded` time are kept, so journeys, timeliness
    /// and "as known at" replays stay as they were; `source` and `by` (free text, and `by` names a worker) go.
    public func pseudonymise(_ event: Event) -> Event {
        Event(
            id: pseudonym(of: event.id), child: pseudonym(of: event.child), occurred: event.occurred,
            recorded: event.recorded, body: pseudonymise(event.body), corrects: event.corrects.map { pseudonym(of: $0) }
        )
    }

    // Every case is written out, with no default, so that a new event type cannot reach an extract unexamined.
    private func pseudonymise(_ body: EventBody) -> EventBody {
        func p<Tag>(_ id: Identifier<Tag>) -> Identifier<Tag> { pseudonym(of: id) }
        switch body {
        case .childRegistered(let details): return .childRegistered(reduced(details))
        case .childUpdated(let details): return .childUpdated(reduced(details))
        case .childDied: return .childDied
        case .childMerged(let into): return .childMerged(into: pseudonym(of: into))
        case .contactReceived(var c):
            c.contact = p(c.contact)
            return .contactReceived(c)
        case .referralReceived(var r):
            r.referral = p(r.referral)
            return .referralReceived(r)
        case .caseClosed(let referral, let reason): return .caseClosed(referral: p(referral), reason: reason)
        case .assessmentStarted(let assessment, let referral):
            return .assessmentStarted(assessment: p(assessment), referral: p(referral))
        case .assessmentCompleted(var a):
            a.assessment = p(a.assessment)
            return .assessmentCompleted(a)
        case .strategyHeld(let strategy, let referral):
            return .strategyHeld(strategy: p(strategy), referral: p(referral))
        case .s47Started(let s47, let referral, let strategy):
            return .s47Started(s47: p(s47), referral: p(referral), strategy: strategy.map(p))
        case .s47Completed(let s47, let icpcRequired): return .s47Completed(s47: p(s47), icpcRequired: icpcRequired)
        case .icpcHeld(let s47, let referral, let outcome):
            return .icpcHeld(s47: s47.map(p), referral: p(referral), outcome: outcome)
        case .cinPlanStarted(let plan, let referral): return .cinPlanStarted(plan: p(plan), referral: p(referral))
        case .cinPlanReviewed(let plan): return .cinPlanReviewed(plan: p(plan))
        case .cinPlanEnded(let plan): return .cinPlanEnded(plan: p(plan))
        case .cpPlanStarted(var plan):
            plan.plan = p(plan.plan)
            plan.referral = p(plan.referral)
            return .cpPlanStarted(plan)
        case .cpPlanCategoryChanged(let plan, let category):
            return .cpPlanCategoryChanged(plan: p(plan), category: category)
        case .cpPlanReviewed(let plan): return .cpPlanReviewed(plan: p(plan))
        case .cpPlanEnded(let plan): return .cpPlanEnded(plan: p(plan))
        case .earlyHelpStarted(let episode): return .earlyHelpStarted(episode: p(episode))
        case .earlyHelpEnded(let episode, let outcome): return .earlyHelpEnded(episode: p(episode), outcome: outcome)
        case .steppedUp, .steppedDown: return body
        case .careStarted(var care):
            care.period = p(care.period)
            return .careStarted(care)
        case .legalStatusChanged(let period, let legalStatus):
            return .legalStatusChanged(period: p(period), legalStatus: legalStatus)
        case .placementStarted(var placement):
            placement.placement = p(placement.placement)
            placement.period = p(placement.period)
            placement.postcode = placement.postcode.flatMap(Self.postcodeDistrict)
            // An Ofsted URN names the home or agency, and a small children's home with the dates would name the
            // child: free text, dropped.
            placement.urn = nil
            return .placementStarted(placement)
        case .placementEnded(let placement, let reason): return .placementEnded(placement: p(placement), reason: reason)
        case .careEnded(let period, let reason): return .careEnded(period: p(period), reason: reason)
        case .careReviewed(let period, let participation):
            return .careReviewed(period: p(period), participation: participation)
        case .missingStarted(let episode, let kind): return .missingStarted(episode: p(episode), kind: kind)
        case .missingEnded(var missing):
            missing.episode = p(missing.episode)
            return .missingEnded(missing)
        case .visitMade: return body
        // `team` is required by the format: the placeholder keeps the event (and the allocation's date) valid.
        case .workerAllocated: return .workerAllocated(team: Self.withheld, worker: nil)
        case .eventRetracted(let event, _): return .eventRetracted(event: pseudonym(of: event), reason: Self.withheld)
        case .adoptionDecided(let adoption): return .adoptionDecided(adoption: p(adoption))
        case .placementOrderGranted(let adoption): return .placementOrderGranted(adoption: p(adoption))
        case .adoptionMatched(var matched):
            matched.adoption = p(matched.adoption)
            return .adoptionMatched(matched)
        case .adoptionPlaced(let adoption, let placement):
            return .adoptionPlaced(adoption: p(adoption), placement: placement.map(p))
        case .adoptionPlacementEnded(let adoption, let reason):
            return .adoptionPlacementEnded(adoption: p(adoption), reason: reason)
        case .adoptionDecisionReversed(let adoption, let reason):
            return .adoptionDecisionReversed(adoption: p(adoption), reason: reason)
        case .adoptionOrderGranted(let adoption): return .adoptionOrderGranted(adoption: p(adoption))
        case .permanenceOrderGranted(let kind, let period):
            return .permanenceOrderGranted(kind: kind, period: period.map(p))
        case .previousPermanenceRecorded(var previous):
            // The authority that made an earlier order is free text, and narrows down who the child is; the
            // order's date is a date of the journey, kept as written (often only its year is known).
            previous.la = nil
            return .previousPermanenceRecorded(previous)
        case .careLeaverContacted, .pathwayPlanReviewed: return body
        case .personalAdviserAllocated: return .personalAdviserAllocated(adviser: nil)
        case .healthAssessmentCompleted, .dentalCheckCompleted, .immunisationsRecorded, .healthSurveillanceRecorded,
            .sdqRecorded, .convictionRecorded, .substanceMisuseIdentified:
            return body
        case .deprivationOfLibertyStarted(let order): return .deprivationOfLibertyStarted(order: p(order))
        case .deprivationOfLibertyEnded(let order): return .deprivationOfLibertyEnded(order: p(order))
        // The first child's date of birth is a birth date like the child's own: reduced to its month.
        case .motherhoodRecorded(let isMother, let firstChildBirthDate):
            return .motherhoodRecorded(
                isMother: isMother, firstChildBirthDate: firstChildBirthDate.map(Self.monthOfBirth))
        // The home's postcode to its district, as a placement's; text that is not a postcode is withheld (the field
        // is required).
        case .homePostcodeRecorded(let postcode):
            return .homePostcodeRecorded(postcode: Self.postcodeDistrict(postcode) ?? Self.withheld)
        case .workerChangeRecorded: return body
        }
    }

    /// The child's characteristics in the extract: birth dates to the month, the UPN and the ward gone.
    private func reduced(_ details: ChildDetails) -> ChildDetails {
        var d = details
        d.birthDate = details.birthDate.map(Self.monthOfBirth)
        d.expectedBirthDate = details.expectedBirthDate.map(Self.monthOfBirth)
        // A UPN identifies the pupil across every school record in England (DfE, *Unique pupil numbers*).
        d.upn = nil
        // A ward is free text, and smaller than a postcode district: keeping it would undo the postcode's reduction.
        d.ward = nil
        return d
    }

    // MARK: Reductions

    /// A date of birth reduced to its month and year, written as the 1st of that month.
    ///
    /// The 1st rather than the 15th: no event on or after the real birth date comes before the reduced one, so a
    /// baby taken into care on the day of birth is not shown in care before being born, and an age at an event is
    /// never less than the real age. Ages are overstated by 0 to 30 days (15 on average); an age in whole years is
    /// one too many only for an event in the days of the birth month before the birthday.
    public static func monthOfBirth(_ date: CalendarDate) -> CalendarDate { date.monthStart }

    /// The postcode district (the outward code) of a UK postcode: `SW1A 1AA` → `SW1A`, `m11ae` → `M1`; an outward code
    /// alone is kept. `nil` for text that is not a postcode, which is free text and dropped.
    ///
    /// The outward code is the area's letters, the district's digits and sometimes a letter (`A9`, `A99`, `A9A`,
    /// `AA9`, `AA99`, `AA9A`); the inward code, a digit and two letters, is always the last three characters (Royal
    /// Mail, *Postcode Address File programmers' guide*).
    public static func postcodeDistrict(_ text: String) -> String? {
        let compact = text.uppercased().filter { $0 != " " }
        let outward: Substring
        if isInward(compact.suffix(3)) && compact.count >= 5 {
            outward = compact.dropLast(3)
        } else {
            outward = compact[...]
        }
        return isOutward(outward) ? String(outward) : nil
    }

    private static func isInward(_ s: Substring) -> Bool {
        let c = Array(s)
        return c.count == 3 && c[0].isASCIIDigit && c[1].isASCIILetter && c[2].isASCIILetter
    }

    private static func isOutward(_ s: Substring) -> Bool {
        let c = Array(s)
        guard (2...4).contains(c.count), c[0].isASCIILetter else { return false }
        let letters = c[1].isASCIILetter ? 2 : 1
        guard letters < c.count, c[letters].isASCIIDigit else { return false }
        let rest = c[(letters + 1)...]
        switch rest.count {
        case 0: return true
        case 1: return rest.first!.isASCIIDigit || rest.first!.isASCIILetter
        default: return false
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}
