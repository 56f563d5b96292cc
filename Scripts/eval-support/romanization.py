"""Romanizations of Armenian and Georgian names, written from the standards' tables independently of the
gazetteer's ICU rules, for `Scripts/evaluate-romanizations`. (Russian schemes come from PyPI's iuliia,
transliterate and cyrtranslit.)

Each scheme is a table of letters plus the few context rules the standard states: Armenian ե and ո at the start
of a word (BGN/PCGN ye-, vo-), the digraph ու, the ligature և."""
import unicodedata

ARMENIAN_LETTERS = "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ"

# Letter by letter, in the order of ARMENIAN_LETTERS.
_ARMENIAN = {
    "BGN/PCGN": "a b g d e z e y t’ zh i l kh ts k h dz gh ch m y n sh o ch’ p j rr s v t r ts’ w p’ k’ o f",
    "ISO 9985": "a b g d e z ē ë tʼ ž i l x c k h j ł č m y n š o čʼ p ǰ ṙ s v t r cʼ w pʼ kʼ ō f",
    "ALA-LC": "a b g d e z ē ě tʻ zh i l kh ts k h dz gh ch m y n sh o chʻ p j ṛ s v t r tsʻ w pʻ kʻ ō f",
    "Hübschmann-Meillet": "a b g d e z ē ə tʻ ž i l x c k h j ł č m y n š o čʻ p ǰ ṙ s v t r cʻ w pʻ kʻ ō f",
    # What Armenians type in chats and on signs without a keyboard layout: x for խ, q for ք, c for ց.
    "informal": "a b g d e z e y t j i l x ts k h dz gh ch m y n sh o ch p j r s v t r c v p q o f",
}
# ու and և, which each scheme spells as a unit.
_ARMENIAN_DIGRAPHS = {
    "BGN/PCGN": ("u", "ev"), "ISO 9985": ("ow", "ew"), "ALA-LC": ("u", "ew"),
    "Hübschmann-Meillet": ("u", "ew"), "informal": ("u", "ev"),
}
# Schemes that write ե as ye and ո as vo at the start of a word (and ե after a vowel as ye).
_ARMENIAN_INITIAL_GLIDES = {"BGN/PCGN", "informal"}

GEORGIAN_LETTERS = "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"

_GEORGIAN = {
    "national 2002": "a b g d e v z t i k’ l m n o p’ zh r s t’ u p k gh q’ sh ch ts dz ts’ ch’ kh j h",
    "BGN/PCGN": "a b g d e v z t i k’ l m n o p’ zh r s t’ u p k gh q’ sh ch ts dz ts’ ch’ kh j h",
    "ISO 9984": "a b g d e v z tʼ i k l m n o p ž r s t u pʼ kʼ ġ q š čʼ cʼ j c č x ǰ h",
    "ALA-LC": "a b g d e v z tʻ i k l m n o p zh r s t u pʻ kʻ gh q sh chʻ tsʻ dz ts ch kh j h",
}

ARMENIAN_SCHEMES = tuple(_ARMENIAN)
GEORGIAN_SCHEMES = tuple(_GEORGIAN)


def _table(letters, spellings):
    values = spellings.split(" ")
    assert len(values) == len(letters), (len(values), len(letters))
    return dict(zip(letters, values))


_ARMENIAN_TABLES = {name: _table(ARMENIAN_LETTERS, text) for name, text in _ARMENIAN.items()}
_GEORGIAN_TABLES = {name: _table(GEORGIAN_LETTERS, text) for name, text in _GEORGIAN.items()}


def _capitalize_words(text):
    return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


def romanize_armenian(name, scheme):
    """`name` (Armenian script) in `scheme`, one of ARMENIAN_SCHEMES; other characters pass through."""
    table = _ARMENIAN_TABLES[scheme]
    u, ev = _ARMENIAN_DIGRAPHS[scheme]
    glides = scheme in _ARMENIAN_INITIAL_GLIDES
    text = unicodedata.normalize("NFC", name).lower()
    out = []
    i = 0
    while i < len(text):
        letter = text[i]
        start = i == 0 or not text[i - 1].isalpha()
        after_vowel = i > 0 and text[i - 1] in "աեէըիոօ"
        if letter == "ո" and i + 1 < len(text) and text[i + 1] == "ւ":
            out.append(u)
            i += 2
            continue
        if letter == "և":
            out.append("y" + ev if glides and (start or after_vowel) else ev)
        elif letter == "ե" and glides and (start or after_vowel):
            out.append("ye")
        elif letter == "ո" and glides and start and not text[i + 1:i + 2] == "վ":
            out.append("vo")
        else:
            out.append(table.get(letter, letter))
        i += 1
    return _capitalize_words("".join(out))


def romanize_georgian(name, scheme):
    """`name` (Georgian script) in `scheme`, one of GEORGIAN_SCHEMES; other characters pass through."""
    table = _GEORGIAN_TABLES[scheme]
    return _capitalize_words("".join(table.get(letter, letter) for letter in unicodedata.normalize("NFC", name)))


def fold(name):
    """The form under which two spellings count as the same one: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def unseen(spellings, known):
    """The distinct spellings (by `fold`) that are not among the folded names `known`, in order."""
    seen = set()
    result = []
    for spelling in spellings:
        key = fold(spelling)
        if key in known or key in seen:
            continue
        seen.add(key)
        result.append(spelling)
    return result
