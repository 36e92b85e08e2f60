import JourneyCore
import JourneyProjections

extension RepeatCPCohort {
    static let rowHeader = [
        "child", "first_plan_start", "plan_start", "category", "previous_plans_recorded", "earlier_plans_in_log",
        "previous_start", "previous_end", "previous_length_days", "previous_category", "gap_days",
        "previous_ended_within_3_months", "previous_ended_within_6_months", "prior_plan_not_in_log", "arrival",
        "age_band", "sex", "ethnicity", "disability", "team", "group",
    ]

    func fields(_ r: Row) -> [String] {
        func text(_ v: CustomStringConvertible?) -> String { v.map { $0.description } ?? "" }
        func yesNo(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "" }
        return [
            r.child.description, r.firstPlanStart.description, r.planStart.description, text(r.category),
            text(r.previousPlansRecorded), String(r.earlierPlansInLog), text(r.previousStart), text(r.previousEnd),
            text(r.previousLengthDays), text(r.previousCategory), text(r.gapDays),
            yesNo(r.previousEndedWithin3Months), yesNo(r.previousEndedWithin6Months), yesNo(r.priorPlanNotInLog),
            r.arrival.rawValue, r.ageBand, r.sex, r.ethnicity, r.disability, r.team,
            r.group.rawValue,
        ]
    }

    /// One row per child, with a header row (`CSVWriter`: text guarded against formula injection; the age band
    /// written `1 to 4`, and counts of days and plans as numbers).
    public var rowsCSV: String {
        let numbers: Set<String> = [
            "previous_plans_recorded", "earlier_plans_in_log", "previous_length_days", "gap_days",
        ]
        var csv = CSVWriter(header: Self.rowHeader)
        for r in rows {
            csv.append(
                zip(Self.rowHeader, fields(r)).map { column, value in
                    if column == "age_band" { return .text(CSVWriter.ageBand(value)) }
                    return numbers.contains(column) ? .number(value) : .text(value)
                })
        }
        return csv.text
    }

    /// The summary: one row per characteristic and value, counts and shares of each group.
    public var summaryCSV: String {
        let s = summary
        var csv = CSVWriter(header: [
            "characteristic", "value", "repeat", "repeat_share", "repeat_within_window", "repeat_within_window_share",
            "first_time", "first_time_share",
        ])
        csv.append([
            "all", "all", .number(s.repeatCount), shareCell(s.repeatCount, of: rows.count),
            .number(s.withinWindowCount), shareCell(s.withinWindowCount, of: rows.count),
            .number(s.firstTimeCount), shareCell(s.firstTimeCount, of: rows.count),
        ])
        for l in s.lines {
            csv.append([
                .text(l.characteristic), .text(l.characteristic == "age-band" ? CSVWriter.ageBand(l.value) : l.value),
                .number(l.repeatCount), shareCell(l.repeatCount, of: s.repeatCount),
                .number(l.withinWindowCount), shareCell(l.withinWindowCount, of: s.withinWindowCount),
                .number(l.firstTimeCount), shareCell(l.firstTimeCount, of: s.firstTimeCount),
            ])
        }
        return csv.text
    }

    /// The summary as a table for the terminal. Shares are of each group's total ("of repeat children, 40.0% were
    /// neglect"), so the groups can be compared whatever their sizes.
    public var summaryTable: String {
        let s = summary
        var out = "Repeat CP plans \(from) to \(to) (window \(window)): \(rows.count) children\n"
        out += "  repeat: \(s.repeatCount) (\(share(s.repeatCount, of: rows.count))%), of which within the window: "
        out += "\(s.withinWindowCount) (\(share(s.withinWindowCount, of: rows.count))%); "
        out += "first time: \(s.firstTimeCount) (\(share(s.firstTimeCount, of: rows.count))%)\n\n"
        out += "characteristic".padded(16) + "value".padded(22) + "repeat".padded(15) + "within window".padded(15)
        out += "first time\n"
        for l in s.lines {
            out += l.characteristic.padded(16) + l.value.padded(22)
            out += "\(l.repeatCount) (\(share(l.repeatCount, of: s.repeatCount))%)".padded(15)
            out += "\(l.withinWindowCount) (\(share(l.withinWindowCount, of: s.withinWindowCount))%)".padded(15)
            out += "\(l.firstTimeCount) (\(share(l.firstTimeCount, of: s.firstTimeCount))%)\n"
        }
        return out
    }

    /// The rows as a table for the terminal: the columns an analyst scans first.
    public var rowsTable: String {
        var out = "child".padded(12) + "plan start".padded(12) + "cat".padded(5) + "previous".padded(26)
        out += "gap".padded(7) + "arrival".padded(18) + "group\n"
        for r in rows {
            let previous = r.previousStart.map { "\($0) to \(r.previousEnd.map(\.description) ?? "open")" }
            out += r.child.description.padded(12) + r.planStart.description.padded(12)
            out += (r.category?.rawValue ?? "").padded(5)
            out += (previous ?? (r.priorPlanNotInLog ? "before the log" : "")).padded(26)
            out += (r.gapDays.map { "\($0)d" } ?? "").padded(7) + r.arrival.rawValue.padded(18) + r.group.rawValue
            out += "\n"
        }
        return out
    }

    public var json: JSONValue {
        let s = summary
        func number(_ n: Int) -> JSONValue { .number(String(n)) }
        let rowValues: [JSONValue] = rows.map { r in
            .object(
                zip(Self.rowHeader, fields(r)).map { key, value in
                    JSONMember(key: key, value: value.isEmpty ? .null : .string(value))
                })
        }
        let lines: [JSONValue] = s.lines.map { l in
            .object([
                JSONMember(key: "characteristic", value: .string(l.characteristic)),
                JSONMember(key: "value", value: .string(l.value)),
                JSONMember(key: "repeat", value: number(l.repeatCount)),
                JSONMember(key: "repeatWithinWindow", value: number(l.withinWindowCount)),
                JSONMember(key: "firstTime", value: number(l.firstTimeCount)),
            ])
        }
        return .object([
            JSONMember(key: "from", value: .string(from.description)),
            JSONMember(key: "to", value: .string(to.description)),
            JSONMember(key: "window", value: .string(window.description)),
            JSONMember(key: "rows", value: .array(rowValues)),
            JSONMember(
                key: "summary",
                value: .object([
                    JSONMember(key: "children", value: number(rows.count)),
                    JSONMember(key: "repeat", value: number(s.repeatCount)),
                    JSONMember(key: "repeatWithinWindow", value: number(s.withinWindowCount)),
                    JSONMember(key: "firstTime", value: number(s.firstTimeCount)),
                    JSONMember(key: "lines", value: .array(lines)),
                ])),
        ])
    }
}

extension TimeToReplan {
    /// The curve, one row per step, for drawing: a chart plots `share_replanned` against `days` as a step line.
    public var curveCSV: String {
        var csv = CSVWriter(header: ["days", "at_risk", "replanned", "censored", "survival", "share_replanned"])
        for s in curve {
            csv.append([
                .number(s.days), .number(s.atRisk), .number(s.replanned), .number(s.censored),
                .number(decimal(s.survival)), .number(percent(s.cumulativeShare)),
            ])
        }
        return csv.text
    }

    public var table: String {
        var out = "Time to re-plan: CP plans ended \(from) to \(to), followed up to \(followUpEnd)\n"
        out += "  \(subjects.count) children, \(subjects.count { $0.isReplanned }) followed by a new plan, "
        out += "\(subjects.count { !$0.isReplanned }) censored\n\n"
        out += "within".padded(12) + "share re-planned (Kaplan-Meier)\n"
        for m in Self.milestones {
            out += m.label.padded(12) + (share(within: m.days).map { percent($0) + "%" } ?? "not estimable") + "\n"
        }
        out += "\n" + "days".padded(7) + "at risk".padded(9) + "re-planned".padded(12) + "censored".padded(10)
        out += "share re-planned\n"
        for s in curve {
            out += String(s.days).padded(7) + String(s.atRisk).padded(9) + String(s.replanned).padded(12)
            out += String(s.censored).padded(10) + percent(s.cumulativeShare) + "%\n"
        }
        return out
    }

    public var json: JSONValue {
        func number(_ n: Int) -> JSONValue { .number(String(n)) }
        return .object([
            JSONMember(key: "from", value: .string(from.description)),
            JSONMember(key: "to", value: .string(to.description)),
            JSONMember(key: "followUpEnd", value: .string(followUpEnd.description)),
            JSONMember(key: "children", value: number(subjects.count)),
            JSONMember(key: "replanned", value: number(subjects.count { $0.isReplanned })),
            JSONMember(
                key: "within",
                value: .object(
                    Self.milestones.map { m in
                        JSONMember(key: m.label, value: share(within: m.days).map { .number(percent($0)) } ?? .null)
                    })),
            JSONMember(
                key: "curve",
                value: .array(
                    curve.map { s in
                        .object([
                            JSONMember(key: "days", value: number(s.days)),
                            JSONMember(key: "atRisk", value: number(s.atRisk)),
                            JSONMember(key: "replanned", value: number(s.replanned)),
                            JSONMember(key: "censored", value: number(s.censored)),
                            JSONMember(key: "survival", value: .number(decimal(s.survival))),
                        ])
                    })),
        ])
    }
}

/// A number in [0, 1] with four decimal places (`0.5333`): fixed, so output is the same bytes on every platform.
/// A share as a CSV cell: a number, or empty when there is nothing to take a share of.
func shareCell(_ part: Int, of whole: Int) -> CSVCell {
    whole > 0 ? .number(share(part, of: whole)) : .empty
}

func decimal(_ value: Double) -> String {
    let n = Int((value * 10000).rounded())
    let frac = String(n % 10000)
    return "\(n / 10000)." + String(repeating: "0", count: 4 - frac.count) + frac
}
