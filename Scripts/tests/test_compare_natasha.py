"""Tests of how Scripts/compare-natasha lines up Natasha's spans with the gazetteer's places (Natasha itself is
not run: its spans are given)."""
import sys
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SCRIPTS / "eval-support"))
import corpora  # noqa: E402

loader = SourceFileLoader("compare_natasha", str(SCRIPTS / "compare-natasha"))
compare = module_from_spec(spec_from_loader("compare_natasha", loader))
loader.exec_module(compare)


def span(text, word, type_=None, place=None):
    start = text.index(word)
    result = {"start": start, "end": start + len(word), "text": word}
    if type_:
        result["type"] = type_
    if place:
        result["place"] = {"name": place, "country": "RU", "feature": "A.ADM1"}
    return result


def test_differences_say_who_found_what_and_what_the_gold_says():
    text = "Встреча с Владимиром Путиным прошла в Сочи, а не в Подмосковье."
    sochi = span(text, "Сочи")
    document = corpora.Document("d", text, "ru", [corpora.entity(sochi["start"], sochi["end"], "LOC", text)])
    natasha = [span(text, "Владимиром Путиным", "PER"), span(text, "Сочи", "LOC"), span(text, "Подмосковье", "LOC")]
    places = [span(text, "Владимиром", place="Vladimir Oblast"), span(text, "Сочи", place="Sochi")]
    rows = compare.differences([document], [natasha], [places], {"d"})
    assert rows["both"] == 1
    assert [(r["text"], r["gold"]) for r in rows["only_natasha"]] == [("Подмосковье", "not in gold")]
    [only] = rows["only_gazetteer"]
    assert (only["text"], only["natasha"], only["gold"]) == ("Владимиром", "PER 'Владимиром Путиным'", "not in gold")


def test_documents_without_gold_get_no_gold_verdict():
    text = "Встреча прошла в Сочи."
    document = corpora.Document("plain.txt", text, "ru")
    rows = compare.differences([document], [[]], [[span(text, "Сочи", place="Sochi")]])
    assert rows["only_gazetteer"][0]["gold"] is None
