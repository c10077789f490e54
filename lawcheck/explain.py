"""Explain one verdict: every element, the phrases tried, where each was found or why not, and the rule.

:func:`explain` reruns the check for one offence and keeps what the report leaves out:

* for an element found: the provision, the words quoted, and whether they stand in the provision's own
  words, in its chapeau or in the definition of a term it uses;
* for an element not found: the closest words of the provision the verdict rests on (or, when there is
  none, of every provision that creates an offence), with their rapidfuzz similarity to the nearest
  phrase; and the places where the element does appear, but in a provision that cannot count (a duty of
  the State, a definition, a schedule entry, a provision that creates no offence);
* how the status followed: which rule applied, which elements decided it, for an ancillary offence the
  principal offence it extends and how, for an obligation the offences of its instrument the provision
  applies to and how, and the other provisions that were considered.

It returns data (:class:`Explanation`); :mod:`lawcheck.render.explain` puts it into words.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from lawcheck.catalogue import load_catalogue
from lawcheck.context import Unit
from lawcheck.decide import Decider, Finding
from lawcheck.errors import LawcheckError
from lawcheck.match import BillIndex, hits_within
from lawcheck.models import Bill, Catalogue, Decision, Element, ElementMatch, Offence, OffenceResult, Structure, Why
from lawcheck.pipeline import Analysis, analyse
from lawcheck.normalise import SEGMENTED, fold, phrase_keys

EXCERPT_CHARS = 400  # of the provision the verdict rests on
ELSEWHERE_LIMIT = 3  # places listed where an element appears outside the provision judged on
OTHERS_LIMIT = 3  # other provisions considered


@dataclass(frozen=True)
class Place:
    """Words of the bill: the provision holding them, the quote, its span, and what kind of provision it is."""

    provision: str
    quote: str
    start: int
    end: int
    kind: str  # offence, duty, definition, schedule, heading, no-offence, outside; or own, chapeau, definition for a find


@dataclass(frozen=True)
class NearMiss:
    phrase: str  # the checklist phrase that came closest
    words: str  # the bill's words that came closest
    provision: str
    start: int
    end: int
    score: float  # rapidfuzz ratio, 0-100
    kind: str  # own, chapeau or definition (of the provision judged on); offence when there is none


@dataclass(frozen=True)
class ElementExplanation:
    id: str
    role: str
    required: bool
    core: bool
    phrases: tuple[str, ...]  # tried, in the bill's language
    found: bool
    place: Place | None  # where it was found (kind: own, chapeau or definition)
    phrase: str  # the phrase that matched
    score: float  # 1.0 exact, lower when spelled nearly the same
    near_miss: NearMiss | None
    elsewhere: tuple[Place, ...]  # where it stands outside the provision judged on


@dataclass(frozen=True)
class Link:
    """For an ancillary offence: a principal offence it extends, and how; for an obligation: a principal offence
    of its instrument the provision applies to, and how."""

    offence: str
    provision: str
    status: str
    how: str  # same, within (the offence's article: obligations only), refers, whole_act


@dataclass(frozen=True)
class Candidate:
    provision: str
    status: str
    score: float
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    offence: str
    instrument: str
    instrument_title: str
    article: str
    kind: str
    title: str
    summary: str
    bill: str
    language: str
    status: str  # the automatic status
    score: float
    provision: str  # the provision the verdict rests on, "" when none
    excerpt: str  # its words, shortened
    rule: str  # covered, partial, missing, no-candidate, by-reference, ancillary-unlinked, ancillary-capped,
    # obligation-unlinked
    decisive: tuple[str, ...]  # the elements that decided the status
    elements: tuple[ElementExplanation, ...]
    links: tuple[Link, ...]
    others: tuple[Candidate, ...]
    reason: str  # the report's own sentence
    decision: Decision | None = None
    why: Why | None = None  # the facts of ``reason``, for the renderers' languages (not in the JSON)


@dataclass(frozen=True)
class _Context:
    text: str
    structure: Structure
    units: tuple[Unit, ...]
    index: BillIndex
    decider: Decider


def _context(bill: Bill, catalogue: Catalogue, language: str | None) -> _Context:
    analysis = analyse(bill, catalogue, language)
    return _Context(bill.text, analysis.structure, analysis.units, analysis.index, analysis.decider)


def explain(bill: Bill, catalogue: Catalogue | None, offence_id: str, language: str | None = None,
            decisions: tuple[Decision, ...] = ()) -> Explanation:
    """Explain the verdict on one offence of the checklist for this bill (prints nothing)."""
    catalogue = catalogue or load_catalogue()
    try:
        offence = catalogue.offence(offence_id)
    except KeyError:
        raise LawcheckError(f"unknown offence {offence_id!r}; see 'lawcheck offences list'") from None
    if not bill.text.strip():
        raise LawcheckError(f"{bill.path}: the file holds no text; check that it is the right file")
    ctx = _context(bill, catalogue.select((offence.instrument,)), language)
    return _explain(ctx, bill, catalogue, offence, decisions)


def explain_in(analysis: Analysis, bill: Bill, catalogue: Catalogue, offence_id: str) -> Explanation:
    """Explain one verdict from an analysis already made (``lawcheck eval --detail`` explains many)."""
    ctx = _Context(bill.text, analysis.structure, analysis.units, analysis.index, analysis.decider)
    return _explain(ctx, bill, catalogue, catalogue.offence(offence_id), ())


def _explain(ctx: _Context, bill: Bill, catalogue: Catalogue, offence: Offence,
             decisions: tuple[Decision, ...]) -> Explanation:
    result = ctx.decider.result(offence)
    finding = ctx.decider.best.get(offence.id)
    unit = _focus_unit(ctx, result, finding)
    elements = tuple(_element(ctx, offence, e, m, unit, result.by_reference)
                     for e, m in zip(offence.elements, result.elements))
    rule, decisive = _rule(ctx, offence, result, finding)
    decision = next((d for d in decisions if d.offence == offence.id), None)
    return Explanation(
        offence.id, offence.instrument, catalogue.instruments[offence.instrument].title, offence.article,
        offence.kind, offence.title, offence.summary, bill.path, ctx.decider.language, result.status,
        result.score, unit.provision.label if unit else "", _excerpt(ctx.text, unit), rule, decisive, elements,
        _links(ctx, offence, unit), _others(ctx, offence, unit), result.reason, decision,
        result.why,
    )


# --------------------------------------------------------------------------- the provision judged on


def _focus_unit(ctx: _Context, result: OffenceResult, finding: Finding | None) -> Unit | None:
    if result.by_reference and result.provisions:
        start = result.provisions[0].start
        return next(u for u in ctx.units if u.provision.start == start and u.provision.label == result.provisions[0].label)
    return finding.unit if finding is not None else None


def _excerpt(text: str, unit: Unit | None) -> str:
    if unit is None:
        return ""
    words = " ".join(text[unit.provision.start:unit.provision.end].split())
    return words if len(words) <= EXCERPT_CHARS else words[:EXCERPT_CHARS - 1] + "…"


# --------------------------------------------------------------------------- one element


def _element(ctx: _Context, offence: Offence, element: Element, match: ElementMatch, unit: Unit | None,
             by_reference: bool) -> ElementExplanation:
    phrases = element.phrases.get(ctx.decider.language, ())
    if match.found:
        place = Place(match.provision, match.quote, match.start, match.end,
                      _part_of(unit, match.start) if not by_reference else "reference")
        return ElementExplanation(element.id, element.role, element.required, element.core, phrases, True, place,
                                  match.phrase, match.score, None, ())
    ranges = _search_ranges(ctx, offence, unit)
    present = hits_within(ctx.decider.element_hits(offence, element), ranges)  # there, but not with the rest
    near = None if present else _near_miss(ctx, phrases, unit, ranges)
    return ElementExplanation(element.id, element.role, element.required, element.core, phrases, False, None, "",
                              0.0, near, _elsewhere(ctx, offence, element, unit))


def _part_of(unit: Unit | None, position: int) -> str:
    """own: in the provision's own words; chapeau: in the words of a parent; definition: of a term it uses."""
    if unit is None:
        return "offence"
    provision = unit.provision
    if provision.start <= position < provision.end:
        return "own"
    return "chapeau" if any(lo <= position < hi for lo, hi in unit.own) else "definition"


def _kind_of(ctx: _Context, offence: Offence, index: int) -> str:
    unit = ctx.units[index]
    if unit.provision.is_division:
        return "heading"
    if not unit.enacting:
        return "schedule"
    if unit.definition:
        return "definition"
    if unit.duty:
        return "duty"
    return "offence" if ctx.decider.eligible(offence, unit) else "no-offence"


def _elsewhere(ctx: _Context, offence: Offence, element: Element, unit: Unit | None) -> tuple[Place, ...]:
    hits = ctx.decider.element_hits(offence, element)
    inside = {id(h) for h in hits_within(hits, unit.context)} if unit else set()
    out: dict[int, Place] = {}
    qualified = ctx.decider.outside.get((offence.id, element.id), ())  # "a military aircraft"
    for hit in sorted((*qualified, *hits), key=lambda h: h.start):
        index = ctx.decider.locator.innermost(hit.start, preamble=True)
        if id(hit) in inside or index is None or index in out:
            continue
        label = ctx.structure.provisions[index].label
        kind = "outside" if hit in qualified else _kind_of(ctx, offence, index)
        out[index] = Place(label, ctx.text[hit.start:hit.end], hit.start, hit.end, kind)
        if len(out) == ELSEWHERE_LIMIT:
            break
    return tuple(out.values())


# --------------------------------------------------------------------------- the closest words


def _search_ranges(ctx: _Context, offence: Offence, unit: Unit | None) -> tuple[tuple[int, int], ...]:
    if unit is not None:
        return unit.context
    ranges = sorted({r for u in ctx.units if ctx.decider.eligible(offence, u) for r in u.own})
    return tuple(ranges) or ((0, len(ctx.text)),)


def _windows(ctx: _Context, ranges: tuple[tuple[int, int], ...], size: int) -> dict[str, tuple[int, int]]:
    """Every run of ``size`` consecutive tokens inside the ranges: folded words -> first and last token."""
    tokens = ctx.index.tokens
    out: dict[str, tuple[int, int]] = {}
    for lo, hi in ranges:
        first = bisect.bisect_left(tokens.starts, lo)
        last = bisect.bisect_left(tokens.starts, hi)
        while last > first and tokens.ends[last - 1] > hi:
            last -= 1
        for i in range(first, last - size + 1):
            out.setdefault(" ".join(tokens.forms[i:i + size]), (i, i + size - 1))
    return out


def _phrase_words(phrase: str, language: str) -> list[str]:
    """The folded words of a phrase, gaps left out; a Chinese phrase (written without spaces) cut into its words
    as the bill is."""
    if language in SEGMENTED:
        return [keys[0] for keys in phrase_keys(phrase, language) if keys != ("*",)]
    return [w for w in fold(phrase.lower()).split() if w != "*"]


def _near_miss(ctx: _Context, phrases: tuple[str, ...], unit: Unit | None,
               ranges: tuple[tuple[int, int], ...]) -> NearMiss | None:
    """The bill's words closest to one of the phrases: windows of as many words, compared with rapidfuzz."""
    cache: dict[int, dict[str, tuple[int, int]]] = {}
    best: tuple[float, str, str, tuple[int, int]] | None = None
    for phrase in phrases:
        words = _phrase_words(phrase, ctx.decider.language)
        if not words:
            continue
        windows = cache.setdefault(len(words), _windows(ctx, ranges, len(words)))
        found = process.extractOne(" ".join(words), list(windows), scorer=fuzz.ratio)
        if found and (best is None or found[1] > best[0]):
            best = (found[1], phrase, found[0], windows[found[0]])
    if best is None:
        return None
    score, phrase, _, (first, last) = best
    tokens = ctx.index.tokens
    start, end = tokens.starts[first], tokens.ends[last]
    index = ctx.decider.locator.innermost(start, preamble=True)
    label = ctx.structure.provisions[index].label if index is not None else ""
    return NearMiss(phrase, ctx.text[start:end], label, start, end, round(score, 1), _part_of(unit, start))


# --------------------------------------------------------------------------- how the status followed


def _rule(ctx: _Context, offence: Offence, result: OffenceResult, finding: Finding | None) -> tuple[str, tuple[str, ...]]:
    core = tuple(e.id for e in offence.elements if e.core)
    if result.by_reference:
        return "by-reference", ()
    if finding is None:
        return "no-candidate", core[:1]
    missing_core = tuple(m.element for m in finding.matches if m.element in core and not m.found)
    missing_required = tuple(m.element for m in finding.matches if m.required and not m.found)
    linked = offence.kind in ("ancillary", "obligation")
    own = ctx.decider.judge(offence, finding.unit).status if linked else finding.status
    if linked and own != "missing" and finding.status == "missing":
        return f"{offence.kind}-unlinked", ()
    if offence.kind == "ancillary" and own != finding.status:
        return "ancillary-capped", ()
    if finding.status == "covered":
        return "covered", tuple(e.id for e in offence.elements if e.required or e.core)
    if finding.status == "partial":
        return "partial", missing_required
    return "missing", missing_core


def _links(ctx: _Context, offence: Offence, unit: Unit | None) -> tuple[Link, ...]:
    if offence.kind == "obligation" and unit is not None:
        return tuple(Link(target, principal.unit.provision.label, principal.status, how)
                     for target, principal, how in ctx.decider.obligation_links(offence, unit))
    if offence.kind != "ancillary" or unit is None:
        return ()
    out = []
    for principal, how in ctx.decider.principal_links(offence, unit):
        target = next((o for o in offence.extends if ctx.decider.best.get(o) is principal), "")
        out.append(Link(target, principal.unit.provision.label, principal.status, how))
    return tuple(out)


def _others(ctx: _Context, offence: Offence, unit: Unit | None) -> tuple[Candidate, ...]:
    out = []
    for finding in ctx.decider.candidates(offence):
        if unit is not None and finding.unit.provision.index == unit.provision.index:
            continue
        missing = tuple(m.element for m in finding.matches if m.required and not m.found)
        out.append(Candidate(finding.unit.provision.label, finding.status, round(finding.score, 3), missing))
        if len(out) == OTHERS_LIMIT:
            break
    return tuple(out)

