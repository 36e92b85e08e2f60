import JourneyCore

/// Periods of care, placements and missing episodes.
extension RecordBuilder.Progress {
    @inline(__always)
    mutating func startCare(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        let status = atom.legalStatus
        if let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) {
            r.periodsOfCare[i].start = r.periodsOfCare[i].start.map { min($0, date) } ?? date
            r.periodsOfCare[i].isUASC = r.periodsOfCare[i].isUASC || atom.isUASC
            r.periodsOfCare[i].legalStatuses.append((date, status))
        } else {
            var p = ChildRecord.PeriodOfCare(
                key: atom.key, start: date, isUASC: atom.isUASC, needCode: atom.careNeed, position: atom.position)
            p.legalStatuses = [(date, status)]
            r.periodsOfCare.append(p)
        }
    }

    /// `legal-status.changed`, once its period is in the record (false until then).
    @inline(__always)
    mutating func changeLegalStatus(_ atom: Atom, to r: inout ChildRecord) -> Bool {
        guard let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) else { return false }
        r.periodsOfCare[i].legalStatuses.append((atom.date, atom.legalStatus))
        return true
    }

    /// `care.reviewed`, once its period is in the record (false until then).
    @inline(__always)
    mutating func reviewCare(_ atom: Atom, to r: inout ChildRecord) -> Bool {
        guard let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) else { return false }
        r.periodsOfCare[i].reviews.append(atom.date)
        r.periodsOfCare[i].reviewParticipation.append(atom.reviewParticipation)
        return true
    }

    /// `care.ended`: the latest end stands.
    @inline(__always)
    mutating func endCare(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        if let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) {
            if r.periodsOfCare[i].end.map({ date >= $0 }) ?? true {
                r.periodsOfCare[i].end = date
                r.periodsOfCare[i].endReason = atom.careEndReason
            }
        } else {
            var p = ChildRecord.PeriodOfCare(key: atom.key, isUASC: false, position: atom.position)
            p.end = date
            p.endReason = atom.careEndReason
            r.periodsOfCare.append(p)
        }
    }

    /// `placement.started`: the first of an id stands.
    @inline(__always)
    mutating func startPlacement(_ atom: Atom, to r: inout ChildRecord, strings: FoldedStrings) {
        guard placementAt.index(of: atom.key, in: r.placements, keyOf: { $0.key }) == nil else { return }
        var placement = ChildRecord.Placement(
            key: atom.key, period: atom.ref, start: atom.date, placementType: atom.placementType,
            provider: atom.placementProvider, isSameCarer: atom.isSameCarer, distanceMiles: atom.distanceMiles,
            position: atom.position)
        if let place = strings.eventText(at: atom.position) {
            let parts = place.split(separator: FoldedStrings.placeSeparator, omittingEmptySubsequences: false)
            placement.postcode = parts.first.flatMap { $0.isEmpty ? nil : String($0) }
            placement.urn = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
        }
        r.placements.append(placement)
    }

    /// `placement.ended`, once its placement is in the record (false until then): the latest end stands.
    @inline(__always)
    mutating func endPlacement(_ atom: Atom, to r: inout ChildRecord) -> Bool {
        let date = atom.date
        guard let i = placementAt.index(of: atom.key, in: r.placements, keyOf: { $0.key }) else { return false }
        if r.placements[i].ownEnd.map({ date >= $0 }) ?? true {
            r.placements[i].ownEnd = date
            r.placements[i].endReason = atom.placementChangeReason
        }
        return true
    }

    @inline(__always)
    mutating func startMissing(_ atom: Atom, to r: inout ChildRecord) {
        guard missingAt.index(of: atom.key, in: r.missingEpisodes, keyOf: { $0.key }) == nil else { return }
        r.missingEpisodes.append(.init(key: atom.key, kind: atom.missingKind, start: atom.date))
    }

    @inline(__always)
    mutating func endMissing(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        let offered = atom.returnInterviewOffered
        let accepted = atom.returnInterviewAccepted
        if let i = missingAt.index(of: atom.key, in: r.missingEpisodes, keyOf: { $0.key }) {
            r.missingEpisodes[i].end = date
            r.missingEpisodes[i].returnInterviewOffered = offered
            r.missingEpisodes[i].returnInterviewAccepted = accepted
        } else {
            r.missingEpisodes.append(
                .init(
                    key: atom.key, kind: MissingKind("missing")!, start: nil, end: date,
                    returnInterviewOffered: offered, returnInterviewAccepted: accepted))
        }
    }
}
