import JourneyCore

extension RepeatCPCohort {
    /// The repeat group against the first-time group, on each characteristic: counts and shares of each group.
    public struct Summary: Sendable, Hashable {
        /// Children in each group: repeat (within the window or ever), of them within the window, first time.
        public var repeatCount: Int
        public var withinWindowCount: Int
        public var firstTimeCount: Int
        public var lines: [Line]

        public struct Line: Sendable, Hashable {
            /// `category`, `arrival`, `age-band`, `sex`, `ethnicity`, `disability`, `team`.
            public var characteristic: String
            public var value: String
            public var repeatCount: Int
            public var withinWindowCount: Int
            public var firstTimeCount: Int
        }
    }

    /// The characteristics compared, with how each is read from a row.
    static let characteristics: [(name: String, value: @Sendable (Row) -> String)] = [
        ("category", { $0.category?.rawValue ?? "unknown" }),
        ("arrival", { $0.arrival.rawValue }),
        ("age-band", { $0.ageBand }),
        ("sex", { $0.sex }),
        ("ethnicity", { $0.ethnicity }),
        ("disability", { $0.disability }),
        ("team", { $0.team }),
    ]

    public var summary: Summary {
        var lines: [Summary.Line] = []
        for (name, value) in Self.characteristics {
            var byValue: [String: Summary.Line] = [:]
            for row in rows {
                let v = value(row)
                var line =
                    byValue[v]
                    ?? Summary.Line(
                        characteristic: name, value: v, repeatCount: 0, withinWindowCount: 0, firstTimeCount: 0)
                if row.group.isRepeat { line.repeatCount += 1 } else { line.firstTimeCount += 1 }
                if row.group == .repeatWithinWindow { line.withinWindowCount += 1 }
                byValue[v] = line
            }
            // Age bands youngest first; other values in code order.
            let bands = ["under 1", "1-4", "5-9", "10-15", "16+", "unknown"]
            func order(_ v: String) -> (Int, String) { (name == "age-band" ? bands.firstIndex(of: v) ?? 9 : 0, v) }
            lines += byValue.values.sorted { order($0.value) < order($1.value) }
        }
        return Summary(
            repeatCount: rows.count { $0.group.isRepeat },
            withinWindowCount: rows.count { $0.group == .repeatWithinWindow },
            firstTimeCount: rows.count { !$0.group.isRepeat }, lines: lines)
    }
}

/// `100 × part / whole` with one decimal place, or `-` when `whole` is 0 (metrics.md, conventions).
func share(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "-" }
    let tenths = (part * 1000 + whole / 2) / whole
    return "\(tenths / 10).\(tenths % 10)"
}
