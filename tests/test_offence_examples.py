"""Data that tests itself: every element's examples must (not) match its phrases, in every language.

Arabic, Russian and Chinese are tested on the elements whose examples are written in them (issue 13: the
checklist is being written in these languages entry by entry)."""

from __future__ import annotations

import pytest

from lawcheck.catalogue import load_catalogue
from lawcheck.match import BillIndex
from lawcheck.models import LANGUAGES
from lawcheck.normalise import tokenize


def _cases(expect: str) -> list:
    cases = []
    for offence in load_catalogue().offences:
        for element in offence.elements:
            examples = element.examples.match if expect == "match" else element.examples.no_match
            for language in LANGUAGES:
                for text in examples.get(language, ()):
                    cases.append(pytest.param(element.phrases.get(language, ()), language, text,
                                              id=f"{offence.id}/{element.id}/{language}/{text[:30]}"))
    return cases


def _found(phrases: tuple[str, ...], language: str, text: str) -> bool:
    index = BillIndex(tokenize(text, language), language)
    return bool(index.find_any(phrases))


@pytest.mark.parametrize(("phrases", "language", "text"), _cases("match"))
def test_example_matches(phrases: tuple[str, ...], language: str, text: str) -> None:
    assert _found(phrases, language, text), f"none of {phrases} found in {text!r}"


@pytest.mark.parametrize(("phrases", "language", "text"), _cases("no_match"))
def test_counter_example_does_not_match(phrases: tuple[str, ...], language: str, text: str) -> None:
    assert not _found(phrases, language, text), f"one of {phrases} wrongly found in {text!r}"
