import JourneyCore

extension SSDA903ChildRows {
    /// The header's MOTHER and MC_DOB as `motherhood.recorded`.
    ///
    /// A mother (`1`) is one fact of the child, `903.C1.mo`, dated on her first child's birth (MC_DOB; the
    /// collection year's 31 March when the return gives no date): next year's return states it again unchanged, and
    /// one that revises MC_DOB corrects it. Not a mother (`0`) is another, `903.C1.nm`, dated on the 31 March of the
    /// first return that says so, which later returns saying the same leave as it is. Neither is retracted by a
    /// return that leaves MOTHER blank: the 903 asks it only of a girl looked after in the year.
    func motherhoodFact(of child: ChildID, known: FactIndex.ChildFacts, setting: SSDA903Setting) -> Fact? {
        guard let header, let m = header.motherhood else { return nil }
        let table = SSDA903Table.header.rawValue
        if m.isMother {
            return Fact(
                key: FactKey.make("903", child, "mo"), child: child,
                occurred: m.firstChildBirthDate ?? setting.year.end,
                body: .motherhoodRecorded(isMother: true, firstChildBirthDate: m.firstChildBirthDate), table: table,
                line: header.line)
        }
        let key = FactKey.make("903", child, "nm")
        let occurred = known[key].map { min($0.importedOccurred, setting.year.end) } ?? setting.year.end
        return Fact(
            key: key, child: child, occurred: occurred,
            body: .motherhoodRecorded(isMother: false, firstChildBirthDate: nil),
            table: table, line: header.line)
    }

    /// The episodes' HOME_POST as `home-postcode.recorded`, on the first day of each episode whose postcode is not
    /// the one in force before it (the previous episode's, or for the return's first episode the latest the log
    /// holds from before it): the child's home from that day on. A blank HOME_POST changes nothing. The facts are
    /// identified by their episode's start (`903.C1.hp.20240105`), so that next year's return, restating an open
    /// episode, states the same fact; one it no longer states in the years its episodes cover is retracted.
    func homePostcodeFacts(
        of child: ChildID, episodes: [EpisodeRow], known: FactIndex.ChildFacts,
        scope: (String, FactIndex.Known) -> Int?
    ) -> [Fact] {
        guard let first = episodes.first?.start else { return [] }
        var previous: String?
        var latest: (CalendarDate, UInt64)?
        for (key, fact) in known.facts
        where FactKey.tag(of: key) == "hp" && !fact.isRetracted && fact.occurred < first && scope(key, fact) == nil {
            guard case .homePostcodeRecorded(let postcode)? = known.bodies[key] else { continue }
            if let l = latest, l > (fact.occurred, fact.position) { continue }
            latest = (fact.occurred, fact.position)
            previous = postcode
        }
        var facts: [Fact] = []
        for episode in episodes {
            guard let postcode = episode.homePostcode else { continue }
            if postcode != previous {
                facts.append(
                    Fact(
                        key: FactKey.make("903", child, "hp", episode.start), child: child, occurred: episode.start,
                        body: .homePostcodeRecorded(postcode: postcode), table: SSDA903Table.episodes.rawValue,
                        line: episode.line))
            }
            previous = postcode
        }
        return facts
    }
}
