/// Sheet names as Excel allows them. Excel refuses a workbook whose sheet name is empty, longer than 31
/// characters, holds any of `[ ] : * ? / \`, starts or ends with an apostrophe, is `History` (a name it keeps for
/// itself), or is the same as another sheet's when case is ignored; so a name made from data (a team's name, a
/// check's id) is made into one it allows.
enum SheetName {
    /// The most characters (UTF-16 code units, as Excel counts them) a sheet name may have.
    static let maximumLength = 31

    /// The characters a sheet name may not hold.
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// `names` made into names Excel allows, in order: each sanitised (`sanitised(_:)`), then, where it is the same
    /// as an earlier one when case is ignored, numbered ` (2)`, ` (3)`… (shortened to leave room for the number).
    static func unique(_ names: [String]) -> [String] {
        var taken: Set<String> = ["history"]
        return names.map { name in
            let base = sanitised(name)
            var candidate = base
            var n = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = truncated(base, to: maximumLength - suffix.utf16.count) + suffix
                n += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    /// One name as Excel allows it: each forbidden character (and each character XML cannot hold) made `_`,
    /// apostrophes at either end dropped, at most 31 characters, and `Sheet` for a name left empty.
    static func sanitised(_ name: String) -> String {
        var s = String(name.map { c in forbidden.contains(c) || !XML.isAllowed(c) ? "_" : c })
        while s.first == "'" { s.removeFirst() }
        s = truncated(s, to: maximumLength)
        while s.last == "'" { s.removeLast() }
        return s.isEmpty ? "Sheet" : s
    }

    /// The longest start of `s` of at most `length` UTF-16 code units that does not split a character.
    static func truncated(_ s: String, to length: Int) -> String {
        var out = ""
        var count = 0
        for c in s {
            count += c.utf16.count
            if count > length { break }
            out.append(c)
        }
        return out
    }
}
