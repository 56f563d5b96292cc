/// The forms of one name that the rest of the gazetteer compares.
///
/// ```swift
/// let keys = normalizer.keys(for: "Kəlbəcər")
/// keys.display    // "Kəlbəcər"
/// keys.script     // "Latn"
/// keys.searchKey  // "kalbacar"
/// keys.matchKey   // "kalbajar" (also the key of Kalbajar, Kelbecer and Кельбаджар)
/// ```
public struct NameKeys: Hashable, Sendable, Codable {
    /// The name as it should be shown: NFC, trimmed, inner whitespace collapsed to single spaces.
    public var display: String
    /// The ISO 15924 code of the script most of its letters are in (`Latn`, `Cyrl`, `Armn`, `Geor` …);
    /// `Zyyy` when it has no letters.
    public var script: String
    /// Lower-case ASCII (where the script can be transliterated) under which trivially different writings
    /// meet: case, diacritics, apostrophes, dotted and dotless i, and the script's standard romanization.
    public var searchKey: String
    /// A coarser key, without spaces, under which romanizations of the same sounds in different
    /// conventions meet (Cermuk, Jermuk, Dzhermuk, Джермук and Ջերմուկ).
    public var matchKey: String

    public init(display: String, script: String, searchKey: String, matchKey: String) {
        self.display = display
        self.script = script
        self.searchKey = searchKey
        self.matchKey = matchKey
    }
}
