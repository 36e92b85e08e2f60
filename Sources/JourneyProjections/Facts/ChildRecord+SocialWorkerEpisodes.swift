import JourneyCore

extension ChildRecord {
    /// A social worker episode as the SSDA903 holds it (sw_episodes): an allocation naming a worker, until it ended.
    public struct SocialWorkerEpisode: Sendable, Hashable {
        /// The allocation that began it (the first of its day).
        public var allocation: Allocation
        /// The day it ended: the next episode's first day, or the day the child's involvement ended before it;
        /// `nil` for the latest.
        public var end: CalendarDate?
        /// The next episode's allocation, when that is what ended it (`nil` when the involvement ended first).
        public var next: Allocation?
    }

    /// The social worker episodes of the allocations naming a worker up to `date`, in date order, as `journey
    /// return ssda903` writes them (docs/returns-ssda903.md) and its checks read them.
    ///
    /// One a day: the day's first allocation (SW19STG2). Each ends when the next begins, or, when the child's
    /// involvement ended before that (`involvementSpells`: the case closed, care ended, nothing else open), on the
    /// day it ended. The 2025-26 rules read an episode that way: a new episode with the reason first contact
    /// (FCONTA) must begin after the previous one's SW_DEC (SW10bSTG2), any other within 7 days of it (SW10aSTG2,
    /// SW10STG2), so an episode cannot run on through a closed case to the next involvement's first worker. Where
    /// the log shows no involvement around an allocation (a log of 903 returns holds no referrals), the episode runs
    /// to the next, the log not saying when the case closed. The latest is left open, whatever came after it: the 903
    /// asks an open episode at 31 March of every child in it (SW17STG2, SW11bSTG2) and has no row for a time with no
    /// worker. An allocation whose involvement ended the day it began (a referral decided with no further action
    /// that day) held the case for no whole day and is not an episode the 903 can hold, its end being after its
    /// start (SW18STG2, SW09STG2): left out, unless it is the latest.
    ///
    /// With `endingWithInvolvement` false, each episode runs to the next, as the rules before 2024-25 ask: every new
    /// episode within 7 days of the previous one's end, first contact or not (2023-24's SW10STG2, and SW11aSTG2's 5).
    public func socialWorkerEpisodes(upTo date: CalendarDate, endingWithInvolvement: Bool = true)
        -> [SocialWorkerEpisode]
    {
        var allocations: [Allocation] = []
        for a in self.allocations.filter({ $0.worker != nil && $0.date <= date })
            .sorted(by: { ($0.date, $0.position) < ($1.date, $1.position) })
        where allocations.last?.date != a.date {
            allocations.append(a)
        }
        // Only an episode with another after it can end with the involvement: none for one allocation.
        let spells = endingWithInvolvement && allocations.count > 1 ? involvementSpells : []
        var episodes: [SocialWorkerEpisode] = []
        for (i, a) in allocations.enumerated() {
            var episode = SocialWorkerEpisode(allocation: a)
            if i + 1 < allocations.count {
                let next = allocations[i + 1]
                episode.end = next.date
                episode.next = next
                if let ended = spells.first(where: { $0.contains(a.date) })?.end, ended < next.date {
                    // Not an episode: it ended the day it began.
                    if ended == a.date { continue }
                    episode.end = ended
                    episode.next = nil
                }
            }
            episodes.append(episode)
        }
        return episodes
    }
}
