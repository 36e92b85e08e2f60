import JourneyCore

// What a page of open cases, the caseload's or a sample of them, says first: the date, the team and the time the log
// is read as known at; written once for both.
extension Caseload {
    /// A page title: `heading` ("Caseload on 2025-03-31"), then the team or all teams, then the time the log is read
    /// as known at, if one was given.
    static func title(_ heading: String, team: String?, asKnownAt: Timestamp?) -> String {
        heading + (team.map { ", team \($0)" } ?? ", all teams") + (asKnownAt.map { ", as known at \($0)" } ?? "")
    }

    /// The JSON members that open the page: `on`, `team` and `asKnownAt` (`null` for none).
    static func jsonHeading(on: CalendarDate, team: String?, asKnownAt: Timestamp?) -> [JSONMember] {
        [
            JSONMember(key: "on", value: .string(on.description)),
            JSONMember(key: "team", value: team.map { .string($0) } ?? .null),
            JSONMember(key: "asKnownAt", value: asKnownAt.map { .string($0.description) } ?? .null),
        ]
    }
}
