import JourneyCore

/// Contacts with care leavers, pathway plan reviews and personal advisers.
extension RecordBuilder.Progress {
    @inline(__always)
    func addCareLeaverContact(_ atom: Atom, to r: inout ChildRecord) {
        r.careLeaverContacts.append(
            .init(
                date: atom.date, inTouch: atom.careLeaverContactStatus, activity: atom.careLeaverActivity,
                accommodation: atom.careLeaverAccommodation, position: atom.position))
    }

    @inline(__always)
    func addPathwayPlanReview(_ atom: Atom, to r: inout ChildRecord) {
        r.pathwayPlanReviews.append(atom.date)
    }

    @inline(__always)
    func allocatePersonalAdviser(_ atom: Atom, to r: inout ChildRecord, strings: FoldedStrings) {
        r.personalAdvisers.append(
            .init(date: atom.date, adviser: strings.texts.string(atom.adviserNumber), position: atom.position))
    }
}
