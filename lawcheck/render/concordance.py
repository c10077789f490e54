"""The concordance an assessor can edit: ``-o concordance.xlsx`` or ``-o concordance.csv``.

One row per checklist entry of the report: treaty instrument | treaty article | the requirement in plain
words | the national provision(s), innermost only | the national words, short | assessment | assessor's
comment (left empty for the assessor). Every header and word of the tool is in the report's language
(``render/labels/<lang>.yaml``, block ``sheet``); the bill's words stay as written. No internal ids, no
dates: the same report gives the same bytes. Nothing is decided here.
"""

from __future__ import annotations

import csv
import io
import re

from lawcheck import rating as rating_rules
from lawcheck.models import Catalogue, OffenceResult, Report
from lawcheck.render.common import (
    FIXED_MODIFIED,
    ReportOptions,
    fixed_zip,
    localise,
    provision_labels,
    short_name,
    short_quote,
)
from lawcheck.render.i18n import Labels

COLUMNS = ("instrument", "article", "requirement", "provision", "words", "assessment", "comment")
WIDTHS = (34, 12, 44, 20, 60, 18, 40)  # xlsx column widths, in characters
FORMULA_START = ("=", "+", "-", "@")  # a cell starting so is a formula to Excel and Calc
LINE_HEIGHT = 15  # points per line of wrapped text (11-point default font)
LOCALE = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ar": "ar-SA", "ru": "ru-RU", "zh": "zh-CN"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in the XML of a workbook


def concordance_table(report: Report, catalogue: Catalogue, bill_text: str,
                      options: ReportOptions | None = None) -> tuple[list[str], list[list[str]]]:
    """The header and one row per entry, in the report's instrument order and the checklist's entry order."""
    options = options or ReportOptions()
    language = options.report_language(report)
    t = Labels(language)
    report = localise(report, catalogue, language)
    header = [t(f"sheet.{column}") for column in COLUMNS]
    rows = []
    for instrument, results in rating_rules.by_instrument(report).items():
        name = short_name(catalogue, instrument, language)  # as the Word and HTML reports name it
        for result in results:
            rows.append([name, result.article, result.title, provision_labels(result, t.separator("punct.list")),
                         short_quote(bill_text, result), _assessment(result, t), ""])
    return header, rows


def _lines(values: list[str]) -> int:
    """The lines the row's tallest wrapped cell takes (rounded up: Calc does not fit row heights on opening)."""
    import textwrap

    return max(1, *(len(textwrap.wrap(value, width=width)) for value, width in zip(values, WIDTHS, strict=True)))


def _assessment(result: OffenceResult, t: Labels) -> str:
    """The status word; "(expert decision)" when an expert decided it, "(optional)" for an optional entry."""
    notes = [t("finding.decision_short")] if result.decision is not None else []
    if result.optional:
        notes.append(t("finding.optional"))
    word = t(f"status.{result.status}")
    return t("punct.aside", first=word, second=t.join(notes, "punct.series")) if notes else word


def render_concordance_csv(report: Report, catalogue: Catalogue, bill_text: str,
                           options: ReportOptions | None = None, bom: bool = True) -> str:
    """The table as CSV: comma-separated, rows ended by CRLF (RFC 4180); with a byte-order mark, for a file,
    so that Excel reads it as UTF-8 (accents); ``bom=False`` for the terminal or a pipe."""
    header, rows = concordance_table(report, catalogue, bill_text, options)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_inert(value) for value in row])
    return ("\ufeff" if bom else "") + out.getvalue()


def _inert(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula: a leading = + - @ gets an apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def render_concordance_xlsx(report: Report, catalogue: Catalogue, bill_text: str,
                            options: ReportOptions | None = None) -> bytes:
    """The table as an Excel workbook: one sheet, bold frozen header with filters, wrapped text, fixed dates
    (the same report gives the same bytes). Needs openpyxl (``pip install 'lawcheck[xlsx]'``)."""
    import datetime

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter


    options = options or ReportOptions()
    language = options.report_language(report)
    t = Labels(language)
    header, rows = concordance_table(report, catalogue, bill_text, options)
    book = Workbook()
    sheet = book.active
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", t("sheet.name"))[:31]
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    for row_number, values in enumerate([header, *rows], 1):
        for column, value in enumerate(values, 1):
            cell = sheet.cell(row=row_number, column=column)
            cell.value = _CONTROL.sub(" ", value) or None
            if cell.value is not None and cell.data_type == "f":  # bill text starting with "=": text, not a formula
                cell.data_type = "s"
            cell.alignment = wrap
            if row_number == 1:
                cell.font = bold
    for column, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row_number, values in enumerate([header, *rows], 1):
        sheet.row_dimensions[row_number].height = LINE_HEIGHT * _lines(values)
    sheet.freeze_panes = "A2"
    sheet.sheet_view.rightToLeft = t.right_to_left or None  # an Arabic sheet: column A on the right
    sheet.print_title_rows = "1:1"  # printed: the header on every page, A4 landscape, all columns on one page wide
    sheet.page_setup.orientation, sheet.page_setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    properties = book.properties
    properties.creator = "lawcheck"
    properties.title = f"{t('concordance.title')}: {report.bill.title or report.bill.path}"
    properties.language = LOCALE.get(language, language)
    properties.created = properties.modified = datetime.datetime(2000, 1, 1)
    out = io.BytesIO()
    book.save(out)
    return fixed_zip(out.getvalue(), FIXED_MODIFIED)


__all__ = ["concordance_table", "render_concordance_csv", "render_concordance_xlsx"]
