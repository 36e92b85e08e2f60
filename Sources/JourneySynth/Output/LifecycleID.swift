import JourneyCore

/// The text of the lifecycle identifiers within a child: `R2`, `CP1`, `PL3`.
enum LifecycleID {
    static func contact(_ n: Int32) -> ContactID { ContactID("CT\(n)") }
    static func referral(_ n: Int32) -> ReferralID { ReferralID("R\(n)") }
    static func assessment(_ n: Int32) -> AssessmentID { AssessmentID("A\(n)") }
    static func strategy(_ n: Int32) -> StrategyID { StrategyID("SD\(n)") }
    static func s47(_ n: Int32) -> S47ID { S47ID("S\(n)") }
    static func cinPlan(_ n: Int32) -> PlanID { PlanID("CIN\(n)") }
    static func cpPlan(_ n: Int32) -> PlanID { PlanID("CP\(n)") }
    static func period(_ n: Int32) -> PeriodID { PeriodID("PC\(n)") }
    static func placement(_ n: Int32) -> PlacementID { PlacementID("PL\(n)") }
    static func earlyHelp(_ n: Int32) -> EpisodeID { EpisodeID("EH\(n)") }
    static func missing(_ n: Int32) -> EpisodeID { EpisodeID("M\(n)") }
    static func adoption(_ n: Int32) -> AdoptionID { AdoptionID("AD\(n)") }
    static func deprivationOfLiberty(_ n: Int32) -> DoLOrderID { DoLOrderID("DOL\(n)") }

    /// A personal adviser's identifier (`PA-07`): a made-up code, never a person's name.
    static func adviser(_ n: Int8) -> String { "PA-" + (n < 10 ? "0" : "") + String(n) }

    /// The council's three-digit local authority number (Richmond upon Thames, as the UPNs' in `ChildProfile`):
    /// `LA_PERM` of an order the council made.
    static let authority: StaticString = "318"

    /// A previous permanence order's date as the 903 writes one known only by its year: `ZZ/ZZ/2019`.
    static func orderYear(_ year: Int16) -> String { "ZZ/ZZ/" + String(year) }

    /// The Ofsted unique reference number of registered home `n` (made up, in the `SC` + six digits form).
    static func urn(home n: Int16) -> String {
        "SC" + String(100_000 + (Int(n) * 7_919) % 900_000)
    }
}
