"""The stored treaty texts (``../shared/instruments``): find the paragraph a checklist entry cites.

``passage(folder, instrument, article)`` returns the words of the cited paragraph as stored ("" when the
stored text does not hold it), for the reviewer's view (``lawcheck offences review``) and the fidelity test.
An article heading is "Article 2", "ARTICLE II", "Article 15 bis" or "Artículo 3"; a paragraph is "(1)" or
"1.", a sub-paragraph "(a)" or "a)".
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lawcheck.split import ROMANS

PASSAGE_LIMIT = 1500  # characters shown of a paragraph


@lru_cache(maxsize=64)
def stored_text(folder: str, instrument: str, language: str = "") -> str:
    """The instrument's stored texts (all languages, or one) joined; "" when there is none."""
    pattern = f"{instrument}.{language}*.txt" if language else f"{instrument}.*.txt"
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob(pattern)))


def parts(article: str) -> tuple[str, list[str]]:
    """``2(1)(b)`` -> ("2", ["1", "b"])."""
    base, _, rest = article.partition("(")
    return base, re.findall(r"\(([^)]+)\)", "(" + rest) if rest else []


def article_region(text: str, base: str) -> str | None:
    """The text of Article ``base``, from its heading to the next article heading."""
    number = re.sub(r"(\d+)\s*(bis|ter|quater)", r"\1\\s*\2", re.escape(base).replace("\\ ", " "))
    heading = re.compile(rf"(?:^|\n)\W*(?:article|artikel|art\.|artículo)\s*{number}\b", re.I)
    match = heading.search(text)
    if not match:
        return None
    following = re.compile(r"\n\W*(?:article|artikel|artículo)\s*[0-9IVXLC]+", re.I).search(text, match.end())
    return text[match.start():following.start() if following else len(text)]


def _label(part: str) -> re.Pattern[str]:
    number = re.sub(r"(\d+)(bis|ter|quater)", r"\1\\s*\2", re.escape(part.replace(" ", "")))
    return re.compile(rf"(?:\(\s*{number}\s*\)|(?:^|\n|\s|\"){number}[.)])", re.I)


def paragraph_start(region: str, paragraphs: list[str]) -> int | None:
    """Where the last of the cited paragraphs starts in the region, each found after the one before; None
    when one is missing."""
    cursor = 0
    for part in paragraphs:
        found = _label(part).search(region, cursor)
        if not found:
            return None
        cursor = found.start()
    return cursor


def passage(folder: str | Path, instrument: str, article: str, language: str = "en") -> str:
    """The stored words of the cited paragraph (the article's, when the citation has no paragraph)."""
    text = stored_text(str(folder), instrument, language) or stored_text(str(folder), instrument)
    base, paragraphs = parts(article)
    region = article_region(text, base) if text else None
    if region is None:
        return ""
    start = paragraph_start(region, paragraphs)
    if start is None:
        return ""
    end = len(region)
    following = _next_label(paragraphs[-1]) if paragraphs else None
    if following:
        found = _label(following).search(region, start + 1)
        end = found.start() if found else end
    return " ".join(region[start:min(end, start + PASSAGE_LIMIT)].split())


def _next_label(part: str) -> str | None:
    """The label of the paragraph after ``part`` (2 after 1, b after a, iii after ii), to end the passage."""
    if part.isdigit():
        return str(int(part) + 1)
    if part in ROMANS[1:-1]:  # "i" alone is read as a letter: j follows it
        return ROMANS[ROMANS.index(part) + 1]
    if len(part) == 1 and part.isalpha():
        return chr(ord(part) + 1)
    return None
