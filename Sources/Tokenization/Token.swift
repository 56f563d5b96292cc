/// A segment of text between word boundaries (UAX #29), with what the annotator needs to know about it.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Letters (possibly with digits, apostrophes and marks inside, as in "Kalbajar's").
        case word
        case number
        /// Spaces, punctuation, symbols.
        case other
    }

    /// UTF-16 offsets into the text's code units.
    public var range: Range<Int>
    public var kind: Kind
    /// The first letter is upper case (Goris, Գորիս, Горис).
    package var isCapitalized: Bool
    /// Every letter is upper case, and there are at least two (BAKU, ԳՈՐԻՍ).
    package var isAllCaps: Bool
    /// The script has no case (Georgian Mkhedruli, Arabic, Hebrew, CJK): capitalization says nothing.
    package var isUncased: Bool
    /// A lower-case letter is followed by an upper-case one: words may be glued together by a lost space
    /// or line break ("səhifəPoliticsBaku"); ``Tokenizer/seams(of:in:)`` says where. A flag, not the list,
    /// so that tokens stay plain values that cost nothing to copy.
    public var hasSeams: Bool

    public init(range: Range<Int>, kind: Kind, isCapitalized: Bool = false, isAllCaps: Bool = false,
                isUncased: Bool = false, hasSeams: Bool = false) {
        self.range = range
        self.kind = kind
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        self.isUncased = isUncased
        self.hasSeams = hasSeams
    }
}
