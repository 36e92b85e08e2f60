import JourneyCore
import JourneyProjections

extension ChildJourney {
    /// The event behind a `substance-misuse.identified` fact.
    func event(of s: ChildRecord.SubstanceMisuse) -> UInt64? {
        position(.substanceMisuseIdentified, on: s.date)
    }
}
