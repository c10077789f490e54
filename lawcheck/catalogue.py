"""Load the checklist in offences/ (see offences/README.md for the format), from the cache when it is unchanged.

Validation is :mod:`lawcheck.schema`'s; every error is a :class:`~lawcheck.errors.CatalogueError` whose message
starts with the file and the path inside it, e.g. ``offences/hague-1970.yaml: offences[0].elements[2].phrases.fr:
empty list``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawcheck.data import checklist_dir
from lawcheck.errors import CatalogueError
from lawcheck.models import LANGUAGES, Catalogue, Instrument, Offence
from lawcheck.yamlfile import load_yaml

__all__ = ["DEFAULT_DIR", "load_catalogue", "load_yaml", "offence_dict"]

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
    return Catalogue(instruments, tuple(offences), drafting, str(root))


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
