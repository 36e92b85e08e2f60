import Foundation
import JourneyCore
import JourneyImport
import Testing

/// The 2025-26 codes for other placements (Z11-Z14, lac2025_26 rule 146) are read as recorded, as Z1 is in the years
/// before.
@Suite("SSDA903: other placements")
struct SSDA903OtherPlacementImportTests {
    /// A 2025-26 return: C8 comes into care on 1 May 2025 in Z11 (no provider, no URN, as the 903 asks of an other
    /// placement), moves on 1 July 2025 (REC X1, CARPL) to Z14 and is there on 31 March 2026. By hand: a care.started
    /// and a placement.started on 1 May, a placement.ended (CARPL) and a placement.started on 1 July, each placement
    /// with its code as written and neither provider nor URN.
    @Test func z11ToZ14AreReadAsRecorded() throws {
        let scratch = Scratch()
        let episodes = """
            \(episodesHeader)
            C8,01/05/2025,S,C2,N1,Z11,,01/07/2025,X1,CARPL,,,
            C8,01/07/2025,P,C2,N1,Z14,,,,,,,

            """
        _ = try scratch.importSSDA903([scratch.write("episodes.csv", episodes)], year: "2025-26")
        #expect(
            lines(try scratch.events()) == [
                "2025-05-01 care.started {period:care-2025-05-01,legalStatus:C2,needCode:N1}",
                "2025-05-01 placement.started {placement:placement-2025-05-01,period:care-2025-05-01,"
                    + "placementType:Z11}",
                "2025-07-01 placement.ended {placement:placement-2025-05-01,reason:CARPL}",
                "2025-07-01 placement.started {placement:placement-2025-07-01,period:care-2025-05-01,"
                    + "placementType:Z14}",
            ])
    }
}
