import JourneyCore
import Testing

/// Canonical JSON writes dates and timestamps straight into its output: the bytes must be their descriptions'.
@Suite("Writing dates and timestamps")
struct JSONWriterDatesTests {
    static func written(_ write: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        write(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test("Dates", arguments: [-800_000, -719_468, -1, 0, 1, 11_016, 19_782, 2_932_896, 2_932_897, 3_000_000])
    func dates(_ day: Int32) {
        let date = CalendarDate(dayNumber: day)
        #expect(Self.written { date.write(json: &$0) } == "\"\(date.description)\"")
    }

    @Test("Timestamps in any offset, with any fraction digits")
    func timestamps() {
        let instants: [Int64] = [
            0, -1, 1, 999_999_999, 1_000_000_000, 1_714_641_000_123_456_789, 86_399_999_999_999,
            -9_000_000_000_000_000_000, 9_000_000_000_000_000_000,
        ]
        for nanoseconds in instants {
            for offset: Int16 in [0, 60, -60, -330, 345, 14 * 60, -(12 * 60), 6000, -6000] {
                for digits: UInt8 in [0, 1, 3, 6, 9, 12] {
                    let t = Timestamp(nanoseconds: nanoseconds, offsetMinutes: offset, fractionDigits: digits)
                    let event = Event(
                        id: "e1", child: "C1", occurred: CalendarDate(dayNumber: 0), recorded: t, body: .childDied)
                    #expect(event.canonicalJSONString.contains(#""recorded":"\#(t.description)""#))
                }
            }
        }
    }

    @Test func stringsAreEscapedTheOneWay() {
        let text = "a\"b\\c\u{8}\u{C}\n\r\t\u{1}\u{1F}é/\u{7F}"
        #expect(Self.written { $0.string(text) } == #""a\"b\\c\b\f\n\r\t\u0001\u001fé/\#u{7F}""#)
    }

    @Test func nestingDeeperThanTheInlineStack() {
        let json = Self.written { w in
            for _ in 0..<70 { w.beginArray() }
            w.int(1)
            w.int(-2)
            for _ in 0..<70 { w.endArray() }
        }
        #expect(json == String(repeating: "[", count: 70) + "1,-2" + String(repeating: "]", count: 70))
    }
}
