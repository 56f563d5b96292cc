import Resolution

extension MentionDetector {
    /// Russian adjective endings of the oblique cases, and the nominative endings each may stand for.
    private static let adjectiveEndings: [(oblique: String, nominative: [String])] = {
        let masculine = ["ый", "ий", "ой", "ое", "ее", "ые", "ие"]
        return ["ого", "его", "ому", "ему", "ым", "им", "ом", "ем"].map { ($0, masculine) }
            + ["ой", "ей", "ую", "юю"].map { ($0, ["ая", "яя"]) }
            + ["ых", "их", "ыми", "ими"].map { ($0, ["ые", "ие"]) }
    }()

    /// A Russian name of an adjective and a noun, inflected in both words as Russian makes them agree:
    /// "Нагорном Карабахе" (Нагорный Карабах), "Южной Осетии" (Южная Осетия). The adjective alone begins no
    /// name, so the run is read from its nominative forms, only those that begin a known name of two words or
    /// more.
    func agreeingRun(at index: Int) -> (Found, Int)? {
        guard index + 1 < words.count, facts(index).keys.script == "Cyrl", joins(words[index + 1]),
              !hyphenated(index + 1), isCandidateStart(words[index + 1]), facts(index + 1).keys.script == "Cyrl" else {
            return nil
        }
        let surface = text(words[index].range)
        let lower = surface.lowercased()
        for (oblique, nominatives) in Self.adjectiveEndings where lower.count >= oblique.count + 3 && lower.hasSuffix(oblique) {
            let stem = String(surface.dropLast(oblique.count))
            for nominative in nominatives {
                let adjective = stem + nominative
                guard facts(of: adjective).longestName >= 2 else { continue }
                for noun in [text(words[index + 1].range)] + stems(of: index + 1) {
                    let name = adjective + " " + noun
                    let candidates = lookup(name).filter(isWholeName)
                    guard !candidates.isEmpty else { continue }
                    let span = words[index].range.lowerBound..<words[index + 1].range.upperBound
                    return (Found(range: span, candidates: candidates, reasons: [.inflection(stem: name)]), index + 1)
                }
            }
        }
        return nil
    }
}
