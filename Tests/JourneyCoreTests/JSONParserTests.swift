import JourneyCore
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let v = try JSONParser.parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d\n\u00e9\ud83d\ude00"}} "#)
        #expect(
            v
                == .object([
                    JSONMember(
                        key: "a", value: .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
                    JSONMember(key: "b", value: .object([JSONMember(key: "c", value: .string("d\né😀"))])),
                ]))
    }

    @Test(
        "Refuses what RFC 8259 does not allow",
        arguments: [
            #"{"a":1,}"#, #"{"a":1 "b":2}"#, #"[1,]"#, #"{'a':1}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":"\x"}"#,
            "{\"a\":\"tab\there\"}", #"{"a":1}{"#, #"{"a":1,"a":2}"#, #"{"a":"\ud800"}"#, #"nul"#, "",
        ])
    func refuses(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func saysWhereTheProblemIs() {
        do {
            _ = try JSONParser.parse(#"{"a":1,}"#)
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.offset == 7)
            #expect(error.description.contains("column 8"))
        }
    }

    @Test func writerEscapesCanonically() {
        var w = JSONWriter()
        w.beginObject()
        w.key("k")
        w.string("q\"b\\n\nt\tc\u{01}é")
        w.key("n")
        w.double(20)
        w.key("m")
        w.double(12.5)
        w.endObject()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"k":"q\"b\\n\nt\tc\u0001é","n":20,"m":12.5}"#)
    }
}
