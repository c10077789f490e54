"""What the pages show, computed from the library's data: the filters of a report, its rows, the words of an
explanation. Pure functions of a report (or explanation), the checklist and a language; the templates only lay
them out, and every word comes from ``render/labels/<lang>.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawcheck import rating as rating_rules
from lawcheck.models import Catalogue, OffenceResult, Report
from lawcheck.render.common import innermost, localise, short_name
from lawcheck.render.i18n import Labels
from lawcheck.sanity import in_language

STATUS_FILTERS = ("gaps", "all", "covered", "partial", "missing")
KINDS = ("principal", "ancillary", "obligation")


@dataclass(frozen=True)
class Filters:
    instrument: str = ""
    status: str = "gaps"
    kind: str = ""

    @classmethod
    def read(cls, query: dict[str, str], report: Report) -> Filters:
        """The filters asked for; anything unknown falls back to its default (never an error)."""
        instrument = query.get("instrument", "")
        status = query.get("status", "gaps")
        kind = query.get("kind", "")
        return cls(instrument if instrument in report.instruments else "",
                   status if status in STATUS_FILTERS else "gaps", kind if kind in KINDS else "")


@dataclass(frozen=True)
class Row:
    result: OffenceResult
    instrument: str  # its name in the page's language
    provision: str  # the innermost provision the verdict rests on, "" when none


@dataclass(frozen=True)
class ReportView:
    report: Report  # localised: titles in the page's language
    names: dict[str, str]
    ratings: tuple
    rows: tuple[Row, ...]
    counts: dict[str, int]
    warnings: tuple[str, ...]
    filters: Filters


def report_view(report: Report, catalogue: Catalogue, language: str, filters: Filters) -> ReportView:
    report = localise(report, catalogue, language)
    names = {i: short_name(catalogue, i, language) for i in report.instruments}
    labels = Labels(language)
    return ReportView(report, names, rating_rules.instrument_ratings(report),
                      tuple(Row(r, names.get(r.instrument, r.instrument), _provision(r))
                            for r in _chosen(report, catalogue, filters)),
                      report.summary(), tuple(in_language(w, labels) for w in report.warnings), filters)


def _chosen(report: Report, catalogue: Catalogue, filters: Filters) -> list[OffenceResult]:
    """The entries the filters keep: the gaps most important first (then the optional entries not covered),
    any other choice in the report's order."""
    if filters.status == "gaps":
        ordered = list(rating_rules.gaps(report, None, rating_rules.precedence(catalogue)))
        ordered += [r for r in report.results if r.optional and r.status != "covered"]
    else:
        ordered = [r for r in report.results if filters.status in ("all", r.status)]
    return [r for r in ordered if (not filters.instrument or r.instrument == filters.instrument)
            and (not filters.kind or r.kind == filters.kind)]


def _provision(result: OffenceResult) -> str:
    return innermost(result.provisions)[0].label if result.provisions else ""


# --------------------------------------------------------------------------- an explanation's words


@dataclass(frozen=True)
class ElementView:
    number: int
    label: str  # the element in the page's language
    role: str
    required: bool
    core: bool
    found: bool
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class ExplanationView:
    title: str
    instrument: str
    summary: str
    header: str
    verdict: str
    elements: tuple[ElementView, ...]
    rule: tuple[str, ...]
    reason: str


def explanation_view(explanation, language: str, catalogue: Catalogue) -> ExplanationView:  # noqa: ANN001
    """The explanation's sentences in ``language``, as ``lawcheck explain`` says them."""
    from lawcheck.render import explain as words

    titles = words.titles(explanation, language, catalogue)
    say = Labels(language)
    where = say("explain.rests_on", provision=explanation.provision) if explanation.provision else ""
    verdict = say("explain.verdict", status=say(f"status.{explanation.status}"), score=say.decimal(explanation.score),
                  where=where)
    elements = tuple(
        ElementView(number, words.element_label(explanation, element.id, language, catalogue),
                    words.role(element.role, language), element.required, element.core, element.found,
                    tuple(words.element_sentences(explanation, element, language, catalogue)))
        for number, element in enumerate(explanation.elements, 1))
    header = say("explain.header", instrument=titles[1], article=explanation.article,
                 kind=say(f"explain.kind.{explanation.kind}"), summary=titles[2])
    return ExplanationView(titles[0], titles[1], titles[2], header, verdict, elements,
                           tuple(words.rule_sentences(explanation, language, catalogue)),
                           words.reason(explanation, language, catalogue))
