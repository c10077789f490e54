"""Golden files: each sample bill's JSON report is pinned in tests/golden/<case>.json.

Regenerate after a deliberate change with ``LAWCHECK_REGENERATE=1 make test`` and review the diff: the
verdicts must stay what a careful human reader of the sample would say (samples/gold.yaml).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_BILLS

from lawcheck.pipeline import check_file
from lawcheck.render.json import render_json

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("sample", SAMPLE_BILLS, ids=lambda p: p.stem)
def test_sample_report_matches_golden(catalogue, sample: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    rendered = render_json(check_file(sample.relative_to(ROOT), catalogue))
    golden = GOLDEN / f"{sample.stem}.json"
    if os.environ.get("LAWCHECK_REGENERATE"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run LAWCHECK_REGENERATE=1 make test"
    assert rendered == golden.read_text(encoding="utf-8")
