"""Ratings, the most important gaps and the order of recommendations: what the reports show.

The rule (FATF style, per instrument; stated in every report through :data:`RULE_FIGURES`):

* Only the entries the instrument makes mandatory are rated (``optional`` entries are shown, not rated).
* A covered entry counts 1, a partial one ½, a missing one 0; the instrument's **score** is their mean.
* **Compliant**: every mandatory entry is covered.
* **Largely compliant**: score ≥ 80 % and no principal offence is missing.
* **Partially compliant**: score ≥ 40 % and at least one principal offence is covered or partial (or the
  instrument has no principal offence in the checklist).
* **Non-compliant**: otherwise.
* **N/A**: the instrument requires no offence (the checklist holds no mandatory principal or ancillary
  offence for it, e.g. tokyo-1963, whose entries are State duties).

The rating is *indicative*: it counts checklist entries, it does not weigh them as an assessor would.

A gap is a mandatory entry that is not covered. Gaps are ranked by legal weight: principal offences, then
ancillary offences, then obligations; within a kind, the instruments other instruments build on
(the checklist's instrument ``priority``: financing of terrorism, then terrorist bombings) before the rest; then missing
before partial; then instruments the bill sets out to implement (one entry covered or partial) before those
it does not touch; then gaps of the worse-rated instrument; then report order. When the State's instruments
are known (``party_to``: those it is party to or means to join, ``lawcheck check --party-to``), the gaps of
those instruments come before all others. The most important gaps take
the first gap of each instrument in that order before a second gap of any instrument, so that they show the
breadth of the work. Recommendations are grouped by instrument,
the worst-rated first (then the one with more principal offences missing, then report order).

Renderers call these functions; they decide nothing themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from lawcheck.models import Catalogue, InstrumentRating, OffenceResult, Rating, Report

RATINGS: tuple[Rating, ...] = ("compliant", "largely", "partially", "non", "na")
LARGELY_MIN = 0.8
PARTIALLY_MIN = 0.4
WEIGHT = {"covered": 1.0, "partial": 0.5, "missing": 0.0}
RULE_FIGURES = {"largely": round(LARGELY_MIN * 100), "partially": round(PARTIALLY_MIN * 100)}
_STATUS_RANK = {"missing": 0, "partial": 1, "covered": 2}
_KIND_RANK = {"principal": 0, "ancillary": 1, "obligation": 2}
NO_PRECEDENCE = 10**6  # an instrument without a checklist priority comes after those with one
OFFENCE_KINDS = ("principal", "ancillary")
_RATING_RANK = {"non": 0, "partially": 1, "largely": 2, "compliant": 3, "na": 4}




@dataclass(frozen=True)
class Recommendation:
    """What to do for one instrument: offences to create, provisions to complete, optional ones to consider."""

    instrument: str
    rating: Rating
    create: tuple[OffenceResult, ...]  # mandatory entries missing, most important first
    complete: tuple[OffenceResult, ...]  # mandatory entries partial
    consider: tuple[OffenceResult, ...]  # optional entries not covered


def rate(results: tuple[OffenceResult, ...] | list[OffenceResult]) -> tuple[Rating, float]:
    """The rating and score of one instrument from the results of its entries."""
    mandatory = [r for r in results if not r.optional]
    if not any(r.kind in OFFENCE_KINDS for r in mandatory):
        return "na", 0.0
    score = sum(WEIGHT[r.status] for r in mandatory) / len(mandatory)
    principal = [r for r in mandatory if r.kind == "principal"]
    if all(r.status == "covered" for r in mandatory):
        return "compliant", score
    if score >= LARGELY_MIN and all(r.status != "missing" for r in principal):
        return "largely", score
    if score >= PARTIALLY_MIN and (not principal or any(r.status != "missing" for r in principal)):
        return "partially", score
    return "non", score


def by_instrument(report: Report) -> dict[str, list[OffenceResult]]:
    """Results grouped by instrument, in the report's instrument order (every instrument present)."""
    groups: dict[str, list[OffenceResult]] = {i: [] for i in report.instruments}
    for result in report.results:
        groups.setdefault(result.instrument, []).append(result)
    return groups


def instrument_ratings(report: Report) -> tuple[InstrumentRating, ...]:
    """One rating per instrument of the report, in report order."""
    ratings = []
    for instrument, results in by_instrument(report).items():
        rating, score = rate(results)
        counts = {s: sum(1 for r in results if r.status == s) for s in WEIGHT}
        optional = sum(1 for r in results if r.optional)
        ratings.append(InstrumentRating(instrument, rating, score, counts["covered"], counts["partial"],
                                        counts["missing"], len(results) - optional, optional))
    return tuple(ratings)


def _rating_map(report: Report) -> dict[str, Rating]:
    return {r.instrument: r.rating for r in instrument_ratings(report)}


def untouched(report: Report) -> tuple[str, ...]:
    """The instruments of which the bill implements nothing (no entry covered or partial), in report order."""
    engaged = {r.instrument for r in report.results if r.status in ("covered", "partial")}
    return tuple(i for i in by_instrument(report) if i not in engaged)


def precedence(catalogue: Catalogue) -> dict[str, int]:
    """The instruments whose gaps come first (the checklist's ``priority``: 1 before 2 before the rest)."""
    return {i.id: i.priority for i in catalogue.instruments.values() if i.priority}


def gaps(report: Report, party_to: tuple[str, ...] | None = None,
         first: Mapping[str, int] | None = None) -> tuple[OffenceResult, ...]:
    """Every mandatory entry not covered, most important first (see the module's docstring); with
    ``party_to``, the gaps of the instruments the State is party to (or means to join) first; ``first``: the
    instruments that come first within a kind (:func:`precedence`)."""
    ratings = _rating_map(report)
    idle = set(untouched(report))
    order = {result.id: number for number, result in enumerate(report.results)}
    found = [r for r in report.results if not r.optional and r.status != "covered"]

    def weight(r: OffenceResult) -> tuple:
        foundational = (first or {}).get(r.instrument, NO_PRECEDENCE)
        outside = party_to is not None and r.instrument not in party_to
        return (outside, _KIND_RANK.get(r.kind, 3), foundational, _STATUS_RANK[r.status], r.instrument in idle,
                _RATING_RANK[ratings[r.instrument]], order[r.id])

    return tuple(sorted(found, key=weight))


def top_gaps(report: Report, count: int = 5, party_to: tuple[str, ...] | None = None,
             first: Mapping[str, int] | None = None) -> tuple[OffenceResult, ...]:
    """The ``count`` most important gaps: one per instrument first, then the next ones."""
    ranked = gaps(report, party_to, first)
    chosen: list[OffenceResult] = []
    seen: set[str] = set()
    for gap in ranked:
        if gap.instrument not in seen:
            chosen.append(gap)
            seen.add(gap.instrument)
    chosen = chosen[:count]
    for gap in ranked:
        if len(chosen) >= count:
            break
        if gap not in chosen:
            chosen.append(gap)
    return tuple(sorted(chosen, key=ranked.index))


def finding_order(report: Report, top: tuple[OffenceResult, ...], party_to: tuple[str, ...] | None = None,
                  first: Mapping[str, int] | None = None) -> list[OffenceResult]:
    """The results a report develops into findings: the gaps and expert decisions of the instruments the bill
    implements, with the ``top`` gaps of the others; instrument by instrument (the instrument of the most
    important gap first), by priority within each."""
    ranked = gaps(report, party_to, first)
    idle = set(untouched(report))
    rank = {r.id: n for n, r in enumerate(ranked)}
    chosen_top = {r.id for r in top}
    chosen = [r for r in report.results
              if (r.id in rank and (r.instrument not in idle or r.id in chosen_top)) or r.decision is not None]
    first: dict[str, int] = {}
    for r in chosen:
        first[r.instrument] = min(first.get(r.instrument, len(rank)), rank.get(r.id, len(rank)))
    order = {i: n for n, i in enumerate(report.instruments)}
    return sorted(chosen, key=lambda r: (first[r.instrument], order.get(r.instrument, 0), rank.get(r.id, len(rank))))


def recommendations(report: Report, party_to: tuple[str, ...] | None = None,
                    first: Mapping[str, int] | None = None) -> tuple[Recommendation, ...]:
    """What to do, instrument by instrument, the most urgent first (compliant and N/A ones left out; with
    ``party_to``, the instruments the State is party to first)."""
    ranked = gaps(report, party_to, first)
    order = {instrument: number for number, instrument in enumerate(report.instruments)}
    found = []
    for rating in instrument_ratings(report):
        if rating.rating in ("compliant", "na") and not _optional_gaps(report, rating.instrument):
            continue
        mine = [g for g in ranked if g.instrument == rating.instrument]
        found.append(Recommendation(
            rating.instrument, rating.rating,
            create=tuple(g for g in mine if g.status == "missing"),
            complete=tuple(g for g in mine if g.status == "partial"),
            consider=_optional_gaps(report, rating.instrument),
        ))
    return tuple(sorted(found, key=lambda r: (party_to is not None and r.instrument not in party_to,
                                              _RATING_RANK[r.rating],
                                              -sum(1 for g in r.create if g.kind == "principal"),
                                              order.get(r.instrument, len(order)))))


def _optional_gaps(report: Report, instrument: str) -> tuple[OffenceResult, ...]:
    return tuple(r for r in report.results if r.instrument == instrument and r.optional and r.status != "covered")
