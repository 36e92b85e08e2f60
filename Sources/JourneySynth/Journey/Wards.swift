/// Wards of the synthetic council: made-up names, so that breakdowns by ward have something to show.
enum Wards {
    static let names = [
        "Abbey", "Brookside", "Castle", "Dene", "Eastgate", "Fairfield", "Greenhill", "Harbour", "Ivy Bank", "Jubilee",
        "Kingsmead", "Longford", "Millbrook", "Northfield", "Oakwood", "Parkside", "Queensway", "Riverside",
        "Southmoor", "Westcliff",
    ]
}
