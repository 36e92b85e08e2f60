import JourneyCore

extension RecordBuilder.Draft {
    /// Periods of care, placements and missing episodes.
    mutating func addCareEvent(_ atom: Atom) {
        let date = atom.date
        switch atom.type {
        case .careStarted:
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
        case .careEnded:
            if let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) {
                if r.periodsOfCare[i].end.map({ date >= $0 }) ?? true {
                    r.periodsOfCare[i].end = date
                    r.periodsOfCare[i].endReason = atom.careEndReason
                }
            } else {
                var p = ChildRecord.PeriodOfCare(key: atom.key, isUASC: false, position: atom.position)
                p.end = date
                r.periodsOfCare.append(p)
            }
        case .legalStatusChanged, .careReviewed, .placementEnded:
            attachOrWait(atom)
        case .placementStarted:
            if placementAt.index(of: atom.key, in: r.placements, keyOf: { $0.key }) == nil {
                r.placements.append(
                    .init(
                        key: atom.key, period: atom.ref, start: date, placementType: atom.placementType,
                        provider: atom.placementProvider, isSameCarer: atom.isSameCarer,
                        distanceMiles: atom.distanceMiles, position: atom.position))
            }
        case .missingStarted:
            if missingAt.index(of: atom.key, in: r.missingEpisodes, keyOf: { $0.key }) == nil {
                r.missingEpisodes.append(.init(key: atom.key, kind: atom.missingKind, start: date))
            }
        case .missingEnded:
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
        default:
            break
        }
    }

    /// A change of legal status, a review or a placement's end, once its period or placement is in the record.
    mutating func attachCareEvent(_ atom: Atom) -> Bool {
        let date = atom.date
        switch atom.type {
        case .legalStatusChanged:
            guard let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) else { return false }
            r.periodsOfCare[i].legalStatuses.append((date, atom.legalStatus))
        case .careReviewed:
            guard let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) else { return false }
            r.periodsOfCare[i].reviews.append(date)
        case .placementEnded:
            guard let i = placementAt.index(of: atom.key, in: r.placements, keyOf: { $0.key }) else { return false }
            r.placements[i].ownEnd = r.placements[i].ownEnd.map { max($0, date) } ?? date
        default:
            break
        }
        return true
    }
}
