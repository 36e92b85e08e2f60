import Foundation
import JourneyCore

@testable import JourneyImport

/// The file the input is written to: the reader streams a file, as the importer does. Removed when the fuzzer exits.
private let file: String = {
    atexit { try? FileManager.default.removeItem(atPath: inputPath()) }
    return inputPath()
}()

private func inputPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
        "journey-fuzz-903-\(ProcessInfo.processInfo.processIdentifier).csv"
    ).path
}

/// libFuzzer's entry: the input is one SSDA903 CSV table, read as `journey import ssda903` reads it, short of the
/// log: `CSVTable` and `SSDA903Reader` read and check the rows, then each child's rows become facts (episode
/// chains, periods of care, placements, reviews) and the events that would be appended to an empty log.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSSDA903(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: file, contents: Data(bytes: data!, count: size)) else {
        fatalError("cannot write \(file)")
    }
    var input = SSDA903Return()
    guard (try? SSDA903Reader.read(file, into: &input, progress: nil)) != nil else { return 0 }
    // A return whose year cannot be told is refused by the importer (it asks for --year): so here.
    guard let year = input.inferredYear else { return 0 }
    let index = FactIndex(prefix: "903", sourcePrefix: "ssda903-", keepsBody: CareState.isFollowed)
    let reconciler = Reconciler(
        index: index, source: "ssda903-\(year.endYear)", recorded: SSDA903Importer.defaultRecorded(for: year))
    let setting = SSDA903Setting(year: year, tablesRead: input.tablesRead)
    for (child, rows) in input.children {
        let derived = rows.facts(
            of: child, known: index[child], isRegisteredElsewhere: false, setting: setting)
        for fact in derived.facts {
            if let event = reconciler.reconcile(fact).event { _ = event.canonicalJSON() }
        }
        _ = rows.retractionScope(known: index[child], setting: setting)
    }
    return 0
}
