"""Shared fixtures. Tests need no trained model and no network."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The compiled-checklist cache of a test run lives in a temporary folder, not in the user's cache.
os.environ.setdefault("LAWCHECK_CACHE", tempfile.mkdtemp(prefix="lawcheck-cache-"))

from lawcheck.catalogue import load_catalogue
from lawcheck.models import Bill, Catalogue

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SAMPLE_BILLS = sorted(SAMPLES.glob("*/*.txt"))


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


def make_bill(text: str, path: str = "bill.txt") -> Bill:
    return Bill(path=path, text=text, format="txt")
