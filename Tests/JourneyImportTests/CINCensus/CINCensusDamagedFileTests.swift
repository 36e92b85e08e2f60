import Foundation
import JourneyCore
import JourneyImport
import Testing

/// CIN census files that are cut short, nested without end, or hold entity references: each is refused with the
/// line and the rule (never a value from the return), and nothing is appended; or, for XML's own entities, read
/// correctly.
@Suite("CIN census: damaged and hostile files")
struct CINCensusDamagedFileTests {
    static let child = """
        <Child>
          <ChildIdentifiers><LAchildID>X1</LAchildID><PersonBirthDate>2015-03-27</PersonBirthDate><Sex>F</Sex>
          </ChildIdentifiers>
          <CINdetails>
            <CINreferralDate>2023-05-02</CINreferralDate><ReferralSource>2A</ReferralSource>
            <ReferralNFA>0</ReferralNFA>
          </CINdetails>
        </Child>
        """

    /// The text of an import's error, or `nil` when it imported.
    func importError(_ scratch: Scratch, _ file: String) -> String? {
        do {
            _ = try scratch.importCINCensus(file)
            return nil
        } catch {
            return (error as? LocalizedError)?.errorDescription ?? "\(error)"
        }
    }

    // Issue 16, item 4: a file cut at 50% imported the children before the cut, with exit 0.
    @Test func aFileCutShortIsRefusedAndNothingIsAppended() throws {
        let scratch = Scratch()
        let whole = try String(contentsOfFile: fixture("cin-census/fake_CIN_data.xml"), encoding: .utf8)
        let cut = scratch.write("cut.xml", String(whole.utf8.prefix(whole.utf8.count / 2))!)
        let error = try #require(importError(scratch, cut))
        #expect(error.contains("cut.xml"))
        #expect(error.contains("ends before its root element Message is closed"), "\(error)")
        #expect(try scratch.events().isEmpty)
    }

    // Re-importing a cut copy of a return already in the log retracted every child past the cut.
    @Test func aCutCopyOfAnImportedReturnRetractsNothing() throws {
        let scratch = Scratch()
        let path = fixture("cin-census/fake_CIN_data.xml")
        _ = try scratch.importCINCensus(path)
        let before = try scratch.events().count
        let whole = try String(contentsOfFile: path, encoding: .utf8)
        // Cut just after a child ends: every element read so far is whole, only the return is not.
        let end = whole.range(
            of: "</Child>", range: whole.index(whole.startIndex, offsetBy: whole.count / 2)..<whole.endIndex)!
        let cut = scratch.write("cut.xml", String(whole[..<end.upperBound]))
        #expect(importError(scratch, cut) != nil)
        #expect(try scratch.events().count == before)
    }

    @Test(arguments: ["", "<?xml version=\"1.0\"?>\n<!-- no element -->\n", "CHILD,SEX\nC1,1\n"])
    func aFileWithNoElementIsRefused(_ text: String) throws {
        let scratch = Scratch()
        let error = try #require(importError(scratch, scratch.write("cin.xml", text)))
        #expect(error.hasSuffix("cin.xml: it holds no XML element: is it a CIN census return?"), "\(error)")
    }

    @Test func textAfterTheRootElementIsRefused() throws {
        let scratch = Scratch()
        let text = cinReturn(referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z", children: Self.child)
        let file = scratch.write("cin.xml", text + "\n<Children>\n" + Self.child)
        #expect(importError(scratch, file) != nil)
        #expect(try scratch.events().isEmpty)
    }

    @Test(arguments: [
        #"xmlns="CIN""#, #"xmlns="http://www.example.org/CIN""#,
        #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="CIN.xsd""#,
    ])
    func namespaceWarningsAreNotErrors(_ attributes: String) throws {
        // libxml2 warns of a relative namespace name: the elements and values are read as written all the same.
        let scratch = Scratch()
        let text = cinReturn(referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z", children: Self.child)
            .replacingOccurrences(of: "<Message>", with: "<Message \(attributes)>")
        _ = try scratch.importCINCensus(scratch.write("cin.xml", text))
        #expect(try scratch.events().count == 2)
    }

    // Issue 16, item 3: unknown elements nested 60,000 deep inside a Child crashed the import (SIGSEGV after 4 GB).
    @Test func nestingWithoutEndIsRefusedNamingTheLine() throws {
        let scratch = Scratch()
        let depth = 60_000
        let deep =
            "<Child>\n" + String(repeating: "<Zz>", count: depth) + String(repeating: "</Zz>", count: depth)
            + "\n</Child>"
        let text = cinReturn(referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z", children: deep)
        let file = scratch.write("deep.xml", text)
        let error = try #require(importError(scratch, file))
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<Zz>") }! + 1
        #expect(error.contains("deep.xml"))
        #expect(error.contains("line \(line): nesting deeper than"), "\(error)")
        #expect(try scratch.events().isEmpty)
    }

    @Test func unknownElementsWithinTheLimitAreCountedNotKept() throws {
        // Unknown elements inside a known one do not change what is read from it.
        let scratch = Scratch()
        let child = Self.child.replacingOccurrences(
            of: "<ReferralNFA>0</ReferralNFA>",
            with: "<ReferralNFA>0</ReferralNFA><Extra><ReferralSource>ZZ</ReferralSource><More/></Extra>")
        let file = scratch.write(
            "cin.xml", cinReturn(referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z", children: child))
        let report = try scratch.importCINCensus(file)
        #expect(report.rejectedRows == 0)
        #expect(report.skipped == ["elements with no place in the event format: Extra (1)"])
        #expect(
            lines(try scratch.events()).contains("2023-05-02 referral.received {referral:ref-2023-05-02,source:2A}"))
    }

    // Issue 16, item 15: an entity declared in the file was read as nothing (the value lost), with exit 0.
    @Test func aDocumentTypeDeclarationIsRefused() throws {
        let scratch = Scratch()
        let text = cinReturn(
            referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z",
            children: Self.child.replacingOccurrences(of: "<LAchildID>X1<", with: "<LAchildID>X&one;<")
        ).replacingOccurrences(of: "<Message>", with: "<!DOCTYPE Message [<!ENTITY one \"1\">]>\n<Message>")
        let file = scratch.write("cin.xml", text)
        let error = try #require(importError(scratch, file))
        #expect(error.contains("cin.xml") && error.contains("line 2"), "\(error)")
        #expect(error.contains("document type declaration"), "\(error)")
        #expect(try scratch.events().isEmpty)
    }

    @Test func anUndeclaredEntityIsRefusedNamingItsLine() throws {
        let scratch = Scratch()
        let text = cinReturn(
            referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z",
            children: Self.child.replacingOccurrences(of: "<LAchildID>X1<", with: "<LAchildID>X&one;<"))
        let file = scratch.write("cin.xml", text)
        let error = try #require(importError(scratch, file))
        let line =
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("&one;") }! + 1
        #expect(error.contains("line \(line): an entity reference"), "\(error)")
        #expect(try scratch.events().isEmpty)
    }

    @Test func xmlsOwnEntitiesAndCharacterReferencesAreDecoded() throws {
        let scratch = Scratch()
        let text = cinReturn(
            referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z",
            children: Self.child.replacingOccurrences(of: "<LAchildID>X1<", with: "<LAchildID>&#88;1<")
                .replacingOccurrences(of: ">2A<", with: ">&#x32;A<"))
        let file = scratch.write("cin.xml", text)
        _ = try scratch.importCINCensus(file)
        let events = try scratch.events()
        #expect(events.map(\.child.rawValue) == ["X1", "X1"])
        #expect(lines(events)[1] == "2023-05-02 referral.received {referral:ref-2023-05-02,source:2A}")
        // XML's five entities are decoded in place: an id of 21 characters, 20 of them written as entities, is
        // read whole (and refused for its length, which the message gives rather than the value).
        let amp = scratch.write(
            "amp.xml",
            text.replacingOccurrences(
                of: "<LAchildID>&#88;1<",
                with: "<LAchildID>X" + String(repeating: "&amp;&lt;&gt;&quot;&apos;", count: 4) + "<"))
        let error = try #require(importError(Scratch(), amp))
        #expect(error.contains("field LAchildID: must be 1–20 characters long (it has 21)"), "\(error)")
    }

    @Test func characterDataSectionsAreRead() throws {
        let scratch = Scratch()
        let text = cinReturn(
            referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z",
            children: Self.child.replacingOccurrences(of: "<LAchildID>X1<", with: "<LAchildID><![CDATA[X1]]><"))
        _ = try scratch.importCINCensus(scratch.write("cin.xml", text))
        #expect(try scratch.events().map(\.child.rawValue) == ["X1", "X1"])
    }
}
