"""The concordance an assessor edits: ``check -o concordance.xlsx`` / ``.csv``, and the innermost-provision rule
it shares with the Word report's concordance table."""

from __future__ import annotations

import csv
import io
import re

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from lawcheck.cli import cli
from lawcheck.models import Decision, ProvisionRef
from lawcheck.pipeline import check_bill
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions, innermost, provision_labels, short_quote
from lawcheck.render.concordance import (
    COLUMNS,
    concordance_table,
    render_concordance_csv,
    render_concordance_xlsx,
)
from lawcheck.render.i18n import Labels

openpyxl = pytest.importorskip("openpyxl")

BILL = SAMPLES / "en" / "counter-terrorism-bill.txt"
INSTRUMENTS = ("hague-1970", "hostages-1979", "bombings-1997", "financing-1999")


@pytest.fixture(scope="module")
def checked(catalogue):  # noqa: ANN001, ANN201
    bill = read_bill(BILL)
    return bill, check_bill(bill, catalogue, None, INSTRUMENTS)


def xlsx_rows(data: bytes) -> list[list[str]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]


def csv_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


# --------------------------------------------------------------------------- the innermost rule


def ref(label: str, path: tuple[str, ...], start: int, end: int) -> ProvisionRef:
    return ProvisionRef(label, path, start, end)


def test_innermost_drops_the_parents_of_a_cited_provision() -> None:
    child = ref("Section 8(1)(a)", ("Part III", "Section 8", "(1)", "(a)"), 6481, 6517)
    parent = ref("Section 8(1)", ("Part III", "Section 8", "(1)"), 6353, 6980)
    other = ref("Section 4(1)", ("Part II", "Section 4", "(1)"), 3814, 4234)
    assert innermost((child, other, parent)) == (child, other)
    assert innermost((parent, child)) == (child,)
    assert innermost((other, other)) == (other,)


def test_innermost_uses_spans_when_provisions_have_no_path() -> None:
    outer, inner, apart = ref("Art. 5", (), 0, 100), ref("Art. 5 1°", (), 10, 40), ref("Art. 6", (), 100, 150)
    assert innermost((outer, inner, apart)) == (inner, apart)


def test_short_quote_is_one_line_cut_at_word_edges(checked) -> None:  # noqa: ANN001
    bill, report = checked
    quoted = [(r, short_quote(bill.text, r)) for r in report.results if r.provisions]
    assert quoted
    for result, quote in quoted:
        assert quote and "\n" not in quote and len(quote) <= 240 + 4
        bare = quote.removeprefix("… ").removesuffix(" …")
        assert " ".join(bill.text.split()).find(bare) >= 0, (result.id, quote)


# --------------------------------------------------------------------------- the table


def test_one_row_per_requirement_with_no_internal_ids(checked, catalogue) -> None:  # noqa: ANN001
    bill, report = checked
    header, rows = concordance_table(report, catalogue, bill.text, ReportOptions(language="en"))
    assert header == [Labels("en")(f"sheet.{c}") for c in COLUMNS]
    assert len(rows) == len(report.results)
    text = "\n".join("\t".join(row) for row in rows)
    for instrument in INSTRUMENTS:
        assert instrument not in text  # instruments by name, not id
    assert not any(r.id in text for r in report.results if ":" in r.id)
    assert all(row[6] == "" for row in rows)  # the assessor's column is empty
    assert {row[5] for row in rows} <= {"covered", "partial", "missing", "covered (optional)",
                                        "partial (optional)", "missing (optional)"}
    for row in rows:
        labels = [label for label in row[3].split(", ") if label]
        assert not any(a != b and b.startswith(a + "(") for a in labels for b in labels), row
    by_id = {r.id: row for r, row in zip(sorted(report.results, key=lambda r: INSTRUMENTS.index(r.instrument)),
                                         rows, strict=True)}
    assert by_id["hague-1970:1(a)"][1] == "1(a)"


def test_an_expert_decision_reads_as_such_not_as_a_contradiction(catalogue) -> None:  # noqa: ANN001
    bill = read_bill(BILL)
    decision = Decision("bombings-1997:2(1)(a)", "covered", "reaches other lethal devices", by="A. Drafter")
    report = check_bill(bill, catalogue, instruments=("bombings-1997",), decisions=(decision,))
    for language in ("en", "fr", "es"):
        t = Labels(language)
        _, rows = concordance_table(report, catalogue, bill.text, ReportOptions(language=language))
        row = next(r for r in rows if r[1] == "2(1)(a)")
        assert row[5] == f"{t('status.covered')} ({t('finding.decision_short')})"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_french_and_spanish_sheets_contain_no_english(checked, catalogue, language: str) -> None:  # noqa: ANN001
    bill, report = checked
    options = ReportOptions(language=language)
    header = xlsx_rows(render_concordance_xlsx(report, catalogue, bill.text, options))[0]
    assert header == csv_rows(render_concordance_csv(report, catalogue, bill.text, options))[0]
    english = Labels("en")
    for column, label in zip(COLUMNS, header, strict=True):
        assert label != english(f"sheet.{column}")
    words = " ".join(header).lower()
    for word in ("treaty", "requirement", "national provision", "text", "assessment", "assessor", "comment"):
        assert not re.search(rf"\b{word}\b", words), (word, header)
    _, rows = concordance_table(report, catalogue, bill.text, options)
    t = Labels(language)
    statuses = {t(f"status.{s}") for s in ("covered", "partial", "missing")}
    assert all(row[5].split(" (")[0] in statuses for row in rows)
    english_titles = {o.title for o in catalogue.offences} | {i.title for i in catalogue.instruments.values()}
    assert not any(row[2] in english_titles or row[0] in english_titles for row in rows)


# --------------------------------------------------------------------------- the files


def test_xlsx_opens_with_one_row_per_requirement_plus_header(checked, catalogue) -> None:  # noqa: ANN001
    bill, report = checked
    data = render_concordance_xlsx(report, catalogue, bill.text, ReportOptions(language="en"))
    rows = xlsx_rows(data)
    header, expected = concordance_table(report, catalogue, bill.text, ReportOptions(language="en"))
    assert rows == [header, *expected]
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.active.freeze_panes == "A2" and book.properties.language == "en-GB"


def test_csv_parses_with_the_csv_module(checked, catalogue) -> None:  # noqa: ANN001
    bill, report = checked
    text = render_concordance_csv(report, catalogue, bill.text, ReportOptions(language="en"))
    rows = csv_rows(text)
    header, expected = concordance_table(report, catalogue, bill.text, ReportOptions(language="en"))
    assert rows == [header, *expected]
    assert all(len(row) == len(COLUMNS) for row in rows)


def test_cells_that_look_like_formulas_stay_text(checked, catalogue, monkeypatch) -> None:  # noqa: ANN001
    from lawcheck.render import concordance

    bill, report = checked
    monkeypatch.setattr(concordance, "short_quote", lambda text, result: '=HYPERLINK("http://x")' if result.provisions
                        else "")
    cells = [c for row in csv_rows(render_concordance_csv(report, catalogue, bill.text)) for c in row]
    assert "'=HYPERLINK(\"http://x\")" in cells and not any(c.startswith(("=", "+", "@")) for c in cells)
    sheet = openpyxl.load_workbook(io.BytesIO(render_concordance_xlsx(report, catalogue, bill.text))).active
    values = [cell for row in sheet.iter_rows() for cell in row]
    assert any(cell.value == '=HYPERLINK("http://x")' for cell in values)
    assert all(cell.data_type != "f" for cell in values)


def test_cli_writes_both_byte_identical_on_two_runs(tmp_path) -> None:  # noqa: ANN001
    runner = CliRunner()
    for suffix in ("xlsx", "csv"):
        outputs = []
        for run in (1, 2):
            target = tmp_path / f"run{run}.{suffix}"
            result = runner.invoke(cli, ["check", str(BILL), "--instrument", "hague-1970", "--report-lang", "fr",
                                         "-o", str(target)])
            assert result.exit_code == 0, result.output
            outputs.append(target.read_bytes())
        assert outputs[0] == outputs[1], suffix
        assert not list(tmp_path.glob(".*.tmp"))  # written atomically: no temporary file left
    assert xlsx_rows((tmp_path / "run1.xlsx").read_bytes())[0][0] == Labels("fr")("sheet.instrument")


@pytest.mark.parametrize("args, message", [
    (["-o", "{tmp}/missing/c.xlsx"], "does not exist"),
    (["-o", "{tmp}/c.xls"], "cannot tell the format"),
    (["--format", "xlsx"], "needs a file"),
])
def test_bad_path_or_format_gives_one_line_and_exit_2(tmp_path, args: list[str], message: str) -> None:  # noqa: ANN001
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(cli, ["check", str(BILL), "--instrument", "hague-1970", *args])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.startswith("lawcheck:")]
    assert len(lines) == 1 and message in lines[0], result.output
    assert "Traceback" not in result.output


def test_xlsx_without_openpyxl_says_so(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import fails as if the extra were not installed
    result = CliRunner().invoke(cli, ["check", str(BILL), "--instrument", "hague-1970", "-o", str(tmp_path / "c.xlsx")])
    assert result.exit_code == 2 and "needs openpyxl" in result.output and "lawcheck[xlsx]" in result.output
    assert not (tmp_path / "c.xlsx").exists()


def test_word_concordance_uses_the_same_innermost_rule(checked, catalogue) -> None:  # noqa: ANN001
    import docx

    from lawcheck.render.docx import render_docx

    bill, report = checked
    document = docx.Document(io.BytesIO(render_docx(report, catalogue, bill.text, ReportOptions(date="2024-05-01"))))
    cited = [row.cells[2].text for table in document.tables
             if table.rows[0].cells[0].text == Labels("en")("col.article") for row in table.rows[1:]]
    assert "Section 8(1)(a)" in cited and not any("Section 8(1)" in c.split("\n") for c in cited if "Section 8(1)(a)" in c)
    # the Word concordance lists the requirements of the instruments the bill implements, one provision per line
    assert cited and {c.replace("\n", ", ") for c in cited if c != "—"} <= {provision_labels(r) for r in report.results}


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "ru", "zh"])
def test_the_sheet_names_each_instrument_as_the_word_report_does(catalogue, language: str) -> None:  # noqa: ANN001
    """One name per instrument across the documents of one report: "Airports Protocol (1988)" in the sheet as in
    Word, not "Airports Protocol of 1988" in one and "(1988)" in the other."""
    import docx

    from lawcheck.render.docx import render_docx

    bill = read_bill(BILL)
    report = check_bill(bill, catalogue, None, ("airports-1988", "hague-1970", "plastic-1991"))
    options = ReportOptions(language=language, date="2024-05-01")
    _, rows = concordance_table(report, catalogue, bill.text, options)
    sheet = list(dict.fromkeys(row[0] for row in rows))
    document = docx.Document(io.BytesIO(render_docx(report, catalogue, bill.text, options)))
    ratings = next(t for t in document.tables if t.rows[0].cells[0].text == Labels(language)("col.instrument"))
    assert sheet == [row.cells[0].text for row in ratings.rows[1:]]
    assert len(set(sheet)) == 3
