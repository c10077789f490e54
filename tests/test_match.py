"""Phrase matching through the bill's index: exact on lemmas, fuzzy for slips, carve-outs respected."""

from __future__ import annotations

import pytest

from lawcheck.match import BillIndex, hits_within
from lawcheck.normalise import tokenize


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
