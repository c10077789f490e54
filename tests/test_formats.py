"""The same bill as .txt, .docx (automatic numbering), .pdf, .html and Akoma Ntoso gets the same verdicts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from builders import make_akn, make_docx, make_html, make_pdf, office_fonts_missing, office_pdfs
from conftest import SAMPLE_BILLS

from lawcheck.pipeline import check_file

BUILDERS = {"docx": make_docx, "pdf": make_pdf, "html": make_html}
# Arabic, Russian and Chinese bills become PDFs as a drafter's do: a .docx with fonts for each script, right-to-left
# paragraphs for Arabic and a running header and page footer in the bill's language, exported by LibreOffice
# (the test builder's own PDFs have one font and no Arabic shaping). LibreOffice starts slowly: every such bill is
# converted in one run, once per session.
OFFICE_LANGUAGES = ("ar", "ru", "zh")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_MISSING = ["LibreOffice"] if SOFFICE is None else office_fonts_missing()
_NEEDS_SOFFICE = pytest.mark.skipif(bool(_MISSING), reason=f"not installed: {', '.join(_MISSING)} (.ci/run installs them)")
FORMAT_CASES = [pytest.param(sample, fmt, id=f"{sample.stem}-{fmt}",
                             marks=_NEEDS_SOFFICE if fmt == "pdf" and sample.parent.name in OFFICE_LANGUAGES else ())
                for sample in SAMPLE_BILLS for fmt in sorted(BUILDERS)]


@pytest.fixture(scope="module")
def baselines(catalogue) -> dict[Path, dict[str, str]]:
    return {path: {r.id: r.status for r in check_file(path, catalogue).results} for path in SAMPLE_BILLS}


@pytest.fixture(scope="session")
def office_pdf(tmp_path_factory) -> dict[Path, Path]:
    """sample -> its PDF through LibreOffice, for the Arabic, Russian and Chinese samples (one conversion run)."""
    samples = [s for s in SAMPLE_BILLS if s.parent.name in OFFICE_LANGUAGES]
    names = {f"{s.parent.name}-{s.stem}": s for s in samples}
    pdfs = office_pdfs({name: (s.read_text(encoding="utf-8"), s.parent.name) for name, s in names.items()},
                       tmp_path_factory.mktemp("office-pdf"), SOFFICE)
    return {names[name]: path for name, path in pdfs.items()}


@pytest.mark.parametrize(("sample", "fmt"), FORMAT_CASES)
def test_same_verdicts_in_every_format(request, tmp_path: Path, catalogue, baselines, sample: Path, fmt: str) -> None:
    if fmt == "pdf" and sample.parent.name in OFFICE_LANGUAGES:
        target = request.getfixturevalue("office_pdf")[sample]
    else:
        target = tmp_path / f"{sample.stem}.{fmt}"
        BUILDERS[fmt](sample.read_text(encoding="utf-8"), target)
    report = check_file(target, catalogue)
    assert report.bill.format == fmt
    assert {r.id: r.status for r in report.results} == baselines[sample]


@pytest.mark.parametrize("sample", SAMPLE_BILLS[:1], ids=lambda p: p.stem)
def test_docx_labels_come_from_automatic_numbering(tmp_path: Path, catalogue, sample: Path) -> None:
    target = tmp_path / "bill.docx"
    make_docx(sample.read_text(encoding="utf-8"), target, auto_numbering=True)
    labels = {p.label for r in check_file(target, catalogue).results for p in r.provisions}
    txt_labels = {p.label for r in check_file(sample, catalogue).results for p in r.provisions}
    assert labels == txt_labels


def test_akoma_ntoso_bill_is_checked(tmp_path: Path, catalogue) -> None:
    sample = next(p for p in SAMPLE_BILLS if p.name == "counter-terrorism-bill.txt")
    target = tmp_path / "bill.xml"
    make_akn(sample.read_text(encoding="utf-8"), target)
    report = check_file(target, catalogue)
    assert report.bill.format == "akn"
    statuses = {r.id: r.status for r in report.results}
    assert statuses["hostages-1979:1(1)"] == "covered"
