"""The report's own words in each report language, loaded from ``render/labels/<lang>.yaml``.

Labels are data (headings, status words, ratings, method text), not legal knowledge; the bill's quotes
and the checklist's titles are shown as they are. ``Labels("fr")("status.covered")`` gives a string;
keyword arguments fill ``{placeholders}``.

A label that puts a number before a noun can give one text per plural form (the CLDR categories
``zero one two few many other``: Russian needs one, few and many, Arabic also zero and two): a mapping of
those forms, chosen by the ``{count}`` placeholder, or by the placeholder named under ``by``::

    hidden:
      one: "{count} учтённое требование не показано"
      few: "{count} учтённых требования не показаны"
      many: "{count} учтённых требований не показано"
      other: "{count} учтённого требования не показано"

In a right-to-left language, a value written left to right (a provision label, a quote in English) is
marked with U+200E LEFT-TO-RIGHT MARK on each side, so that its brackets and full stops stay where it put
them inside the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from lawcheck.errors import LawcheckError
from lawcheck.models import UN_LANGUAGES

LABELS_DIR = Path(__file__).resolve().parent / "labels"
REPORT_LANGUAGES: tuple[str, ...] = UN_LANGUAGES  # the languages a report can be written in
RIGHT_TO_LEFT: frozenset[str] = frozenset({"ar"})
PLURAL_FORMS: tuple[str, ...] = ("zero", "one", "two", "few", "many", "other")
LRM = "\u200e"
_RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_STRONG = re.compile(r"[^\W\d_]")  # a letter: a strong character for the bidirectional algorithm


class Plural(dict):
    """One text per plural form (``other`` always there), and the placeholder that chooses (``by``)."""

    by: str = "count"


def plural_form(language: str, number: object) -> str:
    """The CLDR plural category of a whole ``number`` in ``language`` ("other" for anything not a number)."""
    try:
        n = abs(int(number))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return "other"
    if language == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return "few"
        return "many"
    if language == "ar":
        if n in (0, 1, 2):
            return ("zero", "one", "two")[n]
        if 3 <= n % 100 <= 10:
            return "few"
        if 11 <= n % 100 <= 99:
            return "many"
        return "other"
    if language == "fr":
        return "one" if n in (0, 1) else "other"
    if language in ("en", "es"):
        return "one" if n == 1 else "other"
    return "other"  # zh: no plural


def is_right_to_left(text: str) -> bool:
    """Whether ``text`` reads right to left: its first letter is Arabic or Hebrew (Unicode's rule P2)."""
    first = _STRONG.search(text)
    return bool(first and _RTL_LETTER.match(first.group()))


@lru_cache(maxsize=None)
def _load(language: str) -> dict[str, str | Plural]:
    if language not in REPORT_LANGUAGES:
        raise LawcheckError(f"report language {language!r} is not available; choose one of {', '.join(REPORT_LANGUAGES)}")
    data = yaml.safe_load((LABELS_DIR / f"{language}.yaml").read_text(encoding="utf-8"))
    return dict(_flatten(data))


def _is_plural(value: dict) -> bool:
    return "other" in value and set(value) <= {*PLURAL_FORMS, "by"}


def _flatten(data: dict, prefix: str = ""):  # noqa: ANN202 - a generator of (key, text)
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and _is_plural(value):
            forms = Plural({form: str(text).strip() for form, text in value.items() if form != "by"})
            forms.by = str(value.get("by", "count"))
            yield name, forms
        elif isinstance(value, dict):
            yield from _flatten(value, name + ".")
        else:
            yield name, str(value).strip()


class Labels:
    """The report's strings in one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.strings = _load(language)
        self.right_to_left = language in RIGHT_TO_LEFT

    def __call__(self, key: str, **values: object) -> str:
        text = self.strings[key]
        if isinstance(text, Plural):
            form = plural_form(self.language, values.get(text.by))
            text = text.get(form) or text["other"]
        if not values:
            return text
        if self.right_to_left:
            values = {name: _isolated(value) for name, value in values.items()}
        return text.format(**values)

    def keys(self) -> set[str]:
        return set(self.strings)

    def forms(self, key: str) -> tuple[str, ...]:
        """Every text the label can give (its plural forms, or the one text)."""
        text = self.strings[key]
        return tuple(text.values()) if isinstance(text, Plural) else (text,)


def _isolated(value: object) -> object:
    """A left-to-right value inside right-to-left words, with a left-to-right mark at each end that starts or
    ends in a neutral (a bracket, a full stop) next to its letters; anything else as it is."""
    if not isinstance(value, str) or not _STRONG.search(value) or is_right_to_left(value):
        return value
    letters = [c for c in value if _STRONG.match(c)]
    if _RTL_LETTER.match(letters[-1]):
        return value
    return LRM + value + LRM
