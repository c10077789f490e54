"""The annotated bill: the user's .docx untouched except for comments; a .docx of the text for other formats."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from builders import make_docx
from click.testing import CliRunner
from conftest import SAMPLE_BILLS, SAMPLES

from lawcheck.annotate import annotate_bill, relied_on
from lawcheck.cli import cli
from lawcheck.pipeline import check_bill
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions, counted, innermost, localise, short_name
from lawcheck.render.i18n import Labels

INSTRUMENTS = ("hague-1970", "hostages-1979", "bombings-1997")
EN = SAMPLES / "en" / "counter-terrorism-bill.txt"


def annotated(catalogue, path: Path, language: str = "", instruments=INSTRUMENTS):  # noqa: ANN001, ANN201
    bill = read_bill(path)
    report = check_bill(bill, catalogue, None, instruments)
    data = annotate_bill(bill, report, path.read_bytes(), ReportOptions(language=language, date="2024-05-01"),
                         catalogue)
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
    """The innermost first provision of every covered or partial verdict."""
    return {(innermost(r.provisions)[0].start, innermost(r.provisions)[0].end) for r in report.results if relied_on(r)}


@pytest.mark.parametrize("sample", [p for p in SAMPLE_BILLS if p.parent.name == "en"][:3])  # reports in ar/ru/zh: words13
def test_text_bill_becomes_a_docx_with_one_comment_per_provision_relied_on(catalogue, sample: Path) -> None:
    bill, report, document = annotated(catalogue, sample)
    assert [p.text for p in document.paragraphs] == bill.text.split("\n")
    comments = list(document.comments)
    assert len(comments) == len(provisions_relied_on(report)) + 1
    t = Labels(report.bill.language)
    counts = report.summary()
    first = comments[0].text
    assert first.startswith(t("annotated.counts", **counted(t, entries=len(report.results),
                                                            instruments=len(report.instruments), covered=counts["covered"],
                                                            partial=counts["partial"], missing=counts["missing"])))
    assert t("annotated.report_file") in first


def test_opening_comment_is_short_and_names_instruments_not_ids(catalogue) -> None:
    _, report, document = annotated(catalogue, EN, instruments=())
    first = list(document.comments)[0].text
    assert len(first) < 1000 and len(first.splitlines()) <= 5
    assert "Terrorist Financing Convention (1999)" in first  # the most important gap, by name
    for comment in document.comments:
        assert not any(f"{i} " in comment.text or f"{i}:" in comment.text for i in report.instruments), comment.text


def test_no_comment_on_what_no_verdict_rests_on(catalogue) -> None:
    """Only provisions resting a covered or partial verdict are commented: not the definitions, not the near
    misses of missing entries; and never more comments than provisions relied on."""
    bill, report, document = annotated(catalogue, EN, instruments=())
    text = bill.text.replace("\n", "")  # the anchored paragraphs run together
    definitions, definitions_end = text.index("2. Interpretation"), text.index("PART II")
    for comment in list(document.comments)[1:]:
        anchored = anchored_text(document, comment.comment_id)
        assert anchored and anchored in text
        position = text.index(anchored)
        assert not definitions <= position < definitions_end, anchored
    assert len(list(document.comments)) - 1 == len(provisions_relied_on(report)) <= 20


@pytest.mark.parametrize("language", ["fr", "es"])
def test_comments_in_the_report_language(catalogue, language: str) -> None:
    _, report, document = annotated(catalogue, EN, language)
    english = Labels("en")
    for comment in document.comments:
        for key in ("annotate.covers", "annotate.partial", "annotated.comments"):
            fixed = english(key, entry="", missing="").split(":")[0].strip()
            assert fixed not in comment.text
        assert "all elements present" not in comment.text and "missing" not in comment.text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_docx_bill_is_untouched_except_for_comments(catalogue, tmp_path: Path, language: str) -> None:
    source = make_docx(EN.read_text(encoding="utf-8"), tmp_path / "bill.docx")
    original = docx.Document(str(source))
    _, report, document = annotated(catalogue, source, language)
    assert [p.text for p in document.paragraphs] == [p.text for p in original.paragraphs]
    assert [p.style.name for p in document.paragraphs] == [p.style.name for p in original.paragraphs]
    covered = next(r for r in report.results if r.status == "covered" and r.provisions and not r.by_reference)
    t = Labels(language)
    shown = localise(report, catalogue, language)
    covered = next(r for r in shown.results if r.id == covered.id)
    entry = t("annotated.entry", instrument=short_name(catalogue, covered.instrument, language),
              article=covered.article, title=covered.title)
    comment = next(c for c in document.comments if t("annotate.covers", entry=entry) in c.text)
    quote = next(m.quote for m in covered.elements if m.found and m.quote
                 and m.provision == innermost(covered.provisions)[0].label)
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
