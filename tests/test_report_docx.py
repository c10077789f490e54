"""The Word gap report: structure and text read back with python-docx, languages, templates, CLI, errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from lawcheck.cli import cli
from lawcheck.errors import InputError
from lawcheck.pipeline import check_bill
from lawcheck.rating import by_instrument, instrument_ratings, top_gaps
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions, innermost, localise
from lawcheck.render.docx import render_docx
from lawcheck.render.i18n import Labels

INSTRUMENTS = ("hague-1970", "hostages-1979", "bombings-1997")
SAMPLE = {"en": SAMPLES / "en" / "counter-terrorism-bill.txt", "fr": SAMPLES / "fr" / "projet-loi-terrorisme.txt",
          "es": SAMPLES / "es" / "anteproyecto-ley-terrorismo.txt"}


@pytest.fixture(scope="module")
def checked(catalogue):  # noqa: ANN001, ANN201
    """(bill, report) for each sample language, on three instruments."""
    found = {}
    for language, path in SAMPLE.items():
        bill = read_bill(path)
        found[language] = (bill, check_bill(bill, catalogue, None, INSTRUMENTS))
    return found


def render(checked, catalogue, language: str, **options) -> docx.document.Document:  # noqa: ANN001
    bill, report = checked[language]
    data = render_docx(report, catalogue, bill.text, ReportOptions(date="2024-05-01", **options))
    return docx.Document(io.BytesIO(data))


def styled(document, style: str) -> list[str]:  # noqa: ANN001
    return [p.text for p in document.paragraphs if p.style.name == style]


def concordance_rows(document, labels: Labels) -> list[list[str]]:  # noqa: ANN001
    rows = []
    for table in document.tables:
        if table.rows[0].cells[0].text == labels("col.article"):
            rows.extend([c.text for c in row.cells] for row in table.rows[1:])
    return rows


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_sections_in_order_in_the_report_language(checked, catalogue, language: str) -> None:
    document = render(checked, catalogue, language)
    t = Labels(language)
    assert styled(document, "Title") == [t("report.title")]
    assert styled(document, "Heading 1") == [t("summary.title"), t("matrix.title"), t("concordance.title"),
                                             t("findings.title"), t("annex.title")]
    assert t("summary.gaps") in styled(document, "Heading 2")
    assert any(p.startswith(t("table.caption", number=1, title="")) for p in styled(document, "Caption"))


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_concordance_has_one_row_per_entry(checked, catalogue, language: str) -> None:
    _, report = checked[language]
    t = Labels(language)
    rows = concordance_rows(render(checked, catalogue, language), t)
    results = [r for group in by_instrument(report).values() for r in group]
    assert sorted(r.id for r in results) == sorted(r.id for r in report.results)
    assert [(r[0], r[3]) for r in rows] == [(x.article, t(f"status.{x.status}")) for x in results]
    for row, result in zip(rows, results, strict=True):
        assert row[2] == (", ".join(p.label for p in innermost(result.provisions)) or "—")
        labels = row[2].split(", ")
        assert not any(a != b and b.startswith(a + "(") for a in labels for b in labels), row  # innermost only


@pytest.mark.parametrize("language", ["en"])
def test_summary_ratings_matrix_and_gaps_come_from_the_rating_module(checked, catalogue, language: str) -> None:
    _, report = checked[language]
    document = render(checked, catalogue, language)
    t = Labels(language)
    ratings = {r.instrument: t(f"rating.{r.rating}") for r in instrument_ratings(report)}
    summary = next(tb for tb in document.tables if tb.rows[0].cells[2].text == t("col.score"))
    assert {row.cells[0].text: row.cells[1].text for row in summary.rows[1:]} == ratings
    gaps = styled(document, "List Number")[:len(top_gaps(report))]
    assert [g.split(" — ")[0] for g in gaps] == [f"{g.instrument} {g.article}" for g in top_gaps(report)]
    assert t("rule.text", largely=80, partially=40) in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_findings_quote_the_provision_with_matched_words_in_bold(checked, catalogue, language: str) -> None:
    bill, report = checked[language]
    document = render(checked, catalogue, language)
    headings = styled(document, "Heading 3")
    for result in localise(report, catalogue, language).results:  # titles in the report's language
        assert f"{result.article} — {result.title}" in headings
    covered = next(r for r in report.results if r.status == "covered" and r.provisions)
    quote = next(m.quote for m in covered.elements if m.found and m.quote)
    bold = {run.text for p in document.paragraphs if p.style.name == "Quote" for run in p.runs if run.bold}
    assert any(quote in run for run in bold)  # overlapping matches are emphasised as one run
    provision = covered.provisions[0]
    quoted = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert any(bill.text[provision.start:provision.end][:40] in q for q in quoted)  # the bill's words, as they are


@pytest.mark.parametrize("language", ["en"])
def test_model_provision_is_given_for_a_gap(checked, catalogue, language: str) -> None:
    _, report = checked[language]
    document = render(checked, catalogue, language)
    gap = next(r for r in report.results if r.status != "covered")
    model = catalogue.offence(gap.id).model_provision[language].strip()
    assert model in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("language", ["es"])
def test_toc_field_page_numbers_and_header(checked, catalogue, language: str) -> None:
    bill, report = checked[language]
    document = render(checked, catalogue, language)
    xml = document.element.xml
    assert " TOC " in xml and "w:fldChar" in xml
    section = document.sections[0]
    assert report.bill.title in section.header.paragraphs[0].text
    assert " PAGE " in section.footer._element.xml
    assert document.core_properties.author == "lawcheck"


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_template_styles_and_header_are_kept(checked, catalogue, tmp_path: Path, suffix: str) -> None:
    template = docx.Document()
    template.styles["Normal"].font.name = "Arial"
    template.sections[0].header.paragraphs[0].text = "ACME Ministry of Justice"
    template.add_paragraph("template body text")
    path = tmp_path / f"letterhead{suffix}"
    template.save(path)
    if suffix == ".dotx":
        _make_dotx(path)
    document = render(checked, catalogue, "en", template=str(path))
    assert document.styles["Normal"].font.name == "Arial"
    assert document.sections[0].header.paragraphs[0].text == "ACME Ministry of Justice"
    assert "template body text" not in [p.text for p in document.paragraphs]
    assert styled(document, "Title") == [Labels("en")("report.title")]


def _make_dotx(path: Path) -> None:
    data = path.read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, content)
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize("content", [b"not a word file", b""])
def test_a_bad_template_is_an_input_error(checked, catalogue, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(InputError, match="bad.docx"):
        render(checked, catalogue, "en", template=str(path))


def invoke(*args: object):  # noqa: ANN201
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize(("name", "extra"), [("report.docx", []), ("out.bin", ["--format", "docx"]),
                                              ("rapport.docx", ["--report-lang", "fr"])])
def test_cli_writes_the_word_report(tmp_path: Path, name: str, extra: list[str]) -> None:
    out = tmp_path / name
    result = invoke("check", SAMPLE["en"], "--instrument", "hague-1970", "-o", out, *extra)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    language = "fr" if "fr" in extra else "en"
    assert styled(document, "Heading 1")[0] == Labels(language)("summary.title")


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "docx"], "needs a file"),
    (["-o", "{tmp}/report.html", "--template", "{tmp}/t.docx"], "Word report only"),
    (["-o", "{tmp}/report.docx", "--template", "{tmp}/missing.docx"], "missing.docx"),
])
def test_cli_refuses_bad_usage(tmp_path: Path, args: list[str], message: str) -> None:
    result = invoke("check", SAMPLE["en"], "--instrument", "hague-1970", *[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("name", ["report.docx", "report.html"])
def test_unwritable_output_exits_2_and_leaves_nothing(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    result = invoke("check", SAMPLE["en"], "--instrument", "hague-1970", "-o", folder / "missing" / name)
    assert result.exit_code == 2 and "does not exist" in result.output
    blocked = folder / name
    blocked.mkdir()  # a folder where the file should go: the rename fails, even for root
    result = invoke("check", SAMPLE["en"], "--instrument", "hague-1970", "-o", blocked)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert sorted(p.name for p in folder.iterdir()) == [name]
    assert list(blocked.iterdir()) == []
