import JourneyCore
import JourneyProjections

extension ChildJourney {
    func start(of o: ChildRecord.DeprivationOfLibertyOrder) -> UInt64? {
        o.start == nil ? nil : position(.deprivationOfLibertyStarted, key: o.key, on: o.start)
    }

    func end(of o: ChildRecord.DeprivationOfLibertyOrder) -> UInt64? {
        o.end == nil ? nil : position(.deprivationOfLibertyEnded, key: o.key, on: o.end)
    }
}
