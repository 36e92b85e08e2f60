import JourneyCore

/// What a synthetic council holds: counts of children, events and the defects that reached the output.
///
/// The data-quality checks are tested against `defects`: each count is of defects present in the events written,
/// not of defects decided (a defect recorded after the extract's last day is not in the output, so not counted).
public struct SynthSummary: Hashable, Sendable, CustomStringConvertible {
    /// Children with at least one event in the output (not counting duplicate records).
    public var children = 0
    public var events = 0
    /// Events by type, indexed by `EventType.rawValue` (an array: counting is on the hot path).
    private var typeCounts = [Int](repeating: 0, count: EventType.allCases.count)
    /// Defects in the output, by kind; kinds with none are absent.
    public var defects: [SynthDefect: Int] = [:]

    public init() {}

    /// Events written, by type; types with none are absent.
    public var eventsByType: [EventType: Int] {
        var counts: [EventType: Int] = [:]
        for type in EventType.allCases where typeCounts[Int(type.rawValue)] > 0 {
            counts[type] = typeCounts[Int(type.rawValue)]
        }
        return counts
    }

    public var totalDefects: Int { defects.values.reduce(0, +) }

    /// The count for one kind of defect (0 when none).
    public func count(of defect: SynthDefect) -> Int { defects[defect] ?? 0 }

    /// A few lines for standard error.
    public var description: String {
        var lines = ["\(children) children, \(events) events"]
        if defects.isEmpty {
            lines.append("no defects")
        } else {
            lines.append("defects: \(totalDefects)")
            for kind in SynthDefect.allCases where count(of: kind) > 0 {
                lines.append("  \(kind.rawValue): \(count(of: kind))")
            }
        }
        return lines.joined(separator: "\n")
    }

    mutating func count(_ record: SynthRecord) {
        events += 1
        if record.fact.type == .childRegistered && !record.isDuplicateChild { children += 1 }
        typeCounts[Int(record.fact.type.rawValue)] += 1
        if let defect = record.defect { defects[defect, default: 0] += 1 }
    }
}
