import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

@Suite("Metrics output: CSV cells, details columns, age bands, --by and --monthly layouts")
struct MetricsOutputTests {
    /// Children born on `born`, allocated to `team`, referred on `referred` and assessed a week later. The log covers
    /// only these months, so every figure is partial.
    static func log(
        _ children: [(team: String, born: String)], referred: String = "2024-06-03", assessed: String = "2024-06-10"
    ) -> EventBuilder {
        var log = EventBuilder()
        for (i, c) in children.enumerated() {
            let child = "C\(i + 1)"
            log.registered(child, born: c.born)
            log.add(child, "2024-01-02", .workerAllocated(team: c.team, worker: nil))
            log.referral(child, referred)
            log.assessment(child, "A1", started: referred, completed: assessed)
        }
        return log
    }

    static func report(_ log: EventBuilder, by: [BreakdownDimension] = [], only: Set<String>) -> MetricsReport {
        log.state.metrics(MetricContext(period: year2024, dimensions: by), only: only)
    }

    @Test(arguments: formulaTeamNames)
    func aTeamNameThatStartsAsAFormulaIsGuardedAndItsCountsAreNumbers(_ name: (team: String, field: String)) {
        let csv = MetricsReport.csv([
            Self.report(Self.log([(name.team, "2015-01-01")]), by: [.team], only: ["referrals"])
        ])
        #expect(csv.contains("\r\n2024-04-01,2025-03-31,,referrals,team,\(name.field),1,,,partial,,,\r\n"))
    }

    @Test func detailsAreNamedColumnsBlankWhereAMetricHasNone() throws {
        let report = Self.report(
            Self.log([("North", "2015-01-01")]), only: ["assessment-timeliness", "referrals"])
        let lines = MetricsReport.csv([report]).components(separatedBy: "\r\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(
            Array(header.prefix(11)) == [
                "from", "to", "as_known_at", "metric", "dimension", "key", "numerator", "denominator", "value",
                "coverage", "rating",
            ])
        #expect(header.contains("median") && header.contains("bands.1-10") && header.contains("openOverdue"))
        #expect(!lines[0].contains("details"))
        let assessment = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let referrals = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let median = try #require(header.firstIndex(of: "median"))
        let band = try #require(header.firstIndex(of: "bands.1-10"))
        #expect(assessment[3] == "assessment-timeliness" && assessment[band] == "1")
        #expect(assessment[median] == "5")
        #expect(referrals[3] == "referrals" && referrals.count == header.count)
        #expect(referrals[median].isEmpty && referrals[band].isEmpty)
        let nfa = try #require(header.firstIndex(of: "nfa"))
        #expect(referrals[nfa] == "0" && assessment[nfa].isEmpty)
        #expect(!lines[1].contains("{"))
    }

    @Test func ageBandsAreWrittenSoExcelKeepsThemAsText() {
        // Born so as to be 3, 7 and 12 on 3 June 2024.
        let log = Self.log([("North", "2021-01-01"), ("North", "2017-01-01"), ("North", "2012-01-01")])
        let csv = MetricsReport.csv([Self.report(log, by: [.ageBand], only: ["referrals"])])
        #expect(csv.contains(",referrals,age-band,1 to 4,1,"))
        #expect(csv.contains(",referrals,age-band,5 to 9,1,"))
        #expect(csv.contains(",referrals,age-band,10 to 15,1,"))
        #expect(!csv.contains("1-4") && !csv.contains("10-15"))
    }

    @Test func byGivesATablePerDimensionWithARowPerGroup() {
        let log = Self.log([("North", "2015-01-01"), ("North", "2016-01-01"), ("South", "2015-01-01")])
        let table = Self.report(log, by: [.team], only: ["assessment-timeliness", "referrals"]).table
        #expect(
            table.contains(
                """

                By team
                metric                 team   numerator  denominator   value  mark
                ---------------------  -----  ---------  -----------  ------  ------------------------
                assessment-timeliness  North          2            2  100.0%  partial, too few to rate
                assessment-timeliness  South          1            1  100.0%  partial, too few to rate
                referrals              North          2                    –  partial
                referrals              South          1                    –  partial

                """))
        #expect(!table.contains("by team:"))
    }

    @Test func monthlyIsAGridOfMetricsByMonthEnd() {
        let log = Self.log([("North", "2015-01-01")], referred: "2024-02-05", assessed: "2024-02-12")
        // The log covers only February 2024: every figure is partial.
        let months = "2024-01-31 2024-02-29 2024-03-31"
        let reports = ["2024-01-31", "2024-02-29", "2024-03-31"].map {
            log.state.metrics(
                MetricContext(period: .rollingYear(to: d($0))), only: ["referrals", "assessment-timeliness"])
        }
        #expect(
            MetricsReport.monthlyCSV(reports)
                == "metric,2024-01-31,2024-02-29,2024-03-31,partial,too_few_to_rate\r\n"
                + "assessment-timeliness,,100.0,100.0,\(months),\(months)\r\n" + "referrals,0,1,1,\(months),\r\n")
        let table = MetricsReport.monthlyTable(reports)
        #expect(
            table.contains(
                """
                metric                 2024-01-31  2024-02-29  2024-03-31
                ---------------------  ----------  ----------  ----------
                assessment-timeliness         –*†     100.0*†     100.0*†
                referrals                      0*          1*          1*

                * partial: the log does not cover all the figure needs.
                † too few to rate: a rate over fewer than 10.

                """))
    }

    @Test func monthlyBrokenDownHasARowPerGroup() {
        let log = Self.log(
            [("North", "2015-01-01"), ("=cmd", "2015-01-01")], referred: "2024-02-05", assessed: "2024-02-12")
        let months = "2024-02-29 2024-03-31"
        let reports = ["2024-02-29", "2024-03-31"].map {
            log.state.metrics(MetricContext(period: .rollingYear(to: d($0)), dimensions: [.team]), only: ["referrals"])
        }
        #expect(
            MetricsReport.monthlyCSV(reports)
                == "metric,dimension,key,2024-02-29,2024-03-31,partial,too_few_to_rate\r\n"
                + "referrals,all,all,2,2,\(months),\r\n" + "referrals,team,'=cmd,1,1,\(months),\r\n"
                + "referrals,team,North,1,1,\(months),\r\n")
    }
    /// Two children adopted in 2024-25, 10 and 21 days after entering care, both in team North: an average of
    /// 31 / 2 = 15.5 days, median (10 + 21) / 2 = 15.5.
    static var adopted: EventBuilder {
        var log = EventBuilder()
        for (child, placed) in [("C1", "2024-05-11"), ("C2", "2024-05-22")] {
            log.add(child, "2024-01-02", .workerAllocated(team: "North", worker: nil))
            log.care(child, "L1", start: "2024-05-01")
            log.placement(child, "P1", start: placed, type: "A4")
            log.ended(child, "L1", "2024-11-01", "E11")
        }
        return log
    }

    @Test func anAverageIsItsValueInEveryFormatWithoutAPercentSign() throws {
        let only: Set<String> = ["adoption-entry-to-placement-days"]
        let report = Self.report(Self.adopted, by: [.team], only: only)
        let json = report.json.compactText
        #expect(json.contains(#""numerator":31,"denominator":2,"value":15.5,"details":{"median":15.5,"unknown":0}"#))
        let csv = MetricsReport.csv([report])
        #expect(csv.contains(",adoption-entry-to-placement-days,all,all,31,2,15.5,partial,too few to rate,15.5,0\r\n"))
        #expect(csv.contains(",adoption-entry-to-placement-days,team,North,31,2,15.5,partial,too few to rate,,\r\n"))
        let table = report.table
        #expect(
            table.contains("adoption-entry-to-placement-days         31            2   15.5  partial, too few to rate"))
        #expect(table.contains("adoption-entry-to-placement-days  North         31            2   15.5  partial"))
        #expect(!table.contains("15.5%"))
        let reports = ["2024-10-31", "2024-11-30"].map {
            Self.adopted.state.metrics(MetricContext(period: .rollingYear(to: d($0))), only: only)
        }
        let months = "2024-10-31 2024-11-30"
        #expect(
            MetricsReport.monthlyCSV(reports)
                == "metric,2024-10-31,2024-11-30,partial,too_few_to_rate\r\n"
                + "adoption-entry-to-placement-days,,15.5,\(months),\(months)\r\n")
        #expect(MetricsReport.monthlyTable(reports).contains("an average (of days, or of scores), or a count"))
    }
}
