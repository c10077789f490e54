"""Expert decisions show in every report: terminal, JSON, Word and HTML."""

from __future__ import annotations

import io

import docx
import pytest
from conftest import SAMPLES

from lawcheck.models import Decision
from lawcheck.pipeline import check_bill
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions
from lawcheck.render.docx import render_docx
from lawcheck.render.html import render_html

OFFENCE = "bombings-1997:2(1)(a)"
NOTE = "section 2 reaches other lethal devices"


@pytest.fixture(scope="module")
def decided(catalogue):
    bill = read_bill(SAMPLES / "en" / "counter-terrorism-bill.txt")
    decision = Decision(OFFENCE, "covered", NOTE, by="A. Drafter", date="2025-03-14")
    report = check_bill(bill, catalogue, instruments=("bombings-1997",), decisions=(decision,))
    return bill, report


def test_the_result_carries_the_decision_and_the_automatic_verdict(decided) -> None:
    result = next(r for r in decided[1].results if r.id == OFFENCE)
    assert result.status == "covered" and result.decision is not None
    assert result.decision.automatic == "partial"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_word_report_shows_the_expert_decision(decided, catalogue, language: str) -> None:
    bill, report = decided
    data = render_docx(report, catalogue, bill.text, ReportOptions(date="2024-05-01", language=language))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert NOTE in text and "A. Drafter" in text


def test_html_report_shows_the_expert_decision(decided, catalogue) -> None:
    bill, report = decided
    page = render_html(report, catalogue, bill.text, ReportOptions(date="2024-05-01"))
    assert 'class="decision"' in page and NOTE in page and "A. Drafter" in page


def test_annotated_bill_shows_the_expert_decision(decided) -> None:
    from lawcheck.annotate import annotate_bill

    bill, report = decided
    document = docx.Document(io.BytesIO(annotate_bill(bill, report, options=ReportOptions(date="2024-05-01"))))
    assert any(NOTE in comment.text for comment in document.comments)
