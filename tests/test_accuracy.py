"""The accuracy floor on real laws: `lawcheck eval` over the shared laws and the repository's corpus
(tests/legislation) never does worse than the counts recorded in tests/accuracy_record.yaml.

The record keeps each case's counts, so that the floor is compared on the same cases, whichever of them the
machine has (the shared folder beside the checkout may hold more or fewer laws than the one it was recorded on).
Regenerate it with ``LAWCHECK_REGENERATE=1 pytest tests/test_accuracy.py`` after a change that improves it, and
read its diff: a case that got worse is named there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from conftest import CORPORA, ROOT

from lawcheck.evaluate import CaseResult, counts_of, evaluate_all, figures, from_counts

RECORD = Path(__file__).with_name("accuracy_record.yaml")
FIGURES = ("instrument_precision", "instrument_recall", "article_f1", "cited")
HEADER = """\
# The accuracy floor (tests/test_accuracy.py): each case's counts from `lawcheck eval`, as
# instruments [tp, fp, fn], articles [tp, fp, fn] and cited [right, total]. The figures over the cases a
# machine has may not fall below those of these counts. Regenerate after an improvement; never to let a
# change in that makes a figure worse.
"""


def _recorded() -> dict[str, dict[str, list[int]]]:
    return (yaml.safe_load(RECORD.read_text(encoding="utf-8")) or {}).get("cases") or {}


@pytest.fixture(scope="module")
def measured(catalogue) -> list[CaseResult]:
    results = [r for r in evaluate_all(CORPORA, catalogue) if not r.error]
    if os.environ.get("LAWCHECK_REGENERATE"):
        cases = {r.case: counts_of(r) for r in results}
        body = yaml.safe_dump({"cases": cases}, sort_keys=True, default_flow_style=None, width=120)
        RECORD.write_text(HEADER + body, encoding="utf-8")
    return results


pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CORPORA, reason="no real laws with gold on this machine")]


@pytest.mark.parametrize("figure", FIGURES)
def test_accuracy_does_not_drop(measured: list[CaseResult], figure: str) -> None:
    recorded = _recorded()
    common = [r for r in measured if r.case in recorded]
    assert common, "no case of the record is on this machine"
    now = figures(common)[figure]
    floor = figures([from_counts(r.case, recorded[r.case]) for r in common])[figure]
    worse = [r.case for r in common if counts_of(r) != recorded[r.case]]
    assert now >= floor - 1e-9, f"{figure} fell to {now:.3f} (record {floor:.3f}); cases that changed: {worse}"


def test_every_case_of_the_repository_corpus_is_recorded(measured: list[CaseResult]) -> None:
    corpus = ROOT / "tests" / "legislation" / "gold.yaml"
    cases = set((yaml.safe_load(corpus.read_text(encoding="utf-8")) or {}).get("cases") or {}) if corpus.exists() else set()
    missing = sorted(cases - set(_recorded()))
    assert not missing, f"not in tests/accuracy_record.yaml (regenerate it): {missing}"
