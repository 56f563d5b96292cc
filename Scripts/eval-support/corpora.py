"""Gold corpora for the evaluation scripts, read into one shape: documents with their text, language and gold
entities, offsets in Unicode scalars (Python string indices), end exclusive.

Formats: CoNLL/BIO (a token per line, a tag column with O, B-, I-, E-, S-, L-, U- tags, so IOB1, IOB2 and
BIOES alike; blank lines between sentences, `-DOCSTART-` or `# newdoc` between documents); brat standoff (`.txt`
and `.ann` pairs, T lines with discontinuous spans); this project's JSONL; LGL XML. A malformed input stops with a
`CorpusError` naming the file and line.
"""
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

# Language codes recognised in folder and file names ("ru/", "test.hy.conll"), and names spelt out.
LANGUAGE_CODES = {"en", "ru", "hy", "az", "tr", "ka", "uk", "be", "kk", "ky", "uz", "fa", "ar", "de", "fr", "es", "it"}
LANGUAGE_NAMES = {"english": "en", "russian": "ru", "armenian": "hy", "azerbaijani": "az", "turkish": "tr",
                  "georgian": "ka", "ukrainian": "uk"}
# The language a script implies when nothing names it; Latin text is told apart by its letters.
SCRIPT_LANGUAGES = {"ARMENIAN": "hy", "GEORGIAN": "ka", "CYRILLIC": "ru"}
GUESSED = "*"

# A bare type ("LOC", IO tagging) reads as I-; a single letter and a hyphen is a prefix, and must be a known one.
TAG = re.compile(r"^(?:O|(?P<prefix>[BIESLU])-(?P<type>\S+)|(?P<bare>(?![A-Za-z]-)[^-\s]\S*))$")
METADATA = re.compile(r"^#\s*(?P<key>[\w.-]+)\s*[=:]\s*(?P<value>.*?)\s*$")
# Punctuation written without a space before (closing) or after (opening) it when tokens are joined back into text.
CLOSING = set(".,;:!?)]}»”…%։")
OPENING = set("([{«„")
APOSTROPHES = ("'", "’")


class CorpusError(Exception):
    """A malformed gold file; the message names the file and line."""


@dataclass
class Document:
    """One document: its text, language and gold entities (dicts with start, end, type, surface, fragments)."""
    id: str
    text: str
    language: str
    entities: list = field(default_factory=list)


def entity(start, end, type_, text, fragments=None, **extra):
    fragments = fragments or [(start, end)]
    return {"start": start, "end": end, "type": type_, "surface": " ".join(text[s:e] for s, e in fragments),
            "fragments": fragments, **extra}


# Language ------------------------------------------------------------------------------------------------------

def language_from_path(path):
    """A language named by a folder or file name ("ru/", "wikiner.hy.conll", "armenian-test"), or None."""
    for part in reversed(Path(path).parts):
        for word in re.split(r"[._\-\s]+", part.lower()):
            if word in LANGUAGE_CODES:
                return word
            if word in LANGUAGE_NAMES:
                return LANGUAGE_NAMES[word]
    return None


def guess_language(text):
    """The language the text's main script implies, marked as a guess ("ru*"); Latin by its letters."""
    counts = {}
    for char in text:
        if char.isalpha():
            script = unicodedata.name(char, "? ").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "und"
    script = max(counts, key=counts.get)
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script] + GUESSED
    if script != "LATIN":
        return "und"
    # A letter of Azerbaijani (ə) or Turkish (ı, ğ, ş) once in a while is a name in an English text; in those
    # languages they are among the commonest letters.
    lower = text.lower()
    share = lambda letters: sum(lower.count(c) for c in letters) / counts["LATIN"]
    if share("ə") > 0.025:
        return "az" + GUESSED
    if share("ığş") > 0.025:
        return "tr" + GUESSED
    return "en" + GUESSED


def language_of(option, declared, path, text):
    """The first of: the --lang option, what the corpus declares, a folder or file name, a guess from the script."""
    return option or declared or language_from_path(path) or guess_language(text)


# CoNLL / BIO ---------------------------------------------------------------------------------------------------

def corpus_files(path, suffixes=None):
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise CorpusError(f"{path}: no such file or folder")
    files = [p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith(".")
             and not p.name.upper().startswith(("README", "LICENSE", "LICENCE"))
             and (suffixes is None or p.suffix in suffixes)]
    if not files:
        raise CorpusError(f"{path}: no corpus files in this folder")
    return files


def detokenize(tokens):
    """Tokens joined back into text with their scalar offsets: no space before closing punctuation or a suffix
    after an apostrophe (Ankara 'da → Ankara'da), none after opening punctuation."""
    text, offsets = "", []
    for index, token in enumerate(tokens):
        if index > 0:
            previous = tokens[index - 1]
            glued = (set(token) <= CLOSING or set(previous) <= OPENING
                     or (token.startswith(APOSTROPHES) and len(token) > 1 and token[1:].isalpha()))
            if not glued:
                text += " "
        offsets.append((len(text), len(text) + len(token)))
        text += token
    return text, offsets


def decode_tags(tags):
    """Entity spans (first token, last token + 1, type) from one sentence's tags, IOB1, IOB2 or BIOES: an entity
    begins at B-/S-/U-, or at I-/E-/L- of another type than the open one, and ends after E-/L-/S-/U-."""
    spans, open_span = [], None
    for index, (prefix, type_) in enumerate(tags):
        if prefix is None:
            if open_span:
                spans.append(open_span)
            open_span = None
            continue
        if prefix in "BSU" or open_span is None or open_span[2] != type_:
            if open_span:
                spans.append(open_span)
            open_span = [index, index + 1, type_]
        else:
            open_span[1] = index + 1
        if prefix in "ESLU":
            spans.append(open_span)
            open_span = None
    if open_span:
        spans.append(open_span)
    return [tuple(span) for span in spans]


class _ConllDocument:
    def __init__(self, id_, language):
        self.id, self.language, self.sentences = id_, language, []


def read_conll(path, lang=None, token_column=0, tag_column=-1):
    """Documents of a CoNLL/BIO file or folder. A `# lang = xx` (or `language`) comment sets the language of the
    document it stands in; `-DOCSTART-` and `# newdoc` begin a document; a file without them is one document."""
    documents = []
    for file in corpus_files(path):
        documents += _read_conll_file(file, lang, token_column, tag_column)
    return documents


def _read_conll_file(file, lang, token_column, tag_column):
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise CorpusError(f"{file}: not UTF-8 ({error.reason} at byte {error.start})") from None
    documents = [_ConllDocument(f"{file.name}#1", None)]
    sentence, width = [], None

    def end_sentence():
        if sentence:
            documents[-1].sentences.append(list(sentence))
            sentence.clear()

    def new_document():
        end_sentence()
        if documents[-1].sentences or documents[-1].language:
            documents.append(_ConllDocument(f"{file.name}#{len(documents) + 1}", None))

    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            end_sentence()
            continue
        cells = line.split("\t") if "\t" in line else stripped.split()
        if cells[0] == "-DOCSTART-":
            new_document()
            continue
        if stripped.startswith("#") and not _is_tag(cells[tag_column] if len(cells) > 1 else ""):
            comment = METADATA.match(stripped)
            key = comment.group("key").lower() if comment else stripped[1:].strip().split(" ")[0].lower()
            if key == "newdoc":
                new_document()
            elif key in ("lang", "language") and comment:
                if documents[-1].sentences:
                    new_document()
                documents[-1].language = comment.group("value")
            continue
        if width is None:
            width = len(cells)
        if len(cells) < 2 or len(cells) != width:
            raise CorpusError(f"{file}:{number}: {len(cells)} columns, expected {width or 'at least 2'} "
                              f"(a token and its tag): {line[:80]!r}")
        try:
            token, tag = cells[token_column], cells[tag_column]
        except IndexError:
            raise CorpusError(f"{file}:{number}: no column {token_column} or {tag_column} in {line[:80]!r}") from None
        match = TAG.match(tag)
        if not match:
            raise CorpusError(f"{file}:{number}: tag {tag!r} is not O or PREFIX-TYPE (B-LOC, I-PER, S-ORG)")
        prefix = match.group("prefix") or ("I" if match.group("bare") else None)
        sentence.append((token, (prefix, match.group("type") or match.group("bare"))))
    end_sentence()

    result = []
    for document in documents:
        if not document.sentences:
            continue
        text, entities = "", []
        for sentence in document.sentences:
            if text:
                text += "\n"
            sentence_text, offsets = detokenize([token for token, _ in sentence])
            base = len(text)
            text += sentence_text
            for first, last, type_ in decode_tags([tag for _, tag in sentence]):
                entities.append((base + offsets[first][0], base + offsets[last - 1][1], type_))
        result.append(Document(document.id, text, language_of(lang, document.language, file, text),
                               [entity(s, e, t, text) for s, e, t in entities]))
    return result


def _is_tag(cell):
    return cell == "O" or bool(re.match(r"^[BIESLU]-\S", cell))


# brat standoff -------------------------------------------------------------------------------------------------

def read_brat(path, lang=None):
    """Documents of a brat folder (every `.ann` with its `.txt`), or of one `.ann` or `.txt` file."""
    path = Path(path)
    if path.is_file():
        files = [path.with_suffix(".ann")]
    else:
        files = corpus_files(path, suffixes={".ann"})
    return [_read_brat_pair(file, lang) for file in files]


def _read_brat_pair(ann, lang):
    txt = ann.with_suffix(".txt")
    for file in (ann, txt):
        if not file.exists():
            raise CorpusError(f"{file}: missing (brat documents are .txt and .ann pairs)")
    try:
        # newline="" keeps \r\n as two characters, as brat counts them.
        with open(txt, encoding="utf-8", newline="") as stream:
            text = stream.read()
        with open(ann, encoding="utf-8", newline="") as stream:
            lines = stream.read().splitlines()
    except UnicodeDecodeError as error:
        raise CorpusError(f"{ann.with_suffix('')}: not UTF-8 ({error.reason} at byte {error.start})") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.startswith("T"):
            continue  # relations, events, attributes, notes: not entities
        cells = line.split("\t")
        if len(cells) < 3:
            raise CorpusError(f"{ann}:{number}: a T line needs ID, TYPE START END and the text, tab-separated")
        head = cells[1].split(" ", 1)
        try:
            fragments = [tuple(int(n) for n in part.split()) for part in head[1].split(";")]
            if any(len(f) != 2 or f[0] > f[1] for f in fragments):
                raise ValueError
        except (IndexError, ValueError):
            raise CorpusError(f"{ann}:{number}: spans {cells[1]!r} are not START END[;START END…]") from None
        rows.append((number, cells[0], head[0], fragments, cells[2]))
    units = _offset_units(ann, text, rows)
    entities = [entity(units[f[0][0]], units[f[-1][1]], type_, text, [(units[s], units[e]) for s, e in f])
                for _, _, type_, f, _ in rows]
    return Document(ann.stem, text, language_of(lang, None, ann, text),
                    sorted(entities, key=lambda e: (e["start"], e["end"])))


def _offset_units(ann, text, rows):
    """The map from the file's offsets to scalar offsets: brat counts characters (scalars), but files written by
    narrow-build Python or other tools count UTF-16 code units or UTF-8 bytes, which differ after the first
    character outside the BMP (or, for bytes, the first non-ASCII one). The first unit that reads every T line's
    own text is used."""
    candidates = [("Unicode scalars", None), ("UTF-16 code units", "utf-16-le"), ("UTF-8 bytes", "utf-8")]
    first_failure = None
    for name, encoding in candidates:
        units = _unit_map(text, encoding)
        failure = next((row for row in rows if not _reads(text, units, row)), None)
        if failure is None:
            return units
        first_failure = first_failure or failure
    number, id_, _, fragments, surface = first_failure
    spans = ";".join(f"{s} {e}" for s, e in fragments)
    raise CorpusError(f"{ann}:{number}: {id_} spans {spans} are outside the text or do not read {surface!r} "
                      f"in {ann.with_suffix('.txt').name} (as scalars, UTF-16 units or UTF-8 bytes)")


def _unit_map(text, encoding):
    if encoding is None:
        return range(len(text) + 1)
    width = 2 if encoding == "utf-16-le" else 1
    units, position = {}, 0
    for index, char in enumerate(text):
        units[position] = index
        position += len(char.encode(encoding)) // width
    units[position] = len(text)
    return units


def _reads(text, units, row):
    _, _, _, fragments, surface = row
    if not all(s in units and e in units for s, e in fragments):
        return False
    return " ".join(text[units[s]:units[e]] for s, e in fragments) == surface


# This project's JSONL and LGL ------------------------------------------------------------------------------------

PLACE = "place"


def read_jsonl(path, lang=None):
    """Our gold: one JSON object per mention (doc, start, end, …), each doc's text in <doc>.txt beside the file."""
    mentions = {}
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.strip():
            try:
                gold = json.loads(line)
                mentions.setdefault(gold["doc"], []).append(gold)
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise CorpusError(f"{path}:{number}: not a gold mention with a doc field ({error})") from None
    documents = []
    for doc, golds in mentions.items():
        with open(Path(path).parent / f"{doc}.txt", encoding="utf-8", newline="") as stream:
            text = stream.read()
        declared = next((g["lang"] for g in golds if g.get("lang")), None)
        entities = [dict(g, type=PLACE, fragments=[(g["start"], g["end"])]) for g in golds]
        documents.append(Document(doc, text, language_of(lang, declared, path, text),
                                  sorted(entities, key=lambda g: g["start"])))
    return documents


def read_lgl(path, country_codes):
    """LGL XML (English local news): toponyms with GeoNames tags, judged as countries, divisions or places."""
    documents = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        golds = []
        for toponym in article.find("toponyms").iter("toponym"):
            start, end = int(toponym.findtext("start")), int(toponym.findtext("end"))
            gold = {"start": start, "end": end, "surface": toponym.findtext("phrase"), "type": PLACE,
                    "fragments": [(start, end)]}
            tag = toponym.find("gaztag")
            if tag is not None and tag.findtext("lat"):
                fclass, fcode = tag.findtext("fclass") or "", tag.findtext("fcode") or ""
                country = tag.find("country")
                gold.update(lat=float(tag.findtext("lat")), lon=float(tag.findtext("lon")),
                            feature="country" if fcode.startswith("PCL") else "admin" if fclass == "A" else "place",
                            country=country_codes.get(country.get("geonameid")) if country is not None else None)
            golds.append(gold)
        documents.append(Document(article.get("docid"), text, "en", sorted(golds, key=lambda g: g["start"])))
    return documents
