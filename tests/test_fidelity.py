"""Legal fidelity: every article the checklist cites exists in the stored text of its instrument.

Skipped when ../shared/instruments is absent. The article heading must be found ("Article 2",
"ARTICLE II", "Article 15 bis"), and each paragraph and sub-paragraph of the citation inside it
("(1)" or "1.", "(a)" or "a)") in that order.
"""

from __future__ import annotations

import pytest
from conftest import SHARED

from lawcheck import treaty
from lawcheck.catalogue import load_catalogue

INSTRUMENTS = SHARED / "instruments"
pytestmark = pytest.mark.skipif(not INSTRUMENTS.is_dir(), reason="../shared/instruments is absent")


def stored_text(instrument: str) -> str:
    return treaty.stored_text(str(INSTRUMENTS), instrument)


def _article_region(text: str, base: str) -> str | None:
    return treaty.article_region(text, base)


def _parts(article: str) -> tuple[str, list[str]]:
    return treaty.parts(article)


def _has_paragraphs(region: str, paragraphs: list[str]) -> bool:
    return treaty.paragraph_start(region, paragraphs) is not None


CATALOGUE = load_catalogue()
CASES = [pytest.param(o.instrument, o.article, id=o.id) for o in CATALOGUE.offences if o.stored]


def _regions(instrument: str, base: str) -> list[str]:
    """Where the article may stand: in the instrument's own text, in the text of the instrument it amends,
    and, for an amending instrument, anywhere in its own text (the inserted paragraphs are quoted there)."""
    own = stored_text(instrument)
    regions = [_article_region(own, base)]
    amends = CATALOGUE.instruments[instrument].amends
    if amends:
        regions += [_article_region(stored_text(amends), base), own]
    return [r for r in regions if r]


@pytest.mark.parametrize(("instrument", "article"), CASES)
def test_article_exists_in_the_stored_text(instrument: str, article: str) -> None:
    assert stored_text(instrument), f"no stored text for {instrument}"
    base, paragraphs = _parts(article)
    regions = _regions(instrument, base)
    assert regions, f"Article {base} not found in the stored text of {instrument}"
    assert any(_has_paragraphs(r, paragraphs) for r in regions), f"{article}: paragraph not found in Article {base}"


def test_entries_not_resting_on_stored_text_are_few() -> None:
    unstored = [o.id for o in CATALOGUE.offences if not o.stored]
    assert len(unstored) <= len(CATALOGUE.offences) // 5, unstored


@pytest.mark.parametrize(("instrument", "article", "starts", "excludes"), [
    ("ipp-1973", "2(1)(b)", "(b)", "(c)a threat"),
    ("hague-1970", "1(a)", "(a)", "(b)"),
])
def test_the_passage_of_a_cited_paragraph(instrument: str, article: str, starts: str, excludes: str) -> None:
    text = treaty.passage(INSTRUMENTS, instrument, article)
    assert text.startswith(starts) and excludes not in text
