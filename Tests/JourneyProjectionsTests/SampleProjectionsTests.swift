import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// The built-in sample's figures, committed under `projections/`, so that a change to any figure shows as a diff.
///
/// Regenerate them after a deliberate change with:
///
///     UPDATE_PROJECTIONS=1 swift test --disable-xctest --filter SampleProjections
@Suite("The sample's figures")
struct SampleProjectionsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sample = root.appendingPathComponent("event-logs/sample.jsonl").path
    static let projections = root.appendingPathComponent("projections")

    /// How a figure file is written.
    enum Layout { case json, csv, monthlyCSV }

    /// Every figure file: its name and how it is made.
    static let files: [(name: String, contexts: [MetricContext], layout: Layout)] = {
        var files: [(String, [MetricContext], Layout)] = []
        for year in ["2021-22", "2022-23", "2023-24", "2024-25"] {
            files.append(
                ("metrics-\(year).json", [MetricContext(period: ReportingPeriod(statutoryYear: year)!)], .json))
        }
        let year = ReportingPeriod(statutoryYear: "2024-25")!
        files.append(
            (
                "metrics-2024-25-breakdowns.csv",
                [MetricContext(period: year, dimensions: BreakdownDimension.allCases)], .csv
            ))
        files.append(
            (
                "metrics-monthly-2023-04-to-2025-03.csv",
                ReportingPeriod(from: d("2023-04-01"), to: d("2025-03-31")).monthEnds.map {
                    MetricContext(period: .rollingYear(to: $0))
                }, .monthlyCSV
            ))
        return files
    }()

    func render(_ state: JourneyState, _ file: (name: String, contexts: [MetricContext], layout: Layout)) -> String {
        let reports = state.metrics(file.contexts)
        switch file.layout {
        case .json: return reports[0].json.prettyText
        case .csv: return MetricsReport.csv(reports)
        case .monthlyCSV: return MetricsReport.monthlyCSV(reports)
        }
    }

    @Test func theCommittedFiguresAreTheEnginesFigures() throws {
        let state = try JourneyState(replayingLogAt: Self.sample)
        let update = ProcessInfo.processInfo.environment["UPDATE_PROJECTIONS"] == "1"
        for file in Self.files {
            let url = Self.projections.appendingPathComponent(file.name)
            let text = render(state, file)
            if update {
                try text.write(to: url, atomically: false, encoding: .utf8)
            } else {
                let committed = try String(contentsOf: url, encoding: .utf8)
                #expect(
                    committed == text,
                    "projections/\(file.name) differs: run UPDATE_PROJECTIONS=1 swift test --filter SampleProjections and review the diff"
                )
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.projections.path).filter {
            $0.hasPrefix("metrics-")
        }
        #expect(Set(names) == Set(Self.files.map(\.name)))
    }
}
