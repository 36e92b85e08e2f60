import JourneyAccess
import JourneyCore
import Testing

/// The four roles × every kind of reading, each answer worked by hand from the rules (docs/service-access.md):
///
/// - analyst: everything.
/// - team manager (team "North"): aggregates; a child whose current team is North; a list of North; nothing else.
/// - investigator: aggregates; any child's record with a non-empty reason (without one: reason required); no list;
///   no write.
/// - viewer: aggregates only.
@Suite struct PolicyTests {
    static let analyst = Account(name: "ana", role: .analyst, team: nil)
    static let manager = Account(name: "tom", role: .teamManager, team: "North")
    static let investigator = Account(name: "ivy", role: .investigator, team: nil)
    static let viewer = Account(name: "val", role: .viewer, team: nil)

    static let childOfNorth = Reading.childRecord("C1", team: "North")
    static let childOfSouth = Reading.childRecord("C2", team: "South")
    static let childOfNoTeam = Reading.childRecord("C3", team: nil)
    static let listNorth = Reading.childLevelList(team: "North")
    static let listSouth = Reading.childLevelList(team: "South")
    static let listAll = Reading.childLevelList(team: nil)

    static let readings: [Reading] = [
        .aggregates, childOfNorth, childOfSouth, childOfNoTeam, listNorth, listSouth, listAll, .write,
    ]

    /// Whether the decision is `.allowed` (A), `.refused` (R) or `.reasonRequired` (?), as one letter, so that a
    /// row of the table reads as the rules do.
    static func letter(_ d: AccessDecision) -> Character {
        switch d {
        case .allowed: "A"
        case .refused: "R"
        case .reasonRequired: "?"
        }
    }

    static func row(_ account: Account, reason: String?) -> String {
        String(readings.map { letter(account.decide($0, reason: reason)) })
    }

    // Columns: aggregates, child of North, child of South, child of no team, list North, list South, list all,
    // write.

    @Test func analystMayDoEverything() {
        #expect(Self.row(Self.analyst, reason: nil) == "AAAAAAAA")
        #expect(Self.row(Self.analyst, reason: "audit") == "AAAAAAAA")
    }

    @Test func teamManagerSeesOwnTeamsChildrenAndAggregates() {
        // North children and the North list only; a child with no team is not theirs; no all-teams list; no write.
        #expect(Self.row(Self.manager, reason: nil) == "AARRARRR")
        // A reason changes nothing for a manager.
        #expect(Self.row(Self.manager, reason: "visit") == "AARRARRR")
    }

    @Test func teamManagerOfAnotherTeamIsTheMirrorImage() {
        let south = Account(name: "sam", role: .teamManager, team: "South")
        #expect(Self.row(south, reason: nil) == "ARARRARR")
    }

    @Test func investigatorOpensAnyChildWithAReason() {
        // Without a reason every child is "reason required"; with one, allowed; lists and write refused.
        #expect(Self.row(Self.investigator, reason: nil) == "A???RRRR")
        #expect(Self.row(Self.investigator, reason: "") == "A???RRRR")
        #expect(Self.row(Self.investigator, reason: " \t\n") == "A???RRRR")
        #expect(Self.row(Self.investigator, reason: "complaint 2026/14") == "AAAARRRR")
    }

    @Test func viewerSeesAggregatesOnly() {
        #expect(Self.row(Self.viewer, reason: nil) == "ARRRRRRR")
        #expect(Self.row(Self.viewer, reason: "curious") == "ARRRRRRR")
    }

    @Test func onlyAnAnalystMayWrite() {
        let writers = [Self.analyst, Self.manager, Self.investigator, Self.viewer].filter {
            $0.decide(.write, reason: "x") == .allowed
        }
        #expect(writers.map(\.role) == [.analyst])
    }

    @Test func refusalsNameNoChild() {
        for account in [Self.manager, Self.investigator, Self.viewer] {
            for reading in Self.readings {
                if case .refused(let why) = account.decide(reading, reason: "r") {
                    #expect(!why.contains("C1") && !why.contains("C2") && !why.contains("C3"))
                    #expect(!why.contains("South"))  // the child's team is the child's data
                    #expect(!why.isEmpty)
                }
            }
        }
    }

    @Test func rolesAreSpelledAsTheCommandLineTakesThem() {
        #expect(Role.allCases.map(\.rawValue) == ["analyst", "team-manager", "investigator", "viewer"])
    }
}
