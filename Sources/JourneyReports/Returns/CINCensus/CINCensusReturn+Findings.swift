import JourneyCore

extension CINCensusReturn {
    /// The findings counted by field and kind, most frequent first: what the command prints.
    public var findingCounts: [(field: String, kind: Finding.Kind, written: String, count: Int)] {
        var counts: [String: (field: String, kind: Finding.Kind, written: String, count: Int)] = [:]
        for f in findings {
            // A field's path without the dates that name the episode or record (`CINdetails[2024-05-01]/…`).
            let field = Self.generalField(f.field)
            let key = field + "\u{0}" + f.kind.rawValue + "\u{0}" + f.written
            counts[key, default: (field, f.kind, f.written, 0)].count += 1
        }
        return counts.values.sorted { ($1.count, $0.field) < ($0.count, $1.field) }
    }

    /// `CINdetails/Assessments/FactorsIdentifiedAtAssessment` for `CINdetails[2024-05-01]/Assessments[…]/…`.
    static func generalField(_ field: String) -> String {
        var out = ""
        var inBrackets = false
        for c in field {
            if c == "[" {
                inBrackets = true
            } else if c == "]" {
                inBrackets = false
            } else if !inBrackets {
                out.append(c)
            }
        }
        return out
    }

    /// Every finding as CSV: `child,field,kind,written,reason`. It names children: keep it as the return is kept.
    public var findingsCSV: String {
        var csv = CSVWriter(header: ["child", "field", "kind", "written", "reason"])
        for f in findings {
            csv.append([
                .text(f.child.rawValue), .text(f.field), .text(f.kind.rawValue), .text(f.written), .text(f.reason),
            ])
        }
        return csv.text
    }
}
