import JourneyCore

/// Health assessments and checks, SDQs, convictions, substance misuse and deprivation of liberty orders.
extension RecordBuilder.Progress {
    /// `health-assessment.completed`, `dental-check.completed`, `conviction.recorded`: a date each.
    @inline(__always)
    func addHealthDate(_ atom: Atom, to r: inout ChildRecord) {
        switch atom.type {
        case .healthAssessmentCompleted: r.healthAssessments.append(atom.date)
        case .dentalCheckCompleted: r.dentalChecks.append(atom.date)
        default: r.convictions.append(atom.date)
        }
    }

    /// `immunisations.recorded`, `health-surveillance.recorded`.
    @inline(__always)
    func addHealthCheck(_ atom: Atom, to r: inout ChildRecord) {
        let check = ChildRecord.HealthCheck(date: atom.date, isUpToDate: atom.isUpToDate)
        if atom.type == .immunisationsRecorded {
            r.immunisations.append(check)
        } else {
            r.healthSurveillance.append(check)
        }
    }

    @inline(__always)
    func addSDQ(_ atom: Atom, to r: inout ChildRecord) {
        r.sdqs.append(.init(date: atom.date, score: atom.sdqScore, reasonNotTaken: atom.sdqReason))
    }

    @inline(__always)
    func addSubstanceMisuse(_ atom: Atom, to r: inout ChildRecord) {
        r.substanceMisuse.append(
            .init(
                date: atom.date, interventionOffered: atom.interventionOffered,
                interventionReceived: atom.interventionReceived))
    }

    /// `deprivation-of-liberty.started`: the earliest start stands.
    @inline(__always)
    mutating func startDeprivationOfLiberty(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        if let i = dolOrderAt.index(of: atom.key, in: r.deprivationOfLibertyOrders, keyOf: { $0.key }) {
            r.deprivationOfLibertyOrders[i].start = r.deprivationOfLibertyOrders[i].start.map { min($0, date) } ?? date
        } else {
            r.deprivationOfLibertyOrders.append(.init(key: atom.key, start: date, position: atom.position))
        }
    }

    /// `deprivation-of-liberty.ended`: the latest end stands.
    @inline(__always)
    mutating func endDeprivationOfLiberty(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        if let i = dolOrderAt.index(of: atom.key, in: r.deprivationOfLibertyOrders, keyOf: { $0.key }) {
            r.deprivationOfLibertyOrders[i].end = r.deprivationOfLibertyOrders[i].end.map { max($0, date) } ?? date
        } else {
            r.deprivationOfLibertyOrders.append(.init(key: atom.key, end: date, position: atom.position))
        }
    }
}
