import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

@Suite("Case-file audit sample")
struct AuditSampleTests {
    static let day = d("2025-03-31")

    static func sample(size: Int, seed: UInt64, team: String? = nil) -> AuditSample {
        AuditSample.draw(caseloadLog().state, on: day, size: size, seed: seed, team: team)
    }

    @Test("SplitMix64 gives the reference outputs")
    func generator() {
        // Vigna's splitmix64.c and Java's SplittableRandom, seed 1234567: the published first three outputs.
        var g = SplitMix64(seed: 1_234_567)
        #expect(
            [g.next(), g.next(), g.next()] == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            ])
        // Seed 0: 0xE220A8397B1DCDAF first (the reference C's well-known first value).
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test("A bounded draw is the output modulo the bound when it is at or over 2^64 mod the bound")
    func bounded() {
        // Bound 3: 2^64 ≡ 1 (mod 3), so only an output of 0 is drawn again. Seed 1234567's first output,
        // 6457827717110365317, has digit sum 81, a multiple of 3: 0.
        var g = SplitMix64(seed: 1_234_567)
        #expect(g.next(below: 3) == 0)
        // Bound 1: always 0, one output used.
        var h = SplitMix64(seed: 1_234_567)
        #expect(h.next(below: 1) == 0 && h.next() == 3_203_168_211_198_807_973)
    }

    @Test("Allocation: one each, the rest in proportion to what is left, largest remainders")
    func allocation() {
        // Sizes 10, 5, 1 and a sample of 8: one each leaves 5 to share over 9 + 4 + 0 = 13 left: 45/13 = 3 r 6,
        // 20/13 = 1 r 7, 0: 1+3, 1+1, 1+0 = 7; the spare one to the largest remainder (7): 4, 3, 1.
        #expect(AuditSample.allocation(sizes: [10, 5, 1], size: 8) == [4, 3, 1])
        // Fewer than the strata: one from each of the largest (3 and 3; ties to the earlier).
        #expect(AuditSample.allocation(sizes: [1, 3, 3], size: 2) == [0, 1, 1])
        #expect(AuditSample.allocation(sizes: [2, 2, 2], size: 1) == [1, 0, 0])
        // At or over the total: everything.
        #expect(AuditSample.allocation(sizes: [2, 1], size: 5) == [2, 1])
        // Sizes 4, 4, 2 and 6: one each, 3 over 3 + 3 + 1 = 7: 9/7 = 1 r 2, 1 r 2, 3/7 = 0 r 3: 2, 2, 1 = 5; the
        // spare to the largest remainder (3, the third): 2, 2, 2.
        #expect(AuditSample.allocation(sizes: [4, 4, 2], size: 6) == [2, 2, 2])
    }

    @Test("Strata and their sizes from the hand-made caseload")
    func strata() {
        let s = Self.sample(size: 6, seed: 1)
        // North: CIN A, D; CP B; care C. South: CIN E; care leaver J. No team: care I. 6 strata, 7 cases.
        #expect(s.population == 7)
        #expect(
            s.strata.map { "\($0.team)/\($0.level.rawValue)/\($0.size)" } == [
                "North/cin/2", "North/cp/1", "North/care/1", "South/cin/1", "South/care-leaver/1", "unallocated/care/1",
            ])
        // Size 6 with 6 strata: one each, nothing left to share.
        #expect(s.strata.map(\.allocated) == [1, 1, 1, 1, 1, 1])
    }

    @Test("Membership worked out from the generator")
    func membership() {
        // North/cin is drawn first: cases in child order [A, D], j = 0 + (first output mod 2). Seed 1's first
        // output, 10451216379200822465, is odd: j = 1, D. Seed 2's, 10905525725756348110, is even: j = 0, A. Every
        // other stratum has one case.
        let one = Self.sample(size: 6, seed: 1)
        #expect(one.picks.map(\.openCase.child) == ["D", "B", "C", "E", "J", "I"])
        #expect(one.picks.map(\.draw) == [1, 2, 3, 4, 5, 6])
        let two = Self.sample(size: 6, seed: 2)
        #expect(two.picks.map(\.openCase.child) == ["A", "B", "C", "E", "J", "I"])
        // Size 3, fewer than the 6 strata: the largest (North/cin, 2) then the earliest of the ties (North/cp,
        // North/care).
        let three = Self.sample(size: 3, seed: 2)
        #expect(three.picks.map(\.openCase.child) == ["A", "B", "C"])
        #expect(three.picks.map(\.stratum.size) == [2, 1, 1])
    }

    @Test("The same seed gives the same sample; another seed, another one")
    func stability() {
        // 30 children in one stratum, 5 drawn.
        let cases = (1...30).map { i in
            Caseload.Case(
                child: ChildID("C\(100 + i)"), team: "North", worker: nil, level: .childInNeed,
                caseStart: d("2025-01-01"), levelStart: d("2025-01-01"), lastVisit: nil, wasSeen: nil, on: Self.day)
        }
        let caseload = Caseload(on: Self.day, team: nil, asKnownAt: nil, cases: cases)
        let a = AuditSample.draw(from: caseload, size: 5, seed: 42)
        let b = AuditSample.draw(from: caseload, size: 5, seed: 42)
        let c = AuditSample.draw(from: caseload, size: 5, seed: 43)
        #expect(a == b)
        #expect(a.picks.map(\.openCase.child) != c.picks.map(\.openCase.child))
        #expect(Set(a.picks.map(\.openCase.child)).count == 5)
    }

    @Test("HTML escapes names and says why each case was chosen")
    func html() {
        let s = Self.sample(size: 7, seed: 1)
        #expect(s.htmlFragment.contains("A. &lt;Jones&gt;") && !s.htmlFragment.contains("<Jones>"))
        #expect(s.htmlFragment.contains("<caption>Cases drawn, in draw order, with why each was chosen</caption>"))
        #expect(s.html.hasPrefix("<!DOCTYPE html>") && !s.html.contains("<script"))
    }
}
