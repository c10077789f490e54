"""Shared fixtures. Tests need no trained model and no network."""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

# The compiled-checklist cache of a test run lives in a temporary folder, not in the user's cache.
os.environ.setdefault("LAWCHECK_CACHE", tempfile.mkdtemp(prefix="lawcheck-cache-"))

from lawcheck.catalogue import load_catalogue
from lawcheck.models import Bill, Catalogue, OffenceResult, Report
from lawcheck.pipeline import check_bill

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
# Real laws with gold: the shared set beside the checkout, and the development corpus kept in the repository.
CORPORA = tuple(folder for folder in (SHARED / "legislation", ROOT / "tests" / "legislation",
                                      ROOT / "tests" / "legislation-ar-ru-zh")
                if (folder / "gold.yaml").exists())
# The sample bills in the languages the checklist reads (offences/drafting/<lang>.yaml); a sample written ahead
# of its language (samples/ar, ru, zh before lawcheck reads them) joins the tests when its language does.
READ_LANGUAGES = frozenset(p.stem for p in (ROOT / "offences" / "drafting").glob("*.yaml"))
SAMPLE_BILLS = sorted(p for p in SAMPLES.glob("*/*.txt") if p.parent.name in READ_LANGUAGES)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


def make_bill(text: str, path: str = "bill.txt") -> Bill:
    return Bill(path=path, text=text, format="txt")


@lru_cache(maxsize=None)
def probe_report(text: str, language: str, instrument: str) -> Report:
    """A short provision of the probes (tests/test_probes_*.py) checked against one instrument, once."""
    return check_bill(Bill("probe.txt", text, "txt"), load_catalogue(), language, (instrument,))


def probe(text: str, language: str, offence: str) -> OffenceResult:
    """The verdict on one checklist entry for a probe text."""
    report = probe_report(text, language, offence.split(":")[0])
    found = [r for r in report.results if r.id == offence]
    assert found, f"{offence} is not in the report"
    return found[0]
