import ArgumentParser
import Foundation
import JourneyCore

/// "As known at": a timestamp, or a date meaning the end of that day (UTC).
struct AsKnownAt {
    var timestamp: Timestamp

    /// Reads an option's value; a value it cannot take is an error that says what it takes, and a time outside
    /// the years a timestamp can hold says so rather than overflowing.
    static func parse(_ argument: String) throws -> AsKnownAt {
        if let t = Timestamp(argument) { return AsKnownAt(timestamp: t) }
        if let problem = Timestamp.rangeProblem(in: argument) { throw ValidationError(problem) }
        if let d = CalendarDate(argument), let t = Timestamp(endOf: d) { return AsKnownAt(timestamp: t) }
        throw ValidationError(
            "\"\(argument.prefix(40))\" is neither a date nor a time: \(CalendarDate.argumentForm), or a time such as "
                + "2024-04-01T09:00:00Z")
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }

    /// How a date option is written, for the message when it is not.
    static let argumentForm = "dates are written YYYY-MM-DD, e.g. 2024-04-01"

    /// Reads a date option (`transform:`): a date written otherwise (`01/04/2024`) gets how dates are written.
    static func parse(_ argument: String) throws -> CalendarDate {
        guard let date = CalendarDate(argument) else { throw ValidationError(argumentForm) }
        return date
    }
}
