"""The report's own words in each report language, loaded from ``render/labels/<lang>.yaml``.

Labels are data (headings, status words, ratings, method text), not legal knowledge; the bill's quotes
and the checklist's titles are shown as they are. ``Labels("fr")("status.covered")`` gives a string;
keyword arguments fill ``{placeholders}``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lawcheck.catalogue import load_yaml
from lawcheck.errors import LawcheckError
from lawcheck.models import LANGUAGES

LABELS_DIR = Path(__file__).resolve().parent / "labels"


def report_languages() -> tuple[str, ...]:
    """The languages a report can be written in: those of :data:`LANGUAGES` whose labels are written."""
    return tuple(language for language in LANGUAGES if (LABELS_DIR / f"{language}.yaml").is_file())


def report_language(language: str | None) -> str:
    """The report's language for a bill in ``language``: the bill's own when reports are written in it, else
    English."""
    return language if language and language in report_languages() else "en"


@lru_cache(maxsize=None)
def _load(language: str) -> dict[str, str]:
    if language not in report_languages():
        raise LawcheckError(f"report language {language!r} is not available; choose one of {', '.join(report_languages())}")
    data = load_yaml(LABELS_DIR / f"{language}.yaml")  # libyaml; a key written twice is refused
    return dict(_flatten(data))


def _flatten(data: dict, prefix: str = ""):  # noqa: ANN202 - a generator of (key, text)
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, name + ".")
        else:
            yield name, str(value).strip()


class Labels:
    """The report's strings in one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.strings = _load(language)

    def __call__(self, key: str, **values: object) -> str:
        text = self.strings[key]
        return text.format(**values) if values else text

    def keys(self) -> set[str]:
        return set(self.strings)
