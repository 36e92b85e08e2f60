/// A fraction as a percentage with one decimal place, or empty for none.
func percent(_ value: Double?) -> String {
    guard let value else { return "" }
    let tenths = Int((value * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}

extension String {
    /// Padded with spaces on the right to `width` characters.
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
