"""The terminal report answers first: the bill, a table of instruments (rating; covered, partial and missing
mandatory entries), then the gaps, one table per instrument. Covered entries are counted, not listed,
unless ``show="all"``; a missing verdict shows no score unless ``scores``."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from lawcheck import rating as rating_rules
from lawcheck.models import Decision, OffenceResult, Report
from lawcheck.render.common import counted
from lawcheck.render.i18n import Labels
from lawcheck.render.view import View
from lawcheck.sanity import in_language

STYLE = {"covered": "bold green", "partial": "bold yellow", "missing": "bold red"}
QUOTE_WIDTH = 70


def _evidence(result: OffenceResult, say: Labels) -> Text:
    text = Text()
    if result.provisions:
        text.append(result.provisions[0].label, style="bold")
        if result.by_reference:
            text.append(" " + say("terminal.by_reference"), style="italic")
    quotes = [m.quote for m in result.elements if m.found and m.quote]
    if quotes and result.status != "missing":
        joined = " … ".join(dict.fromkeys(quotes))
        joined = joined if len(joined) <= QUOTE_WIDTH else joined[: QUOTE_WIDTH - 1] + "…"
        text.append("\n" + say("punct.quote", first=joined), style="dim")
    if result.wider:
        text.append("\n" + say("terminal.wider", elements=say.join(result.wider)), style="green")
    if result.missing and result.status != "missing":
        text.append("\n" + say("terminal.missing", elements=say.join(result.missing)), style="yellow")
    if result.decision is not None:
        text.append(_decision(result.decision, say), style="italic")
    return text


def _decision(decision: Decision, say: Labels) -> str:
    who = ", ".join(x for x in (decision.by, decision.date) if x)
    changed = say("terminal.decision_changed") if decision.text_changed else ""
    automatic = say(f"status.{decision.automatic}") if decision.automatic else ""
    return "\n" + say("terminal.decision", who=f" ({who})" if who else "", note=decision.note, automatic=automatic,
                      changed=changed)


def _status(result: OffenceResult, view: View, say: Labels) -> Text:
    word = say(f"status.{result.status}")
    if result.decision is not None:
        return Text(say("punct.aside", first=word, second=say("terminal.expert")), style=STYLE[result.status])
    shown = word if result.status == "missing" and not view.scores else f"{word} {say.decimal(result.score)}"
    return Text(shown, style=STYLE[result.status])


def _table(instrument: str, results: list[OffenceResult], view: View, hidden: int, say: Labels) -> Table:
    caption = say("terminal.hidden", count=hidden) if hidden else None
    table = Table(title=instrument, title_justify="left", expand=True, show_lines=False, caption=caption,
                  caption_justify="left")
    table.add_column(say("terminal.article"), no_wrap=True)
    table.add_column(say("terminal.requirement"), ratio=3)
    table.add_column(say("terminal.status"), no_wrap=True)
    table.add_column(say("terminal.evidence"), ratio=3)
    for result in results:
        notes = [] if result.kind == "principal" else [say(f"terminal.{result.kind}")]
        notes += [say("terminal.optional")] if result.optional and notes else []
        title = say("punct.aside", first=result.title, second=say.join(notes)) if notes else result.title
        table.add_row(result.article, title, _status(result, view, say), _evidence(result, say))
    return table


def _overview(report: Report, view: View, say: Labels) -> Table:
    table = Table(title=say("terminal.overview"), title_justify="left", expand=False)
    table.add_column(say("terminal.instrument"), no_wrap=True)
    table.add_column(say("terminal.rating"), no_wrap=True)
    table.add_column(say("status.covered"), justify="right")
    table.add_column(say("status.partial"), justify="right")
    table.add_column(say("status.missing"), justify="right")
    ratings = {r.instrument: r.rating for r in rating_rules.instrument_ratings(report)}
    words = say  # the rating words are the reports' own
    for instrument, results in rating_rules.by_instrument(report).items():
        chosen = [r for r in results if not r.optional and view.wants(r)]
        counts = {s: sum(r.status == s for r in chosen) for s in STYLE}
        table.add_row(instrument, words(f"rating.{ratings.get(instrument, 'na')}"),
                      Text(str(counts["covered"]), style="green"), Text(str(counts["partial"]), style="yellow"),
                      Text(str(counts["missing"]), style="red" if counts["missing"] else ""))
    return table


def render_terminal(report: Report, view: View | None = None) -> Group:
    """The report at the terminal; the words it adds are in ``view.language`` (the entry titles and element
    labels are the report's: see :func:`lawcheck.render.common.localise`)."""
    view = view or View()
    say = Labels(view.language)
    bill = report.bill
    parts: list = [Text(say("terminal.bill", path=bill.path, title=bill.title or say("terminal.untitled"),
                            language=say.language_name(bill.language),
                            **counted(say, provisions=bill.provisions, words=bill.words)),
                            style="bold")]
    for warning in report.warnings:
        parts.append(Text(say("terminal.warning", warning=in_language(warning, say)), style="yellow"))
    if report.decisions_file:
        parts.append(Text(say("terminal.decisions_file", file=report.decisions_file), style="italic"))
    if not report.results:  # nothing could be judged: say so, never "0 missing" (that reads as no gap)
        parts.append(Text(say("terminal.none_judged"), style="bold yellow"))
        return Group(*parts)
    parts.append(_overview(report, view, say))
    if not view.summary_only:
        untouched = []
        for instrument, results in groupby(report.results, key=lambda r: r.instrument):
            chosen = [r for r in results if view.wants(r)]
            if view.show == "gaps" and all(r.status == "missing" for r in chosen):
                untouched.append(instrument)  # the bill implements nothing of it: the table above says so
                continue
            listed = chosen if view.show == "all" else [r for r in chosen if r.status != "covered"]
            if listed or view.show == "all":
                parts.append(_table(instrument, listed, view, len(chosen) - len(listed), say))
        if untouched:
            parts.append(Text(say("terminal.nothing", instruments=say.join(untouched)), style="red"))
    counts = report.summary()
    comma, then = say.separator("punct.list"), say.separator("punct.then")
    parts.append(Text.assemble(
        (say("terminal.summary") + then, "bold"), (say("terminal.covered", count=counts["covered"]), STYLE["covered"]),
        comma, (say("terminal.partial", count=counts["partial"]), STYLE["partial"]), comma,
        (say("terminal.missing_count", count=counts["missing"]), STYLE["missing"]),
        then + say("terminal.checked", count=len(report.results)),
    ))
    return Group(*parts)


def print_report(report: Report, console: Console | None = None) -> None:
    (console or Console()).print(render_terminal(report))
