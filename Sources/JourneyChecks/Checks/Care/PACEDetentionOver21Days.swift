import JourneyCore

/// Detention under the Police and Criminal Evidence Act (`J2`) for more than 21 days.
///
/// SSDA903 364: "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be
/// detained in custody in Local Authority (LA) accommodation." The validator flags consecutive `J2` rows lasting more
/// than 21 days together. The rule is shared with the other legal-status limits: `LegalStatusLimit`.
struct PACEDetentionOver21Days: LegalStatusLimit {
    var id: String { "pace-detention-over-21-days" }
    var severity: Severity { .error }
    var rule: String? { "903 364" }
    var summary: String { "Legal status J2 (detained under PACE) lasts more than 21 days." }
    var status: String { "J2" }
    var limitDays: Int { 21 }
    var statusText: String { "Detention under PACE (J2)" }
    var limitText: String { "21 days" }
}
