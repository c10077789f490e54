"""What the worker processes run: every check, explanation, comparison, decision and download of the server.

Each worker process loads the checklist once (:func:`start`) and then runs the tasks below one at a time.
A task gets a :class:`Source` (where the server keeps the bill: its temporary folder, a packaged sample or a
bill named on the command line, and the name the user knows it by), reads the bill again through the same
readers and limits as ``lawcheck check``, and returns data that pickles (reports, explanations, bytes).
Errors leave as :class:`~lawcheck.errors.LawcheckError` with the one line the user sees, naming the file by
its name, never by the server's path.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lawcheck.errors import InputError, LawcheckError
from lawcheck.models import Bill, Catalogue, Decision, DemoStep, Report

PROGRESS_STEP = 0.02  # share of the entries between two progress messages
PROVISION_CHARS = 4000  # of the provision shown with the matched words marked
NEAR_SHOWN = 70.0  # similarity from which the closest words of an element not found are marked ("similar words")
DOCX = "docx"

_state: dict[str, Any] = {"catalogue": None, "progress": None, "job": ""}


@dataclass(frozen=True)
class Source:
    """A bill as the server holds it: ``path`` on the server's disk (never from a request), ``name`` for people."""

    path: str
    name: str
    beside: str = ""  # a bill named on the command line: its decisions file, read and written


@dataclass(frozen=True)
class Checked:
    automatic: Report  # the verdicts before any expert decision
    report: Report  # with the decisions applied
    decisions: tuple[Decision, ...]


@dataclass(frozen=True)
class Explained:
    explanation: Any  # lawcheck.explain.Explanation
    pieces: tuple[tuple[str, str], ...]  # the provision's words: (text, "" | "found" | "near")
    cut: bool  # the provision is longer than what is shown


# --------------------------------------------------------------------------- the worker process


def start(progress: Any, offences: str | None) -> None:
    """The worker's initializer: the checklist, and the pipe its progress messages go to."""
    import signal

    from lawcheck.catalogue import load_catalogue

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole terminal: the server stops the workers
    _state["catalogue"] = load_catalogue(offences)
    _state["progress"] = progress


def warm(languages: tuple[str, ...]) -> bool:
    """Load what a first check in these languages loads (their tokenisers and lemma tables), so that the first
    participant does not wait for it (another language loads at its first check, a few seconds)."""
    from lawcheck.pipeline import check_bill

    catalogue = _catalogue()
    for language in (lang for lang in languages if lang in catalogue.drafting):
        try:
            check_bill(Bill("warm-up.txt", "1. Warm-up\nA person commits an offence.\n", "txt"), catalogue,
                       language, (catalogue.offences[0].instrument,))
        except LawcheckError:
            continue
    return True


def _catalogue() -> Catalogue:
    if _state["catalogue"] is None:  # run in the server's own process (tests): load it here
        from lawcheck.catalogue import load_catalogue

        _state["catalogue"] = load_catalogue()
    return _state["catalogue"]


def run(job: str, task: str, *args: Any) -> Any:
    """Run one task for ``job`` (its id tags the progress messages)."""
    _state["job"] = job
    try:
        return TASKS[task](*args)
    except LawcheckError as error:
        raise LawcheckError(str(error)) from None  # a plain error pickles; its subclasses' arguments do not
    except MemoryError:
        raise LawcheckError("out of memory while reading the bill; split it into smaller files") from None
    finally:
        _state["job"] = ""


def _progress(done: int, total: int) -> None:
    pipe = _state["progress"]
    step = max(1, int(total * PROGRESS_STEP))
    if pipe is not None and (done % step == 0 or done == total):
        pipe.send((_state["job"], done, total))


# --------------------------------------------------------------------------- reading


def read(source: Source) -> Bill:
    """The bill, read through the usual readers and their limits, known by its name; errors name it too."""
    from lawcheck.read import read_bill

    try:
        bill = read_bill(source.path)
    except InputError as error:
        raise LawcheckError(f"{source.name}: {error.problem}" + (f"; {error.advice}" if error.advice else "")) from None
    except LawcheckError as error:
        raise LawcheckError(str(error).replace(source.path, source.name)) from None
    return dataclasses.replace(bill, path=source.name)


def _decisions_beside(source: Source) -> tuple[Decision, ...]:
    from lawcheck.decisions import load_decisions

    if not source.beside or not Path(source.beside).is_file():
        return ()
    return load_decisions(source.beside, _catalogue())


def _applied(report: Report, decisions: tuple[Decision, ...], bill: Bill) -> Report:
    from lawcheck.decisions import apply_decisions
    from lawcheck.split import split

    if not decisions:
        return report
    provisions = split(bill.text, report.bill.language, _catalogue().drafting[report.bill.language]).provisions
    return apply_decisions(report, decisions, bill.text, provisions, _catalogue())


# --------------------------------------------------------------------------- the tasks


def check(source: Source, language: str | None, instruments: tuple[str, ...],
          decisions: tuple[Decision, ...]) -> Checked:
    """Check the bill (progress reported entry by entry) and apply the decisions (those beside a local bill)."""
    from lawcheck.pipeline import check_bill

    bill = read(source)
    automatic = check_bill(bill, _catalogue(), language, instruments, _progress)
    decisions = decisions or _decisions_beside(source)
    if source.beside and decisions:
        automatic = dataclasses.replace(automatic, decisions_file=Path(source.beside).name)
    return Checked(automatic, _applied(automatic, decisions, bill), decisions)


def explain(source: Source, language: str, offence: str, decisions: tuple[Decision, ...]) -> Explained:
    """The explanation of one verdict, and the provision it rests on cut into plain and matched words."""
    from lawcheck.explain import explain as explain_offence

    bill = read(source)
    explanation = explain_offence(bill, _catalogue(), offence, language, decisions)
    return Explained(explanation, *_marked(bill.text, explanation))


def _marked(text: str, explanation: Any) -> tuple[tuple[tuple[str, str], ...], bool]:
    """The provision the verdict rests on, after the words that introduce it (its chapeau), with the words
    found marked, and the closest words of the elements not found when they come close (similarity 70 or more).
    """
    from lawcheck.split import split

    if not explanation.provision:
        return (), False
    provisions = split(text, explanation.language, _catalogue().drafting[explanation.language]).provisions
    provision = next((p for p in provisions if p.label == explanation.provision), None)
    if provision is None:
        return ((explanation.excerpt, ""),), False
    spans = [(e.place.start, e.place.end, "found") for e in explanation.elements if e.found and e.place]
    spans += [(e.near_miss.start, e.near_miss.end, "near") for e in explanation.elements
              if e.near_miss and e.near_miss.score >= NEAR_SHOWN]
    pieces: tuple[tuple[str, str], ...] = ()
    parent = provisions[provision.parent] if provision.parent is not None else None
    if parent is not None and not parent.is_division and parent.own_end > parent.own_start:
        chapeau = _cut(text, parent.own_start, min(parent.own_end, parent.own_start + PROVISION_CHARS), spans)
        pieces = chapeau + (("\n", ""),)
    end = min(provision.end, provision.start + PROVISION_CHARS)
    return pieces + _cut(text, provision.start, end, spans), provision.end > end


def _cut(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> tuple[tuple[str, str], ...]:
    inside = sorted((max(s, start), min(e, end), kind) for s, e, kind in spans if s < end and e > start)
    pieces: list[tuple[str, str]] = []
    at = start
    for s, e, kind in inside:
        if e <= at:
            continue
        s = max(s, at)
        if s > at:
            pieces.append((text[at:s], ""))
        pieces.append((text[s:e], kind))
        at = e
    if at < end:
        pieces.append((text[at:end], ""))
    return tuple(pieces)


def decide(source: Source, automatic: Report, decisions: tuple[Decision, ...], offence: str, status: str,
           note: str, by: str) -> Checked:
    """Record a decision on one entry (in the decisions file beside a local bill, else in the list returned,
    which the user downloads) and apply every decision to the automatic verdicts."""
    from lawcheck.decisions import make_decision, save_decision
    from lawcheck.split import split

    bill = read(source)
    provisions = split(bill.text, automatic.bill.language, _catalogue().drafting[automatic.bill.language]).provisions
    decision = make_decision(automatic, bill.text, provisions, offence, status, note, by,
                             datetime.date.today().isoformat())
    if source.beside:
        kept = save_decision(source.beside, decision, _catalogue())
    else:
        kept = tuple(d for d in decisions if d.offence != offence) + (decision,)
    return Checked(automatic, _applied(automatic, kept, bill), kept)


def render(name: str, source: Source, report: Report, language: str) -> bytes:
    """A download: report.docx, report.html, annotated.docx, concordance.csv or concordance.xlsx."""
    from lawcheck.render.common import ReportOptions

    bill = read(source)
    options = ReportOptions(language=language)
    if name == "report.docx":
        from lawcheck.render.docx import render_docx

        return render_docx(report, _catalogue(), bill.text, options)
    if name == "report.html":
        from lawcheck.render.html import render_html

        return render_html(report, _catalogue(), bill.text, options).encode("utf-8")
    if name == "annotated.docx":
        from lawcheck.annotate import annotate_bill

        data = Path(source.path).read_bytes() if bill.format == DOCX else None
        return annotate_bill(bill, report, data, options, _catalogue())
    from lawcheck.render import concordance

    if name == "concordance.csv":
        return concordance.render_concordance_csv(report, _catalogue(), bill.text, options).encode("utf-8")
    return concordance.render_concordance_xlsx(report, _catalogue(), bill.text, options)


def compare(old: Source, new: Source, language: str | None, instruments: tuple[str, ...]) -> Any:
    """Check both drafts (progress over the two) and compare them: a :class:`~lawcheck.diff.DraftDiff`."""
    from lawcheck.diff import diff_reports
    from lawcheck.pipeline import check_bill

    old_bill, new_bill = read(old), read(new)
    old_report = check_bill(old_bill, _catalogue(), language, instruments, lambda d, t: _progress(d, 2 * t))
    new_report = check_bill(new_bill, _catalogue(), language, instruments, lambda d, t: _progress(t + d, 2 * t))
    return diff_reports(old_report, new_report, old_bill.text, new_bill.text, _catalogue().drafting)


def changes_docx(changes: Any, language: str) -> bytes:
    from lawcheck.render.diff import localise_diff
    from lawcheck.render.diff_docx import render_diff_docx

    return render_diff_docx(localise_diff(changes, _catalogue(), language), language)


def tour(language: str, width: int) -> tuple[DemoStep, ...]:
    """The steps of ``lawcheck demo`` in ``language``, their output at ``width`` columns."""
    from lawcheck.demo import demo_steps

    return demo_steps(language, _catalogue(), width=width)


TASKS = {"check": check, "explain": explain, "decide": decide, "render": render, "compare": compare,
         "changes": changes_docx, "tour": tour, "warm": warm}
