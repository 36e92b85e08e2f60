/// The handful of teams a synthetic council allocates children to (`worker.allocated`), so that figures can be
/// broken down by team.
enum Team: UInt8, CaseIterable, Sendable {
    case frontDoor, north, south, east, west, disabledChildren, childrenInCare, leavingCare

    /// The team's name as recorded in `worker.allocated`.
    var name: String {
        switch self {
        case .frontDoor: "Front Door"
        case .north: "North"
        case .south: "South"
        case .east: "East"
        case .west: "West"
        case .disabledChildren: "Disabled Children"
        case .childrenInCare: "Children in Care"
        case .leavingCare: "Leaving Care"
        }
    }

    /// The prefix of its workers' identifiers (`SWN07`): made-up codes, never names of people.
    var workerPrefix: String {
        switch self {
        case .frontDoor: "FD"
        case .north: "N"
        case .south: "S"
        case .east: "E"
        case .west: "W"
        case .disabledChildren: "DC"
        case .childrenInCare: "CIC"
        case .leavingCare: "LC"
        }
    }

    /// Workers in the team.
    var size: Int { self == .frontDoor ? 16 : 12 }

    /// The locality team for a ward: wards are split among the four localities.
    static func locality(ofWard ward: Int) -> Team {
        [.north, .south, .east, .west][ward % 4]
    }

    /// `SWN07`: the 903's social worker id begins `SW` (rule SW02STG1), as Social Work England's registration
    /// numbers do; the team's prefix keeps each team's workers apart.
    func workerID(_ number: Int8) -> String {
        "SW" + workerPrefix + (number < 10 ? "0" : "") + String(number)
    }
}
