"""The terminal report: one table per instrument, colour for status, the quoted evidence."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from lawcheck.models import Decision, OffenceResult, Report

STYLE = {"covered": "bold green", "partial": "bold yellow", "missing": "bold red"}
QUOTE_WIDTH = 70


def _evidence(result: OffenceResult) -> Text:
    text = Text()
    if result.provisions:
        text.append(result.provisions[0].label, style="bold")
        if result.by_reference:
            text.append(" (by reference)", style="italic")
    quotes = [m.quote for m in result.elements if m.found and m.quote]
    if quotes:
        joined = " … ".join(dict.fromkeys(quotes))
        joined = joined if len(joined) <= QUOTE_WIDTH else joined[: QUOTE_WIDTH - 1] + "…"
        text.append(f"\n“{joined}”", style="dim")
    if result.missing:
        text.append(f"\nmissing: {', '.join(result.missing)}", style="yellow" if result.status != "missing" else "red")
    if result.decision is not None:
        text.append(_decision(result.decision), style="italic")
    return text


def _decision(decision: Decision) -> str:
    who = ", ".join(x for x in (decision.by, decision.date) if x)
    changed = "; the text has changed since" if decision.text_changed else ""
    return (f"\nexpert decision{f' ({who})' if who else ''}: {decision.note} "
            f"[automatic: {decision.automatic}{changed}]")


def _status(result: OffenceResult) -> Text:
    if result.decision is not None:
        return Text(f"{result.status} (expert)", style=STYLE[result.status])
    return Text(f"{result.status} {result.score:.2f}", style=STYLE[result.status])


def _table(instrument: str, results: list[OffenceResult]) -> Table:
    table = Table(title=instrument, title_justify="left", expand=True, show_lines=False)
    table.add_column("article", no_wrap=True)
    table.add_column("offence", ratio=2)
    table.add_column("status", no_wrap=True)
    table.add_column("evidence", ratio=3)
    for result in results:
        kind = "" if result.kind == "principal" else f" ({result.kind})"
        table.add_row(result.article, result.title + kind, _status(result), _evidence(result))
    return table


def render_terminal(report: Report) -> Group:
    bill = report.bill
    parts: list = [Text(f"{bill.path} — {bill.title or 'untitled'} ({bill.language}, {bill.provisions} provisions, "
                        f"{bill.words} words)", style="bold")]
    for warning in report.warnings:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    for instrument, results in groupby(report.results, key=lambda r: r.instrument):
        parts.append(_table(instrument, list(results)))
    counts = report.summary()
    parts.append(Text.assemble(
        ("Summary: ", "bold"), (f"{counts['covered']} covered", STYLE["covered"]), ", ",
        (f"{counts['partial']} partial", STYLE["partial"]), ", ", (f"{counts['missing']} missing", STYLE["missing"]),
        f" of {len(report.results)} checklist entries checked.",
    ))
    return Group(*parts)


def print_report(report: Report, console: Console | None = None) -> None:
    (console or Console()).print(render_terminal(report))
