import JourneyCore

extension Check {
    /// Adds a finding for each of `spells` recorded as ending before it started: a date the other cannot follow, so
    /// one of the two is wrong (CIN 8608, 8925, 4011; 903 356, 567). The finding is on the end date and names the
    /// end's event first (`events`), as the end is the date most often mistyped.
    ///
    /// The message: "<spell> <ended> <end>, before it started on <start>: correct the start date or the
    /// <endDate>." A spell with no start or no end takes no part.
    func findEndsBeforeStart<Spell>(
        _ child: ChildJourney, _ spells: [Spell], start: (Spell) -> CalendarDate?, end: (Spell) -> CalendarDate?,
        events: (Spell) -> [UInt64?], spell: String, ended: String = "ended", endDate: String = "end date",
        into findings: inout [Finding]
    ) {
        for s in spells {
            guard let started = start(s), let ending = end(s), ending < started else { continue }
            findings.append(
                finding(
                    child, on: ending, events: events(s),
                    "\(spell) \(ended) \(ending), before it started on \(started): correct the start date or the "
                        + "\(endDate)."))
        }
    }
}
