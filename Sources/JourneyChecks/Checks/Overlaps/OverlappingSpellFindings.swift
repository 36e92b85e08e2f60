import JourneyCore

extension Check {
    /// A finding for each spell that starts while an earlier spell of the same kind is still open, naming the first
    /// such earlier one: the rule the one-at-a-time checks share (a child is on one CIN plan, one CP plan, one period
    /// of care, one placement, one missing episode at a time; CIN 4014, SSDA903 501/142 and 574). One spell may end
    /// on the day the next starts; pairing is `laterOverlaps`'s.
    ///
    /// `dates` gives a spell's start and end (`nil`: it takes no part); `events` names the events behind a pair, the
    /// later spell's first. The message names the later spell as `spell` and the earlier one as `earlierSpell`
    /// ("Period of care started … while the period started …"), and ends with `fix`, given the later spell's start.
    /// A pair for which `skipping` holds is left to a narrower check (two CIN plans both still open: CIN 4004).
    func findOverlappingSpells<Spell>(
        _ child: ChildJourney, _ spells: [Spell], dates: (Spell) -> DateRange?, order: (Spell) -> UInt64,
        events: (_ later: Spell, _ earlier: Spell) -> [UInt64?], spell: String, earlierSpell: String,
        fix: (_ laterStart: CalendarDate) -> String, skipping: ((_ later: Spell, _ earlier: Spell) -> Bool)? = nil,
        into findings: inout [Finding]
    ) {
        // A pair needs two spells (most children have one of each kind).
        guard spells.count > 1 else { return }
        // Each spell with its dates, so that a pair comes back with the dates the message gives.
        let dated = spells.compactMap { s in dates(s).map { (spell: s, dates: $0) } }
        for (earlier, later) in laterOverlaps(dated, range: \.dates, order: { order($0.spell) }) {
            if let skipping, skipping(later.spell, earlier.spell) { continue }
            let started = later.dates.start
            findings.append(
                finding(
                    child, on: started, events: events(later.spell, earlier.spell),
                    "\(spell) started \(started) while the \(earlierSpell) started \(earlier.dates.start) was "
                        + "\(earlier.dates.end.map { "open until \($0)" } ?? "still open"): \(fix(started))."))
        }
    }
}
