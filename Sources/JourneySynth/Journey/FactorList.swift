import JourneyCore

/// Up to four assessment factors, in a fixed-size value (an array would cost an allocation per assessment).
struct FactorList: Sendable {
    private var codes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    private(set) var count: Int = 0

    init() {}

    /// No factors: `21` alone (CIN census).
    static let none: FactorList = {
        var list = FactorList()
        list.append(AssessmentFactor("21")!)
        return list
    }()

    mutating func append(_ factor: AssessmentFactor) {
        precondition(count < 4, "at most four factors")
        guard !contains(factor) else { return }
        switch count {
        case 0: codes.0 = factor.index
        case 1: codes.1 = factor.index
        case 2: codes.2 = factor.index
        default: codes.3 = factor.index
        }
        count += 1
    }

    func contains(_ factor: AssessmentFactor) -> Bool {
        (0..<count).contains { self[$0] == factor }
    }

    subscript(i: Int) -> AssessmentFactor {
        let index: UInt8
        switch i {
        case 0: index = codes.0
        case 1: index = codes.1
        case 2: index = codes.2
        default: index = codes.3
        }
        return AssessmentFactor(index: index)!
    }

    var factors: [AssessmentFactor] { (0..<count).map { self[$0] } }
}
