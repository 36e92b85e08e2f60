import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// The care leavers' figures (metrics.md, *Care leavers*). Every expected figure is worked out by hand from the
/// definition, in the comments.
@Suite("Care leaver metrics")
struct CareLeaverMetricTests {
    static func contact(
        _ log: inout EventBuilder, _ child: String, _ date: String, _ inTouch: String, activity: String? = nil,
        accommodation: String? = nil, recorded: String? = nil
    ) {
        log.add(
            child, date,
            .careLeaverContacted(
                CareLeaverContacted(
                    inTouch: CareLeaverContactStatus(inTouch)!, activity: activity.map { CareLeaverActivity($0)! },
                    accommodation: accommodation.map { CareLeaverAccommodation($0)! })), recorded: recorded)
    }

    /// The year 2024-25's care leavers.
    static var log: EventBuilder {
        var log = EventBuilder()
        // Y1: 17 on 2024-06-10 (17-18); in touch, independent living (U1, suitable), full-time education (F2).
        log.registered("Y1", born: "2007-06-10")
        contact(&log, "Y1", "2024-06-12", "YES", activity: "F2", accommodation: "U1")
        // Y2: 18 on 2024-09-01 (17-18); two contacts, the later counts: not in touch, R2 (unsuitable), G5 (NEET).
        log.registered("Y2", born: "2006-09-01")
        contact(&log, "Y2", "2024-08-20", "YES", activity: "F1", accommodation: "B1")
        contact(&log, "Y2", "2024-09-05", "NO", activity: "G5", accommodation: "R2")
        // Y3: 21 on 2025-01-15, died: out of the denominator.
        log.registered("Y3", born: "2004-01-15")
        contact(&log, "Y3", "2025-01-20", "DIED")
        // Y4: 19 on 2024-05-05, home to parents for 6 months or more: out of the denominator.
        log.registered("Y4", born: "2005-05-05")
        contact(&log, "Y4", "2024-05-06", "RHOM")
        // Y5: 20 on 2024-12-01 (19-21); refuses contact, nothing known of activity or accommodation.
        log.registered("Y5", born: "2004-12-01")
        contact(&log, "Y5", "2024-12-02", "REFU")
        // Y6: 21 on 2024-04-10 (19-21); no longer requires services; part-time training (P5), D1 (suitable).
        log.registered("Y6", born: "2003-04-10")
        contact(&log, "Y6", "2024-04-15", "NREQ", activity: "P5", accommodation: "D1")
        // Y7: 22 in the year: no 17th to 21st birthday in it, not in the cohort.
        log.registered("Y7", born: "2002-06-01")
        contact(&log, "Y7", "2024-06-02", "YES", activity: "F1", accommodation: "U1")
        // Y8: 20 on 2025-02-01 (19-21); in touch, apprenticeship (F4), accommodation not known (0).
        log.registered("Y8", born: "2005-02-01")
        contact(&log, "Y8", "2025-02-03", "YES", activity: "F4", accommodation: "0")
        // Y9: 17 on 2025-03-01, but the contact is after the period: not in the cohort.
        log.registered("Y9", born: "2008-03-01")
        contact(&log, "Y9", "2025-04-02", "YES", activity: "F1", accommodation: "U1")
        // Y10: no birth date: no birthday, not in the cohort.
        contact(&log, "Y10", "2024-07-01", "YES", activity: "F1", accommodation: "U1")
        return log
    }

    // The cohort less DIED and RHOM: Y1, Y2 (17-18) and Y5, Y6, Y8 (19-21) = 5.

    @Test func inTouch() {
        // YES: Y1, Y8 = 2 of 5 = 40.0; 17-18 Y1 1 of 2 = 50.0; 19-21 Y8 1 of 3 = 33.3.
        let m = Self.log.metric("care-leavers-in-touch")
        #expect(m.kind == .share)
        #expect(m.numerator == 2 && m.denominator == 5 && m.value == 40.0)
        #expect(m.details.map(\.key) == ["17-18", "19-21", "YES", "NO", "REFU", "NREQ"])
        #expect(m.detail("17-18") == Self.group(1, 2, "50.0"))
        #expect(m.detail("19-21") == Self.group(1, 3, "33.3"))
        // By code: YES Y1, Y8; NO Y2; REFU Y5; NREQ Y6.
        #expect([m.count("YES"), m.count("NO"), m.count("REFU"), m.count("NREQ")] == [2, 1, 1, 1])
    }

    @Test func suitableAccommodation() {
        // Suitable (…1): Y1 U1, Y6 D1 = 2 of 5 = 40.0; 17-18 Y1 1 of 2; 19-21 Y6 1 of 3. Unsuitable: Y2 (R2).
        // No information: Y5 (none), Y8 (0).
        let m = Self.log.metric("care-leavers-suitable-accommodation")
        #expect(m.numerator == 2 && m.denominator == 5 && m.value == 40.0)
        #expect(m.detail("17-18") == Self.group(1, 2, "50.0") && m.detail("19-21") == Self.group(1, 3, "33.3"))
        #expect(m.count("unsuitable") == 1 && m.count("noInformation") == 2)
    }

    @Test func educationEmploymentOrTraining() {
        // EET: Y1 F2, Y6 P5, Y8 F4 = 3 of 5 = 60.0; 17-18 Y1 1 of 2 = 50.0; 19-21 Y6, Y8 2 of 3 = 66.7.
        // NEET: Y2 (G5). No information: Y5 (none).
        let m = Self.log.metric("care-leavers-eet")
        #expect(m.numerator == 3 && m.denominator == 5 && m.value == 60.0)
        #expect(m.detail("17-18") == Self.group(1, 2, "50.0") && m.detail("19-21") == Self.group(2, 3, "66.7"))
        #expect(m.count("neet") == 1 && m.count("noInformation") == 1)
    }

    @Test func aRetractedContactLeavesTheEarlierOneCounting() {
        var log = EventBuilder()
        log.registered("Y1", born: "2006-09-01")
        Self.contact(&log, "Y1", "2024-08-20", "YES", activity: "F1", accommodation: "B1")
        let later = log.nextID
        Self.contact(&log, "Y1", "2024-09-05", "NO", activity: "G5", accommodation: "R2")
        log.add("Y1", "2024-10-01", .eventRetracted(event: later, reason: "another young person's"))
        // As known at 30 September the September contact (not in touch) counts; since the retraction, August's.
        #expect(log.metric("care-leavers-in-touch", asKnownAt: "2024-09-30").numerator == 0)
        let now = log.metric("care-leavers-in-touch")
        #expect(now.numerator == 1 && now.denominator == 1 && now.value == 100.0)
    }

    @Test func anEmptyAgeGroupHasNoValue() {
        var log = EventBuilder()
        log.registered("Y1", born: "2007-06-10")
        Self.contact(&log, "Y1", "2024-06-12", "YES", activity: "F2", accommodation: "U1")
        let m = log.metric("care-leavers-in-touch")
        #expect(
            m.detail("19-21")
                == .object([
                    JSONMember(key: "numerator", value: .number("0")),
                    JSONMember(key: "denominator", value: .number("0")), JSONMember(key: "value", value: .null),
                ]))
    }

    static func group(_ n: Int, _ d: Int, _ value: String) -> JSONValue {
        .object([
            JSONMember(key: "numerator", value: .number(String(n))),
            JSONMember(key: "denominator", value: .number(String(d))), JSONMember(key: "value", value: .number(value)),
        ])
    }
}
