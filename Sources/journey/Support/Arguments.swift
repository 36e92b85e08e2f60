import ArgumentParser
import Foundation
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

/// The working-day calendar: England and Wales as shipped, or a council's own file.
func loadCalendar(_ path: String?) throws -> WorkingDayCalendar {
    guard let path else { return .englandAndWales }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try WorkingDayCalendar(holidayFileContents: text, fileName: path)
}
