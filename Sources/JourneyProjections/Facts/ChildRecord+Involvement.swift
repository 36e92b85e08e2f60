import JourneyCore

extension ChildRecord {
    /// A time the child was known to children's social care without a break, as the log shows it.
    public struct InvolvementSpell: Sendable, Hashable {
        public var start: CalendarDate
        /// The day it ended; `nil` while it is open.
        public var end: CalendarDate?

        /// Whether it had begun by `date` and had not ended before it (the day it ended counts).
        public func contains(_ date: CalendarDate) -> Bool {
            start <= date && (end.map { date <= $0 } ?? true)
        }
    }

    /// The child's involvement with children's social care, spell by spell in date order: each referral's episode of
    /// need from the referral to its closure (`case.closed`; a referral with no further action that has none ends
    /// the day it came, as the CIN census closes it), with the periods of care that overlap it, joined where they
    /// overlap or one begins on the day another ends. A spell of care alone, with no referral of the log in it (a
    /// log of SSDA903 returns holds none), is left out: the case may go on after care ends, the child in need, and
    /// the log does not say when it closed. Nor is what the log does not open (a contact alone, early help, a care
    /// leaver's adviser) an involvement here.
    public var involvementSpells: [InvolvementSpell] {
        var parts: [(spell: InvolvementSpell, isReferral: Bool)] = []
        for r in referrals {
            let end = r.closed ?? (r.isNFA ? r.date : nil)
            parts.append((InvolvementSpell(start: r.date, end: end.map { max($0, r.date) }), true))
        }
        for p in periodsOfCare {
            guard let start = p.start else { continue }
            parts.append((InvolvementSpell(start: start, end: p.end.map { max($0, start) }), false))
        }
        parts.sort { $0.spell.start < $1.spell.start }
        var spells: [(spell: InvolvementSpell, hasReferral: Bool)] = []
        for part in parts {
            if let last = spells.last, last.spell.end.map({ part.spell.start <= $0 }) ?? true {
                // Joined to the last: it ends with the later of the two, or not at all.
                let end = last.spell.end.flatMap { lastEnd in part.spell.end.map { max($0, lastEnd) } }
                spells[spells.count - 1].spell.end = end
                spells[spells.count - 1].hasReferral = last.hasReferral || part.isReferral
            } else {
                spells.append((part.spell, part.isReferral))
            }
        }
        return spells.filter(\.hasReferral).map(\.spell)
    }
}
