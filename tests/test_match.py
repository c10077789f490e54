"""Phrase matching through the bill's index: exact on lemmas, fuzzy for slips, carve-outs respected."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawcheck.errors import LawcheckError
from lawcheck.match import BillIndex, hits_within
from lawcheck.normalise import tokenize
from lawcheck.repair import repair, repairer, vocabulary


def _find(text: str, phrase: str, language: str = "en", carve: tuple[str, ...] = ()) -> list[str]:
    index = BillIndex(tokenize(text, language), language)
    carve_outs = index.find_any(carve) if carve else ()
    return [text[h.start:h.end] for h in index.find_any((phrase,), carve_outs)]


@pytest.mark.parametrize(
    ("text", "phrase", "language", "expected"),
    [
        ("Any person who hijacks an aircraft", "hijack", "en", ["hijacks"]),
        ("seizes or exercises control of the aircraft", "exercise control", "en", ["exercises control"]),
        ("threatens to kill or to injure", "threaten * kill", "en", ["threatens to kill"]),
        ("quiconque détourne un aéronef", "détourner", "fr", ["détourne"]),
        ("el que se apoderare de una aeronave", "apoderarse", "es", ["apoderare"]),
        ("the hiiacking of aircraft", "hijacking", "en", ["hiiacking"]),  # OCR slip, fuzzy
        ("a person who seizes a ship", "aircraft", "en", []),
        ("threatens that he will at some later time kill", "threaten * kill", "en", []),  # gap too long
    ],
)
def test_phrases(text: str, phrase: str, language: str, expected: list[str]) -> None:
    assert _find(text, phrase, language) == expected


def test_fuzzy_hit_scores_below_exact() -> None:
    fuzzy = BillIndex(tokenize("the hiiacking of aircraft", "en"), "en").find("hijacking")
    exact = BillIndex(tokenize("the hijacking of aircraft", "en"), "en").find("hijacking")
    assert 0.8 < fuzzy[0].score < 1.0 == exact[0].score


@pytest.mark.parametrize(
    ("text", "expected"),
    [("any act of violence other than hijacking", []), ("hijacking, other than by a member of the crew", ["hijacking"])],
)
def test_carve_out_excludes_what_follows_it(text: str, expected: list[str]) -> None:
    assert _find(text, "hijacking", carve=("other than",)) == expected


def test_hits_within_ranges() -> None:
    text = "seize here. nothing. seize there."
    index = BillIndex(tokenize(text, "en"), "en")
    hits = index.find("seize")
    assert [text[h.start:h.end + 6] for h in hits_within(hits, ((20, len(text)),))] == ["seize there"]


@pytest.mark.parametrize(
    ("phrase", "text", "language", "found"),
    [
        ("intentionally", "an internationally protected person", "en", False),  # a word in its own right
        ("présence", "les dispositions de la présente loi", "fr", False),
        ("terrorism", "an act of terorism", "en", True),  # a typing or extraction slip
        ("larguer", "largue des explosifs", "fr", True),  # an inflection the lemmatiser missed
    ],
)
def test_fuzzy_matching_spares_real_words(phrase: str, text: str, language: str, found: bool) -> None:
    index = BillIndex(tokenize(text, language), language)
    assert bool(index.find(phrase)) is found


# --------------------------------------------------------------------------- words broken by PDF extraction


def _find_repaired(text: str, phrase: str, catalogue, language: str = "en") -> list[str]:  # noqa: ANN001
    tokens = repair(text, tokenize(text, language), vocabulary(catalogue, language))
    return [text[h.start:h.end] for h in BillIndex(tokens, language).find(phrase)]


@pytest.mark.parametrize(
    ("text", "phrase", "language", "expected"),
    [("los delitos de T errorismo contra la A viación civil", "aviación civil", "es", ["A viación civil"]),
     ("actes de T errorisme contre l'aviation civile", "terrorisme", "fr", ["T errorisme"])],
)
def test_broken_words_are_found_in_every_language(text: str, phrase: str, language: str, expected: list[str],
                                                  catalogue) -> None:  # noqa: ANN001
    assert _find_repaired(text, phrase, catalogue, language) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Civil A viation Act. A person who commits an of fence is liable", "offence", ["of fence"]),
        ("Civil A viation Act. A person who commits an of fence is liable", "commits an offence",
         ["commits an of fence"]),
        ("the Suppression of T errorism Act", "terrorism", ["T errorism"]),
        ("the Montreal Convention on Civil A viation", "civil aviation", ["Civil A viation"]),
        ("an in-ﬂight security Of f icer may", "officer", ["Of f icer"]),
        ("the Suppression of T errorism Act and of fences under it", "offence", ["of fences"]),
        ("any police oﬃcer", "officer", ["oﬃcer"]),  # a ligature, matched as decomposed
        ("an act of terror-\nism against", "terrorism", ["terror-\nism"]),
        ("an act of terror-\n  ism against", "act of terrorism", ["act of terror-\n  ism"]),
    ],
)
def test_broken_words_are_found_on_their_own_characters(text: str, phrase: str, expected: list[str],
                                                        catalogue) -> None:  # noqa: ANN001
    assert _find_repaired(text, phrase, catalogue) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("he climbed over a piece of fence", "offence", []),  # a clean bill: "fence" is a word
        ("Civil A viation Act. persons under 18 years of age", "of age", ["of age"]),  # "ofage" is no word
        ("Civil A viation Act. A board of inquiry", "a board", ["A board"]),  # "board" is a checklist word
        ("the Anti-\nTerrorism Act", "antiterrorism", []),  # a new line in capitals: a compound
        ("in the case of an of ficer", "fence", []),
    ],
)
def test_words_are_not_joined_wrongly(text: str, phrase: str, expected: list[str], catalogue) -> None:  # noqa: ANN001
    assert _find_repaired(text, phrase, catalogue) == expected


@pytest.mark.parametrize("text", ["States shall co-\noperate", "the Anti-\nTerrorism Act", "of fence"])
def test_hyphenated_compounds_and_clean_bills_are_left(text: str, catalogue) -> None:  # noqa: ANN001
    tokens = tokenize(text, "en")
    assert repair(text, tokens, vocabulary(catalogue, "en")) is tokens


def test_unknown_repair_names_the_valid_ones() -> None:
    with pytest.raises(LawcheckError, match="valid repairs: kerning, hyphenation"):
        repairer(["kerning", "glue"])


@given(text=st.text(alphabet="aAfTo fenciyrs-\nﬁ", max_size=80))
def test_repaired_tokens_lie_inside_the_text_in_order(text: str, catalogue) -> None:  # noqa: ANN001
    tokens = repair(text, tokenize(text, "en"), vocabulary(catalogue, "en"))
    previous = 0
    for start, end in zip(tokens.starts, tokens.ends):
        assert previous <= start < end <= len(text)
        previous = end
