"""The matrix bill x instrument of a ``Batch``: CSV, JSON (``lawcheck.matrix/1``), Excel and terminal.

Every cell shows what :mod:`lawcheck.rating` decided (rating, score) and the counts of covered, partial
and missing entries; failed files are listed with their one-line error. Nothing is decided here, and
nothing varies between runs: no dates, no absolute paths.
"""

from __future__ import annotations

import csv
import io
import json

from rich.console import Group
from rich.table import Table
from rich.text import Text

from lawcheck.models import Batch, BillOutcome
from lawcheck.render.common import FIXED_MODIFIED, fixed_zip
from lawcheck.render.i18n import Labels

SCHEMA = "lawcheck.matrix/1"
COUNTS = ("covered", "partial", "missing")
CELL_FIELDS = ("rating", "score", *COUNTS)
CODE = {"compliant": "C", "largely": "LC", "partially": "PC", "non": "NC", "na": "N/A"}  # FATF abbreviations
UNJUDGED = "\u2014"  # an instrument none of whose entries could be judged on the bill (not written in its language)
STYLE = {"compliant": "bold green", "largely": "green", "partially": "yellow", "non": "bold red", "na": "dim"}


def _cells(outcome: BillOutcome) -> dict[str, dict]:
    return {r.instrument: {"rating": r.rating, "score": round(r.score, 3), "covered": r.covered,
                           "partial": r.partial, "missing": r.missing, "mandatory": r.mandatory,
                           "optional": r.optional} for r in outcome.ratings}


def render_matrix_csv(batch: Batch) -> str:
    """One row per file; for each instrument its rating, score and counts; failed files with their error."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["bill", "title", "language", "error",
                     *(f"{i} {field}" for i in batch.instruments for field in CELL_FIELDS)])
    for outcome in batch.outcomes:
        if outcome.report is None:
            writer.writerow([outcome.path, "", "", outcome.error, *([""] * len(batch.instruments) * len(CELL_FIELDS))])
            continue
        cells = _cells(outcome)
        bill = outcome.report.bill
        writer.writerow([outcome.path, bill.title, bill.language, "",
                         *(("" if i not in cells else f"{cells[i][field]:.3f}" if field == "score" else cells[i][field])
                           for i in batch.instruments for field in CELL_FIELDS)])  # empty: not judged on that bill
    return out.getvalue()


def batch_data(batch: Batch) -> dict:
    bills = []
    for outcome in batch.outcomes:
        if outcome.report is None:
            continue
        bill = outcome.report.bill
        bills.append({"path": outcome.path, "title": bill.title, "language": bill.language,
                      "format": bill.format, "sha256": bill.sha256, "summary": outcome.report.summary(),
                      "instruments": _cells(outcome), "warnings": list(outcome.report.warnings)})
    return {"schema": SCHEMA, "tool": {"name": "lawcheck", "version": batch.tool_version},
            "instruments": list(batch.instruments), "bills": bills,
            "failed": [{"path": o.path, "error": o.error} for o in batch.failed]}


def render_matrix_json(batch: Batch) -> str:
    return json.dumps(batch_data(batch), ensure_ascii=False, indent=2) + "\n"


def render_matrix_terminal(batch: Batch, language: str = "en") -> Group:
    """Instruments down, bills across (numbered), FATF codes in the cells, then the legend and the failures;
    the words it adds in ``language``."""
    say = Labels(language)
    table = Table(title=say("batch.title"), title_justify="left")
    table.add_column(say("batch.instrument"), no_wrap=True)
    checked = batch.checked
    for number, _ in enumerate(checked, 1):
        table.add_column(f"#{number}", justify="center", no_wrap=True)
    cells = [_cells(o) for o in checked]
    for instrument in batch.instruments:
        row = []
        for cell in cells:
            rating = cell[instrument]["rating"] if instrument in cell else None  # None: not judged on that bill
            row.append(Text(CODE[rating], style=STYLE[rating]) if rating else Text(UNJUDGED, style="dim"))
        table.add_row(instrument, *row)
    parts: list = [table, Text(say("batch.legend"), style="dim")]
    if any(i not in cell for cell in cells for i in batch.instruments):
        parts.append(Text(say("batch.legend_unjudged"), style="dim"))
    for number, outcome in enumerate(checked, 1):
        counts = outcome.report.summary()
        key = "batch.bill" if outcome.report.results else "batch.bill_unjudged"  # never "0 missing" for nothing
        language_name = say.language_name(outcome.report.bill.language)
        parts.append(Text(say(key, number=number, path=outcome.path, language=language_name, **counts)))
    parts.extend(Text(say("batch.failed", error=o.error), style="red") for o in batch.failed)
    parts.append(Text(summary_line(batch, language), style="bold"))
    return Group(*parts)


def summary_line(batch: Batch, language: str = "en") -> str:
    key = "batch.summary_failed" if batch.failed else "batch.summary"
    return Labels(language)(key, checked=len(batch.checked), total=len(batch.outcomes), failed=len(batch.failed))


def render_matrix_xlsx(batch: Batch) -> bytes:
    """The CSV's rows in an Excel sheet "matrix" and the failures in a sheet "failed" (fixed dates: same bytes)."""
    import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "matrix"
    for row in csv.reader(io.StringIO(render_matrix_csv(batch))):
        sheet.append([_number(value) for value in row])
    sheet.freeze_panes = "B2"
    failed = book.create_sheet("failed")
    failed.append(["bill", "error"])
    for outcome in batch.failed:
        failed.append([outcome.path, outcome.error])
    book.properties.created = datetime.datetime(2000, 1, 1)
    book.properties.creator = "lawcheck"
    out = io.BytesIO()
    book.save(out)
    return fixed_zip(out.getvalue(), FIXED_MODIFIED)


def _number(value: str) -> str | int | float:
    if value.isdigit():
        return int(value)
    try:
        return float(value) if "." in value and value.replace(".", "", 1).isdigit() else value
    except ValueError:
        return value
