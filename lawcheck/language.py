"""Detect the language of a bill among those the checklist supports (en, fr, es, ar, ru, zh).

Counts the most frequent function words of each language (offences/drafting/<lang>.yaml:
``stopwords``) among the bill's words. Chinese has no spaces between words: a run of Chinese characters
counts as one word per character, and its function words are single characters (的, 或, 之...). A text where no supported language reaches a minimal share
is refused with a message naming the supported languages.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from lawcheck.errors import LanguageError
from lawcheck.models import Drafting
from lawcheck.normalise import fold

MIN_SHARE = 0.08  # share of the words that must be function words of the chosen language
SAMPLE_CHARS = 200_000  # enough to decide; bills are read whole elsewhere
_WORD_RE = re.compile(r"[^\W\d_]+")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{_HAN}]")


class _Chinese(NamedTuple):
    """The expressions that count the words of a text with Chinese characters, compiled on the first such text
    (compiling them takes ~14 ms, a start-up cost for every bill)."""

    run: re.Pattern[str]  # a run of characters of the Chinese ranges
    letter: re.Pattern[str]  # a Chinese character that is a letter (of a word)
    non_letter: re.Pattern[str]  # a code point of the Chinese ranges that is none
    # a word without a Chinese character, neither in it nor joined to it (a word with one counts its characters
    # only); the lookbehind after the first letter lets the search skip to letters
    plain_word: re.Pattern[str]


@lru_cache(maxsize=1)
def _chinese() -> _Chinese:
    return _Chinese(re.compile(f"[{_HAN}]+"), re.compile(rf"[{_HAN}](?<=[^\W\d_])"),
                    re.compile(rf"[{_HAN}](?<![^\W\d_])"),
                    re.compile(rf"[^\W\d_{_HAN}](?<![^\W\d_].)[^\W\d_{_HAN}]*(?![^\W\d_])"))


@lru_cache(maxsize=2)
def _word_counts(sample: str) -> tuple[Counter[str], int, int]:
    """How often each folded word occurs in ``sample``, how many Chinese characters it holds and how many words, a
    Chinese character counting as a word. Each distinct word is folded once (folding Arabic or accented words one
    by one was most of the time detection took). Kept for the last two texts: a bill's language is detected, then
    its shares are read again for the report's notices.

    The Chinese characters are not counted one by one (:func:`_occurrences` counts those asked for): the letters
    of the text in the Chinese ranges are counted all at once, and only the words without one are read as words
    (going word by word, or character by character, through Chinese clauses took most of detection's time on a
    Chinese bill)."""
    if _HAN_RE.search(sample):
        patterns = _chinese()
        chinese = len(sample) - len(patterns.run.sub("", sample)) - len(patterns.non_letter.findall(sample))
        words = patterns.plain_word.findall(sample)
    else:
        chinese, words = 0, _WORD_RE.findall(sample)
    counts: Counter[str] = Counter()
    for word, count in Counter(words).items():
        counts[fold(word.lower())] += count
    return counts, chinese, chinese + sum(counts.values())


def _occurrences(word: str, counts: Counter[str], chinese: int, sample: str) -> int:
    """How often a folded word occurs among the words of ``sample`` (``counts``, ``chinese``: :func:`_word_counts`);
    a Chinese character wherever it stands (every one is a letter of a word: counted when first asked for, then
    kept in ``counts``); a longer word with one, never."""
    if chinese and word not in counts and len(word) == 1 and _chinese().letter.match(word):
        counts[word] = sample.count(word)
    return counts[word]


def supported(drafting: dict[str, Drafting]) -> str:
    return ", ".join(sorted(drafting))


def language_shares(text: str, drafting: dict[str, Drafting]) -> list[tuple[str, float]]:
    """Each supported language with the share of the text's words that are its function words, best first."""
    sample = text[:SAMPLE_CHARS]
    counts, chinese, total = _word_counts(sample)
    shares = {}
    for language, vocabulary in drafting.items():
        stop = {fold(w.lower()) for w in vocabulary.stopwords}
        shares[language] = sum(_occurrences(w, counts, chinese, sample) for w in stop) / total if total else 0.0
    return sorted(sorted(shares.items()), key=lambda item: -item[1])


def detect_language(text: str, drafting: dict[str, Drafting], path: str = "") -> str:
    if not _WORD_RE.search(text[:SAMPLE_CHARS]):
        raise LanguageError(f"{path or 'bill'}: no words to detect the language from "
                            f"(supported: {supported(drafting)}); check the file or give --lang")
    language, share = language_shares(text, drafting)[0]
    if share < MIN_SHARE:
        raise LanguageError(
            f"{path or 'bill'}: the language is not one lawcheck supports ({supported(drafting)}); "
            "if it is one of them, say so with --lang"
        )
    return language


def check_language(language: str, drafting: dict[str, Drafting]) -> str:
    if language not in drafting:
        raise LanguageError(f"language {language!r} is not supported; choose one of: {supported(drafting)}")
    return language
