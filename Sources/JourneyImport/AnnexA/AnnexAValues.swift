import Foundation
import JourneyCore
import JourneyWorkbook

/// How councils write Annex A's values, read into the codes of the event format.
///
/// The template's drop-downs write a letter, the code and words ("a) 1A: Individual", "N1 - Abuse or neglect",
/// "C1: ICO"); councils' own exports write the code alone ("1A"), the words alone ("Police", "White British") or,
/// for sex, the CIN census number ("1"). Each is read to the same code.
enum AnnexAValues {
    /// Lower case, letters and digits only: "Child's Legal Status" and "childs legal status" are the same.
    static func squeezed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { CharacterSetASCII.isAlnum($0) }))
    }

    /// The text without a drop-down's letter ("a) ", "p1) ", "zz) ").
    static func withoutLetter(_ text: String) -> Substring {
        let t = text.trimmingCharacters(in: .whitespaces)[...]
        guard let close = t.firstIndex(of: ")"), t.distance(from: t.startIndex, to: close) <= 3 else { return t }
        let head = t[t.startIndex..<close]
        guard !head.isEmpty, head.allSatisfy({ $0.isLetter || $0.isNumber }), head.first!.isLetter else { return t }
        return t[t.index(after: close)...].drop { $0 == " " }
    }

    /// The code of a value: its first word, up to a colon, space or " - " (`1A` of "a) 1A: Individual"), in upper
    /// case; then, failing that, the words matched to the list's meanings ("White British" is WBRI).
    static func code<List: CodeList>(_ text: String, _ list: List.Type, words: [String: String] = [:]) -> Code<List>? {
        let body = withoutLetter(text)
        let token = body.prefix { $0 != ":" && $0 != " " && $0 != "\u{2013}" }
        if let code = Code<List>(String(token).uppercased()) { return code }
        let key = squeezed(String(body))
        if let mapped = words[key], let code = Code<List>(mapped) { return code }
        for (i, meaning) in List.table.meanings.enumerated() where squeezed(meaning) == key {
            return Code<List>(List.table.codes[i])
        }
        return nil
    }

    /// Yes or no: "Y", "Yes", "a) Yes", "1", "TRUE"; "N", "No", "b) No", "0", "FALSE". `nil` for anything else.
    static func yesNo(_ text: String) -> Bool? {
        switch squeezed(String(withoutLetter(text))) {
        case "y", "yes", "1", "true": true
        case "n", "no", "0", "false": false
        default: nil
        }
    }

    /// An unknown answer ("c) Unknown", "Not known"): blank for this purpose.
    static func isUnknown(_ text: String) -> Bool {
        ["unknown", "notknown", "u", "notstated", "notrecorded", "notstatedrecorded"].contains(
            squeezed(String(withoutLetter(text))))
    }

    /// Sex: "a) Male", "M", "Male", "1" (the CIN census number); "b) Female", "F", "2". Not stated or recorded
    /// ("c) Not stated/recorded", "0", "9", "U") reads as none; anything else is not a sex.
    static func sex(_ text: String) -> (known: Bool, sex: Sex?) {
        switch squeezed(String(withoutLetter(text))) {
        case "m", "male", "1", "boy": (true, Sex("M"))
        case "f", "female", "2", "girl": (true, Sex("F"))
        case "", "0", "9", "u", "unknown", "notstated", "notrecorded", "notstatedrecorded", "notknown",
            "indeterminate":
            (true, nil)
        default: (false, nil)
        }
    }

    static let sourceWords: [String: String] = [
        "individual": "1A", "familymember": "1A", "relative": "1A", "carer": "1A", "acquaintance": "1B",
        "selfreferral": "1C", "self": "1C", "otherindividual": "1D", "schools": "2A", "school": "2A",
        "educationservices": "2B", "education": "2B", "gp": "3A", "healthvisitor": "3B", "schoolnurse": "3C",
        "healthservices": "3E", "health": "3E", "hospital": "3E", "housing": "4", "lasocialcare": "5A",
        "lasocialcareservices": "5A", "lasocialservices": "5A", "laservices": "5D", "police": "6",
        "otherlegalagency": "7", "legalagency": "7", "other": "8", "anonymous": "9", "unknown": "10",
    ]

    static let abuseWords: [String: String] = [
        "neglect": "NEG", "physicalabuse": "PHY", "physical": "PHY", "sexualabuse": "SAB", "sexual": "SAB",
        "emotionalabuse": "EMO", "emotional": "EMO", "multiplenotrecommended": "MUL", "multiple": "MUL",
    ]

    static let ethnicityWords: [String: String] = [
        "whitebritish": "WBRI", "whiteirish": "WIRI", "travellerofirishheritage": "WIRT",
        "anyotherwhitebackground": "WOTH", "whiteother": "WOTH", "gypsyroma": "WROM", "gypsyorroma": "WROM",
        "whiteandblackcaribbean": "MWBC", "whiteandblackafrican": "MWBA", "whiteandasian": "MWAS",
        "anyothermixedbackground": "MOTH", "mixedother": "MOTH", "indian": "AIND", "pakistani": "APKN",
        "bangladeshi": "ABAN", "anyotherasianbackground": "AOTH", "asianother": "AOTH", "caribbean": "BCRB",
        "blackcaribbean": "BCRB", "african": "BAFR", "blackafrican": "BAFR", "anyotherblackbackground": "BOTH",
        "blackother": "BOTH", "chinese": "CHNE", "anyotherethnicgroup": "OOTH", "other": "OOTH", "refused": "REFU",
        "informationnotyetobtained": "NOBT", "notobtained": "NOBT", "notknown": "NOBT", "unknown": "NOBT",
    ]

    /// Care leaver in touch: the template's `a) Yes` … `f) Rhom` are the codes themselves once the letter is dropped;
    /// these are the words councils write instead.
    static let inTouchWords: [String: String] = [
        "y": "YES", "intouch": "YES", "n": "NO", "notintouch": "NO", "refused": "REFU", "refusescontact": "REFU",
        "refusedcontact": "REFU", "nolongerrequiresservices": "NREQ", "servicesnolongerrequired": "NREQ",
        "returnedhome": "RHOM",
    ]

    static let reversalWords: [String: String] = [
        "childsneedschanged": "RD1", "needschanged": "RD1", "courtdidnotmakeaplacementorder": "RD2",
        "noplacementorder": "RD2", "prospectiveadopterscouldnotbefound": "RD3", "noadoptersfound": "RD3",
        "anyotherreason": "RD4", "other": "RD4",
    ]

    /// The letter of a care leaver's accommodation (what it is, the 903 `ACCOM` code's letter) from the template's
    /// "Type of Accommodation" (`U: Independent living`), the letter alone, or words. The template gives whether it is
    /// suitable in a column of its own: the code's digit.
    static func accommodationLetter(_ text: String) -> Character? {
        let body = withoutLetter(text)
        let token = body.prefix { $0 != ":" && $0 != " " && $0 != "-" && $0 != "\u{2013}" }
        if token.count == 1, let letter = token.uppercased().first, accommodationLetters.contains(letter) {
            return letter
        }
        return accommodationWords[squeezed(String(body))]
    }

    static let accommodationLetters: Set<Character> = [
        "B", "C", "D", "E", "G", "H", "K", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
    ]

    /// The template's words for each letter (`AnnexA.Labels.accommodation`), and shorter forms.
    static let accommodationWords: [String: Character] = [
        "withparentsorrelatives": "B", "parentsorrelatives": "B", "communityhomeorotherformofresidentialcare": "C",
        "communityhome": "C", "residentialcare": "C", "semiindependenttransitionalaccommodation": "D",
        "semiindependent": "D", "semiindependentaccommodation": "D", "supportedlodgings": "E", "abroad": "G",
        "goneabroad": "G", "deported": "H", "ordinarylodgingswithoutformalsupport": "K", "ordinarylodgings": "K",
        "residencenotknown": "R", "nofixedabodehomeless": "S", "nofixedabode": "S", "homeless": "S",
        "foyersandsimilarsupportedaccommodation": "T", "foyer": "T", "independentliving": "U",
        "emergencyaccommodation": "V", "bedandbreakfast": "W", "incustody": "X", "custody": "X",
        "otheraccommodation": "Y", "withformerfostercarers": "Z", "formerfostercarers": "Z", "stayingput": "Z",
    ]

    /// Suitability of accommodation: `a) Suitable`, `Suitable`, `Y`, `1` (the code's digit); `b) Unsuitable`,
    /// `Not suitable`, `N`, `2`. `nil` for anything else.
    static func isSuitable(_ text: String) -> Bool? {
        switch squeezed(String(withoutLetter(text))) {
        case "suitable", "y", "yes", "1": true
        case "unsuitable", "notsuitable", "n", "no", "2": false
        default: nil
        }
    }

    /// A date as councils write it: `dd/mm/yyyy` (or `d/m/yyyy`, or with `-` or `.`), ISO `yyyy-mm-dd` (a time after
    /// it is dropped), or an Excel serial number (45383 is 1 April 2024; a fraction is a time of day).
    static func date(_ text: String) -> CalendarDate? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        let bytes = Array(t.utf8)
        if bytes.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }), let serial = Double(t) {
            // Serials from 1 (1900) to 2,958,465 (9999-12-31); a bare year or day number is not one in practice,
            // but a serial below 1900's end is refused as more likely a mistake than a date of 1900.
            guard serial >= 367 else { return nil }
            return WorkbookReader.day(ofSerial: serial)
        }
        if bytes.count >= 10, bytes[4] == 45, bytes[7] == 45 {
            return CalendarDate(t.prefix(10))
        }
        let parts = t.prefix { $0 != " " && $0 != "T" }.split { $0 == "/" || $0 == "-" || $0 == "." }
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
            parts[2].count == 4
        else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}

/// ASCII letters and digits, for squeezing headings and values.
enum CharacterSetASCII {
    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 48 && s.value <= 57) || (s.value >= 97 && s.value <= 122)
    }
}
