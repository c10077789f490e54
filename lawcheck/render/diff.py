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
SECTIONS = (  # the gaps first: what a drafter asks about a new draft
    ("closed", "Gaps closed (now covered)"),
    ("opened", "Gaps opened (no longer covered)"),
    ("changed", "Verdicts changed"),
    ("moved", "Same verdict, provision renumbered"),  # the Word report lists them; the terminal folds them
)
TERMINAL_SECTIONS = SECTIONS[:3]
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


def renumbered_line(changes: DraftDiff) -> str:
    """Renumbering folded into one sentence: which provisions moved, and how many verdicts only followed them."""
    if not changes.renumbered and not changes.moved:
        return "Provisions renumbered: none."
    moves = ", ".join(f"{m.old} \u2192 {m.new}{' (amended)' if m.amended else ''}" for m in changes.renumbered)
    return (f"Provisions renumbered ({len(changes.renumbered)}): {moves or 'none'}; "
            f"{len(changes.moved)} verdicts unchanged, only their provision renumbered.")


def move_rows(move: ProvisionMove) -> list[str]:
    return [move.old, move.new, move.heading, f"{move.similarity:.0f}", "amended" if move.amended else "same words"]


OFFENCE_COLUMNS = ("offence", "status", "provision", "change")
MOVE_COLUMNS = ("old", "new", "heading", "similarity", "text")


def _offence_table(title: str, changes: tuple[OffenceChange, ...], with_change: bool) -> Table | Text:
    """A table sized to its content. The ids, statuses and provisions never wrap (an id is never cut in the
    middle); the titles under the ids and the kind of change wrap at word boundaries. The sections of gaps
    closed and opened need no column saying so."""
    if not changes:
        return Text(f"{title}: none")
    table = Table(title=title, title_justify="left")
    table.add_column("offence", min_width=max(len(c.offence) for c in changes))
    table.add_column("status", no_wrap=True)
    table.add_column("provision", no_wrap=True)
    if with_change:
        table.add_column("change")
    for change in changes:
        row = offence_rows(change)
        status = Text(f"{change.old_status}\n\u2192 {change.new_status}", style=STYLE[change.new_status])
        table.add_row(row[0], status, row[2], *(row[3:] if with_change else ()))
    return table


def render_diff(changes: DraftDiff) -> Group:
    parts: list = [Text(f"{changes.old.path} \u2192 {changes.new.path}", style="bold"), Text(summary_line(changes))]
    parts += [Text(f"warning: {w}", style="yellow") for w in changes.warnings]
    for field, title in TERMINAL_SECTIONS:
        parts.append(_offence_table(title, getattr(changes, field), with_change=field == "changed"))
    parts.append(Text(renumbered_line(changes)))
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
