import ArgumentParser
import JourneyCore

/// "As known at": a timestamp, or a date meaning the end of that day (UTC).
struct AsKnownAt: ExpressibleByArgument {
    var timestamp: Timestamp

    init?(argument: String) {
        if let t = Timestamp(argument) {
            timestamp = t
        } else if let d = CalendarDate(argument) {
            timestamp = Timestamp(endOf: d)
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
