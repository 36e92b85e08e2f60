import Foundation
import JourneyCore
import JourneyProjections
import JourneyReports
import Testing

@testable import JourneyCommandLine

/// `journey metrics --list`: every metric with its definition, unit, which way is better, England's target and its
/// source, without a log or a period.
@Suite("journey metrics --list")
struct MetricListTests {
    @Test("--list needs no period")
    func noPeriod() {
        #expect(refusal(["metrics", "--list"]) == nil)
        #expect(refusal(["metrics", "--list", "--format", "json"]) == nil)
        #expect(refusal(["metrics", "--list", "--only", "re-referals"])?.contains("re-referrals") == true)
    }

    @Test("--list --only lists those metrics alone")
    func only() throws {
        let result = journey(["metrics", "--list", "--only", "re-referrals,contacts"])
        #expect(result.status == 0)
        let ids = result.output.split(separator: "\n").dropFirst().map { $0.prefix { $0 != " " } }
        #expect(ids == ["re-referrals", "contacts"])
    }

    @Test("Each listing joins the pack's polarity and England's target; the activity figures are neither")
    func joined() throws {
        let listings = MetricListing.all()
        #expect(listings.map(\.description.id) == MetricCatalogue.ids)
        let assessments = try #require(listings.first { $0.description.id == "assessment-timeliness" })
        #expect(assessments.betterWords == "higher")
        #expect(assessments.targetWords == "86% (England 2024-25)")
        let reReferrals = try #require(listings.first { $0.description.id == "re-referrals" })
        #expect(reReferrals.betterWords == "lower")
        #expect(reReferrals.targetWords == "22.6% (England 2024-25)")
        let miles = try #require(listings.first { $0.description.id == "placed-over-20-miles" })
        #expect(miles.betterWords == "lower" && miles.target == nil)
        let contacts = try #require(listings.first { $0.description.id == "contacts" })
        #expect(contacts.betterWords == "neither" && contacts.target == nil)
        // Every statutory rate and average says which way is better; a count (adoptions) does not.
        for id in MetricCatalogue.headlineIDs {
            let listing = listings.first { $0.description.id == id }
            #expect((listing?.polarity != nil) == (listing?.description.unit != .count), "\(id)")
        }
        let sdq = try #require(listings.first { $0.description.id == "cla-sdq" })
        #expect(sdq.betterWords == "lower" && sdq.description.unit == .score && sdq.target == nil)
        let days = try #require(listings.first { $0.description.id == "adoption-entry-to-placement-days" })
        #expect(days.betterWords == "lower" && days.description.unit == .days)
        let adoptions = try #require(listings.first { $0.description.id == "adoptions" })
        #expect(adoptions.betterWords == "neither" && adoptions.description.unit == .count)
    }

    @Test("The table prints every metric id with its definition, one line each")
    func table() throws {
        let result = journey(["metrics", "--list"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("metric") == true)
        #expect(lines.count == MetricCatalogue.ids.count + 1)
        for (id, line) in zip(MetricCatalogue.ids, lines.dropFirst()) {
            #expect(line.hasPrefix(id + " "), "\(line)")
            #expect(line.hasSuffix(MetricCatalogue.description(of: id)!.definition), "\(line)")
        }
        #expect(result.output.contains("CIN census; DfE table C1"))
    }

    @Test("CSV and JSON list every metric")
    func csvAndJSON() throws {
        let csv = journey(["metrics", "--list", "--format", "csv"])
        #expect(csv.status == 0)
        let rows = csv.output.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "metric,unit,better,target,targetSource,source,definition")
        #expect(rows.count == MetricCatalogue.ids.count + 1)
        #expect(rows.contains { $0.hasPrefix("assessment-timeliness,percentage,higher,86,England 2024-25,") })

        let json = journey(["metrics", "--list", "--format", "json"])
        #expect(json.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
        let list = try #require(parsed)
        #expect(list.compactMap { $0["id"] as? String } == MetricCatalogue.ids)
        let first = try #require(list.first)
        #expect(first["polarity"] as? String == "higherIsBetter")
        #expect((first["target"] as? [String: Any])?["value"] as? Double == 86)
    }
}
