"""Tests of Scripts/evaluate-annotator on named-entity gold: the CoNLL/BIO and brat readers, scalar offsets, and
the metrics on small fixtures whose figures were worked out by hand (fixtures/*.predictions.ndjson are the
mentions an annotator might have found). Run with `python3 -m pytest Scripts/tests`."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(SCRIPTS / "eval-support"))
import corpora  # noqa: E402
import gazetteer  # noqa: E402
import scoring  # noqa: E402


def evaluate(*arguments):
    process = subprocess.run([sys.executable, SCRIPTS / "evaluate-annotator", "--format", "json", *arguments],
                             capture_output=True, text=True)
    assert process.returncode == 0, process.stderr
    return json.loads(process.stdout)


def figures(counts):
    return counts["gold"], counts["found"], counts["spurious"], counts["precision"], counts["recall"], counts["f1"]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
    return path


# Readers ------------------------------------------------------------------------------------------------------

def test_conll_documents_languages_and_spans():
    documents = corpora.read_conll(FIXTURES / "conll")
    assert [(d.id, d.language) for d in documents] == [("en-iob1.conll#1", "en"), ("news.conll#1", "ru"),
                                                        ("news.conll#2", "ru")]
    russian = documents[1]
    assert russian.text == ("Министр иностранных дел России Сергей Лавров прилетел в Ереван.\n"
                            "Он встретился с Владимиром Путиным в Горисе.")
    for document in documents:
        for entity in document.entities:
            assert document.text[entity["start"]:entity["end"]] == entity["surface"]
    assert [(e["type"], e["surface"]) for e in russian.entities] == [
        ("LOC", "России"), ("PER", "Сергей Лавров"), ("LOC", "Ереван"), ("PER", "Владимиром Путиным"),
        ("LOC", "Горисе")]


@pytest.mark.parametrize("tags, spans", [
    # IOB1: I- begins an entity; B- only splits two adjacent ones of one type.
    (["I-LOC", "I-LOC", "B-LOC", "O", "I-PER"], [(0, 2, "LOC"), (2, 3, "LOC"), (4, 5, "PER")]),
    # IOB2: every entity begins with B-.
    (["B-LOC", "I-LOC", "B-LOC", "B-PER", "I-PER"], [(0, 2, "LOC"), (2, 3, "LOC"), (3, 5, "PER")]),
    # BIOES, and a type change inside a run of I- tags.
    (["S-LOC", "B-ORG", "E-ORG", "I-LOC", "I-PER"], [(0, 1, "LOC"), (1, 3, "ORG"), (3, 4, "LOC"), (4, 5, "PER")]),
])
def test_tag_schemes(tags, spans):
    parsed = [(None, None) if t == "O" else (t[0], t[2:]) for t in tags]
    assert corpora.decode_tags(parsed) == spans


def test_conll_comments_set_documents_and_language(tmp_path):
    write(tmp_path / "mixed.conll", "# newdoc id = a\n# lang = hy\nԳորիս B-LOC\n\n"
                                    "# newdoc id = b\n# lang = az\nBakı B-LOC\nda O\n")
    documents = corpora.read_conll(tmp_path / "mixed.conll")
    assert [(d.language, d.text) for d in documents] == [("hy", "Գորիս"), ("az", "Bakı da")]
    assert [d.language for d in corpora.read_conll(tmp_path / "mixed.conll", lang="tr")] == ["tr", "tr"]


def test_turkish_suffix_after_an_apostrophe_is_glued_back():
    text, offsets = corpora.detokenize(["Hocalı", "'da", "(", "Azerbaycan", ")", "."])
    assert text == "Hocalı'da (Azerbaycan)."
    assert offsets[3] == (11, 21)


def test_malformed_conll_names_file_and_line(tmp_path):
    path = write(tmp_path / "bad.conll", "Goris B-LOC\nKapan X-LOC\n")
    with pytest.raises(corpora.CorpusError, match=r"bad.conll:2: tag 'X-LOC'"):
        corpora.read_conll(path)
    process = subprocess.run([sys.executable, SCRIPTS / "evaluate-annotator", "--conll", path,
                              "--predictions", "/dev/null"], capture_output=True, text=True)
    assert process.returncode != 0
    assert "bad.conll:2:" in process.stderr and "Traceback" not in process.stderr


def test_brat_offsets_are_scalars_across_emoji_and_crlf():
    [document] = corpora.read_brat(FIXTURES / "brat")
    assert document.language == "hy"
    assert document.text.startswith("📍") and "\r\n" in document.text
    by_id = {e["surface"]: e for e in document.entities}
    assert by_id["Ջերմուկ"]["start"] == 137
    verin = by_id["Վերին Շորժայում"]
    assert verin["fragments"] == [(67, 72), (82, 91)]
    assert (verin["start"], verin["end"]) == (67, 91)


def test_brat_offsets_in_utf16_units_are_converted(tmp_path):
    text = "🚀 Goris and 🚀 Kapan\n"
    # UTF-16 offsets: each rocket is two units, so Kapan starts at 16 (scalar 14).
    write(tmp_path / "d.txt", text)
    write(tmp_path / "d.ann", "T1\tLOC 3 8\tGoris\nT2\tLOC 16 21\tKapan\n")
    [document] = corpora.read_brat(tmp_path)
    assert [(e["start"], e["end"]) for e in document.entities] == [(2, 7), (14, 19)]


def test_brat_span_that_does_not_read_its_text_names_the_line(tmp_path):
    write(tmp_path / "d.txt", "Goris and Kapan\n")
    write(tmp_path / "d.ann", "T1\tLOC 0 5\tGoris\nT2\tLOC 10 14\tKapan\n")
    with pytest.raises(corpora.CorpusError, match=r"d.ann:2: T2 spans 10 14 .* 'Kapan'"):
        corpora.read_brat(tmp_path)


def test_brat_without_its_text_file(tmp_path):
    write(tmp_path / "d.ann", "T1\tLOC 0 5\tGoris\n")
    with pytest.raises(corpora.CorpusError, match=r"d.txt: missing"):
        corpora.read_brat(tmp_path)


# Metrics ------------------------------------------------------------------------------------------------------

def test_conll_metrics_overall_per_language_and_false_places():
    [report] = evaluate("--conll", FIXTURES / "conll", "--predictions", FIXTURES / "conll.predictions.ndjson")
    assert figures(report["all"]) == (8, 7, 3, 0.7, 0.875, 0.7778)
    assert figures(report["languages"]["en"]) == (4, 4, 1, 0.8, 1.0, 0.8889)
    assert figures(report["languages"]["ru"]) == (4, 3, 2, 0.6, 0.75, 0.6667)
    assert report["all"]["exact"] == 6
    # Goris in "Stijn Goris" and Владимиром are persons; Армении is inside an organisation's name.
    assert report["false_places"] == {"ORG": 1, "PER": 2}


def test_places_inside_organisations_can_be_left_out():
    [report] = evaluate("--conll", FIXTURES / "conll", "--predictions", FIXTURES / "conll.predictions.ndjson",
                        "--ignore-inside-org")
    assert figures(report["languages"]["ru"]) == (4, 3, 1, 0.75, 0.75, 0.75)
    assert report["ignored_inside_org"] == 1
    assert report["false_places"] == {"PER": 2}


def test_brat_metrics_per_gold_type():
    [report] = evaluate("--brat", FIXTURES / "brat", "--predictions", FIXTURES / "brat.predictions.ndjson")
    assert figures(report["all"]) == (5, 4, 1, 0.8, 0.8, 0.8)
    assert figures(report["types"]["GPE"]) == (1, 1, 1, 0.5, 1.0, 0.6667)
    assert figures(report["types"]["LOC"]) == (4, 3, 1, 0.75, 0.75, 0.75)
    assert report["all"]["exact"] == 3


def test_place_types_option_chooses_what_counts():
    [report] = evaluate("--brat", FIXTURES / "brat", "--predictions", FIXTURES / "brat.predictions.ndjson",
                        "--place-types", "loc")
    # Հայաստանի (GPE) is no longer a place: its prediction now hits the GPE entity (first of those it overlaps).
    assert figures(report["all"]) == (4, 3, 2, 0.6, 0.75, 0.6667)
    assert set(report["types"]) == {"LOC"}


def test_predictions_for_the_wrong_number_of_documents_are_refused(tmp_path):
    short = write(tmp_path / "p.ndjson", '{"mentions": []}\n')
    process = subprocess.run([sys.executable, SCRIPTS / "evaluate-annotator", "--conll", FIXTURES / "conll",
                              "--predictions", short], capture_output=True, text=True)
    assert process.returncode != 0 and "1 documents of predictions for 3 gold documents" in process.stderr


def test_one_line_keeps_scalar_offsets():
    # Regression: \r\n used to become one U+2028, shifting every later offset of a CRLF document by one a line.
    text = "Goris\r\nKapan\nJermuk\r"
    line = gazetteer.one_line(text)
    assert len(line) == len(text) and "\n" not in line and "\r" not in line
    assert line[line.index("Jermuk"):][:6] == "Jermuk" and line.index("Jermuk") == text.index("Jermuk")


def test_pairs_are_one_to_one():
    gold = [{"start": 0, "end": 10, "type": "LOC"}, {"start": 4, "end": 6, "type": "LOC"}]
    predictions = [{"start": 5, "end": 6}]
    assert len(scoring.pair(gold, predictions)) == 1


def test_language_guessed_from_letters_not_from_one_name():
    # Regression: one ə in an English article made it Azerbaijani.
    assert corpora.guess_language("Shelling near Kəlbəcər, Goris and Jermuk was reported on Tuesday by both "
                                  "sides, and residents said the road to the spa town stayed closed for the rest of "
                                  "the week while engineers checked the bridges.") == "en*"
    assert corpora.guess_language("Ermənistan silahlı qüvvələri Kəlbəcər rayonunu atəşə tutub.") == "az*"
    assert corpora.guess_language("Türkiye'nin başkenti Ankara'da bir toplantı yapıldı.") == "tr*"
    assert corpora.guess_language("Ջերմուկում") == "hy*"
