"""Golden files: each sample bill's verdicts are pinned in tests/golden/<case>.json.

What is pinned is what a reader relies on: per entry its status, score, the provisions cited, the words
quoted as evidence, what is missing and what the law omits as only narrowing; not the checklist itself
(phrases, element lists), so that a change to the checklist shows as the verdicts it changes.
Regenerate after a deliberate change with ``LAWCHECK_REGENERATE=1 make test`` and review the diff: the
verdicts must stay what a careful human reader of the sample would say (samples/gold.yaml).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_BILLS

from lawcheck.pipeline import check_file
from lawcheck.render.json import report_dict

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("sample", SAMPLE_BILLS, ids=lambda p: p.stem)
def test_sample_report_matches_golden(catalogue, sample: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    rendered = pinned(report_dict(check_file(sample.relative_to(ROOT), catalogue)))
    golden = GOLDEN / f"{sample.stem}.json"
    if os.environ.get("LAWCHECK_REGENERATE"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run LAWCHECK_REGENERATE=1 make test"
    assert rendered == golden.read_text(encoding="utf-8")


def pinned(data: dict) -> str:
    """The verdicts of a JSON report, one entry per line-block, without the checklist's own details."""
    results = [{
        "id": r["id"], "status": r["status"], "score": r["score"], "by_reference": r["by_reference"],
        "provisions": [p["label"] for p in r["provisions"]],
        "evidence": sorted({e["quote"] for e in r["elements"] if e.get("found") and e.get("quote")}),
        "missing": r["missing"], "wider": r.get("wider", []),
    } for r in data["results"]]
    kept = {"bill": data["bill"], "instruments": data["instruments"], "summary": data["summary"],
            "warnings": data["warnings"], "results": results}
    return json.dumps(kept, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
