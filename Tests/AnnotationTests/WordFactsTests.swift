@testable import Annotation
import Testing

@Suite struct WordFactsTests {
    @Test func russianPersonNamesAreAskedOfCyrillicWordsOnly() {
        let annotator = AnnotationTestSupport.annotator
        var asked: [String] = []
        func roles(_ word: String) -> WordFacts.Roles {
            annotator.wordRoles.facts(of: Array(word.utf16), keys: annotator.resolver.normalizer.keys(for: word)) { category, key in
                asked.append(key)
                return category == .patronymic && key == "petrovich"
            }.roles
        }
        // "Petrovich" in Latin letters is no Russian patronymic: the lists are matched in Cyrillic text alone.
        #expect(!roles("Petrovich").contains(.patronymic))
        #expect(asked.isEmpty)
        #expect(roles("Петрович").contains(.patronymic))
        #expect(asked == ["petrovich", "petrovich", "petrovich"])
    }
}
