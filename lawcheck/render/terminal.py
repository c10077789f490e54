"""The terminal report answers first: the bill, a table of instruments (rating; covered, partial and missing
mandatory entries), then the gaps, one table per instrument. Covered entries are counted, not listed,
unless ``show="all"``; a missing verdict shows no score unless ``scores``."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from lawcheck import rating as rating_rules
from lawcheck.models import Decision, OffenceResult, Report
from lawcheck.render.i18n import Labels

STYLE = {"covered": "bold green", "partial": "bold yellow", "missing": "bold red"}
QUOTE_WIDTH = 70


@dataclass(frozen=True)
class View:
    """What the terminal shows: ``show`` gaps or all entries, of some ``kinds``, only the summary table, scores."""

    show: str = "gaps"  # gaps | all
    kinds: tuple[str, ...] = ()  # principal, ancillary, obligation; () = all
    summary_only: bool = False
    scores: bool = False

    def wants(self, result: OffenceResult) -> bool:
        return not self.kinds or result.kind in self.kinds


def _evidence(result: OffenceResult) -> Text:
    text = Text()
    if result.provisions:
        text.append(result.provisions[0].label, style="bold")
        if result.by_reference:
            text.append(" (by reference)", style="italic")
    quotes = [m.quote for m in result.elements if m.found and m.quote]
    if quotes and result.status != "missing":
        joined = " … ".join(dict.fromkeys(quotes))
        joined = joined if len(joined) <= QUOTE_WIDTH else joined[: QUOTE_WIDTH - 1] + "…"
        text.append(f"\n“{joined}”", style="dim")
    if result.wider:
        text.append(f"\nwider than the treaty (no {', '.join(result.wider)}): compliant", style="green")
    if result.missing and result.status != "missing":
        text.append(f"\nmissing: {', '.join(result.missing)}", style="yellow")
    if result.decision is not None:
        text.append(_decision(result.decision), style="italic")
    return text


def _decision(decision: Decision) -> str:
    who = ", ".join(x for x in (decision.by, decision.date) if x)
    changed = "; the text has changed since" if decision.text_changed else ""
    return (f"\nexpert decision{f' ({who})' if who else ''}: {decision.note} "
            f"[automatic: {decision.automatic}{changed}]")


def _status(result: OffenceResult, view: View) -> Text:
    if result.decision is not None:
        return Text(f"{result.status} (expert)", style=STYLE[result.status])
    shown = result.status if result.status == "missing" and not view.scores else f"{result.status} {result.score:.2f}"
    return Text(shown, style=STYLE[result.status])


def _table(instrument: str, results: list[OffenceResult], view: View, hidden: int) -> Table:
    caption = f"{hidden} covered entries not listed (--show all lists them)" if hidden else None
    table = Table(title=instrument, title_justify="left", expand=True, show_lines=False, caption=caption,
                  caption_justify="left")
    table.add_column("article", no_wrap=True)
    table.add_column("requirement", ratio=3)
    table.add_column("status", no_wrap=True)
    table.add_column("evidence", ratio=3)
    for result in results:
        kind = "" if result.kind == "principal" else f" ({result.kind}{', optional' if result.optional else ''})"
        table.add_row(result.article, result.title + kind, _status(result, view), _evidence(result))
    return table


def _overview(report: Report, view: View) -> Table:
    table = Table(title="Instruments (mandatory entries)", title_justify="left", expand=False)
    table.add_column("instrument", no_wrap=True)
    table.add_column("rating (indicative)", no_wrap=True)
    table.add_column("covered", justify="right")
    table.add_column("partial", justify="right")
    table.add_column("missing", justify="right")
    ratings = {r.instrument: r.rating for r in rating_rules.instrument_ratings(report)}
    words = Labels("en")  # the terminal speaks English; the rating words are the reports' own
    for instrument, results in rating_rules.by_instrument(report).items():
        chosen = [r for r in results if not r.optional and view.wants(r)]
        counts = {s: sum(r.status == s for r in chosen) for s in STYLE}
        table.add_row(instrument, words(f"rating.{ratings.get(instrument, 'na')}"),
                      Text(str(counts["covered"]), style="green"), Text(str(counts["partial"]), style="yellow"),
                      Text(str(counts["missing"]), style="red" if counts["missing"] else ""))
    return table


def render_terminal(report: Report, view: View | None = None) -> Group:
    view = view or View()
    bill = report.bill
    parts: list = [Text(f"{bill.path} — {bill.title or 'untitled'} ({bill.language}, {bill.provisions} provisions, "
                        f"{bill.words} words)", style="bold")]
    for warning in report.warnings:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    if report.decisions_file:
        parts.append(Text(f"expert decisions applied from {report.decisions_file}", style="italic"))
    parts.append(_overview(report, view))
    if not view.summary_only:
        untouched = []
        for instrument, results in groupby(report.results, key=lambda r: r.instrument):
            chosen = [r for r in results if view.wants(r)]
            if view.show == "gaps" and all(r.status == "missing" for r in chosen):
                untouched.append(instrument)  # the bill implements nothing of it: the table above says so
                continue
            listed = chosen if view.show == "all" else [r for r in chosen if r.status != "covered"]
            if listed or view.show == "all":
                parts.append(_table(instrument, listed, view, len(chosen) - len(listed)))
        if untouched:
            parts.append(Text(f"Nothing found of: {', '.join(untouched)} (--show all lists their entries).",
                              style="red"))
    counts = report.summary()
    parts.append(Text.assemble(
        ("Summary: ", "bold"), (f"{counts['covered']} covered", STYLE["covered"]), ", ",
        (f"{counts['partial']} partial", STYLE["partial"]), ", ", (f"{counts['missing']} missing", STYLE["missing"]),
        f" of {len(report.results)} checklist entries checked.",
    ))
    return Group(*parts)


def print_report(report: Report, console: Console | None = None) -> None:
    (console or Console()).print(render_terminal(report))
