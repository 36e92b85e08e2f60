import Foundation

/// The CIN census schema of a census year, copied beside the tests (`JourneyReportsTests/Fixtures/cin-census-schemas`,
/// from shared/data/cin-census/schemas): `CIN_schema_2025.xsd` for the 2025 census (collection year 2024-25).
public func cinCensusSchemaPath(censusYear: Int) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("JourneyReportsTests/Fixtures/cin-census-schemas/CIN_schema_\(censusYear).xsd").path
}

/// What `xmllint --noout --schema` says of an XML document: whether it validates, and its words. xmllint (Debian's
/// libxml2-utils) is installed by `.ci/run`; where it is missing the document does not validate, so that a missing
/// validator is never taken for a valid file.
public func validateAgainstSchema(_ xml: [UInt8], schema: String) throws -> (isValid: Bool, messages: String) {
    let folder = NSTemporaryDirectory() + "xsd-check-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/document.xml"
    try Data(xml).write(to: URL(fileURLWithPath: file))
    return try validateFileAgainstSchema(file, schema: schema)
}

/// `validateAgainstSchema` of a file.
public func validateFileAgainstSchema(_ file: String, schema: String) throws -> (isValid: Bool, messages: String) {
    let candidates = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"]
    guard let xmllint = candidates.first(where: FileManager.default.isExecutableFile) else {
        return (false, "xmllint is not installed (apt-get install libxml2-utils)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: xmllint)
    process.arguments = ["--noout", "--schema", schema, file]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let messages = String(decoding: data, as: UTF8.self)
    return (process.terminationStatus == 0 && messages.contains("validates"), messages)
}
