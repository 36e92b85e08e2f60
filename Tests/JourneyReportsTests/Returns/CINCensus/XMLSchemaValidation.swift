import Foundation
import JourneyReports

/// The folder of the CIN census schemas copied beside the tests (`Fixtures/cin-census-schemas`).
let cinSchemaFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/cin-census-schemas").path

/// What `xmllint --noout --schema` says of a return: whether it validates against its year's schema, and its words.
/// xmllint (Debian's libxml2-utils) is installed by `.ci/run`; where it is missing the validation fails, so that a
/// missing validator is never taken for a valid file.
func validateAgainstSchema(_ xml: [UInt8], _ schema: CINCensusSchema) throws -> (isValid: Bool, messages: String) {
    let folder = NSTemporaryDirectory() + "cin-xsd-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/return.xml"
    try Data(xml).write(to: URL(fileURLWithPath: file))
    guard
        let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first(where: FileManager.default.isExecutableFile)
    else { return (false, "xmllint is not installed (apt-get install libxml2-utils)") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: xmllint)
    process.arguments = ["--noout", "--schema", cinSchemaFolder + "/" + schema.schemaFileName, file]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let messages = String(decoding: data, as: UTF8.self)
    return (process.terminationStatus == 0 && messages.contains("validates"), messages)
}
