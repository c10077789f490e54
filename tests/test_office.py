"""The Word report and the annotated bill open in a real office suite: LibreOffice converts them to PDF.

Skipped when LibreOffice (soffice) is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SAMPLES
from pypdf import PdfReader

from lawcheck.annotate import annotate_bill
from lawcheck.pipeline import check_bill
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions
from lawcheck.render.docx import render_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")]


def to_pdf(path: Path) -> PdfReader:
    profile = path.parent / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(path.parent), str(path)], check=True, capture_output=True, timeout=300)
    return PdfReader(str(path.with_suffix(".pdf")))


@pytest.mark.parametrize("language", ["fr"])
def test_word_report_and_annotated_bill_convert_to_pdf(catalogue, tmp_path: Path, language: str) -> None:
    bill = read_bill(SAMPLES / "fr" / "projet-loi-terrorisme.txt")
    report = check_bill(bill, catalogue, None, ("hague-1970", "hostages-1979"))
    options = ReportOptions(language=language, date="2024-05-01")
    (tmp_path / "report.docx").write_bytes(render_docx(report, catalogue, bill.text, options))
    (tmp_path / "annotated.docx").write_bytes(annotate_bill(bill, report, None, options))
    text = "".join(page.extract_text() for page in to_pdf(tmp_path / "report.docx").pages)
    assert "Tableau de concordance" in text and "Convention de La Haye (1970)" in text and "hague-1970" not in text
    annotated = to_pdf(tmp_path / "annotated.docx")
    assert "Article" in "".join(page.extract_text() for page in annotated.pages)
