import Foundation
import JourneyCore

/// A date from `YYYY-MM-DD`, for tests: `d("2024-04-01")`.
public func d(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { fatalError("not a date: \(text)") }
    return date
}

/// A timestamp from RFC 3339, or from a date (midday UTC that day), for tests.
public func t(_ text: String) -> Timestamp {
    if let ts = Timestamp(text) { return ts }
    guard let date = CalendarDate(text) else { fatalError("not a timestamp: \(text)") }
    return Timestamp(nanoseconds: Int64(date.dayNumber) * 86_400_000_000_000 + 12 * 3_600_000_000_000)
}

/// Builds events for hand-made logs with short, readable calls:
///
///     var log = EventBuilder()
///     log.add("C1", "2024-04-02", .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("6")!)))
///
/// Ids are `e1`, `e2`, … in the order added; `recorded` defaults to midday on the day the event occurred.
public struct EventBuilder {
    public private(set) var events: [Event] = []

    public init() {}

    /// The id the next event will get.
    public var nextID: EventID { EventID("e\(events.count + 1)") }

    @discardableResult
    public mutating func add(
        _ child: String, _ occurred: String, _ body: EventBody, recorded: String? = nil, corrects: EventID? = nil
    ) -> EventID {
        let id = nextID
        events.append(
            Event(
                id: id, child: ChildID(child), occurred: d(occurred), recorded: t(recorded ?? occurred), body: body,
                corrects: corrects))
        return id
    }

    /// The events as JSON Lines.
    public var jsonLines: String {
        events.map { $0.canonicalJSONString + "\n" }.joined()
    }
}

/// A fresh temporary directory, for tests that write logs. Whatever the test leaves there is removed when the test
/// process exits, so that runs do not pile logs up in /tmp.
public func temporaryDirectory(_ name: String = "journey-test") -> String {
    removedAtExit("/tmp/\(name)-\(UInt64.random(in: 0...UInt64.max))")
}

/// A fresh temporary file's path, ending `.extension`, removed like `temporaryDirectory`'s when the test process
/// exits.
public func temporaryFile(_ name: String, extension: String) -> String {
    removedAtExit("/tmp/\(name)-\(UInt64.random(in: 0...UInt64.max)).\(`extension`)")
}

/// `base`, noted to be removed when the test process exits.
private func removedAtExit(_ base: String) -> String {
    scratchLock.withLock {
        if scratchPaths.isEmpty {
            atexit {
                for path in scratchLock.withLock({ scratchPaths }) { try? FileManager.default.removeItem(atPath: path) }
            }
        }
        scratchPaths.append(base)
    }
    return base
}

/// Every temporary directory handed out, to remove at exit (under `scratchLock`).
nonisolated(unsafe) private var scratchPaths: [String] = []
private let scratchLock = NSLock()
