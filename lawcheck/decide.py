"""Decide, for every offence of the checklist, whether the bill covers it, and keep the evidence.

* **covered**: one provision (read with its chapeau, definitions and references) holds every required
  element; **partial**: it holds every core element (conduct, object) but misses a required one;
  **missing**: no provision that creates an offence holds the core elements.
* Principal and ancillary offences count only in a provision that creates an offence and is not a duty
  of the State, a definition, or an entry of a schedule.
* An ancillary offence (attempt, complicity ...) counts where its own elements stand in a provision
  that covers a principal offence it extends, refers to the provision that does, or refers to every
  offence of the Act; its status is at most that of the principal offence.
* A provision that creates an offence "as defined in" a named instrument covers that instrument's
  offences by reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawcheck.context import Unit
from lawcheck.match import BillIndex, Hit, Hits, hits_within
from lawcheck.models import (
    Catalogue,
    Element,
    ElementMatch,
    Offence,
    OffenceResult,
    ProvisionRef,
    Status,
    Structure,
)

RANK: dict[str, int] = {"missing": 0, "partial": 1, "covered": 2}
BY_REFERENCE_SCORE = 0.9
BY_REFERENCE_WINDOW = 12  # words between "as defined in" and the instrument's name
QUOTE_MARGIN = 0  # characters of context around a quoted phrase


@dataclass(frozen=True)
class Finding:
    """An offence judged on one unit."""

    unit: Unit
    status: Status
    score: float
    matches: tuple[ElementMatch, ...]
    extra: tuple[int, ...] = ()  # other provisions the verdict rests on (e.g. the principal offence)
    note: str = ""  # why the status is what it is, when the elements alone do not say


class Decider:
    def __init__(self, text: str, structure: Structure, units: tuple[Unit, ...], index: BillIndex,
                 catalogue: Catalogue, language: str) -> None:
        self.text = text
        self.structure = structure
        self.units = units
        self.index = index
        self.catalogue = catalogue
        self.language = language
        drafting = catalogue.drafting[language]
        self.carve_outs = index.find_any(drafting.carve_out)
        self.by_reference_hits = index.find_any(drafting.by_reference)
        names = tuple(n for i in catalogue.instruments.values() for n in i.short_names.get(language, ()))
        self.name_spans = tuple((h.start, h.end) for h in index.find_any(names))  # words of a treaty's title
        self.provision_starts = [p.start for p in structure.provisions]
        self._hits: dict[tuple[str, str], tuple[Hit, ...]] = {}
        self.best: dict[str, Finding | None] = {}

    # ------------------------------------------------------------------ elements

    def element_hits(self, offence: Offence, element: Element) -> tuple[Hit, ...]:
        key = (offence.id, element.id)
        if key not in self._hits:
            hits = self.index.find_any(element.phrases.get(self.language, ()), self.carve_outs)
            inside_names = {id(h) for h in hits_within(hits, self.name_spans)}
            self._hits[key] = Hits(h for h in hits if id(h) not in inside_names)
        return self._hits[key]

    def _innermost_label(self, position: int) -> str:
        best = ""
        for provision in self.structure.provisions:
            if provision.start > position:
                break
            if position < provision.end:
                best = provision.label
        return best

    def _element_match(self, offence: Offence, element: Element, unit: Unit) -> ElementMatch:
        found = hits_within(self.element_hits(offence, element), unit.context)
        if not found:
            return ElementMatch(element.id, element.role, element.required, False)
        own = {(h.start, h.end) for h in hits_within(tuple(found), unit.own)}
        hit = max(found, key=lambda h: (h.score, (h.start, h.end) in own, -h.start))
        return ElementMatch(element.id, element.role, element.required, True, self._innermost_label(hit.start),
                            self.text[hit.start:hit.end], hit.start, hit.end, hit.score, hit.phrase)

    # ------------------------------------------------------------------ one unit

    def judge(self, offence: Offence, unit: Unit) -> Finding:
        matches = tuple(self._element_match(offence, e, unit) for e in offence.elements)
        found = {m.element for m in matches if m.found}
        required = [e for e in offence.elements if e.required]
        core = [e for e in offence.elements if e.core]
        if all(e.id in found for e in required) and all(e.id in found for e in core):
            status: Status = "covered"
        elif core and all(e.id in found for e in core):
            status = "partial"
        else:
            status = "missing"
        return Finding(unit, status, _score(offence, matches), matches)

    def _eligible(self, offence: Offence, unit: Unit) -> bool:
        if not unit.enacting or unit.definition:
            return False
        if offence.kind == "obligation":
            return True
        return unit.penal and not unit.duty

    def _quick_reject(self, offence: Offence, unit: Unit) -> bool:
        """True when the unit cannot hold the first core element (saves judging it)."""
        core = [e for e in offence.elements if e.core]
        return bool(core) and not hits_within(self.element_hits(offence, core[0]), unit.context)

    def best_finding(self, offence: Offence) -> Finding | None:
        best: Finding | None = None
        for unit in self.units:
            if not self._eligible(offence, unit) or self._quick_reject(offence, unit):
                continue
            finding = self.judge(offence, unit)
            if offence.kind == "ancillary":
                finding = self._ancillary(offence, finding)
            if best is None or _better(finding, best):
                best = finding
        return best

    # ------------------------------------------------------------------ ancillary offences

    def _principal_findings(self, offence: Offence) -> list[Finding]:
        out = []
        for target in offence.extends:
            if target not in self.best:
                self.best[target] = self.best_finding(self.catalogue.offence(target))
            finding = self.best[target]
            if finding is not None and finding.status != "missing":
                out.append(finding)
        return out

    def _ancillary(self, offence: Offence, finding: Finding) -> Finding:
        if finding.status == "missing":
            return finding
        unit = finding.unit
        linked: list[Finding] = []
        for principal in self._principal_findings(offence):
            target = principal.unit.provision
            same = principal.unit.provision.index == unit.provision.index
            refers = any(_contains(self.structure, ref, target.index) for ref in unit.refers_to)
            if same or refers or unit.whole_act:
                linked.append(principal)
        if not linked:
            return Finding(unit, "missing", finding.score * 0.5, finding.matches,
                           note=f"{unit.provision.label} has the words of this offence but does not extend a "
                                "provision that criminalises the principal offence.")
        principal = max(linked, key=lambda f: (RANK[f.status], f.score))
        status = finding.status if RANK[finding.status] <= RANK[principal.status] else principal.status
        note = ""
        if RANK[principal.status] < RANK[finding.status]:
            note = (f"{unit.provision.label} extends {principal.unit.provision.label}, which covers the principal "
                    "offence only in part.")
        return Finding(unit, status, min(finding.score, principal.score), finding.matches,
                       (principal.unit.provision.index,), note)

    # ------------------------------------------------------------------ incorporation by reference

    def by_reference(self, instrument: str) -> tuple[Unit, Hit] | None:
        """A provision creating an offence "as defined in" the named instrument, if there is one."""
        names = self.catalogue.instruments[instrument].short_names.get(self.language, ())
        name_hits = self.index.find_any(names)
        for unit in self.units:
            if not unit.enacting or unit.definition or not unit.penal or unit.duty:
                continue
            for cue in hits_within(self.by_reference_hits, unit.own):
                for name in hits_within(name_hits, unit.own):
                    if 0 <= name.first_token - cue.last_token <= BY_REFERENCE_WINDOW:
                        return unit, Hit(cue.start, name.end, cue.first_token, name.last_token, 1.0, name.phrase)
        return None

    # ------------------------------------------------------------------ results

    def result(self, offence: Offence) -> OffenceResult:
        if offence.id not in self.best:
            self.best[offence.id] = self.best_finding(offence)
        finding = self.best[offence.id]
        if offence.kind != "obligation" and (finding is None or finding.status != "covered"):
            reference = self.by_reference(offence.instrument)
            if reference is not None:
                return self._by_reference_result(offence, *reference)
        if finding is None:
            return self._missing(offence)
        return self._to_result(offence, finding)

    def _ref(self, index: int) -> ProvisionRef:
        p = self.structure.provisions[index]
        return ProvisionRef(p.label, p.path, p.start, p.end)

    def _to_result(self, offence: Offence, finding: Finding) -> OffenceResult:
        missing = tuple(m.element for m in finding.matches if m.required and not m.found)
        indexes = [finding.unit.provision.index, *finding.extra]
        labels = {m.provision for m in finding.matches if m.found}
        indexes += [p.index for p in self.structure.provisions if p.label in labels and p.index not in indexes]
        status = finding.status
        provisions = tuple(self._ref(i) for i in dict.fromkeys(indexes)) if status != "missing" else ()
        return OffenceResult(
            offence.id, offence.instrument, offence.article, offence.kind, offence.title, offence.optional,
            status, round(finding.score, 3), False, provisions, finding.matches, missing,
            _reason(offence, finding, missing),
        )

    def _by_reference_result(self, offence: Offence, unit: Unit, hit: Hit) -> OffenceResult:
        quote = self.text[hit.start:hit.end]
        matches = tuple(
            ElementMatch(e.id, e.role, e.required, True, unit.provision.label, quote, hit.start, hit.end,
                         BY_REFERENCE_SCORE, "by reference")
            for e in offence.elements
        )
        return OffenceResult(
            offence.id, offence.instrument, offence.article, offence.kind, offence.title, offence.optional,
            "covered", BY_REFERENCE_SCORE, True, (self._ref(unit.provision.index),), matches, (),
            f"{unit.provision.label} creates the offence by reference to the instrument (\u201c{quote}\u201d).",
        )

    def _missing(self, offence: Offence) -> OffenceResult:
        matches = tuple(ElementMatch(e.id, e.role, e.required, False) for e in offence.elements)
        missing = tuple(e.id for e in offence.elements if e.required)
        return OffenceResult(
            offence.id, offence.instrument, offence.article, offence.kind, offence.title, offence.optional,
            "missing", 0.0, False, (), matches, missing,
            "No provision that creates an offence holds the conduct and object of this offence.",
        )


def _contains(structure: Structure, outer: int, inner: int) -> bool:
    a, b = structure.provisions[outer], structure.provisions[inner]
    return a.start <= b.start and b.end <= a.end


def _score(offence: Offence, matches: tuple[ElementMatch, ...]) -> float:
    weights = {m.element: (1.0 if m.required else 0.25) for m in matches}
    total = sum(weights.values())
    got = sum(weights[m.element] * m.score for m in matches if m.found)
    return round(got / total, 3) if total else 0.0


def _better(a: Finding, b: Finding) -> bool:
    """Higher status, then score, then the more specific (deeper) provision, then the earlier one."""
    key_a = (RANK[a.status], a.score, len(a.unit.provision.path), -a.unit.provision.start)
    key_b = (RANK[b.status], b.score, len(b.unit.provision.path), -b.unit.provision.start)
    return key_a > key_b


def _reason(offence: Offence, finding: Finding, missing: tuple[str, ...]) -> str:
    if finding.note:
        return finding.note
    label = finding.unit.provision.label
    if finding.status == "covered":
        return f"{label} holds every required element."
    if finding.status == "partial":
        return f"{label} holds the core elements but not: {', '.join(missing)}."
    return f"Closest provision {label} lacks: {', '.join(missing) or 'core elements'}."


def decide(decider: Decider, offences: tuple[Offence, ...]) -> tuple[OffenceResult, ...]:
    return tuple(decider.result(offence) for offence in offences)
