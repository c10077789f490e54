"""The report's own words in each report language, loaded from ``render/labels/<lang>.yaml``.

Labels are data (headings, status words, ratings, method text), not legal knowledge; the bill's quotes
and the checklist's titles are shown as they are. ``Labels("fr")("status.covered")`` gives a string;
keyword arguments fill ``{placeholders}``.

A label that puts a number before a noun can give one text per plural form (the CLDR categories
``zero one two few many other``: Russian needs one, few and many, Arabic also zero and two): a mapping of
those forms, chosen by the ``{count}`` placeholder, or by the placeholder named under ``by``::

    provisions:
      one: "{count} положение"
      few: "{count} положения"
      many: "{count} положений"
      other: "{count} положения"

The rules that choose the form are CLDR's (:func:`plural_form`).

In a right-to-left language, a value written left to right (a provision label, a quote in English) is
marked with U+200E LEFT-TO-RIGHT MARK on each side, so that its brackets and full stops stay where it put
them inside the sentence.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from lawcheck.errors import LawcheckError
from lawcheck.models import LANGUAGES, UN_LANGUAGES

LABELS_DIR = Path(__file__).resolve().parent / "labels"
REPORT_LANGUAGES: tuple[str, ...] = UN_LANGUAGES  # the languages a report can be written in
RIGHT_TO_LEFT: frozenset[str] = frozenset({"ar"})
PLURAL_FORMS: tuple[str, ...] = ("zero", "one", "two", "few", "many", "other")
LRM = "\u200e"
CITED: frozenset[str] = frozenset({"provision", "other"})  # the placeholders that can hold a provision's label


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
    """Whether ``text`` reads right to left: its first strong character is Arabic or Hebrew (Unicode's P2)."""
    first = next((kind for kind in map(unicodedata.bidirectional, text) if kind in ("L", "R", "AL")), "")
    return first in ("R", "AL")


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds a letter written right to left (Arabic, Hebrew; not an Arabic comma alone)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def report_languages() -> tuple[str, ...]:
    """The languages a report can be written in: those of :data:`LANGUAGES` whose labels are written."""
    return tuple(language for language in LANGUAGES if (LABELS_DIR / f"{language}.yaml").is_file())


def report_language(language: str | None) -> str:
    """The report's language for a bill in ``language``: the bill's own when reports are written in it, else
    English."""
    return language if language and language in report_languages() else "en"


@lru_cache(maxsize=None)
def _load(language: str) -> dict[str, str | Plural]:
    """The labels of ``language``, from lawcheck's cache when the file is unchanged (see :mod:`lawcheck.cache`)."""
    from lawcheck.cache import file_key, stored

    if language not in report_languages():
        raise LawcheckError(f"report language {language!r} is not available; "
                            f"choose one of {', '.join(report_languages())}")
    path = LABELS_DIR / f"{language}.yaml"
    try:
        key = file_key(path)
    except OSError:
        return _parse(path)  # which says what is wrong with the file
    return stored(f"labels-{language}-{key}", lambda: _parse(path), lambda found: isinstance(found, dict))


def _parse(path: Path) -> dict[str, str | Plural]:
    from lawcheck.yamlfile import load_yaml  # libyaml; a key written twice is refused

    return dict(_flatten(load_yaml(path)))


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
        values = {name: self.number(value) if type(value) is int else self.cited(value) if name in CITED else value
                  for name, value in values.items()}
        if self.right_to_left:
            values = {name: _isolated(value) for name, value in values.items()}
        return text.format(**values)

    def cited(self, label: object) -> object:
        """A provision's label as a sentence of the language cites it: a label that opens with the article word of
        ``punct.article`` opens with that of ``punct.article_cited`` instead. Russian declines the word inside a
        sentence (« в статье 4 ») but not its abbreviation, so « Выявлено в ст. 4(1) », not « в Статья 4(1) »; a
        table cell or a heading keeps the label as the bill prints it."""
        if not isinstance(label, str) or "punct.article_cited" not in self.strings:
            return label
        word, cited = (self.forms(key)[0].split("{first}", 1)[0] for key in ("punct.article", "punct.article_cited"))
        return cited + label[len(word):] if word and label.startswith(word) else label

    def decimal(self, value: float, places: int = 2) -> str:
        """A score as the language writes it, with its decimal mark (``punct.decimal``): "0.73", "0,73"."""
        whole, _, fraction = f"{value:.{places}f}".partition(".")
        mark = self.separator("punct.decimal") if "punct.decimal" in self.strings else "."
        return whole + mark + fraction if fraction else whole

    def number(self, value: int) -> str:
        """A whole number as the language writes it: its digits grouped by three (``punct.thousands``) once it has
        ``punct.thousands_from`` digits or more ("1\u202f854" in French, "12\u202f345" but "1854" in Spanish)."""
        digits = str(abs(value))
        group = self.separator("punct.thousands") if "punct.thousands" in self.strings else ""
        if not group or len(digits) < int(self.strings.get("punct.thousands_from") or 0):
            return str(value)
        head = len(digits) % 3 or 3
        parts = [digits[:head], *(digits[i:i + 3] for i in range(head, len(digits), 3))]
        return ("-" if value < 0 else "") + group.join(parts)

    def separator(self, key: str) -> str:
        """The text between ``{first}`` and ``{second}`` in label ``key`` (``punct.list``: ", ", or "、")."""
        text = self.forms(key)[0]
        return text.split("{first}", 1)[1].split("{second}", 1)[0]

    def join(self, items, key: str = "punct.list") -> str:  # noqa: ANN001 - an iterable of str
        """Words in a list, with the language's comma (``punct.list``) or semicolon (``punct.series``)."""
        return self.separator(key).join(items)

    def colon(self, label: str) -> str:
        """``label`` and the language's colon, with the space that follows it where the language has one."""
        return label + self.separator("punct.colon")

    def embed(self, value: str) -> str:
        """``value`` as it goes into a sentence of this language: in a right-to-left language, a value written
        left to right (a quote, an English title) with its left-to-right marks (see the module's note)."""
        return _isolated(value) if self.right_to_left else value  # type: ignore[return-value]

    def language_name(self, language: str) -> str:
        """A language named in this one ("zh" as "中文", "Chinese"); the code when it has no name here."""
        key = f"language.{language}"
        return self(key) if key in self.strings else language

    def keys(self) -> set[str]:
        return set(self.strings)

    def forms(self, key: str) -> tuple[str, ...]:
        """Every text the label can give (its plural forms, or the one text)."""
        text = self.strings[key]
        return tuple(text.values()) if isinstance(text, Plural) else (text,)


def _isolated(value: object) -> object:
    """A value written left to right ("Section 8(1)(a)", an article "4(2)") inside right-to-left words, with a
    left-to-right mark at each end, so that its brackets stay where it put them; a number, or a value with
    right-to-left letters, as it is."""
    if not isinstance(value, str) or has_right_to_left(value) or value.strip().isdigit() or not value.strip() \
            or value.startswith(LRM):
        return value
    return LRM + value + LRM
