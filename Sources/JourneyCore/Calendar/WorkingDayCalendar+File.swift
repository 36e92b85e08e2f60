extension WorkingDayCalendar {
    /// Why a council's own bank-holiday file cannot be read.
    public struct FileProblem: Error, CustomStringConvertible {
        public var description: String
    }

    /// A calendar from a council's own list of bank holidays: either the GOV.UK JSON format
    /// (`{"events": [{"date": "2025-12-25", …}, …]}`, as shipped) or plain text with one `YYYY-MM-DD` per line
    /// (blank lines and lines starting with `#` are ignored).
    public init(holidayFileContents text: String, fileName: String) throws(FileProblem) {
        let trimmed = text.drop { $0.isWhitespace }
        var dates: [CalendarDate] = []
        if trimmed.first == "{" {
            let json: JSONValue
            do {
                json = try JSONParser.parse(text)
            } catch {
                throw FileProblem(description: "\(fileName): not JSON: \(error)")
            }
            guard case .object(let members) = json,
                case .array(let events)? = members.first(where: { $0.key == "events" })?.value
            else {
                throw FileProblem(description: "\(fileName): expected an object with an \"events\" array")
            }
            for (i, event) in events.enumerated() {
                guard case .object(let fields) = event,
                    case .string(let s)? = fields.first(where: { $0.key == "date" })?.value,
                    let date = CalendarDate(s)
                else {
                    throw FileProblem(description: "\(fileName): events[\(i)] has no \"date\" in the form YYYY-MM-DD")
                }
                dates.append(date)
            }
        } else {
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let t = line.trimmingCharacters(in: " \t\r")
                if t.isEmpty || t.hasPrefix("#") { continue }
                guard let date = CalendarDate(t) else {
                    throw FileProblem(description: "\(fileName) line \(i + 1): not a date in the form YYYY-MM-DD")
                }
                dates.append(date)
            }
        }
        guard !dates.isEmpty else { throw FileProblem(description: "\(fileName): no bank holidays found") }
        self.init(bankHolidays: dates)
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
