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
    /// the day it came, as the CIN census closes it), and each period of care from its start to its end, joined
    /// where they overlap or one begins on the day another ends. What the log does not open (a contact alone, early
    /// help, a care leaver's adviser) is not an involvement here.
    public var involvementSpells: [InvolvementSpell] {
        var parts: [InvolvementSpell] = []
        for r in referrals {
            let end = r.closed ?? (r.isNFA ? r.date : nil)
            parts.append(InvolvementSpell(start: r.date, end: end.map { max($0, r.date) }))
        }
        for p in periodsOfCare {
            guard let start = p.start else { continue }
            parts.append(InvolvementSpell(start: start, end: p.end.map { max($0, start) }))
        }
        parts.sort { $0.start < $1.start }
        var spells: [InvolvementSpell] = []
        for part in parts {
            guard let last = spells.last, let lastEnd = last.end else {
                if spells.isEmpty { spells.append(part) }
                continue  // the last spell is open: everything after it is in it
            }
            if part.start <= lastEnd {
                spells[spells.count - 1].end = part.end.map { max($0, lastEnd) }
            } else {
                spells.append(part)
            }
        }
        return spells
    }
}
