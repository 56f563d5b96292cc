@testable import Resolution
import Testing

/// How close two spellings that share a match key are: what lifts another convention's spelling of a village
/// over the default threshold, and keeps merged nonsense under it.
@Suite struct SpellingClosenessTests {
    /// Every soft vowel and kh of a long name is written otherwise by another convention: four edits in the
    /// fifteen letters of Novyi Niuragiuh (ALA-LC) and Novyy Nyuragyukh (BGN/PCGN) are one name, closer than
    /// four edits in a short one.
    @Test func anEditCostsLessInALongName() {
        let long = Ranking.spellingCloseness("novyi niuragiuh", "novyy nyuragyukh")
        let short = Ranking.spellingCloseness("niuragiu", "nyuragyukh")
        #expect(long > short)
        #expect(long > 0.9)
        // Up to eight letters each edit costs the same: Gafan and Qafan, one consonant apart.
        #expect(abs(Ranking.spellingCloseness("gafan", "qafan") - (1 - 0.035)) < 1e-9)
    }

    /// Made-up words whose letters mostly differ from the name the key merged them with stay far.
    @Test func aReadingThatChangesMostLettersStaysFar() {
        #expect(Ranking.spellingCloseness("xyzzy", "xizi") < 0.7)
        #expect(Ranking.spellingCloseness("zzyzx", "zic") < 0.7)
    }
}
