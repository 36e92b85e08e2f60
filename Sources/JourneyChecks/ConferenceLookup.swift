import JourneyCore
import JourneyProjections

/// The conference that followed each S47 enquiry, for a record with many conferences: `ChildJourney.conference(of:)`
/// otherwise filters every conference for each enquiry it is asked about.
struct ConferenceLookup: Sendable {
    /// Records with more conferences than this are indexed.
    static let threshold = 16

    /// The earliest conference naming each S47 enquiry (by date, then log order).
    private var named: [UInt64: ChildRecord.Conference] = [:]
    /// The conferences held at episode level (naming no enquiry), by referral, in date then log order.
    private var episodeLevel: [UInt64: [ChildRecord.Conference]] = [:]

    init(_ conferences: [ChildRecord.Conference]) {
        for c in conferences {
            if let s47 = c.s47 {
                if let known = named[s47], (known.date, known.position) <= (c.date, c.position) { continue }
                named[s47] = c
            } else {
                episodeLevel[c.referral, default: []].append(c)
            }
        }
        for referral in episodeLevel.keys {
            episodeLevel[referral]!.sort { ($0.date, $0.position) < ($1.date, $1.position) }
        }
    }

    /// The conference naming `s47`, else the first of its referral held at episode level on or after `started`.
    func conference(of s47: UInt64, referral: UInt64, started: CalendarDate?) -> ChildRecord.Conference? {
        if let c = named[s47] { return c }
        guard let started, referral != 0, let held = episodeLevel[referral] else { return nil }
        // The first held on or after the start: the list is in date order.
        var lo = 0
        var hi = held.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if held[mid].date >= started { hi = mid } else { lo = mid + 1 }
        }
        return lo < held.count ? held[lo] : nil
    }
}
