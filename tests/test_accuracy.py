"""The accuracy floor on real laws: the figures of `lawcheck eval ../shared/legislation` never drop below
those recorded in tests/accuracy_record.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import SHARED

from lawcheck.evaluate import evaluate, figures

RECORD = Path(__file__).with_name("accuracy_record.yaml")
LEGISLATION = SHARED / "legislation"


@pytest.fixture(scope="module")
def measured(catalogue) -> dict[str, float]:
    return figures(evaluate(LEGISLATION, catalogue))


@pytest.mark.slow
@pytest.mark.skipif(not (LEGISLATION / "gold.yaml").exists(), reason="shared/legislation is absent")
@pytest.mark.parametrize("figure", sorted(yaml.safe_load(RECORD.read_text(encoding="utf-8"))))
def test_accuracy_does_not_drop(measured: dict[str, float], figure: str) -> None:
    floor = yaml.safe_load(RECORD.read_text(encoding="utf-8"))[figure]
    assert round(measured[figure], 2) >= floor, f"{figure} fell to {measured[figure]:.3f} (record {floor})"
