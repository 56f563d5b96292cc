import GazetteerStore
import Resolution
import SystemICU

/// What a word's script says: whether a match is a place's own name in it, and how much evidence a word of a
/// script without capitals needs.
extension MentionDetector {
    /// Whether `entry`'s name is written in the script of word `index`, in a language of the region or English,
    /// or has no language: a place's own name rather than a foreign exonym that happens to spell a word.
    func isLocalName(_ entry: KeyEntry, of index: Int) -> Bool {
        guard entry.script == scriptCode(of: index) else { return false }
        let language = entry.languageTag
        return language.isEmpty || Self.textLanguages.contains(language)
    }

    /// Languages whose names of places running text uses as they are.
    static let textLanguages: Set<String> = ["en", "ru", "az", "tr", "hy", "ka"]

    /// The ICU script code of word `index`'s first letter, as `KeyEntry.script` stores it.
    func scriptCode(of index: Int) -> UInt8 {
        let scalar = Unicode.Scalar(units[words[index].range.lowerBound]) ?? "a"
        return UInt8(truncatingIfNeeded: Script.of(scalar).code)
    }

    /// Countries of the South Caucasus, whose places the region's news names in its own scripts.
    static let regionCountries: Set<UInt16> = Set(["AM", "AZ", "GE"].map { UInt16(truncatingIfNeeded: PackedASCII.pack($0)) })

    /// Whether a match in a script without capitals is strong enough: a name written in that script, a place
    /// of the region, or a country or capital.
    func isPlausibleInUncasedScript(_ best: Resolver.Candidate, at index: Int) -> Bool {
        best.entry.script == scriptCode(of: index) || Self.regionCountries.contains(best.entry.country)
            || Resolver.importance(of: best.entry) >= 0.9 || best.entry.source == .curated
    }
}
