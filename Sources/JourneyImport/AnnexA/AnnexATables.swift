import Foundation
import JourneyCore
import JourneyWorkbook

/// One list of an Annex A as read: which list it is, where it came from, its columns matched to what they mean,
/// and its rows as text.
struct AnnexATable {
    var list: Int
    /// The sheet's name, or the CSV file's.
    var name: String
    /// The workbook, or the CSV file.
    var file: String
    /// The headings as written.
    var headings: [String]
    /// Column meaning → position.
    var columns: [AnnexAColumn: Int]
    var rows: [(line: Int, fields: [String])]

    func value(_ column: AnnexAColumn, _ fields: [String]) -> String? {
        guard let i = columns[column], i < fields.count else { return nil }
        let v = fields[i].trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }
}

/// What a column of Annex A means, with the headings councils give it. A heading is matched squeezed (lower case,
/// letters and digits only), so case, spacing and punctuation do not matter; the variants are those of the template
/// over the years (Gender became Sex in 2026) and the common forms of councils' own exports.
enum AnnexAColumn: String, CaseIterable {
    case child, sex, ethnicity, birthDate
    case contactDate, contactSource
    case referralDate, referralSource, referralNFA
    case assessmentStart, assessmentAuthorised, requiresSupport
    case s47Start, icpcUnnecessary, icpcDate, icpcPlan
    case cinStart, need, cinClosure, closureReason
    case cpStart, initialCategory, latestCategory, reviewConference, cpEnd, previousPlans
    case careStart, uasc, legalStatusStart, legalStatus, latestReview, healthAssessment, dentalCheck, careEnd
    case careEndReason, placementStart, placementType, provider, postcode, urn
    case personalAdviser, pathwayReview, inTouch, leaverContactDate, accommodation, suitability, activity
    case adoptionDecision, placementOrder, placedForAdoption, adoptionOrder, decisionReversed, reversalReason

    /// The headings, squeezed.
    var variants: [String] {
        switch self {
        case .child:
            [
                "childuniqueid", "childid", "uniqueid", "childuniqueidentifier", "childidentifier", "lachildid", "id",
                "personid", "clientid",
            ]
        case .sex: ["gender", "sex", "gendercurrent"]
        case .ethnicity: ["ethnicity", "ethnicorigin", "ethnicitycode"]
        case .birthDate: ["dateofbirth", "dob", "birthdate", "personbirthdate"]
        case .contactDate: ["dateofcontact", "contactdate"]
        case .contactSource: ["contactsource", "sourceofcontact"]
        case .referralDate: ["dateofreferral", "referraldate", "cinreferraldate"]
        case .referralSource: ["referralsource", "sourceofreferral"]
        case .referralNFA: ["referralnfa", "nfa", "referralnfayn", "nfareferral"]
        case .assessmentStart:
            [
                "continuousassessmentstartdate", "assessmentstartdate", "assessmentactualstartdate",
                "singleassessmentstartdate",
            ]
        case .assessmentAuthorised:
            [
                "continuousassessmentdateofauthorisation", "assessmentauthorisationdate", "dateofauthorisation",
                "assessmentcompletiondate", "assessmentauthoriseddate",
            ]
        case .requiresSupport:
            [
                "wasthechildassessedasrequiringlachildrenssocialcaresupport", "requiressupport",
                "assessedasrequiringsupport",
            ]
        case .s47Start:
            [
                "strategydiscussioninitiatingsection47enquirystartdate", "section47enquirystartdate", "s47startdate",
                "s47actualstartdate", "section47startdate",
            ]
        case .icpcUnnecessary:
            ["wasaninitialchildprotectionconferencedeemedunnecessary", "icpcnotrequired", "icpcdeemedunnecessary"]
        case .icpcDate:
            ["dateofinitialchildprotectionconference", "icpcdate", "dateoficpc", "dateofinitialcpc"]
        case .icpcPlan:
            [
                "didtheinitialchildprotectionconferenceresultinachildprotectionplan", "icpcresultedinplan",
                "didtheicpcresultinacpplan",
            ]
        case .cinStart: ["cinstartdate", "cinepisodestartdate"]
        case .need: ["primaryneedcode", "primaryneed", "categoryofneed", "childscategoryofneed", "cinprimaryneedcode"]
        case .cinClosure: ["cinclosuredate", "cinenddate", "closuredate"]
        case .closureReason: ["reasonforclosure", "closurereason", "cinclosurereason"]
        case .cpStart: ["childprotectionplanstartdate", "cpplanstartdate", "cppstartdate", "cpstartdate"]
        case .initialCategory: ["initialcategoryofabuse", "initialcategory"]
        case .latestCategory: ["latestcategoryofabuse", "latestcategory", "currentcategoryofabuse"]
        case .reviewConference: ["dateoflatestreviewconference", "latestreviewconferencedate", "latestcpreviewdate"]
        case .cpEnd: ["childprotectionplanenddate", "cpplanenddate", "cppenddate", "cpenddate"]
        case .previousPlans: ["numberofpreviouschildprotectionplans", "numberofpreviouscpplans", "previouscpplans"]
        case .careStart:
            [
                "datestartedtobelookedafter", "dateenteredcare", "lookedafterstartdate", "periodofcarestartdate",
                "datestartedtobelookafter",
            ]
        case .uasc:
            [
                "unaccompaniedasylumseekingchilduascwithinthelast12monthsyn", "uasc", "uascyn",
                "unaccompaniedasylumseekingchild",
            ]
        case .legalStatusStart: ["startdateofcurrentlegalstatus", "legalstatusstartdate"]
        case .legalStatus: ["childslegalstatus", "legalstatus", "currentlegalstatus"]
        case .latestReview: ["dateoflateststatutoryreview", "latestreviewdate", "dateoflatestreview"]
        case .healthAssessment: ["dateoflasthealthassessment", "lasthealthassessmentdate"]
        case .dentalCheck: ["dateoflastdentalcheck", "lastdentalcheckdate"]
        case .careEnd: ["dateceasedtobelookedafter", "dateleftcare", "lookedafterenddate", "periodofcareenddate"]
        case .careEndReason: ["reasonceasedtobelookedafter", "reasonleftcare", "reasonforleavingcare"]
        case .placementStart: ["startdateofmostrecentplacement", "placementstartdate"]
        case .placementType: ["placementtype"]
        case .provider: ["placementprovider", "provider"]
        case .postcode: ["placementpostcode"]
        case .urn: ["urnofplacement", "placementurn", "urn"]
        case .personalAdviser:
            ["allocatedpersonaladvisor", "allocatedpersonaladviser", "personaladvisor", "personaladviser"]
        case .pathwayReview:
            [
                "latestpathwayplanreviewdate", "pathwayplanreviewdate", "dateoflatestpathwayplanreview",
                "latestpathwayplanreview",
            ]
        case .inTouch: ["laintouch", "intouch", "intouchwithla", "isthelaintouch"]
        case .leaverContactDate: ["latestdateofcontact", "dateoflatestcontact", "latestcontactdate"]
        case .accommodation: ["typeofaccommodation", "accommodationtype", "accommodation"]
        case .suitability: ["suitabilityofaccommodation", "accommodationsuitability", "suitability"]
        case .activity: ["activitystatus", "mainactivity", "activity"]
        case .adoptionDecision:
            [
                "dateofdecisionthatchildshouldbeplacedforadoption", "dateofdecisiontoplaceforadoption",
                "adoptiondecisiondate", "dateofadoptiondecision", "shouldbeplaceddecisiondate",
            ]
        case .placementOrder: ["dateofplacementorder", "placementorderdate"]
        case .placedForAdoption: ["dateplacedforadoption", "placedforadoptiondate", "dateofplacementforadoption"]
        case .adoptionOrder: ["dateofadoptionorder", "adoptionorderdate"]
        case .decisionReversed:
            [
                "dateofdecisionthatchildshouldnolongerbeplacedforadoption", "dateofdecisionnolongerplaced",
                "decisionnolongerplaceddate", "decisionreverseddate",
            ]
        case .reversalReason:
            [
                "reasonwhychildnolongerplacedforadoption", "reasonnolongerplacedforadoption",
                "reasonnolongerplaced", "reversalreason",
            ]
        }
    }

    static let byVariant: [String: AnnexAColumn] = {
        var map: [String: AnnexAColumn] = [:]
        for column in allCases { for v in column.variants where map[v] == nil { map[v] = column } }
        return map
    }()

    /// The column a heading names, or `nil`. "Referral Source" in list 1 is the contact's source (councils copy
    /// the heading across).
    static func matching(_ heading: String, list: Int) -> AnnexAColumn? {
        let key = AnnexAValues.squeezed(heading)
        guard
            let column = byVariant[key]
                ?? byVariant.first(where: { key.hasPrefix($0.key) && $0.key.count >= 12 })?
                .value
        else { return nil }
        if list == 1 && column == .referralSource { return .contactSource }
        if list == 1 && column == .referralDate { return .contactDate }
        // List 9's date of contact is the care leaver's latest contact, not a contact of list 1; its UASC column
        // ("or formerly UASC") has no period of care to mark, so it is not imported.
        if list == 9 && column == .contactDate { return .leaverContactDate }
        if list == 9 && column == .uasc { return nil }
        return column
    }
}

/// Which list a sheet or file is, told loosely from its name: a number after "list" ("List 3", "list-03-referrals",
/// "L3 Referrals", "Annex A List 3"), else its words ("Referrals", "Section 47", "CP", "Children in care").
enum AnnexAListName {
    static let names = [
        1: "Contacts", 2: "Early help", 3: "Referrals", 4: "Assessments", 5: "Section 47 enquiries and ICPCs",
        6: "Children in need", 7: "Child protection", 8: "Children in care", 9: "Care leavers", 10: "Adoption",
        11: "Adopters",
    ]

    static func number(of name: String) -> Int? {
        let key = AnnexAValues.squeezed(name.replacingOccurrences(of: ".csv", with: ""))
        for prefix in ["annexalist", "list", "l"] where key.hasPrefix(prefix) {
            let digits = key.dropFirst(prefix.count).prefix { $0.isNumber }
            if let n = Int(digits), (1...11).contains(n) { return n }
        }
        let words: [(String, Int)] = [
            ("adopters", 11), ("adoption", 10), ("careleaver", 9), ("childrenincare", 8), ("lookedafter", 8),
            ("cla", 8), ("lac", 8), ("childprotection", 7), ("cpplan", 7), ("cp", 7), ("childreninneed", 6),
            ("cin", 6), ("section47", 5), ("s47", 5), ("icpc", 5), ("assessment", 4), ("referral", 3),
            ("earlyhelp", 2), ("contact", 1),
        ]
        for (word, n) in words where key.hasPrefix(word) || (word.count > 4 && key.contains(word)) { return n }
        return nil
    }
}

/// Reads the lists of an Annex A: the sheets of a workbook, or the CSV files of a folder.
enum AnnexAReader {
    struct Input {
        var tables: [AnnexATable] = []
        var skipped: [String] = []
        /// Headings not matched to any column, by list (the data in them is not imported).
        var unmatched: [Int: [String]] = [:]
    }

    static func read(_ path: String) throws -> Input {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportError.unreadable(file: path, reason: "no such file or folder")
        }
        var input = Input()
        if isFolder.boolValue {
            let files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            for file in files where file.lowercased().hasSuffix(".csv") {
                guard let list = AnnexAListName.number(of: file) else {
                    input.skipped.append("\(file): not a list of Annex A by its name")
                    continue
                }
                let table = try CSVTable(path: path + "/" + file)
                var rows: [(Int, [String])] = []
                while let row = try table.next() { rows.append((table.line, row)) }
                add(list: list, name: file, file: path + "/" + file, headings: table.header, rows: rows, to: &input)
            }
        } else {
            let workbook: WorkbookReader
            do {
                workbook = try WorkbookReader(path: path)
            } catch let error as WorkbookReadError {
                throw ImportError.unreadable(file: path, reason: error.reason)
            }
            for (i, name) in workbook.sheetNames.enumerated() {
                guard let list = AnnexAListName.number(of: name) else {
                    input.skipped.append("sheet \(name): not a list of Annex A by its name")
                    continue
                }
                let sheet: [WorkbookReader.Row]
                do {
                    sheet = try workbook.rows(ofSheetAt: i)
                } catch let error as WorkbookReadError {
                    throw ImportError.unreadable(file: path, reason: error.reason)
                }
                // The heading row is the first with a cell naming the child (a template may have a title above).
                guard
                    let head = sheet.firstIndex(where: { row in
                        row.cells.contains { AnnexAColumn.matching($0.text, list: list) == .child }
                    })
                else {
                    input.skipped.append("sheet \(name): no heading naming the child (Child Unique ID)")
                    continue
                }
                let rows = sheet[(head + 1)...].map { ($0.number, $0.cells.map(\.text)) }
                add(list: list, name: name, file: path, headings: sheet[head].cells.map(\.text), rows: rows, to: &input)
            }
        }
        return input
    }

    static func add(
        list: Int, name: String, file: String, headings: [String], rows: [(Int, [String])], to input: inout Input
    ) {
        guard list != 2 && list != 11 else {
            input.skipped.append("\(name): list \(list) is not imported (docs/annex-a.md says why)")
            return
        }
        var columns: [AnnexAColumn: Int] = [:]
        for (i, heading) in headings.enumerated() {
            guard let column = AnnexAColumn.matching(heading, list: list) else {
                if !heading.isEmpty { input.unmatched[list, default: []].append(heading) }
                continue
            }
            if columns[column] == nil { columns[column] = i }
        }
        let kept = rows.filter { !$0.1.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        input.tables.append(
            AnnexATable(list: list, name: name, file: file, headings: headings, columns: columns, rows: kept))
    }
}

extension WorkbookReadError {
    /// The reason alone, without the file's name.
    var reason: String {
        switch self {
        case .notWorkbook(_, let reason): "it is not an Excel workbook (.xlsx): \(reason)"
        case .missingSheet(_, let sheet): "it has no sheet named \"\(sheet)\""
        case .tooLarge(_, let reason): "it is refused as a zip bomb: \(reason)"
        case .unsafeXML(_, let part, let reason): "it is refused: its part \(part) \(reason)"
        case .badXML(_, let part, let reason): "its part \(part) \(reason)"
        }
    }
}
