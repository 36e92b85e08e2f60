import Foundation
import JourneyCore
import JourneyImport
import Testing

/// What the fuzz target `fuzz-cin-census` (Fuzz/) found in CIN census returns: each input, cut down, imported as
/// `journey import cin-census` imports it. A return is imported or refused with an error; the program never stops.
@Suite("CIN census returns under fuzzing")
struct CINCensusFuzzFindingTests {
    // Found by fuzz-cin-census (cut down by libFuzzer to `<` 0xFF 0 0 0; this is a readable form): an element
    // name that is not UTF-8. libxml2 hands the name to Foundation's XMLParser before it reports the encoding
    // error, and `_NSXMLParserStartElementNs` (swift-corelibs-foundation) traps on it: SIGILL inside
    // `XMLReturnReader.read` (XMLReturnReader.swift line 83, `parser.parse()`). The reader must not give the parser
    // bytes that are not UTF-8 (or must find them first) and refuse the file as not well formed.
    @Test
    func anElementNameThatIsNotUTF8() {
        let scratch = Scratch()
        for bytes in [
            [0x3C, 0xFF, 0x00, 0x00, 0x00], Array("<Message><Child".utf8) + [0xFF] + Array("></Child></Message>".utf8),
        ] {
            let file = scratch.path + "/return.xml"
            _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
            #expect(throws: (any Error).self) { try scratch.importCINCensus(file) }
        }
    }

    // Found by fuzz-cin-census (in a mangled sample return; cut down by hand): a processing instruction without
    // data, `<?x?>`, anywhere in the file. libxml2 hands Foundation's XMLParser a null pointer for the data, and
    // `_NSXMLParserProcessingInstruction` (swift-corelibs-foundation) calls strlen on it: SIGSEGV inside
    // `XMLReturnReader.read` (XMLReturnReader.swift line 83, `parser.parse()`).
    @Test(
        arguments: ["<Message><?x?></Message>", "<?x?><Message></Message>"]
    )
    func aProcessingInstructionWithoutData(text: String) {
        let scratch = Scratch()
        let file = scratch.write("return.xml", text)
        #expect(throws: (any Error).self) { try scratch.importCINCensus(file) }
    }

    // Found by fuzz-cin-census: a sample return whose header's ReferenceDate is 1012-03-31 (and no usable
    // DateTime) overflows `SSDA903Importer.defaultRecorded(for:)` (SSDA903Importer.swift line 23, called from
    // CINCensusImporter.swift line 113); a DateTime outside 1678–2261 overflows `Timestamp(rfc3339:)`
    // (Timestamp.swift line 85, through `ReturnValues.xmlTimestamp`); and a header `Year` of 99999999999 fails the
    // force unwrap of `CollectionYear.end` (CollectionYear.swift line 34). Issue 16, item 1.
    @Test(
        arguments: [
            ("<ReferenceDate>1012-03-31</ReferenceDate>", ""),
            ("<ReferenceDate>2024-03-31</ReferenceDate>", "<Source><DateTime>1006-05-23T11:14:05</DateTime></Source>"),
            ("<Year>3000</Year>", ""),
            ("<Year>99999999999</Year>", ""),
        ])
    func aHeaderForTheYear1012(details: String, source: String) {
        let scratch = Scratch()
        let file = scratch.write(
            "return.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Message>
              <Header><CollectionDetails><Collection>CIN</Collection>\(details)</CollectionDetails>\(source)</Header>
              <Children>
                <Child>
                  <ChildIdentifiers>
                    <LAchildID>X1</LAchildID><PersonBirthDate>2015-03-27</PersonBirthDate><Sex>F</Sex>
                  </ChildIdentifiers>
                </Child>
              </Children>
            </Message>
            """)
        do {
            _ = try scratch.importCINCensus(file)
        } catch {
            #expect(!"\(error)".isEmpty)
        }
    }

    // Found by fuzz-cin-census (a timeout): a processing instruction that is opened and never closed, `<?` near the
    // start of a 4.6 KB return, took the reader's pass over the bytes n² steps (it looked at the instruction's whole
    // length for each byte). The pass is linear now; the file is left to the parser, which refuses it as not well
    // formed, and the rest of a whole return after a closed instruction is read as before.
    @Test func aProcessingInstructionThatNeverEnds() {
        let scratch = Scratch()
        let file = scratch.write(
            "return.xml", "<Message><?pi " + String(repeating: "<Child>x</Child>", count: 20_000) + "</Message>")
        #expect(throws: (any Error).self) { try scratch.importCINCensus(file) }
    }
}
