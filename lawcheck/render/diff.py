"""Show a :class:`~lawcheck.diff.DraftDiff`: terminal tables (rich) and JSON (``lawcheck.diff/1``).

The renderers decide nothing; the section titles and column names below are the only words they add.
"""

from __future__ import annotations

import dataclasses
import io
import json

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from lawcheck.diff import DraftDiff, OffenceChange, ProvisionMove
from lawcheck.render.terminal import STYLE

SCHEMA = "lawcheck.diff/1"
NONE = "\u2014"  # no provision
WIDTH = 120
SECTIONS = (
    ("closed", "Gaps closed (now covered)"),
    ("opened", "Gaps opened (no longer covered)"),
    ("changed", "Verdicts changed"),
    ("moved", "Same verdict, provision renumbered"),
)
CHANGE = {
    "closed": "gap closed", "opened": "gap opened", "improved": "improved", "worsened": "worsened",
    "elsewhere": "rests on another provision", "moved": "renumbered",
}


def summary_line(changes: DraftDiff) -> str:
    parts = [f"{status} {changes.old_summary[status]} \u2192 {changes.new_summary[status]}"
             for status in ("covered", "partial", "missing")]
    return (f"{', '.join(parts)}; {len(changes.closed)} gaps closed, {len(changes.opened)} opened, "
            f"{len(changes.changed)} other verdicts changed, {len(changes.renumbered)} provisions renumbered.")


def offence_rows(change: OffenceChange) -> list[str]:
    return [f"{change.offence}\n{change.title}", f"{change.old_status} \u2192 {change.new_status}",
            f"{change.old_provision or NONE}\n\u2192 {change.new_provision or NONE}", CHANGE[change.change]]


def move_rows(move: ProvisionMove) -> list[str]:
    return [move.old, move.new, move.heading, f"{move.similarity:.0f}", "amended" if move.amended else "same words"]


OFFENCE_COLUMNS = ("offence", "status", "provision", "change")
MOVE_COLUMNS = ("old", "new", "heading", "similarity", "text")


def _table(title: str, columns: tuple[str, ...], rows: list[list[str]], offence_width: int = 22) -> Table:
    """A table sized to its content: the offence column is at least as wide as its longest id, so that an id
    never wraps in the middle; titles and headings wrap at word boundaries."""
    table = Table(title=title, title_justify="left", expand=True)
    for column in columns:
        wide = column in ("offence", "heading")
        table.add_column(column, ratio=1 if wide else None, no_wrap=not wide, overflow="fold" if not wide else "ellipsis",
                         min_width=offence_width if column == "offence" else None)
    for row in rows:
        table.add_row(*row)
    return table


def _offence_table(title: str, changes: tuple[OffenceChange, ...]) -> Table | Text:
    if not changes:
        return Text(f"{title}: none")
    table = _table(title, OFFENCE_COLUMNS, [], max(22, *(len(c.offence) for c in changes)))
    for change in changes:
        row = offence_rows(change)
        table.add_row(row[0], Text(row[1], style=STYLE[change.new_status]), *row[2:])
    return table


def render_diff(changes: DraftDiff) -> Group:
    parts: list = [Text(f"{changes.old.path} \u2192 {changes.new.path}", style="bold"), Text(summary_line(changes))]
    parts += [Text(f"warning: {w}", style="yellow") for w in changes.warnings]
    for field, title in SECTIONS:
        parts.append(_offence_table(title, getattr(changes, field)))
    if changes.renumbered:
        parts.append(_table("Provisions renumbered", MOVE_COLUMNS, [move_rows(m) for m in changes.renumbered]))
    else:
        parts.append(Text("Provisions renumbered: none"))
    parts.append(Text(f"Provisions added: {', '.join(changes.added) or 'none'}"))
    parts.append(Text(f"Provisions removed: {', '.join(changes.removed) or 'none'}"))
    return Group(*parts)


def diff_text(changes: DraftDiff, width: int = WIDTH) -> str:
    """The terminal view as plain text at a fixed width (no colour): for files and tests."""
    console = Console(record=True, width=width, file=io.StringIO(), color_system=None)
    console.print(render_diff(changes))
    return console.export_text()


def diff_dict(changes: DraftDiff) -> dict:
    data = dataclasses.asdict(changes)
    return {"schema": SCHEMA, **data}


def render_diff_json(changes: DraftDiff) -> str:
    return json.dumps(diff_dict(changes), ensure_ascii=False, indent=2) + "\n"
