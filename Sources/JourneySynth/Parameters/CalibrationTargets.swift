import JourneyCore

/// The published figures a synthetic council is calibrated to: the one place that holds target rates.
///
/// The defaults are England's, year to March 2025 (DfE "Children in need" and "Children looked after" releases).
/// Each is met in the figures of `docs/metrics.md` once the log has run long enough for the measure to see
/// its history (see `SyntheticCouncil`): shares are drawn through the target, timescales from distributions drawn
/// through the published quantiles. Change any of them to model another council.
public struct CalibrationTargets: Hashable, Sendable {
    /// `re-referrals`: referrals within 12 months of a previous referral of the same child (CIN census C1).
    public var reReferralPercent = 22.6
    /// Referrals with no further action (the referral opens no episode of need).
    public var referralNFAPercent = 6.5
    /// Completed assessments that found the child not in need (factors `21` alone).
    public var assessedNotInNeedPercent = 31.0
    /// `assessment-timeliness`: assessments authorised within 45 working days of their start (CIN census C2).
    public var assessmentsWithin45WorkingDaysPercent = 86.0
    /// The median assessment duration, in working days.
    public var assessmentMedianWorkingDays = 33.0
    /// `icpc-timeliness`: initial conferences within 15 working days of the S47 start (CIN census C4).
    public var icpcWithin15WorkingDaysPercent = 81.0
    /// `cp-plan-duration`: CP plans ending after 2 years or more (CIN census D7).
    public var cpPlansLasting2YearsOrMorePercent = 4.0
    /// `repeat-cp-plans`: children starting a second or subsequent CP plan (CIN census D3).
    public var secondOrSubsequentCPPlansPercent = 23.0
    /// `placement-stability-long-term`: children in care 2½ years or more, in the same placement for 2 years.
    public var longTermPlacementStabilityPercent = 69.0
    /// `placement-stability-short-term`: children looked after with three or more placements in the year.
    public var threeOrMorePlacementsPercent = 10.0
    /// `adoptions`: children adopted in a year (care ended `E11`/`E12`) per 100 children looked after at 31 March.
    /// England 2025: 3,040 adoptions, 81,770 looked after (DfE "Children looked after in England including
    /// adoptions", reporting year 2025).
    public var adoptionsPerHundredLookedAfter = 3.7
    /// `adoption-entry-to-placement-days`: mean days from entering care to being placed for adoption, for children
    /// adopted (adoption scorecard A1). England, three years 2015–18: 486 days (the latest scorecard found).
    public var adoptionEntryToPlacementDays = 486.0
    /// Decisions to place for adoption later reversed (RD1–RD4), of all such decisions. No England figure was found;
    /// about one decision in five not leading to adoption is the order seen in adoption-board data.
    public var adoptionDecisionsReversedPercent = 18.0
    /// Placements with adopters that end before the adoption order (a disruption). No England figure was found;
    /// studies of adoption breakdown put those before the order at a few in a hundred.
    public var adoptionPlacementsDisruptedPercent = 3.5
    /// `care-leavers-in-touch`: care leavers aged 19–21 the authority is in touch with (`YES`), of those not died or
    /// returned home. England 2020-21: 91% (DfE, as reported by CYP Now's leaving care special report).
    public var careLeaversInTouchPercent = 91.0
    /// `care-leavers-suitable-accommodation`: care leavers aged 19–21 in accommodation considered suitable. England
    /// 2019: 85% (DfE table "Care leavers by whether their accommodation is suitable").
    public var careLeaversSuitableAccommodationPercent = 85.0
    /// `care-leavers-eet`: care leavers aged 19–21 in education, employment or training. England: about half in
    /// 2020-21 (CYP Now, from DfE); 40% not in education, employment or training in 2017 (DfE).
    public var careLeaversEETPercent = 52.0
    /// `cla-health-assessments`: children looked after for 12 months at 31 March with their annual health
    /// assessment. England 2015: 90% (DfE SFR 34/2015, additional tables; the 2025 figure was not found).
    public var healthAssessmentsPercent = 90.0
    /// `cla-dental-checks`: the same children with their teeth checked by a dentist. England 2015: 86% (SFR 34/2015).
    public var dentalChecksPercent = 86.0
    /// `cla-immunisations`: the same children with immunisations up to date. England 2015: 88% (SFR 34/2015).
    public var immunisationsPercent = 88.0
    /// Children under 5 of the same with development checks up to date. England 2025: 88% (5,580 of 6,360).
    public var healthSurveillancePercent = 88.0
    /// `cla-sdq`: the mean SDQ total difficulties score of those aged 5–16 with one. England: about 14 (the DfE's
    /// average has been 14 to 14.5 for a decade; 14 is the bottom of the "borderline" band).
    public var sdqMeanScore = 14.0
    /// `cla-convicted`: children aged 10 or over looked after for 12 months convicted or given a youth caution in the
    /// year. England: 2–3% in recent releases.
    public var convictedPercent = 2.5
    /// `cla-substance-misuse`: children looked after for 12 months identified with a substance misuse problem.
    /// England: about 3% in recent releases.
    public var substanceMisusePercent = 3.0
    /// Shares of referrals by source (CIN census referral source); weights, normalised when drawn.
    public var referralSourcePercent: [ReferralSource: Double] = CalibrationTargets.englandReferralSources

    public init() {}

    /// England 2024-25: police 29%, schools 18%, health services 15% in all, then the rest.
    public static let englandReferralSources: [ReferralSource: Double] = {
        let shares: [(String, Double)] = [
            ("1A", 1.5), ("1B", 4.0), ("1C", 0.5), ("1D", 1.0),
            ("2A", 18.0), ("2B", 1.5),
            ("3A", 3.0), ("3B", 2.0), ("3C", 0.5), ("3D", 1.5), ("3E", 3.5), ("3F", 4.5),
            ("4", 2.0),
            ("5A", 6.0), ("5B", 2.0), ("5C", 3.0), ("5D", 2.0),
            ("6", 29.0), ("7", 1.5), ("8", 7.5), ("9", 1.0), ("10", 4.5),
        ]
        return Dictionary(uniqueKeysWithValues: shares.map { (ReferralSource($0.0)!, $0.1) })
    }()

    /// England's figures, year to March 2025.
    public static let england = CalibrationTargets()

    /// Why these targets cannot be met, or `nil`. Each message names the field.
    public var problem: String? {
        let shares: [(String, Double)] = [
            ("reReferralPercent", reReferralPercent), ("referralNFAPercent", referralNFAPercent),
            ("assessedNotInNeedPercent", assessedNotInNeedPercent),
            ("icpcWithin15WorkingDaysPercent", icpcWithin15WorkingDaysPercent),
            ("cpPlansLasting2YearsOrMorePercent", cpPlansLasting2YearsOrMorePercent),
            ("secondOrSubsequentCPPlansPercent", secondOrSubsequentCPPlansPercent),
        ]
        for (name, value) in shares where !(value >= 0 && value <= 90) {
            return "\(name) must be between 0 and 90 (it is \(value))"
        }
        if !(assessmentsWithin45WorkingDaysPercent > 50 && assessmentsWithin45WorkingDaysPercent < 100) {
            return
                "assessmentsWithin45WorkingDaysPercent must be over 50 and under 100, so that the median is within 45"
        }
        if !(assessmentMedianWorkingDays >= 5 && assessmentMedianWorkingDays <= 44) {
            return "assessmentMedianWorkingDays must be between 5 and 44"
        }
        if !(longTermPlacementStabilityPercent >= 30 && longTermPlacementStabilityPercent <= 90) {
            return "longTermPlacementStabilityPercent must be between 30 and 90"
        }
        if !(threeOrMorePlacementsPercent >= 2 && threeOrMorePlacementsPercent <= 30) {
            return "threeOrMorePlacementsPercent must be between 2 and 30"
        }
        let permanence: [(String, Double, ClosedRange<Double>)] = [
            ("adoptionsPerHundredLookedAfter", adoptionsPerHundredLookedAfter, 0...15),
            ("adoptionEntryToPlacementDays", adoptionEntryToPlacementDays, 300...900),
            ("adoptionDecisionsReversedPercent", adoptionDecisionsReversedPercent, 0...60),
            ("adoptionPlacementsDisruptedPercent", adoptionPlacementsDisruptedPercent, 0...60),
            ("careLeaversInTouchPercent", careLeaversInTouchPercent, 50...100),
            ("careLeaversSuitableAccommodationPercent", careLeaversSuitableAccommodationPercent, 0...100),
            ("careLeaversEETPercent", careLeaversEETPercent, 0...100),
            ("healthAssessmentsPercent", healthAssessmentsPercent, 0...100),
            ("dentalChecksPercent", dentalChecksPercent, 0...100),
            ("immunisationsPercent", immunisationsPercent, 0...100),
            ("healthSurveillancePercent", healthSurveillancePercent, 0...100),
            ("sdqMeanScore", sdqMeanScore, 4...30),
            ("convictedPercent", convictedPercent, 0...30),
            ("substanceMisusePercent", substanceMisusePercent, 0...20),
        ]
        for (name, value, range) in permanence where !range.contains(value) {
            return "\(name) must be between \(Self.number(range.lowerBound)) and \(Self.number(range.upperBound)) "
                + "(it is \(value))"
        }
        if referralSourcePercent.values.contains(where: { !($0 >= 0) || !$0.isFinite }) {
            return "referralSourcePercent shares must be 0 or more"
        }
        if !(referralSourcePercent.values.reduce(0, +) > 0) {
            return "referralSourcePercent must give at least one source a share above 0"
        }
        return nil
    }
}
