"""The annotated bill: the user's .docx untouched except for comments; a .docx of the text for other formats."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from builders import make_docx
from click.testing import CliRunner
from conftest import SAMPLES

from lawcheck.annotate import annotate_bill
from lawcheck.cli import cli
from lawcheck.pipeline import check_bill
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions
from lawcheck.render.i18n import Labels

INSTRUMENTS = ("hague-1970", "hostages-1979", "bombings-1997")
EN = SAMPLES / "en" / "counter-terrorism-bill.txt"


def annotated(catalogue, path: Path, language: str = ""):  # noqa: ANN001, ANN201
    bill = read_bill(path)
    report = check_bill(bill, catalogue, None, INSTRUMENTS)
    data = annotate_bill(bill, report, path.read_bytes(), ReportOptions(language=language, date="2024-05-01"))
    return bill, report, docx.Document(io.BytesIO(data))


def anchored_text(document, comment_id: int) -> str:  # noqa: ANN001
    """The document text between a comment's range start and end."""
    body = document.element.body
    inside, parts = False, []
    for element in body.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "commentRangeStart" and element.get(docx.oxml.ns.qn("w:id")) == str(comment_id):
            inside = True
        elif tag == "commentRangeEnd" and element.get(docx.oxml.ns.qn("w:id")) == str(comment_id):
            break
        elif inside and tag == "t":
            parts.append(element.text or "")
    return "".join(parts)


def provisions_relied_on(report) -> set:  # noqa: ANN001
    return {(r.provisions[0].start, r.provisions[0].end) for r in report.results if r.provisions}


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*/*.txt"))[:3])
def test_text_bill_becomes_a_docx_with_one_comment_per_provision(catalogue, sample: Path) -> None:
    bill, report, document = annotated(catalogue, sample)
    assert [p.text for p in document.paragraphs] == bill.text.split("\n")
    comments = list(document.comments)
    assert len(comments) == len(provisions_relied_on(report)) + 1
    t = Labels(report.bill.language)
    missing = [r for r in report.results if r.status == "missing"]
    first = comments[0].text
    assert first.startswith(t("annotate.not_found", count=len(missing)) if missing else t("annotate.none_missing"))
    for result in missing:
        assert f"{result.instrument} {result.article}" in first


@pytest.mark.parametrize("language", ["en", "fr"])
def test_docx_bill_is_untouched_except_for_comments(catalogue, tmp_path: Path, language: str) -> None:
    source = make_docx(EN.read_text(encoding="utf-8"), tmp_path / "bill.docx")
    original = docx.Document(str(source))
    _, report, document = annotated(catalogue, source, language)
    assert [p.text for p in document.paragraphs] == [p.text for p in original.paragraphs]
    assert [p.style.name for p in document.paragraphs] == [p.style.name for p in original.paragraphs]
    covered = next(r for r in report.results if r.status == "covered" and r.provisions and not r.by_reference)
    t = Labels(language)
    entry = f"{covered.instrument} {covered.article} ({covered.title})"
    comment = next(c for c in document.comments if t("annotate.covers", entry=entry) in c.text)
    quote = next(m.quote for m in covered.elements if m.found and m.quote and m.provision == covered.provisions[0].label)
    assert quote in anchored_text(document, comment.comment_id)
    assert comment.author == "lawcheck"


@pytest.mark.parametrize("output", [None, "custom.docx"])
def test_cli_annotate(tmp_path: Path, output: str | None) -> None:
    bill = tmp_path / "bill.txt"
    bill.write_text(EN.read_text(encoding="utf-8"), encoding="utf-8")
    args = ["annotate", str(bill), "--instrument", "hague-1970"]
    if output:
        args += ["-o", str(tmp_path / output)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    written = tmp_path / (output or "bill-annotated.docx")
    assert len(list(docx.Document(str(written)).comments)) >= 2


@pytest.mark.parametrize(("name", "message"), [("out.pdf", "ending in .docx"), ("no/such/out.docx", "does not exist")])
def test_cli_annotate_errors(tmp_path: Path, name: str, message: str) -> None:
    result = CliRunner().invoke(cli, ["annotate", str(EN), "--instrument", "hague-1970", "-o", str(tmp_path / name)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []
