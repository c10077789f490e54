"""Renderers show the report and decide nothing: fixed-width text, stable JSON."""

from __future__ import annotations

import io
import json

import pytest
from conftest import make_bill
from rich.console import Console

from lawcheck.pipeline import check_bill
from lawcheck.render.common import bill_title
from lawcheck.render.json import render_json
from lawcheck.render.terminal import render_terminal

TEXT = ("3. Hijacking\nA person who by force seizes an aircraft commits an offence.\n"
        "4. Attempts\nAny person who attempts to commit an offence under this Act commits an offence.")


def _render(report) -> str:
    console = Console(file=io.StringIO(), width=100, color_system=None, record=True)
    console.print(render_terminal(report))
    return console.export_text()


def test_terminal_shows_status_evidence_and_missing_elements(catalogue) -> None:
    report = check_bill(make_bill(TEXT), catalogue, "en", ("beijing-protocol-2010",))
    out = _render(report)
    assert "beijing-protocol-2010" in out and "partial" in out and "Section 3" in out
    assert "missing: in-service" in out.replace("\n", " ") or "in-service" in out
    assert "Summary:" in out


def test_json_round_trips_the_report(catalogue) -> None:
    report = check_bill(make_bill(TEXT), catalogue, "en", ("beijing-protocol-2010",))
    data = json.loads(render_json(report))
    assert [r["id"] for r in data["results"]] == [r.id for r in report.results]
    assert data["summary"] == report.summary()
    partial = next(r for r in data["results"] if r["id"] == "beijing-protocol-2010:1(1)")
    assert partial["status"] == "partial" and "in-service" in partial["missing"]
    quote = next(e for e in partial["elements"] if e["found"])
    assert TEXT[quote["start"]:quote["end"]] == quote["quote"]


@pytest.mark.parametrize(("text", "expected"), [
    ("РЕСПУБЛИКА БОРЕАЛИЯ\n\nЗАКОН РЕСПУБЛИКИ БОРЕАЛИЯ «О противодействии терроризму»\n\nПроект\n",
     "ЗАКОН РЕСПУБЛИКИ БОРЕАЛИЯ «О противодействии терроризму»"),
    ("РОССИЙСКАЯ ФЕДЕРАЦИЯ\nПРОЕКТ ФЕДЕРАЛЬНОГО ЗАКОНА\nо внесении изменений в Уголовный кодекс\n",
     "ПРОЕКТ ФЕДЕРАЛЬНОГО ЗАКОНА о внесении изменений в Уголовный кодекс"),
    ("REPUBLIC OF MERIDIA\nCOUNTER-TERRORISM (OFFENCES) BILL, 2025\n", "COUNTER-TERRORISM (OFFENCES) BILL, 2025"),
])
def test_the_report_names_the_bill_by_its_title_line_not_the_state(text: str, expected: str) -> None:
    assert bill_title(text.splitlines()[0], text) == expected
