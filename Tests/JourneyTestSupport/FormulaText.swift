/// Team names that a spreadsheet would read as a formula, each with the CSV field it must be written as: a leading
/// apostrophe, quoted where RFC 4180 says (OWASP, CSV injection).
public let formulaTeamNames: [(team: String, field: String)] = [
    ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
    ("+1", "'+1"),
    ("-cmd", "'-cmd"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tNorth", "'\tNorth"),
    ("\rNorth", "\"'\rNorth\""),
]
