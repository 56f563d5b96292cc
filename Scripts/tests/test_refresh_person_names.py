"""Tests of the rules by which Scripts/refresh-person-names chooses Russian person forms (on made-up dictionary
entries and parse scores: the real dictionary is not installed for the tests)."""
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path
from types import SimpleNamespace

SCRIPT = Path(__file__).resolve().parent.parent / "refresh-person-names"
loader = SourceFileLoader("refresh_person_names", str(SCRIPT))
refresh = module_from_spec(spec_from_loader("refresh_person_names", loader))
loader.exec_module(refresh)


def tag(*grammemes):
    return SimpleNamespace(grammemes=frozenset(grammemes))


def parse(*readings):
    """A stand-in for pymorphy3's parse: (grammemes, score) pairs per word."""
    table = {word: [SimpleNamespace(tag=tag(*g), score=score) for g, score in pairs] for word, pairs in readings}
    return lambda word: table.get(word, [])


def test_plural_given_names_initials_and_places_are_sorted_out():
    entries = [("богдан", tag("Name", "sing"), "богдан"), ("богданов", tag("Name", "plur"), "богдан"),
               ("богданов", tag("Surn", "sing"), "богданов"), ("богдановы", tag("Surn", "plur"), "богданов"),
               ("в", tag("Name", "Init", "sing"), "в"), ("ростов", tag("Geox", "sing"), "ростов")]
    forms, lemmas, places = refresh.person_forms(entries)
    assert forms["Name"] == {"богдан"}
    assert forms["Surn"] == {"богданов", "богдановы"}
    assert places == {"ростов"} and lemmas["Name"] == {"богдан"}


def test_a_place_name_stays_only_when_far_likelier_a_person():
    rules = refresh.Rules(places={"владимир", "ростов"}, major={"paris"}, english={"glen"}, parse=parse(
        ("владимир", [({"Name"}, 0.98), ({"Geox"}, 0.02)]),
        ("ростов", [({"Surn"}, 0.14), ({"Geox"}, 0.71)])))
    assert rules.keep("владимир") and not rules.keep("ростов")
    # Not tagged Geox, but the transliteration names a major place or is an English word; or too short.
    assert not rules.keep("парис") and not rules.keep("глен") and not rules.keep("ан") and not rules.keep("эль") and not rules.keep("ия")
    assert rules.keep("лавров")


def test_yo_forms_also_come_spelt_with_ye():
    rules = refresh.Rules(places=set(), major=set(), english=set(), parse=parse())
    assert rules.split({"пётр", "петр", "ли"}) == ({"пётр", "петр"}, 1)
