"""The comparison of two drafts as a Word document: a title, a summary, and one table per section."""

from __future__ import annotations

import io

from lawcheck.diff import DraftDiff
from lawcheck.render.diff import MOVE_COLUMNS, OFFENCE_COLUMNS, SECTIONS, move_rows, offence_rows, summary_line

TITLE = "Comparison of two drafts"


def _table(document, columns: tuple[str, ...], rows: list[list[str]]) -> None:  # noqa: ANN001
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns):
        cell.text = name
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = value


def _section(document, columns: tuple[str, ...], rows: list[list[str]]) -> None:  # noqa: ANN001
    if rows:
        _table(document, columns, rows)
    else:
        document.add_paragraph("None.")


def render_diff_docx(changes: DraftDiff) -> bytes:
    """The .docx file's bytes."""
    from docx import Document

    document = Document()
    document.add_heading(TITLE, level=0)
    document.add_paragraph(f"Old draft: {changes.old.path} ({changes.old.title or 'untitled'})")
    document.add_paragraph(f"New draft: {changes.new.path} ({changes.new.title or 'untitled'})")
    document.add_paragraph(summary_line(changes))
    for warning in changes.warnings:
        document.add_paragraph(f"Warning: {warning}")
    for field, title in SECTIONS:
        document.add_heading(title, level=1)
        _section(document, OFFENCE_COLUMNS, [offence_rows(c) for c in getattr(changes, field)])
    document.add_heading("Provisions renumbered", level=1)
    _section(document, MOVE_COLUMNS, [move_rows(m) for m in changes.renumbered])
    document.add_heading("Provisions added and removed", level=1)
    document.add_paragraph(f"Added: {', '.join(changes.added) or 'none'}.")
    document.add_paragraph(f"Removed: {', '.join(changes.removed) or 'none'}.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
