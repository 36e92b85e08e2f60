import Foundation
import JourneyCore
import JourneyImport
import JourneyLog
import JourneyTestSupport

/// A fixture file (under `Fixtures/`, beside this file).
func fixture(_ path: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        .appendingPathComponent(path).path
}

/// A folder in /tmp for one test (a log, hand-built returns), removed afterwards.
final class Scratch {
    let path = temporaryDirectory("journey-import")
    var log: String { path + "/log" }

    init() {
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a file of a hand-built return and gives its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        try? FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }

    /// Every event of the log, in order.
    func events() throws -> [Event] {
        guard FileManager.default.fileExists(atPath: log) else { return [] }
        var out: [Event] = []
        try EventLog.open(log).replay { out.append($0.event) }
        return out
    }

    func importSSDA903(
        _ paths: [String], year: String? = nil, recorded: String? = nil, skipInvalid: Bool = false,
        rejected: String? = nil, socialWorkerTeam: String? = nil
    ) throws -> ImportReport {
        let writer = try LogWriter.open(log)
        defer { writer.close() }
        var options = ImportOptions(
            year: year.flatMap(CollectionYear.init), recorded: recorded.map { Timestamp($0)! },
            skipInvalid: skipInvalid)
        options.rejectedFile = rejected
        options.socialWorkerTeam = socialWorkerTeam
        return try SSDA903Importer(paths: paths, options: options).run(into: writer, progress: nil)
    }

    func importCINCensus(
        _ path: String, recorded: String? = nil, skipInvalid: Bool = false, rejected: String? = nil
    ) throws -> ImportReport {
        let writer = try LogWriter.open(log)
        defer { writer.close() }
        var options = ImportOptions(recorded: recorded.map { Timestamp($0)! }, skipInvalid: skipInvalid)
        options.rejectedFile = rejected
        return try CINCensusImporter(path: path, options: options).run(into: writer, progress: nil)
    }
}

/// An event in a short form for hand-written expectations: `2023-05-01 care.started {period:care-2023-05-01,…}`
/// (the `data` of the canonical JSON without quotes), with `corrects` when the event has it.
func line(_ event: Event) -> String {
    let json = event.canonicalJSONString
    let start = json.range(of: "\"data\":")!.upperBound
    var depth = 0
    var end = start
    for i in json[start...].indices {
        if json[i] == "{" { depth += 1 }
        if json[i] == "}" {
            depth -= 1
            if depth == 0 {
                end = json.index(after: i)
                break
            }
        }
    }
    let data = json[start..<end].replacingOccurrences(of: "\"", with: "")
    return "\(event.occurred) \(event.type) \(data)" + (event.corrects.map { " corrects \($0)" } ?? "")
}

/// The short forms of a child's events.
func lines(_ events: [Event], child: String? = nil) -> [String] {
    events.filter { child == nil || $0.child.rawValue == child }.map(line)
}

/// Counts of events by type name.
func countsByType(_ events: [Event]) -> [String: Int] {
    events.reduce(into: [:]) { $0[$1.type.name, default: 0] += 1 }
}

/// The episodes header row of the DfE's CSV layout.
let episodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
