import JourneyCore

// Calibration targets as a JSON object (`journey synth --parameters FILE.json`, `--show-parameters`): the field
// names of `CalibrationTargets`, percentages as numbers, referral sources as an object of code → percentage.
// Fields left out keep England's figure.

extension CalibrationTargets {
    /// The percentage fields, by name, in the order they are written.
    private static var percentFields: [(String, WritableKeyPath<CalibrationTargets, Double>)] {
        [
            ("reReferralPercent", \.reReferralPercent),
            ("referralNFAPercent", \.referralNFAPercent),
            ("assessedNotInNeedPercent", \.assessedNotInNeedPercent),
            ("assessmentsWithin45WorkingDaysPercent", \.assessmentsWithin45WorkingDaysPercent),
            ("assessmentMedianWorkingDays", \.assessmentMedianWorkingDays),
            ("icpcWithin15WorkingDaysPercent", \.icpcWithin15WorkingDaysPercent),
            ("cpPlansLasting2YearsOrMorePercent", \.cpPlansLasting2YearsOrMorePercent),
            ("secondOrSubsequentCPPlansPercent", \.secondOrSubsequentCPPlansPercent),
            ("longTermPlacementStabilityPercent", \.longTermPlacementStabilityPercent),
            ("threeOrMorePlacementsPercent", \.threeOrMorePlacementsPercent),
            ("adoptionsPerHundredLookedAfter", \.adoptionsPerHundredLookedAfter),
            ("adoptionEntryToPlacementDays", \.adoptionEntryToPlacementDays),
            ("adoptionDecisionsReversedPercent", \.adoptionDecisionsReversedPercent),
            ("adoptionPlacementsDisruptedPercent", \.adoptionPlacementsDisruptedPercent),
            ("careLeaversInTouchPercent", \.careLeaversInTouchPercent),
            ("careLeaversSuitableAccommodationPercent", \.careLeaversSuitableAccommodationPercent),
            ("careLeaversEETPercent", \.careLeaversEETPercent),
            ("healthAssessmentsPercent", \.healthAssessmentsPercent),
            ("dentalChecksPercent", \.dentalChecksPercent),
            ("immunisationsPercent", \.immunisationsPercent),
            ("healthSurveillancePercent", \.healthSurveillancePercent),
            ("sdqMeanScore", \.sdqMeanScore),
            ("convictedPercent", \.convictedPercent),
            ("substanceMisusePercent", \.substanceMisusePercent),
        ]
    }

    /// Targets from a JSON object; fields left out keep England's figures. Unknown fields are an error, so that
    /// a misspelt name is not silently ignored.
    public init(json: JSONValue) throws(SynthParametersError) {
        self.init()
        guard case .object(let members) = json else {
            throw SynthParametersError("the parameters must be a JSON object, found \(json.kind)")
        }
        for member in members {
            if let (_, path) = Self.percentFields.first(where: { $0.0 == member.key }) {
                guard case .number(let text) = member.value, let value = Double(text) else {
                    throw SynthParametersError("\"\(member.key)\" must be a number, found \(member.value.kind)")
                }
                self[keyPath: path] = value
            } else if member.key == "referralSourcePercent" {
                guard case .object(let sources) = member.value else {
                    throw SynthParametersError("\"referralSourcePercent\" must be an object of code: percentage")
                }
                var shares: [ReferralSource: Double] = [:]
                for source in sources {
                    guard let code = ReferralSource(source.key) else {
                        throw SynthParametersError(
                            "\"referralSourcePercent\": \(ReferralSource.problem(with: source.key))")
                    }
                    guard case .number(let text) = source.value, let value = Double(text) else {
                        throw SynthParametersError("\"referralSourcePercent\".\"\(source.key)\" must be a number")
                    }
                    shares[code] = value
                }
                referralSourcePercent = shares
            } else {
                let names = Self.percentFields.map(\.0) + ["referralSourcePercent"]
                throw SynthParametersError(
                    "\"\(member.key)\" is not a calibration target (allowed: \(names.joined(separator: ", ")))")
            }
        }
        if let problem { throw SynthParametersError(problem) }
    }

    /// The targets as a JSON object, one field per line, to edit and pass back with `--parameters`.
    public var jsonText: String {
        var lines: [String] = []
        for (name, path) in Self.percentFields {
            lines.append("  \"\(name)\": \(Self.number(self[keyPath: path]))")
        }
        let sources = referralSourcePercent.sorted { $0.key < $1.key }.map {
            "\"\($0.key.rawValue)\": \(Self.number($0.value))"
        }
        lines.append("  \"referralSourcePercent\": {" + sources.joined(separator: ", ") + "}")
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    static func number(_ value: Double) -> String {
        abs(value) < 1e15 && value == Double(Int(value)) ? String(Int(value)) : String(value)
    }
}
