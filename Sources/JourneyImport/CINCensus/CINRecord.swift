import Foundation
import JourneyCore

/// One record of a CIN census child (an element such as `Assessments`), read value by value with the problems
/// found in it. Messages never repeat a date, a UPN or a free-text value; codes are repeated.
struct CINRecord {
    let node: XMLNode
    let file: String
    let child: ChildID?
    /// Problems that leave the record out.
    var problems: [ImportProblem] = []
    /// Problems that leave only a value out (a bad code in a list): the record is imported without it.
    var dropped: [ImportProblem] = []

    /// What is imported when an optional value is left out (`the referral`): set, a bad optional value goes to
    /// `dropped` and the record is kept; `nil`, it rejects the record.
    let kept: String?

    init(_ node: XMLNode, file: String, child: ChildID?, kept: String? = nil) {
        self.node = node
        self.file = file
        self.child = child
        self.kept = kept
    }

    /// Leaves an optional value out of the record (or, with no `kept`, rejects the record for it).
    mutating func drop(_ field: String, _ message: String, line: Int? = nil, rule: String? = nil) {
        guard let kept else {
            problem(field, message, line: line, rule: rule)
            return
        }
        dropped.append(
            ImportProblem(
                file: file, line: line ?? node.line, record: node.path, child: child, field: field,
                message: message + "; the value is left out, \(kept) is imported", rule: rule))
    }

    mutating func problem(
        _ field: String?, _ message: String, line: Int? = nil, detail: String? = nil, rule: String? = nil
    ) {
        problems.append(
            ImportProblem(
                file: file, line: line ?? node.line, record: node.path, child: child, field: field, message: message,
                detail: detail, rule: rule))
    }

    /// The DfE validation rule that a missing value breaks, by element.
    static let missingRules: [String: String] = [
        "LAchildID": "CIN 8500", "CINreferralDate": "CIN 8600", "ReferralSource": "CIN 8866",
        "ReferralNFA": "CIN 8568", "CINPlanStartDate": "CIN 4010", "CPPstartDate": "CIN 8720",
        "InitialCategoryOfAbuse": "CIN 8905", "LatestCategoryOfAbuse": "CIN 8910", "NumberOfPreviousCPP": "CIN 8730",
    ]

    /// The DfE validation rule that a code not in its list breaks, by element; the census schema's code list where
    /// no numbered rule says it.
    static func codeRule(_ name: String) -> String {
        let rules = [
            "ReferralSource": "CIN 8866", "PrimaryNeedCode": "CIN 8650", "ReasonForClosure": "CIN 8640",
            "Ethnicity": "CIN 4220", "Disability": "CIN 8540", "InitialCategoryOfAbuse": "CIN 8905",
            "LatestCategoryOfAbuse": "CIN 8910",
        ]
        if let rule = rules[name] { return rule }
        return name == "AssessmentFactors" ? "CIN census schema (assessment factor codes)" : "CIN census schema"
    }

    /// A value that must be there.
    mutating func required(_ name: String) -> String? {
        guard let value = node.value(name) else {
            problem(name, "is missing", rule: Self.missingRules[name])
            return nil
        }
        return value
    }

    private func line(of name: String) -> Int { node.first(name)?.line ?? node.line }

    /// A date; a bad optional one is left out of the record unless `leavingOut` is false (an end date: without it
    /// the record would read as still open).
    mutating func date(_ name: String, required isRequired: Bool, leavingOut: Bool = true) -> CalendarDate? {
        guard let text = isRequired ? required(name) : node.value(name) else { return nil }
        guard let date = ReturnValues.xmlDate(text) else {
            if isRequired || !leavingOut {
                problem(name, "is not a date (YYYY-MM-DD)", line: line(of: name), rule: "CIN census schema")
            } else {
                drop(name, "is not a date (YYYY-MM-DD)", line: line(of: name), rule: "CIN census schema")
            }
            return nil
        }
        return date
    }

    mutating func code<List: CodeList>(_ name: String, required isRequired: Bool, leavingOut: Bool = true)
        -> Code<List>?
    {
        guard let text = isRequired ? required(name) : node.value(name) else { return nil }
        guard let code = Code<List>(text.uppercased()) else {
            if isRequired || !leavingOut {
                problem(
                    name, ReturnValues.codeProblem(text, List.self), line: line(of: name), rule: Self.codeRule(name))
            } else {
                drop(name, ReturnValues.codeProblem(text, List.self), line: line(of: name), rule: Self.codeRule(name))
            }
            return nil
        }
        return code
    }

    mutating func yesNo(_ name: String) -> Bool? {
        guard let text = required(name) else { return nil }
        guard let value = ReturnValues.yesNo(text) else {
            problem(name, ReturnValues.problem(text, isNot: "1 or 0 (true or false)"), line: line(of: name))
            return nil
        }
        return value
    }

    mutating func count(_ name: String) -> Int? {
        guard let text = required(name) else { return nil }
        guard let value = Int(text), value >= 0 else {
            problem(name, "is not a whole number, 0 or more", line: line(of: name))
            return nil
        }
        return value
    }

    /// A list of codes (`Disability`, `AssessmentFactors`) inside a list element; a code given twice counts once.
    /// A code not in the list is left out (in `dropped`, saying that `kept` is imported without it); the others
    /// are kept.
    mutating func codes<List: CodeList>(_ list: String, _ item: String, kept: String) -> [Code<List>]? {
        guard let container = node.first(list) else { return nil }
        var codes: [Code<List>] = []
        for element in container.all(item) {
            let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let code = Code<List>(text.uppercased()) else {
                dropped.append(
                    ImportProblem(
                        file: file, line: element.line, record: node.path, child: child,
                        field: element.path.split(separator: "/").suffix(2).joined(separator: "/"),
                        message: ReturnValues.codeProblem(text, List.self) + "; the code is left out, \(kept) is "
                            + "imported",
                        rule: Self.codeRule(item)))
                continue
            }
            if !codes.contains(code) { codes.append(code) }
        }
        return codes.isEmpty ? nil : codes
    }
}
