/// The words of a progress line: how much is done, of what total, and how long the rest should take. Pure, so that
/// what a user reads is tested apart from the terminal and the clock.
enum ProgressLine {
    /// What is counted.
    enum Unit: Sendable {
        /// Bytes of a file, shown in MB.
        case bytes
        /// Things counted one by one ("events", "children", "records").
        case items(String)
    }

    /// "replaying: 1,200,000 of 3,400,000 events (35%), about 12 s left"; without a total, "replaying: 1,200,000
    /// events"; `detail` after the count ("45,000 events"), and the estimate only when there is one (`secondsLeft`).
    static func text(
        _ label: String, done: Int64, total: Int64?, unit: Unit, detail: String? = nil, secondsLeft: Double?
    ) -> String {
        var line = "\(label): "
        switch unit {
        case .bytes:
            line += megabytes(done)
            if let total { line += " of \(megabytes(total))" }
        case .items(let noun):
            line += grouped(done)
            if let total { line += " of \(grouped(total))" }
            line += " \(noun)"
        }
        if let total, total > 0 {
            line += " (\(Int(min(100, (Double(done) * 100 / Double(total)).rounded(.down))))%)"
        }
        if let detail { line += ", \(detail)" }
        if let secondsLeft { line += ", about \(duration(secondsLeft)) left" }
        return line
    }

    /// The time the rest should take at the rate so far: from the first report seen (`from`, at `startSeconds`) to
    /// this one (`done`, at `nowSeconds`). `nil` without a total, when all is done, before anything is done since the
    /// first report, or when no time has passed: no estimate rather than a wild one.
    static func secondsLeft(
        done: Int64, total: Int64?, from start: Int64, startSeconds: Double, nowSeconds: Double
    ) -> Double? {
        guard let total, done > start, nowSeconds > startSeconds, total > done else { return nil }
        let rate = Double(done - start) / (nowSeconds - startSeconds)
        return Double(total - done) / rate
    }

    /// "12 s", "3 min", "1 h 5 min": rounded up to a whole second, or a whole minute from a minute on.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(max(0, seconds).rounded(.up))
        if whole < 60 { return "\(whole) s" }
        let minutes = (whole + 59) / 60
        if minutes < 60 { return "\(minutes) min" }
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }

    /// Megabytes with one decimal place ("12.3 MB").
    static func megabytes(_ bytes: Int64) -> String {
        let tenths = (bytes * 10 + 500_000) / 1_000_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// A whole number with commas between thousands ("1,234,567").
    static func grouped(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
