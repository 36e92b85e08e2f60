import JourneyCore

/// Who a synthetic child is: what `child.registered` (and, for a child known before birth, `child.updated`) says.
struct ChildProfile: Sendable {
    /// 1 for the first child to arrive, then one more for each: the number in the child's identifier.
    var ordinal: Int
    var birthDate: CalendarDate
    /// For a child first referred before birth: the expected date recorded at registration.
    var expectedBirthDate: CalendarDate?
    var sex: Sex
    var ethnicity: Ethnicity
    var disabilities: [Disability]
    var ward: Int
    /// An unaccompanied asylum-seeking child: comes straight into care.
    var isUASC: Bool

    var isKnownBeforeBirth: Bool { expectedBirthDate != nil }
    var isDisabled: Bool { disabilities.first?.rawValue != "NONE" }

    /// The 18th birthday: children's services end there.
    var adulthood: CalendarDate { birthDate.adding(years: 18) }

    /// Completed years at `date`; 0 before birth.
    func age(at date: CalendarDate) -> Int {
        date < birthDate ? 0 : birthDate.completedYears(at: date)
    }

    /// `child.registered`: an unborn child is known by the expected date only.
    var registeredDetails: ChildDetails {
        if let expectedBirthDate {
            return ChildDetails(expectedBirthDate: expectedBirthDate, ethnicity: ethnicity, ward: Wards.names[ward])
        }
        return ChildDetails(
            birthDate: birthDate, sex: sex, ethnicity: ethnicity, disabilities: disabilities, upn: upn,
            ward: Wards.names[ward])
    }

    /// `child.updated` at birth: with the disabilities, none at registration being known of an unborn child (CIN
    /// 8540 asks them of every born child).
    var birthDetails: ChildDetails {
        ChildDetails(birthDate: birthDate, sex: sex, disabilities: disabilities, upn: upn)
    }

    /// The child's unique pupil number, made from the ordinal so that every child has its own: a check letter, the
    /// local authority's number, then nine digits. Every born child has one: the returns ask for a UPN of a child
    /// of school age (CIN 8770Q, 903 209), and most younger children have one from early years education. The
    /// authority is Richmond upon Thames (318), as in the DfE's own fake returns, so that the validators' check of
    /// characters 2 to 4 (CIN 1530) finds an authority it knows.
    var upn: String { UniquePupilNumber.make(authority: 318, serial: ordinal) }

    /// What `fact` says of the child, for the facts that say who the child is (`Fact.isIdentity`).
    func details(of fact: Fact) -> ChildDetails? {
        switch fact {
        case .childRegistered: registeredDetails
        case .childBorn: birthDetails
        default: nil
        }
    }
}

/// How a child's events are named in the output: `C000123`, its duplicate record `D000123`, and event ids
/// `s<seed>-C000123-<n>`.
struct ChildNames: Sendable {
    var child: String
    var duplicate: String
    var eventPrefix: String
    var duplicateEventPrefix: String

    init(ordinal: Int, width: Int, seed: UInt64) {
        let digits = String(ordinal)
        let number = String(repeating: "0", count: max(0, width - digits.count)) + digits
        child = "C" + number
        duplicate = "D" + number
        eventPrefix = "s\(seed)-\(child)-"
        duplicateEventPrefix = "s\(seed)-\(duplicate)-"
    }

    /// Digits in child identifiers: at least six, more for very large councils.
    static func width(forChildren n: Int) -> Int { max(6, String(n).count) }
}
