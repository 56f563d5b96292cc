import Resolution

extension MentionDetector {
    /// A name of an adjective and a noun, inflected in both words as the language makes them agree: "Нагорном
    /// Карабахе" (Нагорный Карабах), "Южной Осетии" (Южная Осетия), "ახალ ათონში" (ახალი ათონი). The adjective
    /// alone begins no name, so the run is read from its nominative forms (`Gazetteer/annotation/agreement.tsv`),
    /// only those that begin a known name of two words or more. Scripts without rows there are not tried.
    func agreeingRun(at index: Int) -> (Found, Int)? {
        guard index + 1 < words.count, let endings = rules.agreements[facts(index).keys.script], joins(words[index + 1]),
              !hyphenated(index + 1), isCandidateStart(words[index + 1]),
              facts(index + 1).keys.script == facts(index).keys.script else {
            return nil
        }
        let surface = text(words[index].range)
        let lower = surface.lowercased()
        for ending in endings where lower.count >= ending.oblique.count + 3 && lower.hasSuffix(ending.oblique) {
            let stem = String(surface.dropLast(ending.oblique.count))
            for nominative in ending.nominatives {
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
