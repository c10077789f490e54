"""Load the checklist in offences/ (see offences/README.md for the format), from the cache when it is unchanged.

Validation is :mod:`lawcheck.schema`'s; every error is a :class:`~lawcheck.errors.CatalogueError` whose message
starts with the file and the path inside it, e.g. ``offences/hague-1970.yaml: offences[0].elements[2].phrases.fr:
empty list``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from lawcheck.data import checklist_dir
from lawcheck.errors import CatalogueError
from lawcheck.models import LANGUAGES, Catalogue, Instrument, Offence

__all__ = ["DEFAULT_DIR", "load_catalogue", "offence_dict"]

DEFAULT_DIR = checklist_dir()


def _check_references(offences: list[Offence]) -> None:
    seen: dict[str, Offence] = {}
    for offence in offences:
        if offence.id in seen:
            raise CatalogueError(f"{offence.source_file}: duplicate offence id {offence.id!r}")
        seen[offence.id] = offence
    for offence in offences:
        for target in offence.extends:
            if target not in seen:
                raise CatalogueError(f"{offence.source_file}: {offence.id}: extends unknown offence {target!r}")


def load_catalogue(directory: str | Path | None = None) -> Catalogue:
    """Load every instrument file and the drafting vocabularies from ``directory`` (default offences/).

    A custom directory without its own drafting/ folder borrows the default one.
    """
    root = Path(directory) if directory else DEFAULT_DIR
    if not root.is_dir():
        raise CatalogueError(f"{root}: not a folder of offences (expected <instrument>.yaml files); give a checklist folder with --offences DIR")
    if (root / "drafting").is_dir():  # a self-contained checklist folder: its content is the cache key
        from lawcheck.cache import cached

        return cached(root.resolve(), lambda: _load_catalogue(root))
    return _load_catalogue(root)


def _load_catalogue(root: Path) -> Catalogue:
    from lawcheck.schema import load_drafting, load_instrument

    instruments: dict[str, Instrument] = {}
    offences: list[Offence] = []
    for path in sorted(root.glob("*.yaml")):
        instrument, entries = load_instrument(path)
        instruments[instrument.id] = instrument
        offences.extend(entries)
    if not instruments:
        raise CatalogueError(f"{root}: no <instrument>.yaml file found")
    _check_references(offences)
    for instrument in instruments.values():
        if instrument.amends and instrument.amends not in instruments:
            raise CatalogueError(f"{instrument.source_file}: instrument.amends: unknown instrument {instrument.amends!r}")
    drafting = load_drafting(root if (root / "drafting").is_dir() else DEFAULT_DIR)
    missing = [language for language in LANGUAGES if language not in drafting]
    if missing:
        raise CatalogueError(f"{root}: drafting/{missing[0]}.yaml is missing")
    return _shared(Catalogue(instruments, tuple(offences), drafting, str(root)), {})


def _shared(value: Any, strings: dict[str, str]) -> Any:
    """``value`` with every string equal to an earlier one made that same object: the YAML files give each
    occurrence its own copy (the six language keys alone occur 38,000 times), and the checklist kept in the
    cache is then half the size and read back in half the time (0.02 s less on every run). Equal values: the
    typed data are unchanged."""
    if type(value) is str:
        return strings.setdefault(value, value)
    if type(value) is tuple:
        return tuple(_shared(item, strings) for item in value)
    if type(value) is dict:
        return {_shared(key, strings): _shared(item, strings) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _shared(getattr(value, f.name), strings)
                                             for f in dataclasses.fields(value)})
    return value


def missing_words(offence: Offence, instrument: Instrument, language: str) -> str:
    """What the entry lacks to be complete in ``language`` ("" when nothing): every element's phrases, label and
    examples, the entry's title, summary and model provision, the instrument's title and short names."""
    for element in offence.elements:
        for what, words in (("phrases", element.phrases), ("label", element.label),
                            ("examples.match", element.examples.match)):
            if not words.get(language):
                return f"elements {element.id!r}: no {what} in {language}"
    for what, words in (("title", offence.titles), ("summary", offence.summaries),
                        ("model_provision", offence.model_provision)):
        if not words.get(language):
            return f"no {what} in {language}"
    if not instrument.titles.get(language) or not instrument.short_names.get(language):
        return f"instrument {instrument.id}: no title or short names in {language}"
    return ""


def _carries(offence: Offence, language: str) -> bool:
    """Whether the entry carries any words in ``language`` (an entry is written in a language whole or not)."""
    return (any(language in e.phrases or language in e.label for e in offence.elements)
            or language in offence.model_provision or language in offence.titles)


def language_coverage(catalogue: Catalogue) -> dict[str, tuple[int, int, tuple[str, ...]]]:
    """Per language: the entries available in it (judged on a bill in it), the entries complete in it (every
    word, see :func:`missing_words`), and the entries partly written in it (some words, not all)."""
    out = {}
    for language in LANGUAGES:
        available = len(catalogue.available(language))
        complete = [o for o in catalogue.offences
                    if not missing_words(o, catalogue.instruments[o.instrument], language)]
        partly = tuple(o.id for o in catalogue.offences if _carries(o, language)
                       and missing_words(o, catalogue.instruments[o.instrument], language))
        out[language] = (available, len(complete), partly)
    return out


def require_all_languages(catalogue: Catalogue) -> None:
    """Raise a CatalogueError naming the first entry that is not complete in one of the six languages."""
    for language in LANGUAGES:
        for offence in catalogue.offences:
            missing = missing_words(offence, catalogue.instruments[offence.instrument], language)
            if missing:
                count = sum(1 for o in catalogue.offences if missing_words(o, catalogue.instruments[o.instrument], language))
                raise CatalogueError(f"{offence.source_file}: {offence.id}: {missing} ({count} of "
                                     f"{len(catalogue.offences)} entries are not complete in {language}); write them, "
                                     "or validate without --require-all-languages")


def offence_dict(offence: Offence) -> dict[str, Any]:
    """One checklist entry as plain data (for `lawcheck offences list --format json`)."""
    return {
        "id": offence.id, "instrument": offence.instrument, "article": offence.article, "kind": offence.kind,
        "optional": offence.optional, "stored": offence.stored, "title": offence.title, "summary": offence.summary,
        "extends": list(offence.extends),
        "elements": [
            {"id": e.id, "role": e.role, "required": e.required, "core": e.core,
             "phrases": {k: list(v) for k, v in e.phrases.items()},
             "examples": {"match": {k: list(v) for k, v in e.examples.match.items()},
                          "no_match": {k: list(v) for k, v in e.examples.no_match.items()}}}
            for e in offence.elements
        ],
        "model_provision": dict(offence.model_provision),
    }
