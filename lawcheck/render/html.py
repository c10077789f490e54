"""The HTML report: one self-contained file (inline CSS and a few lines of script, works offline, prints well).

The same shape and words as the Word report (:mod:`lawcheck.render.docx`): the bill's title and the
instruments checked, the executive summary (indicative rating per instrument, the gaps that matter most in
the order of :func:`lawcheck.rating.gaps`, recommendations, the instruments the bill does not implement in
one table), the concordance, findings only for gaps and expert decisions, the annex; then the bill's text
with a chip on each provision a covered or partial verdict rests on (its innermost first provision) and the
matched words inside the provisions relied on highlighted. Nothing is marked where no verdict rests (a
definition nobody relied on, a near miss of a missing entry). Instruments are named, never shown by id.
Everything taken from the bill or the checklist goes through jinja2's autoescape.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from lawcheck import rating as rating_rules
from lawcheck.models import Catalogue, OffenceResult, Report
from lawcheck.render.common import (
    ReportOptions,
    article_count,
    bill_title,
    checklist_version,
    counted,
    evidence_spans,
    excerpt,
    innermost,
    localise,
    model_provision,
    scope_reasons,
    short_name,
    short_quote,
    summary_of,
)
from lawcheck.render.i18n import Labels
from lawcheck.sanity import in_language

TEMPLATES = Path(__file__).resolve().parent / "templates"
TOP_GAPS = 6  # as in the Word report
HTML_LANG = {"zh": "zh-CN"}  # the document's lang where the bare code would not choose the script
ARTICLES_SHOWN = 5


@dataclass
class Piece:
    """A run of a bill line: plain, or matched words of the results listed (indices into the report's results)."""

    text: str
    findings: tuple[int, ...] = ()


@dataclass
class Line:
    number: int
    pieces: list[Piece]
    findings: list[int] = field(default_factory=list)  # results whose relied-on provision starts on this line


def relied_on(result: OffenceResult) -> bool:
    """A covered or partial verdict (an expert's decision included) rests on the result's provisions."""
    return result.status in ("covered", "partial") and bool(result.provisions)


def render_html(report: Report, catalogue: Catalogue, bill_text: str, options: ReportOptions | None = None) -> str:
    """The HTML report as a string."""
    options = options or ReportOptions()
    language = options.report_language(report)
    report = localise(report, catalogue, language)
    labels = Labels(language)
    names = {i: short_name(catalogue, i, language) for i in report.instruments}
    party_to = options.party_to
    first = rating_rules.precedence(catalogue)
    top = rating_rules.top_gaps(report, TOP_GAPS, party_to, first)
    order = rating_rules.finding_order(report, top, party_to, first)
    number_of = {r.id: n for n, r in enumerate(order, 1)}
    index = {r.id: n for n, r in enumerate(report.results)}
    idle = rating_rules.untouched(report)
    ratings = rating_rules.instrument_ratings(report)
    template = _environment().get_template("report.html.j2")
    return template.render(
        t=labels, html_lang=HTML_LANG.get(language, language), in_language=in_language, report=report,
        options=options, date=options.report_date(),
        title=bill_title(report.bill.title, bill_text) or report.bill.path, names=names,
        ratings=ratings, rating_of={r.instrument: r for r in ratings}, rule=rating_rules.RULE_FIGURES,
        top_gaps=top, number_of=number_of, index=index, idle=idle,
        recommendations=[r for r in rating_rules.recommendations(report, party_to, first) if r.instrument not in set(idle)],
        groups=rating_rules.by_instrument(report), lines=bill_lines(bill_text, report),
        findings=[_finding(report, catalogue, bill_text, r, labels) for r in order],
        checklist=checklist_version(catalogue), statuses=("covered", "partial", "missing"),
        innermost=innermost, gap_sentence=lambda r: _gap_sentence(r, labels),
        note=lambda r: _note(r, labels, number_of),
        scope_names=labels.join(names[i] for i in report.instruments), scope_reasons=scope_reasons(report, party_to, names, labels),
        party_known=party_to is not None,
        articles=lambda entries: _articles(entries, labels), article_count=article_count,
        counted=lambda **n: counted(labels, **n), words=lambda r: short_quote(bill_text, r),
        principal=lambda i: labels.join(labels.embed(a) for a in dict.fromkeys(
            r.article for r in report.results if r.instrument == i and r.kind == "principal" and not r.optional)),
        target=lambda n: f"f{number_of[report.results[n].id]}" if report.results[n].id in number_of else f"c{n}",
        instrument_number={i: n for n, i in enumerate(report.instruments)},
        catalogue_entries=len(catalogue.offences), catalogue_instruments=len(catalogue.instruments),
    )


def _articles(results, labels: Labels) -> str:  # noqa: ANN001 - OffenceResults
    """The articles of ``results``, the first few, as in the Word report's recommendations."""
    articles = list(dict.fromkeys(r.article for r in results))
    shown = labels.join(labels.embed(a) for a in articles[:ARTICLES_SHOWN])  # in Arabic "4(1)(b)، 7" read right to left
    if len(articles) > ARTICLES_SHOWN:
        shown += labels.separator("punct.then") + labels("recommend.more", count=len(articles) - ARTICLES_SHOWN)
    return shown


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def bill_lines(text: str, report: Report) -> list[Line]:
    """The bill's lines, cut at the matched words inside the provisions the verdicts rest on; each result
    relied on is listed on the line where its innermost first provision starts."""
    spans, chips = [], {}
    for number, result in enumerate(report.results):
        if not relied_on(result):
            continue
        inside = [(p.start, p.end) for p in result.provisions]
        spans += [(s, e, number) for s, e in evidence_spans(result) if any(a <= s and e <= b for a, b in inside)]
        chips[number] = innermost(result.provisions)[0].start
    spans.sort()
    starts = [s[0] for s in spans]
    longest = max((e - s for s, e, _ in spans), default=0)
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    on_line: dict[int, list[int]] = {}
    for number, position in chips.items():
        on_line.setdefault(max(0, bisect.bisect_right(line_starts, position) - 1), []).append(number)
    lines, offset = [], 0
    for number, raw in enumerate(text.split("\n")):
        end = offset + len(raw)
        first = bisect.bisect_left(starts, offset - longest)
        inside = [s for s in spans[max(0, first):bisect.bisect_left(starts, end)] if s[1] > offset]
        lines.append(_cut(text, number, offset, end, inside, sorted(on_line.get(number, ()))))
        offset = end + 1
    return lines


def _cut(text: str, number: int, start: int, end: int, spans: list[tuple[int, int, int]], chips: list[int]) -> Line:
    bounds = sorted({start, end} | {max(start, min(end, b)) for s, e, _ in spans for b in (s, e)})
    pieces = []
    for left, right in zip(bounds, bounds[1:]):
        findings = tuple(sorted({n for s, e, n in spans if s < right and e > left}))
        pieces.append(Piece(text[left:right], findings))
    return Line(number, pieces or [Piece("")], chips)


def _finding(report: Report, catalogue: Catalogue, text: str, result: OffenceResult, labels: Labels) -> dict:
    languages = (report.bill.language, labels.language, "en")
    return {
        "result": result, "summary": summary_of(catalogue, result, labels.language),
        "excerpt": excerpt(text, result) if result.provisions else None,
        "model": "" if result.status == "covered" else model_provision(catalogue, result, languages).strip(),
        "recommendation": _recommendation(result, labels),
    }


def _gap_sentence(result: OffenceResult, labels: Labels) -> str:
    if result.status == "partial" and result.provisions and not result.missing:
        return labels("word.partial_short", provision=innermost(result.provisions)[0].label)
    if result.status == "partial" and result.provisions:
        return labels("gap.partial", provision=innermost(result.provisions)[0].label, missing=labels.join(result.missing))
    return labels("gap.missing")


def _recommendation(result: OffenceResult, labels: Labels) -> str:
    if result.status == "covered":
        return labels("recommend.none")
    label = innermost(result.provisions)[0].label if result.provisions else ""
    if result.status == "partial" and result.provisions:
        key = "recommend.partial" if result.missing else "word.amend"
        return labels(key, provision=label, missing=labels.join(result.missing))
    return labels("recommend.missing")


def _note(result: OffenceResult, labels: Labels, number_of: dict[str, int]) -> str:
    """The concordance's note column, as in the Word report."""
    notes = [labels("finding.decision_short")] if result.decision is not None else []
    if result.kind != "principal":
        notes.append(labels(f"kind.{result.kind}"))
    if result.optional:
        notes.append(labels("finding.optional"))
    if result.by_reference:
        notes.append(labels("finding.by_reference"))
    if result.missing and result.status != "covered" and result.id not in number_of:
        notes.append(labels("finding.missing_short", missing=labels.join(result.missing)))
    return labels.join(notes, "punct.series")  # the template adds the link to the finding
