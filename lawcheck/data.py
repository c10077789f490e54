"""Where the checklist and the samples are: beside the source in a checkout (``offences/``, ``samples/`` at
the top of the repository), inside the installed package otherwise (``lawcheck.checklist``,
``lawcheck.samples``: pyproject.toml maps the folders into the wheel)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _folder(name: str, package: str) -> Path:
    beside = _CHECKOUT / name
    if beside.is_dir():
        return beside
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:  # pragma: no cover - a broken installation
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec else []  # a namespace package: its folder
    return Path(locations[0]) if locations else beside


def checklist_dir() -> Path:
    return _folder("offences", "lawcheck.checklist")


def samples_dir() -> Path:
    return _folder("samples", "lawcheck.samples")
