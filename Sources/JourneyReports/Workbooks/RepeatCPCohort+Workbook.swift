import JourneyCore
import JourneyWorkbook

extension RepeatCPCohort {
    /// The cohort as an Excel workbook (`journey cohort repeat-cp --format xlsx`), every part of it:
    ///
    /// - **Cohort**: the rows of `rowsCSV`, a row per child, its days as dates and its counts of days and plans as
    ///   whole numbers.
    /// - **Summary**: the rows of `summaryCSV`, the repeat group against the first-time group, counts as whole
    ///   numbers and shares as percentages.
    /// - **Time to re-plan** (given `timeToReplan`): the Kaplan-Meier curve of `curveCSV`, a row per step.
    public func workbook(timeToReplan: TimeToReplan? = nil) -> Workbook {
        var cohort = Worksheet(name: "Cohort", headings: Self.rowHeader)
        for r in rows {
            func yesNo(_ b: Bool?) -> Cell { .text(b.map { $0 ? "yes" : "no" }) }
            cohort.append([
                .text(r.child.description), .date(r.firstPlanStart), .date(r.planStart), .text(r.category?.rawValue),
                .integer(r.previousPlansRecorded), .integer(r.earlierPlansInLog), .date(r.previousStart),
                .date(r.previousEnd), .integer(r.previousLengthDays), .text(r.previousCategory?.rawValue),
                .integer(r.gapDays), yesNo(r.previousEndedWithin3Months), yesNo(r.previousEndedWithin6Months),
                yesNo(r.priorPlanNotInLog), .text(r.arrival.rawValue), .text(r.ageBand), .text(r.sex),
                .text(r.ethnicity), .text(r.disability), .text(r.team), .text(r.group.rawValue),
            ])
        }
        let s = summary
        var summarySheet = Worksheet(
            name: "Summary",
            headings: [
                "characteristic", "value", "repeat", "repeat_share", "repeat_within_window",
                "repeat_within_window_share", "first_time", "first_time_share",
            ])
        func counted(_ n: Int, of whole: Int) -> [Cell] {
            [.integer(n), whole > 0 ? .percentage(share(n, of: whole)) : .empty]
        }
        summarySheet.append(
            [.text("all"), .text("all")] + counted(s.repeatCount, of: rows.count)
                + counted(s.withinWindowCount, of: rows.count) + counted(s.firstTimeCount, of: rows.count))
        for l in s.lines {
            summarySheet.append(
                [.text(l.characteristic), .text(l.value)] + counted(l.repeatCount, of: s.repeatCount)
                    + counted(l.withinWindowCount, of: s.withinWindowCount)
                    + counted(l.firstTimeCount, of: s.firstTimeCount))
        }
        var sheets = [cohort, summarySheet]
        if let timeToReplan { sheets.append(timeToReplan.worksheet) }
        return Workbook(sheets)
    }
}

extension TimeToReplan {
    /// The curve of `curveCSV` as a sheet: survival to four places, the share re-planned as a percentage.
    var worksheet: Worksheet {
        var sheet = Worksheet(
            name: "Time to re-plan",
            headings: ["days", "at_risk", "replanned", "censored", "survival", "share_replanned"])
        for s in curve {
            sheet.append([
                .integer(s.days), .integer(s.atRisk), .integer(s.replanned), .integer(s.censored),
                .figure(decimal(s.survival)), .percentage(percent(s.cumulativeShare)),
            ])
        }
        return sheet
    }
}
