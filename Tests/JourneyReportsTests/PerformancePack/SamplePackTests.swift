import Foundation
import JourneyCore
import JourneyProjections
import Testing

@testable import JourneyReports

/// The built-in sample's pack: evaluated from one replay, deterministic, aggregates only.
@Suite("The sample's performance pack")
struct SamplePackTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("event-logs/sample.jsonl").path

    static func pack(month: CalendarDate = CalendarDate("2025-03-31")!) throws -> (JourneyState, PerformancePack) {
        let state = try JourneyState(replayingLogAt: sample)
        let provenance = Provenance(
            log: "event-logs/sample.jsonl",
            source: .file(events: state.eventCount, sha256: try Provenance.sha256(ofFileAt: sample)),
            madeAt: Timestamp("2025-04-01T09:00:00Z")!)
        return (state, state.performancePack(monthEnd: month, provenance: provenance))
    }

    @Test func theSameLogAndArgumentsGiveTheSameBytes() throws {
        let (_, a) = try Self.pack()
        let (_, b) = try Self.pack()
        #expect(a.html == b.html)
    }

    @Test func theHeadlineFiguresAreTheMetricsOfTheRollingYear() throws {
        // November 2024: the twelve months from 1 December 2023, and the year before from 1 December 2022.
        let (state, pack) = try Self.pack(month: CalendarDate("2024-11-15")!)
        #expect(pack.period == ReportingPeriod(from: CalendarDate("2023-12-01")!, to: CalendarDate("2024-11-30")!))
        #expect(pack.previous.period.from == CalendarDate("2022-12-01")!)
        let expected = state.metrics(MetricContext(period: pack.period))
        for row in pack.headlines {
            let result = expected.metrics.first { $0.id == row.measure.id }!
            #expect(row.current.value == result.value, "\(row.measure.id)")
        }
        // The sample runs five years, so the trends have all 24 months, ending with the pack's month.
        #expect(pack.series.count == 24)
        #expect(pack.series.last?.period.to == CalendarDate("2024-11-30")!)
        #expect(pack.series.first?.period.to == CalendarDate("2022-12-31")!)
    }

    @Test func everyChartHasDataOrSaysWhyNot() throws {
        let (_, pack) = try Self.pack()
        let charts = pack.html.components(separatedBy: "<svg class=\"chart").dropFirst()
        // 9 trends, 9 team charts, the funnel, the steps, the 14 trends of permanence and care leavers, and the
        // findings by team. A permanence figure the sample holds nothing for (its health) says so.
        #expect(charts.count == 35)
        for chart in charts {
            let svg = chart.components(separatedBy: "</svg>")[0]
            #expect(
                svg.contains("class=\"mark\"") || svg.hasPrefix(" all-hidden\"")
                    || (svg.hasPrefix(" no-figure\"") && svg.contains("No figures for these months")),
                "\(svg.prefix(200))")
        }
    }

    @Test func thePackNamesNoChild() throws {
        let (_, pack) = try Self.pack()
        // The sample's child ids are C000001…; none may appear, nor an event id (s2025-C…).
        #expect(!pack.html.contains("C0000"))
        #expect(pack.html.contains("SHA-256 "))
        #expect(pack.html.contains("made 2025-04-01T09:00:00Z"))
        #expect(!pack.html.contains("<script"))
        #expect(!pack.html.contains("http://") || pack.html.components(separatedBy: "http://").count - 1 == 35)
    }

    @Test func everyPrintedPageIsMarkedHeadedAndNumbered() throws {
        var (_, pack) = try Self.pack()
        pack.provenance.journeyVersion = "9.9.9"
        let sha = try Provenance.sha256(ofFileAt: Self.sample)
        // The page-margin boxes: the marking at the top and bottom centre, the log's name, the period and the
        // hash's first 12 digits at the top left, the version and "page N of M" at the foot.
        #expect(pack.html.contains("@top-center { content: \"OFFICIAL-SENSITIVE\";"))
        #expect(pack.html.contains("@bottom-center { content: \"OFFICIAL-SENSITIVE\";"))
        #expect(
            pack.html.contains("content: \"sample.jsonl, SHA-256 \(sha.prefix(12)) \\b7  2024-04-01 to 2025-03-31\";"))
        #expect(pack.html.contains("journey 9.9.9 \\b7  made 2025-04-01T09:00:00Z"))
        #expect(pack.html.contains("\"page \" counter(page) \" of \" counter(pages)"))
        // The first page has the log as given and the whole hash.
        #expect(pack.html.contains("@page :first { @top-left { content: \"event-logs/sample.jsonl: "))
        #expect(pack.html.contains("SHA-256 \(sha) \\b7  2024-04-01 to 2025-03-31\"; width: 42%;"))
        // On screen, above and below the pack.
        #expect(pack.html.components(separatedBy: "<p class=\"marking\">OFFICIAL-SENSITIVE</p>").count == 3)
        pack.marking = "OFFICIAL"
        #expect(pack.html.contains("@top-center { content: \"OFFICIAL\";"))
        #expect(!pack.html.contains("OFFICIAL-SENSITIVE"))
    }

    @Test func aMarkingCannotEndTheStyleSheet() {
        // Quotes, backslashes, < and > and anything beyond ASCII become CSS escapes: the marking is the user's text.
        #expect(PerformancePack.cssString("a\"b</style>") == #""a\22 b\3c /style\3e ""#)
        #expect(PerformancePack.cssString("2½ · x") == #""2\bd  \b7  x""#)
    }

    @Test func aSmallMoveIsSimilar() throws {
        let (_, pack) = try Self.pack()
        // Assessments 87.1% (115 of 132) after 88.2% (105 of 119), as the DuckDB computation in
        // ../shared/bench/duckdb_metrics.py gives them too: down 1.1 points, beyond the 1-point band.
        let row = try #require(pack.headlines.first { $0.measure.id == "assessment-timeliness" })
        #expect(PerformancePack.direction(row) == "<span class=\"worsening\">↓ down 1.1 points, worsening</span>")
        var similar = row
        similar.previous.value = 87.6
        similar.direction = .between(87.6, row.current.value, polarity: .higherIsBetter)
        #expect(PerformancePack.direction(similar) == "<span class=\"similar\">→ similar (down 0.5)</span>")
        #expect(pack.html.contains("a move of 1 percentage point or less either way"))
    }
}
