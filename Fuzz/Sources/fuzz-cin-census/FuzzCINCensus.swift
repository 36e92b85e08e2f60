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
        "journey-fuzz-cin-\(ProcessInfo.processInfo.processIdentifier).xml"
    ).path
}

/// libFuzzer's entry: the input is a CIN census return, read as `journey import cin-census` reads it, short of the
/// log: `XMLReturnReader` streams the file, the `Header` starts a session (collection year, `recorded`), and each
/// `Child` goes through `CINChildReader` to facts and then to the events that would be appended to an empty log.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCINCensus(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: file, contents: Data(bytes: data!, count: size)) else {
        fatalError("cannot write \(file)")
    }
    let index = FactIndex(prefix: "cin", sourcePrefix: "cin-census-")
    let reader = XMLReturnReader(
        path: file, captured: ["Header", "Child"], repeating: CINModule.repeatingElements,
        known: CINModule.knownElements)
    var session: CINCensusSession?
    try? reader.read { node in
        if node.name == "Header" {
            guard session == nil else { return }
            session = try CINCensusSession(header: node, file: file, options: ImportOptions(), index: index)
            return
        }
        guard let year = session?.report.collectionYear ?? CollectionYear(startYear: 2023) else { return }
        let facts = CINChildReader(file: file, index: index, year: year).facts(of: node)
        let reconciler = Reconciler(
            index: index, source: "cin-census-\(year.endYear)", recorded: SSDA903Importer.defaultRecorded(for: year))
        for fact in facts.facts {
            if let event = reconciler.reconcile(fact).event { _ = event.canonicalJSON() }
        }
    }
    return 0
}
