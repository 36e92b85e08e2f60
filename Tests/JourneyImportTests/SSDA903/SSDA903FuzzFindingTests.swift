import Foundation
import JourneyCore
import JourneyImport
import Testing

/// What the fuzz target `fuzz-ssda903` (Fuzz/) found in SSDA903 tables: each input, cut down, imported as
/// `journey import ssda903` imports it. A table is imported or refused with an error; the program never stops.
@Suite("SSDA903 tables under fuzzing")
struct SSDA903FuzzFindingTests {
    // Found by fuzz-ssda903 (cut down by libFuzzer to these 25 bytes): a review dated 4 January 2818 makes the
    // collection year 2817-18, and `SSDA903Importer.defaultRecorded(for:)` (SSDA903Importer.swift line 23,
    // `Int64(year.end.dayNumber + 1) * 86_400_000_000_000`) overflows for a year ending after 2262: SIGILL.
    // Issue 16, item 1. The same overflow is reached from an episode, missing or UASC date, and from the CIN
    // census (CINCensusFuzzFindingTests).
    @Test
    func aReviewDatedInTheYear2818() {
        let scratch = Scratch()
        let table = scratch.write("reviews.csv", "CHILD,,REVIEW\n6,,4/1/2818")
        do {
            _ = try scratch.importSSDA903([table])
        } catch {
            #expect(!"\(error)".isEmpty)
        }
    }
}
