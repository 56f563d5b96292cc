import Normalization
import Testing

@Suite struct DisplayFormTests {
    let normalizer = try! NameNormalizer()

    @Test(arguments: [
        ("  Verin   Shorzha ", "Verin Shorzha"),
        ("Verin\u{A0}Shorzha", "Verin Shorzha"),
        ("Line\nbreak\r\nand\ttab", "Line break and tab"),
        ("Fu\u{308}zuli", "Füzuli"),
        ("bell\u{7}char", "bellchar"),
        ("\u{2003}Jermuk\u{3000}", "Jermuk"),
        ("", ""),
    ])
    func displayIsComposedTrimmedAndCollapsed(input: String, expected: String) {
        #expect(normalizer.keys(for: input).display == expected)
    }

    @Test(arguments: [
        ("Jermuk", "Latn"), ("Джермук", "Cyrl"), ("Ջերմուկ", "Armn"), ("ჯერმუკი", "Geor"),
        ("جرموك", "Arab"), ("傑爾穆克", "Hani"), ("123 !", "Zyyy"), ("Ջերմուկ-2", "Armn"),
    ])
    func scriptIsTheDominantScriptOfTheLetters(input: String, expected: String) {
        #expect(normalizer.keys(for: input).script == expected)
    }
}
