import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("Recording")
struct RecordingCheckTests {
    @Test func recordedLate() {
        var log = EventBuilder()
        // Mon 3 June 2024 → Mon 10 June: 5 working days, the allowance; Tue 11 June: 6.
        log.contact("C1", "2024-06-03", "K1", recorded: "2024-06-10")
        let late = log.contact("C1", "2024-06-03", "K2", recorded: "2024-06-11")
        // A correction is late by nature: back-dated-correction judges it instead.
        let original = log.contact("C2", "2024-06-03", "K1")
        log.add(
            "C2", "2024-06-03", .contactReceived(ContactReceived(contact: "K1", source: ReferralSource("7")!)),
            recorded: "2024-07-01", corrects: original)
        let found = log.findings("recorded-late")
        #expect(found.map(\.positions) == [[p(late)]] && found.first?.date == d("2024-06-03"))
        #expect(
            found.first?.message
                == "contact.received dated 2024-06-03 was recorded on 2024-06-11, 6 working days later (the standard is "
                + "5): record events as they happen; check figures already reported for that date.")
        // The allowance is a parameter (`--recorded-late-days`).
        #expect(log.findings("recorded-late", lateDays: 6).isEmpty)
    }

    @Test func recordedLateAndAfterMergeCoverPermanenceLeavingCareAndHealth() {
        var log = EventBuilder()
        // Mon 3 June 2024 → Tue 11 June: 6 working days.
        let late = log.add("C1", "2024-06-03", .sdqRecorded(SDQRecorded(score: 12)), recorded: "2024-06-11")
        log.add("C1", "2024-06-03", .adoptionDecided(adoption: "AD1"), recorded: "2024-06-10")
        #expect(log.findings("recorded-late").map(\.positions) == [[p(late)]])
        let merge = log.merge("D1", "2024-07-01", into: "C1")
        let after = log.careLeaverContact("D1", "2024-07-02")
        let found = log.findings("event-after-merge")
        #expect(found.map(\.positions) == [[p(after), p(merge)]])
        #expect(
            found.first?.message
                == "care-leaver.contacted dated 2024-07-02 was written to record D1 after it was merged into C1: "
                + "record new work on C1.")
    }

    @Test func recordedBeforeOccurred() {
        var log = EventBuilder()
        let future = log.contact("C1", "2024-06-10", recorded: "2024-06-09T23:59:00Z")
        log.contact("C2", "2024-06-10", recorded: "2024-06-10T00:01:00Z")
        let found = log.findings("recorded-before-occurred")
        #expect(found.map(\.positions) == [[p(future)]])
        #expect(
            found.first?.message
                == "contact.received is dated 2024-06-10 but was recorded on 2024-06-09, before that date: correct the "
                + "date, or record the event once it has happened.")
    }

    @Test func backDatedCorrection() {
        var log = EventBuilder()
        // May 2024's figures are reported 5 working days after Friday 31 May: by Friday 7 June.
        let a = log.contact("C1", "2024-05-20")
        log.add(
            "C1", "2024-05-20", .contactReceived(ContactReceived(contact: "K1", source: ReferralSource("7")!)),
            recorded: "2024-06-07", corrects: a)
        let b = log.contact("C2", "2024-05-20")
        let retraction = log.retract("C2", "2024-06-10", b, recorded: "2024-06-10")
        let found = log.findings("back-dated-correction")
        #expect(found.map(\.positions) == [[p(retraction), p(b)]] && found.first?.severity == .query)
        #expect(
            found.first?.message
                == "contact.received dated 2024-05-20 was retracted on 2024-06-10, after the figures for the month of "
                + "2024-05-20 were reported (2024-06-07): check whether figures already reported for that month must "
                + "be restated.")
        // As known before the retraction was recorded, there is nothing to report.
        #expect(log.findings("back-dated-correction", asKnownAt: "2024-06-09").isEmpty)
    }

    @Test func duplicateEvent() {
        var log = EventBuilder()
        log.registered("C1", "2024-01-01", born: "2015-01-01")
        let first = log.visit("C1", "2024-06-10", kind: "cin")
        let second = log.visit("C1", "2024-06-10", kind: "cin")
        // Another kind of visit the same day is another fact.
        log.visit("C1", "2024-06-10", kind: "cp")
        let found = log.findings("duplicate-event")
        #expect(found.map(\.positions) == [[p(second), p(first)]])
        #expect(
            found.first?.message
                == "visit.made dated 2024-06-10 is recorded twice under different event ids: retract the duplicate.")
        // Two records of one child later merged are not duplicates of each other: the merge says so.
        var merged = EventBuilder()
        merged.registered("C1", "2024-01-01", born: "2015-01-01")
        merged.registered("D1", "2024-01-01", born: "2015-01-01")
        merged.merge("D1", "2024-02-01", into: "C1")
        #expect(merged.findings("duplicate-event").isEmpty)
    }

    /// The quick test before the full pass: a repeat among the counting events' content hashes, and only there.
    @Test func duplicateEventLooksOnlyWhereContentRepeats() {
        func event(_ hash: UInt64, counts: Bool = true) -> ChildRecord.RecordedEvent {
            ChildRecord.RecordedEvent(
                type: .visitMade, occurred: d("2024-06-10"), recorded: nil, position: hash, idHash: hash, key: 0,
                ref: 0, contentHash: hash, counts: counts, mergedFrom: nil)
        }
        // 3, 1, 2: no two alike.
        #expect(!DuplicateEvent.repeatsContent([event(3), event(1), event(2)]))
        // 3, 1, 3: the first and last alike, apart in log order.
        #expect(DuplicateEvent.repeatsContent([event(3), event(1), event(3)]))
        // The second 3 was replaced or retracted: it no longer counts, so no repeat among those that do.
        #expect(!DuplicateEvent.repeatsContent([event(3), event(1), event(3, counts: false)]))
        // Fewer than two counting events, or none at all.
        #expect(!DuplicateEvent.repeatsContent([event(3), event(3, counts: false)]))
        #expect(!DuplicateEvent.repeatsContent([]))
        // A hash of 0, once and twice.
        #expect(!DuplicateEvent.repeatsContent([event(0), event(1)]))
        #expect(DuplicateEvent.repeatsContent([event(0), event(1), event(0)]))
        // Hashes that differ and all fall in the first slot: i times the inverse of the multiplier that places them,
        // so that the multiply gives i, whose top bits are 0. No repeat; then one at the end of the run they fill.
        var inverse: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<6 { inverse = inverse &* (2 &- 0x9E37_79B9_7F4A_7C15 &* inverse) }
        #expect(inverse &* 0x9E37_79B9_7F4A_7C15 == 1)
        let sameSlot = (1...40).map { event(UInt64($0) &* inverse) }
        #expect(!DuplicateEvent.repeatsContent(sameSlot))
        #expect(DuplicateEvent.repeatsContent(sameSlot + [event(40 &* inverse)]))
        // Random hashes from a narrow range, so that some repeat, against a count of each.
        var rng = SeededRandom(state: 9)
        for size in [2, 3, 17, 64, 65, 300] {
            for _ in 0..<50 {
                let events = (0..<size).map { _ in
                    event(UInt64.random(in: 0..<UInt64(size * 4), using: &rng), counts: Bool.random(using: &rng))
                }
                let counting = events.filter(\.counts).map(\.contentHash)
                #expect(DuplicateEvent.repeatsContent(events) == (Set(counting).count < counting.count))
            }
        }
    }

    @Test func unknownChild() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-06-10")
        log.visit("C1", "2024-06-11", kind: "cin")
        log.registered("C2", "2024-06-10", born: "2015-01-01")
        log.referral("C2", "2024-06-10")
        let found = log.findings("unknown-child")
        #expect(found.map(\.positions) == [[p(r)]] && found.first?.child == "C1")
        #expect(
            found.first?.message
                == "Child has 2 events but was never registered: record child.registered, correct the child id on the "
                + "events, or merge the record into the child's own.")
    }

    @Test func eventAfterMerge() {
        var log = EventBuilder()
        log.registered("C1", "2024-01-01", born: "2015-01-01")
        log.registered("D1", "2024-01-01", born: "2015-01-01")
        log.visit("D1", "2024-01-20", kind: "cin")
        let merge = log.merge("D1", "2024-02-01", into: "C1")
        let after = log.visit("D1", "2024-02-05", kind: "cin")
        log.visit("C1", "2024-02-06", kind: "cin")
        let found = log.findings("event-after-merge")
        #expect(found.map(\.positions) == [[p(after), p(merge)]] && found.first?.child == "C1")
        #expect(
            found.first?.message
                == "visit.made dated 2024-02-05 was written to record D1 after it was merged into C1: record new work "
                + "on C1.")
    }

    @Test func stepDisagreesWithPlans() {
        var log = EventBuilder()
        // In order: early help, then a step up to CP with the plan 12 working days later (Wed 1 May → Mon 20 May
        // 2024: Thu 2 and Fri 3, Tue 7 – Fri 10 after the bank holiday, 13–17 May, and Mon 20: 2 + 4 + 5 + 1).
        log.earlyHelp("C1", "2024-04-01")
        log.stepped("C1", "2024-05-01", from: "early-help", to: "cp")
        log.referral("C1", "2024-05-01")
        log.cpPlanStarted("C1", "2024-05-20")
        // The step's `from` is not the level the child was at.
        let wrongFrom = log.stepped("C2", "2024-05-01", from: "cin", to: "early-help")
        // A step up to CIN that nothing follows.
        log.earlyHelp("C3", "2024-04-01")
        let nothing = log.stepped("C3", "2024-05-01", from: "early-help", to: "cin")
        // A step down from CP that leaves the plan open.
        log.referral("C4", "2024-04-01")
        let plan = log.cpPlanStarted("C4", "2024-04-02")
        let down = log.stepped("C4", "2024-05-01", from: "cp", to: "cin")
        let found = log.findings("step-disagrees-with-plans")
        #expect(found.map(\.positions) == [[p(wrongFrom)], [p(nothing)], [p(down), p(plan)]])
        #expect(
            found.map(\.message) == [
                "Step down on 2024-05-01 from cin to early-help, but the child was at universal just before it: "
                    + "correct the step's levels, or record the plan, care or early help it started from.",
                "Step up on 2024-05-01 to cin, but nothing at that level started within 20 working days: record the CIN "
                    + "plan or referral it led to, or correct the step.",
                "Step down on 2024-05-01 to cin, but the CP plan was still open 20 working days later: end it, or "
                    + "correct the step.",
            ])
        // Wed 1 May 2024 + 20 working days = Fri 31 May (2 + 4 + 5 + 5 + 4, the bank holidays on Mondays 6 and 27 May
        // left out): what a step leads to is judged only after that, so on 31 May only the wrong `from` is reported.
        #expect(log.findings("step-disagrees-with-plans", asOf: "2024-05-31").map(\.positions) == [[p(wrongFrom)]])
        #expect(log.findings("step-disagrees-with-plans", asOf: "2024-06-01").count == 3)
    }

    @Test func visitOutsideInvolvement() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        log.visit("C1", "2024-04-10", kind: "cin")
        log.closed("C1", "2024-05-10")
        // On the closure day the episode is still open; the next day it is not.
        log.visit("C1", "2024-05-10", kind: "cin")
        let after = log.visit("C1", "2024-05-11", kind: "cin")
        let cp = log.visit("C1", "2024-04-12", kind: "cp")
        let found = log.findings("visit-outside-involvement")
        #expect(found.map(\.positions) == [[p(cp)], [p(after)]])
        #expect(
            found.map(\.message) == [
                "cp visit on 2024-04-12, when the child had no CP plan: correct the visit's date or kind, or check that "
                    + "it belongs to this child.",
                "cin visit on 2024-05-11, when the child had no open episode of need: correct the visit's date or kind, "
                    + "or check that it belongs to this child.",
            ])
    }
}
