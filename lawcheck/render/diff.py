"""Show a :class:`~lawcheck.diff.DraftDiff`: terminal tables (rich) and JSON (``lawcheck.diff/1``).

The renderers decide nothing; the section titles, column names and sentences they add are ``diff.*`` in
``render/labels/<lang>.yaml`` (the terminal's: ``language``; the Word table's keep the English names below).
"""

from __future__ import annotations

import dataclasses
import io
import json
import re

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from lawcheck.models import Catalogue
from lawcheck.diff import DraftDiff, OffenceChange
from lawcheck.render.i18n import Labels, is_right_to_left
from lawcheck.render.terminal import STYLE
from lawcheck.sanity import in_language

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


def arrow(before: str) -> str:
    """The arrow from the old to the new, pointing the way ``before`` reads (right to left in Arabic)."""
    return "\u2190" if is_right_to_left(before) else "\u2192"


def summary_line(changes: DraftDiff, language: str = "en") -> str:
    say = Labels(language)
    parts = [say("diff.summary_status", status=say(f"status.{status}"), old=changes.old_summary[status],
                 new=changes.new_summary[status]) for status in ("covered", "partial", "missing")]
    return say("diff.summary", statuses=say.join(parts), closed=len(changes.closed), opened=len(changes.opened),
               changed=len(changes.changed), renumbered=len(changes.renumbered))


def offence_rows(change: OffenceChange, language: str = "en") -> list[str]:
    say = Labels(language)
    old, new = say(f"status.{change.old_status}"), say(f"status.{change.new_status}")
    moved = arrow(change.old_provision or change.new_provision)
    return [f"{change.offence}\n{change.title}", f"{old} {arrow(old)} {new}",
            f"{change.old_provision or NONE}\n{moved} {change.new_provision or NONE}",
            say(f"diff.change.{change.change}")]


def renumbered_line(changes: DraftDiff, language: str = "en") -> str:
    """Renumbering folded into one sentence: which provisions moved, and how many verdicts only followed them."""
    say = Labels(language)
    if not changes.renumbered and not changes.moved:
        return say("diff.renumbered_none")
    then = say.separator("punct.then")
    moves = say.join(f"{m.old} {arrow(m.old)} {m.new}{then + say('diff.amended') if m.amended else ''}"
                     for m in changes.renumbered)
    return say("diff.renumbered", count=len(changes.renumbered), moves=moves or say("diff.none"),
               moved=len(changes.moved))




def _offence_table(title: str, changes: tuple[OffenceChange, ...], with_change: bool, say: Labels) -> Table | Text:
    """A table sized to its content. The ids, statuses and provisions never wrap (an id is never cut in the
    middle); the titles under the ids and the kind of change wrap at word boundaries. The sections of gaps
    closed and opened need no column saying so."""
    if not changes:
        return Text(say("diff.section_none", title=title))
    table = Table(title=title, title_justify="left")
    table.add_column(say("diff.offence"), min_width=max(len(c.offence) for c in changes))
    table.add_column(say("diff.status"), no_wrap=True)
    table.add_column(say("diff.provision"), no_wrap=True)
    if with_change:
        table.add_column(say("diff.column_change"))
    for change in changes:
        row = offence_rows(change, say.language)
        status = Text(re.sub(" ([\u2190\u2192])", "\n\\1", row[1], count=1), style=STYLE[change.new_status])
        table.add_row(row[0], status, row[2], *(row[3:] if with_change else ()))
    return table


def render_diff(changes: DraftDiff, language: str = "en") -> Group:
    """The terminal view; the words it adds are in ``language`` (the entry titles are the diff's: see
    :func:`localise_diff`)."""
    say = Labels(language)
    parts: list = [Text(f"{changes.old.path} \u2192 {changes.new.path}", style="bold"),
                   Text(summary_line(changes, language))]
    parts += [Text(say("diff.warning", warning=in_language(w, say)), style="yellow") for w in changes.warnings]
    for field, _ in TERMINAL_SECTIONS:
        parts.append(_offence_table(say(f"diff.{field}"), getattr(changes, field), field == "changed", say))
    parts.append(Text(renumbered_line(changes, language)))
    parts.append(Text(say("diff.added", items=say.join(changes.added) or say("diff.none"))))
    parts.append(Text(say("diff.removed", items=say.join(changes.removed) or say("diff.none"))))
    return Group(*parts)


def localise_diff(changes: DraftDiff, catalogue: Catalogue, language: str) -> DraftDiff:
    """The diff with the entries' titles in ``language`` (the checklist's); nothing else changes."""
    def title(change: OffenceChange) -> OffenceChange:
        try:
            return dataclasses.replace(change, title=catalogue.offence(change.offence).title_in(language))
        except KeyError:
            return change

    fields = ("closed", "opened", "changed", "moved")
    return dataclasses.replace(changes, **{f: tuple(title(c) for c in getattr(changes, f)) for f in fields})


def diff_text(changes: DraftDiff, width: int = WIDTH, language: str = "en") -> str:
    """The terminal view as plain text at a fixed width (no colour): for files and tests."""
    console = Console(record=True, width=width, file=io.StringIO(), color_system=None)
    console.print(render_diff(changes, language))
    return console.export_text()


def diff_dict(changes: DraftDiff) -> dict:
    data = dataclasses.asdict(changes)
    return {"schema": SCHEMA, **data}


def render_diff_json(changes: DraftDiff) -> str:
    return json.dumps(diff_dict(changes), ensure_ascii=False, indent=2) + "\n"
