"""Legal fidelity: every article the checklist cites exists in the stored text of its instrument.

Skipped when ../shared/instruments is absent. The article heading must be found ("Article 2",
"ARTICLE II", "Article 15 bis"), and each paragraph and sub-paragraph of the citation inside it
("(1)" or "1.", "(a)" or "a)") in that order.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from conftest import SHARED

from lawcheck.catalogue import load_catalogue

INSTRUMENTS = SHARED / "instruments"
pytestmark = pytest.mark.skipif(not INSTRUMENTS.is_dir(), reason="../shared/instruments is absent")


@lru_cache(maxsize=None)
def stored_text(instrument: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(INSTRUMENTS.glob(f"{instrument}.*.txt")))


def _parts(article: str) -> tuple[str, list[str]]:
    base, _, rest = article.partition("(")
    return base, re.findall(r"\(([^)]+)\)", "(" + rest) if rest else []


def _article_region(text: str, base: str) -> str | None:
    number = re.sub(r"(\d+)\s*(bis|ter|quater)", r"\1\\s*\2", re.escape(base).replace("\\ ", " "))
    heading = re.compile(rf"(?:^|\n)\W*(?:article|artikel|art\.|artículo)\s*{number}\b", re.I)
    match = heading.search(text)
    if not match:
        return None
    following = re.compile(r"\n\W*(?:article|artikel|artículo)\s*[0-9IVXLC]+", re.I).search(text, match.end())
    return text[match.start():following.start() if following else len(text)]


def _has_paragraphs(region: str, paragraphs: list[str]) -> bool:
    cursor = 0
    for part in paragraphs:
        number = re.sub(r"(\d+)(bis|ter|quater)", r"\1\\s*\2", re.escape(part.replace(" ", "")))
        pattern = rf"(?:\(\s*{number}\s*\)|(?:^|\n|\s|\"){number}[.)])"
        found = re.compile(pattern, re.I).search(region, cursor)
        if not found:
            return False
        cursor = found.start()
    return True


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
