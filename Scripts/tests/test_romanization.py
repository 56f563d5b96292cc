"""Tests of the pieces of Scripts/evaluate-romanizations that need neither PyPI nor a gazetteer binary: the
Armenian and Georgian tables against spellings the standards and official usage give, and the dropping of
spellings the data already holds. Run with `python3 -m pytest Scripts/tests`."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval-support"))
import romanization  # noqa: E402


@pytest.mark.parametrize("name, scheme, expected", [
    ("Եղեգնաձոր", "BGN/PCGN", "Yeghegnadzor"),
    ("Եղեգնաձոր", "ISO 9985", "Ełegnajor"),
    ("Եղեգնաձոր", "ALA-LC", "Eghegnadzor"),
    ("Ոսկեպար", "BGN/PCGN", "Voskepar"),
    ("Ոսկեպար", "Hübschmann-Meillet", "Oskepar"),
    ("Իջևան", "BGN/PCGN", "Ijevan"),
    ("Իջևան", "ISO 9985", "Iǰewan"),
    ("Երևան", "BGN/PCGN", "Yerevan"),
    ("Գյումրի", "ALA-LC", "Gyumri"),
    ("Ջերմուկ", "ISO 9985", "J̌ermowk"),
    ("Ծաղկաձոր", "informal", "Tsaghkadzor"),
    ("Քաջարան", "informal", "Qajaran"),
    ("Սոթք", "ALA-LC", "Sotʻkʻ"),
])
def test_armenian_schemes(name, scheme, expected):
    # Compared folded: a capital ǰ has no precomposed form (J + combining caron).
    assert romanization.fold(romanization.romanize_armenian(name, scheme)) == romanization.fold(expected)


@pytest.mark.parametrize("name, scheme, expected", [
    ("ახალციხე", "national 2002", "Akhaltsikhe"),
    ("ახალციხე", "ISO 9984", "Axalcʼixe"),
    ("ახალციხე", "ALA-LC", "Akhaltsʻikhe"),
    ("წყალტუბო", "BGN/PCGN", "Ts’q’alt’ubo"),
    ("ზუგდიდი", "ISO 9984", "Zugdidi"),
    ("ჯავა", "ISO 9984", "J̌ava"),
])
def test_georgian_schemes(name, scheme, expected):
    assert romanization.fold(romanization.romanize_georgian(name, scheme)) == romanization.fold(expected)


def test_every_letter_has_a_spelling_in_every_scheme():
    for scheme in romanization.ARMENIAN_SCHEMES:
        out = romanization.romanize_armenian(romanization.ARMENIAN_LETTERS, scheme)
        assert not any("\u0530" <= c <= "\u058f" for c in out), scheme
    for scheme in romanization.GEORGIAN_SCHEMES:
        out = romanization.romanize_georgian(romanization.GEORGIAN_LETTERS, scheme)
        assert not any("\u10a0" <= c <= "\u10ff" for c in out), scheme


def test_unseen_drops_known_spellings_and_repeats_whatever_their_case():
    known = {romanization.fold(n) for n in ["Noyakert", "Ноякерт"]}
    got = romanization.unseen(["NOYAKERT", "Noiakert", "noiakert", "Noâkert", "Noi͡akert"], known)
    assert got == ["Noiakert", "Noâkert", "Noi͡akert"]
