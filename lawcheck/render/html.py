"""The HTML report: one self-contained file (inline CSS and a few lines of script, works offline, prints well).

The summary and the coverage matrix at the top, then the bill's text with every evidence span highlighted
and linked to its finding(s), then the findings; filters by instrument and status. Everything taken from
the bill or the checklist goes through jinja2's autoescape: a bill containing markup injects nothing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from lawcheck import rating as rating_rules
from lawcheck.models import Catalogue, OffenceResult, Report
from lawcheck.sanity import in_language
from lawcheck.render.common import (
    ReportOptions,
    checklist_version,
    evidence_spans,
    excerpt,
    instrument_title,
    localise,
    model_provision,
    summary_of,
)
from lawcheck.render.i18n import Labels

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class Piece:
    """A run of a bill line: plain, or evidence for the findings listed (indices into the report's results)."""

    text: str
    findings: tuple[int, ...] = ()


@dataclass
class Line:
    number: int
    pieces: list[Piece]
    findings: list[int] = field(default_factory=list)  # every finding with evidence in this line


def render_html(report: Report, catalogue: Catalogue, bill_text: str, options: ReportOptions | None = None) -> str:
    """The HTML report as a string."""
    options = options or ReportOptions()
    language = options.report_language(report)
    report = localise(report, catalogue, language)
    labels = Labels(language)
    lines = bill_lines(bill_text, report)
    line_of = _line_finder(bill_text)
    template = _environment().get_template("report.html.j2")
    return template.render(
        t=labels, in_language=in_language, report=report, options=options, date=options.report_date(),
        ratings=rating_rules.instrument_ratings(report), rule=rating_rules.RULE_FIGURES,
        top_gaps=rating_rules.top_gaps(report), recommendations=rating_rules.recommendations(report),
        titles={i: instrument_title(catalogue, i, language) for i in report.instruments},
        lines=lines, findings=[_finding(report, catalogue, bill_text, n, r, line_of, labels)
                               for n, r in enumerate(report.results)],
        checklist=checklist_version(catalogue), statuses=("covered", "partial", "missing"),
    )


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def bill_lines(text: str, report: Report) -> list[Line]:
    """The bill's lines, each cut into pieces at the evidence spans of every finding."""
    spans = sorted((start, end, number) for number, result in enumerate(report.results)
                   for start, end in evidence_spans(result))
    lines, offset = [], 0
    starts = [s[0] for s in spans]
    for number, raw in enumerate(text.split("\n")):
        end = offset + len(raw)
        first = bisect.bisect_left(starts, offset - _longest(spans))
        inside = [s for s in spans[max(0, first):bisect.bisect_left(starts, end)] if s[1] > offset]
        lines.append(_cut(text, number, offset, end, inside))
        offset = end + 1
    return lines


def _longest(spans: list[tuple[int, int, int]]) -> int:
    return max((e - s for s, e, _ in spans), default=0)


def _cut(text: str, number: int, start: int, end: int, spans: list[tuple[int, int, int]]) -> Line:
    bounds = sorted({start, end} | {max(start, min(end, b)) for s, e, _ in spans for b in (s, e)})
    pieces = []
    for left, right in zip(bounds, bounds[1:]):
        findings = tuple(sorted({n for s, e, n in spans if s < right and e > left}))
        pieces.append(Piece(text[left:right], findings))
    found = sorted({n for _, _, n in spans})
    return Line(number, pieces or [Piece("")], found)


def _line_finder(text: str):  # noqa: ANN202 - position -> line number
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return lambda position: bisect.bisect_right(starts, position) - 1


def _finding(report: Report, catalogue: Catalogue, text: str, number: int, result: OffenceResult,
             line_of, labels: Labels) -> dict:  # noqa: ANN001
    quoted = excerpt(text, result)
    languages = (report.bill.language, labels.language, "en")
    return {
        "number": number, "result": result, "summary": summary_of(catalogue, result, labels.language), "excerpt": quoted,
        "elements": [(m, line_of(m.start) if m.found and m.start >= 0 else None) for m in result.elements],
        "model": "" if result.status == "covered" else model_provision(catalogue, result, languages),
        "recommendation": _recommendation(result, labels),
    }


def _recommendation(result: OffenceResult, labels: Labels) -> str:
    if result.status == "covered":
        return labels("recommend.none")
    if result.status == "partial" and result.provisions:
        return labels("recommend.partial", provision=result.provisions[0].label, missing=", ".join(result.missing))
    return labels("recommend.missing")
