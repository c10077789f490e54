"""The comparison of two drafts as a Word document, in the report's language: a title, a summary, and one
table per section."""

from __future__ import annotations

import io

from lawcheck.diff import DraftDiff, ProvisionMove
from lawcheck.render.diff import SECTIONS, offence_rows, summary_line
from lawcheck.render.i18n import Labels
from lawcheck.render.wordscript import finish, set_language
from lawcheck.sanity import in_language

OFFENCE_COLUMNS = ("diff.offence", "diff.status", "diff.provision", "diff.column_change")
MOVE_COLUMNS = ("diff_docx.col_old", "diff_docx.col_new", "diff_docx.col_heading", "diff_docx.col_similarity",
                "diff_docx.col_text")


def _table(document, columns: list[str], rows: list[list[str]]) -> None:  # noqa: ANN001
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns):
        cell.text = name
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = value


def _section(document, columns: list[str], rows: list[list[str]], say: Labels) -> None:  # noqa: ANN001
    if rows:
        _table(document, columns, rows)
    else:
        document.add_paragraph(say("diff_docx.none"))


def _move_row(move: ProvisionMove, say: Labels) -> list[str]:
    return [move.old, move.new, move.heading, f"{move.similarity:.0f}",
            say("diff_docx.amended") if move.amended else say("diff_docx.same_words")]


def render_diff_docx(changes: DraftDiff, language: str = "en") -> bytes:
    """The .docx file's bytes, every word of its own in ``language``."""
    from docx import Document

    say = Labels(language)
    document = Document()
    set_language(document, language)
    document.add_heading(say("diff_docx.title"), level=0)
    for key, draft in (("diff_docx.old", changes.old), ("diff_docx.new", changes.new)):
        document.add_paragraph(say(key, path=draft.path, title=draft.title or say("diff_docx.untitled")))
    document.add_paragraph(summary_line(changes, language))
    for warning in changes.warnings:
        document.add_paragraph(say("diff.warning", warning=in_language(warning, say)))
    offence_columns = [say(c) for c in OFFENCE_COLUMNS]
    for field, _ in SECTIONS:
        document.add_heading(say(f"diff.{field}"), level=1)
        _section(document, offence_columns, [offence_rows(c, language) for c in getattr(changes, field)], say)
    document.add_heading(say("diff_docx.renumbered_title"), level=1)
    _section(document, [say(c) for c in MOVE_COLUMNS], [_move_row(m, say) for m in changes.renumbered], say)
    document.add_heading(say("diff_docx.added_removed_title"), level=1)
    document.add_paragraph(say("diff.added", items=say.join(changes.added) or say("diff.none")))
    document.add_paragraph(say("diff.removed", items=say.join(changes.removed) or say("diff.none")))
    finish(document, language)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
