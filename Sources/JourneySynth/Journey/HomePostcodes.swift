/// The postcodes a synthetic council gives its children's homes and placements: real postcodes of Richmond upon Thames (the
/// authority of the DfE's own fake returns, as for UPNs), so that the 903 validator's check of a postcode against
/// the ONS postcode directory (rule 392c) finds them. Postcodes of streets, not of anyone: a postcode names some
/// fifteen addresses, and which child lives at which is drawn at random.
enum HomePostcodes {
    static let all: [StaticString] = [
        "SW13 0LQ", "SW13 8HA", "SW13 8HS", "SW13 8WB", "SW13 9DH", "SW13 9PG", "SW13 9SZ", "SW14 7HA", "SW14 7XP",
        "SW14 8HW", "SW14 8HX", "SW14 9BJ", "TW1 1LE", "TW1 1LY", "TW1 2HG", "TW1 2JN", "TW1 2RE", "TW1 3AT",
        "TW1 3JT", "TW1 3RU", "TW1 4NW", "TW10 5HX", "TW10 6EL", "TW10 6RS", "TW10 6XH", "TW11 0PX", "TW11 1DA",
        "TW11 8GB", "TW12 1WP", "TW12 2EL", "TW12 2ES", "TW12 2XU", "TW12 3LY", "TW2 6AJ", "TW2 6BS", "TW2 7ES",
        "TW2 7LP", "TW2 7SY", "TW4 5LQ", "TW9 1TL", "TW9 1UP", "TW9 2NG", "TW9 2RP", "TW9 3JF", "TW9 3NY", "TW9 3PF",
        "TW9 3PQ", "TW9 3RN",
    ]

    /// The postcode of number `n` (from 1), any number taken round the list.
    static func postcode(_ n: Int16) -> StaticString {
        all[max(Int(n) - 1, 0) % all.count]
    }
}
