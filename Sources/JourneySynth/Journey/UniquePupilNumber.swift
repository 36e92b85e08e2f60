/// Unique pupil numbers for synthetic children, as the DfE's UPN guide makes them: thirteen characters, the first a
/// check letter computed from the other twelve.
enum UniquePupilNumber {
    /// The check letters, by the remainder of the weighted sum (the guide's table: I, O and S are never used).
    private static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// `authority`'s three-digit number, then `serial` as nine digits, behind their check letter.
    static func make(authority: Int, serial: Int) -> String {
        let digits = pad(authority, to: 3) + pad(serial % 1_000_000_000, to: 9)
        return String(checkLetter(of: digits)) + digits
    }

    /// The guide's check letter of characters 2 to 13: each digit times its position (2 to 13), summed, modulo 23.
    static func checkLetter(of digits: String) -> Character {
        var sum = 0
        for (i, c) in digits.enumerated() { sum += (c.wholeNumberValue ?? 0) * (i + 2) }
        return checkLetters[sum % 23]
    }

    private static func pad(_ n: Int, to width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
