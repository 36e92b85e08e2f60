import JourneyCore

extension JourneyBuilder {
    /// A care leaver's death, to be said by the contact on `contact` (`DIED`): recorded (`child.died`) on a day after
    /// everything already simulated (the end of care, a plan after it, the last pathway plan review or contact) and
    /// no later than the contact, so that nothing but the contacts saying so is dated after it; the child has no
    /// involvement after it (`diedOn`). `false`, and nothing recorded, when no such day is left (a review or plan
    /// running past the contact's day): the young person is not the one who dies at this contact.
    mutating func recordDeath(before contact: CalendarDate) -> Bool {
        guard let previous = records.map(\.occurred).max(), previous < contact else { return false }
        let day = previous.adding(days: random.int(in: 1...previous.days(to: contact)))
        emit(.childDied, on: day)
        diedOn = day
        return true
    }
}
