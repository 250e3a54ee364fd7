/// A count with its noun in the right number, as English writes it: `1 facility`,
/// `2 facilities`, `1 thread`, `0 warnings`. Nouns ending in a consonant and `y` take `ies`,
/// others `s`; give `plural` for any other form. (Vietnamese nouns do not change with number.)
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? pluralOf(singular))
}

/// The regular English plural of the last word of `noun` (`candidate exchange` → `candidate exchanges`).
func pluralOf(_ noun: String) -> String {
    guard let last = noun.last else { return noun }
    let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    if last == "y", noun.count > 1, !vowels.contains(noun[noun.index(before: noun.index(before: noun.endIndex))]) {
        return noun.dropLast() + "ies"
    }
    if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") || noun.hasSuffix("sh") { return noun + "es" }
    return noun + "s"
}
