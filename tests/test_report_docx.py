"""The Word gap report: structure and text read back with python-docx, languages, templates, CLI, errors."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from click.testing import CliRunner
from conftest import SAMPLES

from lawcheck.cli import cli
from lawcheck.errors import InputError
from lawcheck.pipeline import check_bill
from lawcheck.rating import by_instrument, gaps, instrument_ratings, precedence, top_gaps, untouched
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions, bill_title, innermost, localise, short_name, short_quote
from lawcheck.render.docx import CONCORDANCE_QUOTE, TOP_GAPS, render_docx
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
    idle = [t("word.untouched_title")] if untouched(checked[language][1]) else []  # its own section, after the summary
    assert styled(document, "Heading 1") == [t("summary.title"), *idle, t("concordance.title"), t("findings.title"),
                                             t("annex.title")]
    assert t("word.gaps") in styled(document, "Heading 2")
    assert any(p.startswith(t("table.caption", number=1, title="")) for p in styled(document, "Caption"))


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_concordance_has_one_row_per_entry_of_the_instruments_the_bill_implements(checked, catalogue,
                                                                                   language: str) -> None:
    _, report = checked[language]
    t = Labels(language)
    rows = concordance_rows(render(checked, catalogue, language), t)
    idle = set(untouched(report))
    results = [r for i, group in by_instrument(report).items() if i not in idle for r in group]
    assert [(r[0], r[4].split("\n")[0]) for r in rows] == [(x.article, t(f"status.{x.status}")) for x in results]
    bill, _ = checked[language]
    for row, result in zip(rows, results, strict=True):
        assert row[2] == ("\n".join(p.label for p in innermost(result.provisions)) or "—")
        assert row[3] == short_quote(bill.text, result, CONCORDANCE_QUOTE)  # the national words, short
        assert bool(row[3]) == bool(result.provisions)
        assert row[5] == ""  # the assessor's column


@pytest.mark.parametrize("language", ["en"])
def test_summary_ratings_matrix_and_gaps_come_from_the_rating_module(checked, catalogue, language: str) -> None:
    _, report = checked[language]
    document = render(checked, catalogue, language)
    t = Labels(language)
    ratings = {short_name(catalogue, r.instrument, language): t(f"rating.{r.rating}")
               for r in instrument_ratings(report)}
    summary = next(tb for tb in document.tables if tb.rows[0].cells[5].text == t("col.score"))
    assert {row.cells[0].text: row.cells[4].text for row in summary.rows[1:]} == ratings
    listed = styled(document, "List Number")[:len(top_gaps(report, TOP_GAPS, None, precedence(catalogue)))]
    assert [g.split(" — ")[0] for g in listed] == [
        f"{short_name(catalogue, g.instrument, language)}, art. {g.article}" for g in top_gaps(report, TOP_GAPS, None, precedence(catalogue))]
    assert t("rule.text", largely=80, partially=40) in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_findings_quote_the_provision_with_matched_words_in_bold(checked, catalogue, language: str) -> None:
    bill, report = checked[language]
    document = render(checked, catalogue, language)
    headings = [h.split(". ", 1)[1] for h in styled(document, "Heading 3")]
    idle = set(untouched(report))
    ranked = {g.id for g in gaps(report, None, precedence(catalogue)) if g.instrument not in idle} | {g.id for g in top_gaps(report, TOP_GAPS, None, precedence(catalogue))}
    for result in localise(report, catalogue, language).results:  # titles in the report's language
        shown = f"Art. {result.article} — {result.title}" in headings
        assert shown == (result.id in ranked or result.decision is not None), result.id  # gaps only
    covered = next(r for r in report.results if r.status == "partial" and r.provisions)
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
def test_contents_page_numbers_and_header(checked, catalogue, language: str) -> None:
    bill, report = checked[language]
    document = render(checked, catalogue, language)
    parts = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    marks = [p._p.find(qn("w:bookmarkStart")) for p in parts]
    assert parts and all(mark is not None for mark in marks)
    references = [i.text.split()[1] for i in document.element.body.iter(qn("w:instrText")) if "PAGEREF" in i.text]
    assert references == [mark.get(qn("w:name")) for mark in marks]  # one contents line per part, in order
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    section = document.sections[0]
    assert bill_title(report.bill.title, bill.text)[:60] in section.header.paragraphs[0].text
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


@pytest.fixture(scope="module")
def all_instruments(catalogue):  # noqa: ANN001, ANN201
    bill = read_bill(SAMPLE["en"])
    return bill, check_bill(bill, catalogue, None, ())


def test_the_summary_names_the_financing_offence_among_the_first_gaps(all_instruments, catalogue) -> None:
    bill, report = all_instruments
    document = docx.Document(io.BytesIO(render_docx(report, catalogue, bill.text, ReportOptions(date="2024-05-01"))))
    first = styled(document, "List Number")[:3]
    financing = short_name(catalogue, "financing-1999", "en")
    assert any(line.startswith(f"{financing}, art. 2(1)") for line in first), first
    assert first[0].startswith(financing)


def test_untouched_instruments_are_one_table_not_findings(all_instruments, catalogue) -> None:
    bill, report = all_instruments
    document = docx.Document(io.BytesIO(render_docx(report, catalogue, bill.text, ReportOptions(date="2024-05-01"))))
    t = Labels("en")
    idle = untouched(report)
    assert "cppnm-1980" in idle and "hague-1970" not in idle
    table = next(tb for tb in document.tables if tb.rows[0].cells[1].text == t("word.col_entries"))
    assert [row.cells[0].text for row in table.rows[1:]] == [short_name(catalogue, i, "en") for i in idle]
    findings = len(styled(document, "Heading 3"))
    assert findings < len(gaps(report))  # not every gap of every instrument


@pytest.mark.parametrize(("language", "tag"), [("en", "en-GB"), ("fr", "fr-FR"), ("es", "es-ES")])
def test_language_paper_title_and_no_ids(checked, catalogue, language: str, tag: str) -> None:
    bill, report = checked[language]
    data = render_docx(report, catalogue, bill.text, ReportOptions(date="2024-05-01"))
    document = docx.Document(io.BytesIO(data))
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert f'w:val="{tag}"' in styles and "en-US" not in styles
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    subtitle = styled(document, "Subtitle")[0]
    assert subtitle != report.bill.title and not subtitle.startswith(("REPUBLIC", "RÉPUBLIQUE", "REPÚBLICA"))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for tb in document.tables for row in tb.rows for c in row.cells)
    assert not any(i in text for i in INSTRUMENTS)  # instruments by name, not by id
    letter = docx.Document(io.BytesIO(render_docx(report, catalogue, bill.text,
                                                  ReportOptions(date="2024-05-01", paper="letter"))))
    assert round(letter.sections[0].page_width.cm, 1) == 21.6


@pytest.mark.parametrize(("header", "cell"), [("Appréciation", "partiel"), ("Article", "3bis(1)(b)(iv)")])
def test_table_columns_are_widened_to_hold_their_longest_word(header: str, cell: str) -> None:
    from lawcheck.render.docx import _whole_words, _word_width

    widths = [1.2, 6.0, 1.2]
    fitted = _whole_words(widths, [["A", "Requirement", header], ["1", "text", cell]])
    assert fitted[2] > widths[2] and fitted[2] >= _word_width(max(header, cell, key=_word_width))
    assert abs(sum(fitted) - sum(widths)) < 0.05 and fitted[0] == widths[0]  # taken from the roomiest column


@pytest.mark.parametrize("language", ["fr"])
def test_contents_stores_estimated_pages_for_word_in_protected_view(checked, catalogue, language: str) -> None:
    """Word shows the stored results until it updates the fields: each contents line holds a page number, the
    executive summary on page 2 (after the cover), the parts in order."""
    document = render(checked, catalogue, language)
    xml = document.element.xml
    stored = [int(n) for n in re.findall(r"PAGEREF _Toc\d+ \\h </w:instrText>.*?<w:t>(\d+)</w:t>", xml, re.S)]
    parts = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert len(stored) == len(parts) and stored[0] == 2 and stored == sorted(stored)


@pytest.mark.parametrize("lines", [10, 200])
def test_page_estimate_follows_page_breaks_and_long_text(lines: int) -> None:
    from lawcheck.render.pages import bookmark_pages

    document = docx.Document()
    for number in range(3):
        heading = document.add_heading(f"Part {number}", 1)
        heading.paragraph_format.page_break_before = number > 0
        start = heading._p.makeelement(qn("w:bookmarkStart"), {qn("w:id"): str(number), qn("w:name"): f"p{number}"})
        heading._p.insert(0, start)
        for _ in range(lines):
            document.add_paragraph("A line of words that fills about half of the width of the page. " * 2)
    pages = bookmark_pages(document)
    per_part = pages["p1"] - pages["p0"]
    assert pages["p0"] == 1 and pages["p2"] - pages["p1"] == per_part
    assert per_part == 1 if lines == 10 else 6 <= per_part <= 12  # 200 two-line paragraphs: several pages


@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_english_label_or_title_in_a_french_or_spanish_word_report(checked, catalogue, language: str) -> None:
    """Everything lawcheck writes is in the report's language; only the bill's own words (quoted provisions, the
    concordance's national text) and the model text in the bill's language are left as they are."""
    bill, report = checked[language]
    document = render(checked, catalogue, language)
    english, own = Labels("en"), Labels(language)
    words = {english(k) for k in english.keys() if "{" not in english(k) and english(k) != own(k)}
    words |= {o.titles["en"] for o in catalogue.offences} | {i.titles["en"] for i in catalogue.instruments.values()}
    words = {w for w in words if len(w) >= 12}
    t = Labels(language)
    text = [p.text for p in document.paragraphs if p.style.name != "Quote"]
    for table in document.tables:
        quoted = 3 if table.rows[0].cells[0].text == t("col.article") else None  # the national text column
        text += [c.text for row in table.rows for n, c in enumerate(row.cells) if n != quoted]
    text += [p.text for p in document.sections[0].header.paragraphs]
    flat = " ".join(" ".join(text).split())
    leaked = sorted(w for w in words if " ".join(w.split()) in flat)
    assert not leaked, leaked[:5]
