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
* An obligation (jurisdiction, penalty, extradition ...) of an instrument that has principal offences
  counts only in a provision that applies to an offence implementing one of them: the offence provision
  itself or a provision of its article, one that refers to it (or to the Part holding it), or one that
  refers to every offence of the Act when the Act has such an offence.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from lawcheck.context import Ranges, Unit, article_of, division_reach, heading_span, merge
from lawcheck.match import (NEGATION_WINDOW, OUTSIDE_WINDOW, REPORTED_WINDOW, BillIndex, Hit, Hits,
                            as_written, clause_spans, drop_after, drop_before, drop_qualified, drop_reported,
                            hits_outside, hits_outside_ranges, hits_within, cue_token_ends)
from lawcheck.normalise import fold
from lawcheck.split import Locator, act_titles, ascii_digits
from lawcheck.models import (
    Catalogue,
    Element,
    ElementMatch,
    Offence,
    OffenceResult,
    Provision,
    ProvisionRef,
    Status,
    Structure,
    Why,
)

RANK: dict[str, int] = {"missing": 0, "partial": 1, "covered": 2}
ALSO_LIMIT = 2  # other articles cited where the same offence stands as fully
BY_REFERENCE_SCORE = 0.9
BY_REFERENCE_WINDOW = 12  # words between "as defined in" and the instrument's name
ENGAGE_WINDOW = 3  # words between "engages in" and the defined term it names
REACH_STEPS = 4  # definitions and references followed from an act's definition
DEFINITIONS_LOOKBACK = 4  # definitions before a position that may still span it


@dataclass(frozen=True)
class Finding:
    """An offence judged on one unit."""

    unit: Unit
    status: Status
    score: float
    matches: tuple[ElementMatch, ...]
    extra: tuple[int, ...] = ()  # other provisions the verdict rests on (e.g. the principal offence)
    note: str = ""  # why the status is what it is, when the elements alone do not say
    also: tuple[int, ...] = ()  # other articles that hold the offence as fully (cited after the evidence)
    why: Why | None = None  # the facts of ``note``


class Decider:
    def __init__(self, text: str, structure: Structure, units: tuple[Unit, ...], index: BillIndex,
                 catalogue: Catalogue, language: str) -> None:
        self.text = text
        self.structure = structure
        self.units = units
        self.index = index
        self.catalogue = catalogue
        self.language = language
        self.drafting = drafting = catalogue.drafting[language]
        self.carve_outs = index.find_any(drafting.carve_out)
        # « 本条规定不适用于军事、海关或者警察部门使用的航空器。»: where a language's words are short, a carve-out
        # reaches to the end of its clause (drafting `carve_out_reach: clause`), not only a few words
        self.carved = clause_spans(self.carve_outs, text) if drafting.carve_out_reach == "clause" else ()
        # a heading is not operative text: its "сообщение о" ("false message about a bomb") reports nothing
        # in the body below it, however close the body's first words stand
        headings = merge([span for p in structure.provisions if (span := heading_span(p, text))])
        cues = index.find_any(drafting.reported)
        in_headings = {id(h) for h in hits_within(cues, headings)}
        self.reported = Hits(h for h in cues if id(h) not in in_headings)
        self._cue_token_ends = cue_token_ends(self.reported)  # looked in for every act's hits
        self.negations = index.find_any(drafting.negation)
        self.means = index.find_any(drafting.means)
        if drafting.means_as_written:
            self.means = as_written(index, self.means)
        self.by_reference_hits = index.find_any(drafting.by_reference)
        names = tuple(n for i in catalogue.instruments.values() for n in i.short_names.get(language, ()))
        titles = [(h.start, h.end) for h in index.find_any(names)] + list(act_titles(text, language))
        # the words of a reference to an article name it, they are not terms: « المادة 396 » is "article 396",
        # not "the substance" (« مادة ») an element looks for
        references = [(r.start, r.end) for r in structure.crossrefs]
        # so are an article's own label words (« المادة (397) » opening article 397)
        labels = [span for p in structure.provisions if (span := _label_span(p, text))]
        self.name_spans = merge(titles + references + labels)  # words of a title, of a reference or of a label
        self.locator = Locator(structure.provisions)
        self.definition_starts = [d.start for d in structure.definitions]
        self.definition_users: dict[int, list[int]] = {}
        for unit in units:
            for used in unit.uses:
                self.definition_users.setdefault(used, []).append(unit.provision.index)
        self._hits: dict[tuple[str, str], tuple[Hit, ...]] = {}
        self._negated: dict[tuple[str, str], tuple[Hit, ...]] = {}  # circumstances a negation excludes
        self.outside: dict[tuple[str, str], tuple[Hit, ...]] = {}  # words a qualifier puts outside the treaty
        self._shared_hits: dict[tuple, tuple[Hits, Hits | None, Hits | None]] = {}  # -> hits, negated, outside
        self._hits_number: dict[tuple, int] = {}  # the keys of _shared_hits, numbered
        self._same_hits: dict[tuple[str, str], int] = {}  # (offence, element) -> the number of its hits' key
        self._matches: dict[tuple, ElementMatch] = {}  # see _element_match
        self._shapes: dict[str, int] = {}  # offence -> the number of its elements' shape (see judge)
        self._shape_numbers: dict[tuple, int] = {}
        self._judged: dict[tuple[int, int], Finding] = {}  # (shape, unit) -> finding
        self._anchors: dict[str, Element] = {}  # offence -> its anchor element (see _quick_reject)
        self._obligation_links: dict[tuple[str, int], list[tuple[str, Finding, str]]] = {}  # see obligation_links
        self._candidates: dict[tuple, list[Unit]] = {}  # (anchor phrases, role) -> candidate units
        self.best: dict[str, Finding | None] = {}
        self.principals: dict[str, tuple[str, ...]] = {}  # instrument -> ids of its principal offences
        for offence in catalogue.offences:
            if offence.kind == "principal":
                self.principals[offence.instrument] = (*self.principals.get(offence.instrument, ()), offence.id)
        self.covering: dict[str, list[Finding]] = {}  # principal offence -> every finding not missing
        self._cover_index: dict[str, tuple] = {}  # principal -> where its covering findings stand (_may_apply)
        self._term_starts: dict[int, list[tuple[int, Hit]]] | None = None  # token -> defined terms starting there
        self._by_reference: dict[str, tuple[Unit, Hit] | None] = {}
        self.division_reach = division_reach(structure)
        self._acts: list[tuple[Unit, Hit, Ranges]] | None = None
        self._formulas: Hits | None = None  # unconditional extraterritorial formulas, found once

    # ------------------------------------------------------------------ elements

    def element_hits(self, offence: Offence, element: Element) -> tuple[Hit, ...]:
        key = (offence.id, element.id)
        if key not in self._hits:
            # the hits follow from the element's phrases, role and qualifiers alone: elements that share them (an
            # offence and its attempt, the same act in several instruments) share the work
            language = self.language
            shared = (element.phrases.get(language, ()), element.role, element.outside.get(language, ()),
                      element.outside_after.get(language, ()))
            if shared not in self._shared_hits:
                self._shared_hits[shared] = self._element_hits(element)
                self._hits_number[shared] = len(self._hits_number)
            self._hits[key], negated, outside = self._shared_hits[shared]
            self._same_hits[key] = self._hits_number[shared]
            if negated is not None:
                self._negated[key] = negated
            if outside is not None:
                self.outside[key] = outside
        return self._hits[key]

    def _element_hits(self, element: Element) -> tuple[Hits, Hits | None, Hits | None]:
        """The element's hits, those a negation excludes (None unless it is a circumstance) and those a qualifier
        puts outside the treaty (None unless the element names such qualifiers)."""
        negated = outside_hits = None
        hits = self.index.find_any(element.phrases.get(self.language, ()), self.carve_outs)
        if self.carved:  # « 不适用于军事、海关或者警察部门使用的航空器 »: the whole clause is carved out
            hits = hits_outside_ranges(hits, self.carved)
        if element.role == "conduct" and self.reported:  # "information that a bomb has been placed"
            hits = Hits(drop_reported(hits, self.reported, REPORTED_WINDOW, self.text, self._cue_token_ends))
        if element.role == "conduct" and self.means:  # "seizes a ship by violence or threat of violence"
            hits = hits_outside(hits, self.means)
        if element.role == "circumstance" and self.negations:  # "aircraft not in service"
            kept = drop_after(hits, self.negations, NEGATION_WINDOW)
            negated = Hits(sorted(set(hits) - set(kept), key=lambda h: (h.start, h.end)))
            hits = Hits(kept)
        outside, after = element.outside.get(self.language, ()), element.outside_after.get(self.language, ())
        if outside or after:  # "a military aircraft" (Hague Art. 3(2)); "a funds account" (an account, not funds)
            kept = drop_qualified(hits, self.index.find_any(outside), self.text, OUTSIDE_WINDOW,
                                  self.drafting.list_separator, self.drafting.list_conjunctions) if outside else hits
            kept = drop_before(kept, self.index.find_any(after)) if after else kept
            outside_hits = Hits(sorted(set(hits) - set(kept), key=lambda h: (h.start, h.end)))
            hits = Hits(kept)
        inside_names = {id(h) for h in hits_within(hits, self.name_spans)}
        return Hits(h for h in hits if id(h) not in inside_names), negated, outside_hits

    def _innermost_label(self, position: int) -> str:
        index = self.locator.innermost(position, preamble=True)
        return self.structure.provisions[index].label if index is not None else ""

    def _definitions_holding(self, position: int) -> list[int]:
        """Indexes of the definitions whose span holds the position (definitions are in document order)."""
        definitions = self.structure.definitions
        i = bisect.bisect_right(self.definition_starts, position) - 1
        out = []
        for j in range(i, max(i - DEFINITIONS_LOOKBACK, -1), -1):  # definitions rarely nest: a few suffice
            if position < definitions[j].end:
                out.append(j)
        return out

    def candidate_units(self, offence: Offence) -> list[Unit]:
        """The units whose context may hold the offence's anchor element, in document order.

        Found from the element's hits (the provision holding a hit and those below it, and the units
        reading a definition that holds it), so the work follows the hits, not the size of the bill.
        """
        anchor = _anchor(offence)
        shared = (anchor.phrases.get(self.language, ()), anchor.role)  # offences with the same anchor: once
        if shared not in self._candidates:
            self._candidates[shared] = self._candidate_units(offence, anchor)
        return list(self._candidates[shared])

    def _candidate_units(self, offence: Offence, anchor: Element) -> list[Unit]:
        holders: set[int] = set()
        chosen: set[int] = set()
        for hit in self.element_hits(offence, anchor):
            holder = self.locator.innermost(hit.start, preamble=True)
            if holder is not None:
                holders.add(holder)
            for number in self._definitions_holding(hit.start):
                chosen.update(self.definition_users.get(number, ()))
        for holder in holders:
            chosen.update([holder] if self.structure.provisions[holder].is_division
                          else self.locator.descendants(holder))
        return [self.units[i] for i in sorted(chosen)]

    def _element_match(self, offence: Offence, element: Element, unit: Unit) -> ElementMatch:
        """The element looked for in the unit. What is found follows from the element's hits, its role and the
        unit alone: elements with the same hits (the same act in an offence, its attempt and several instruments)
        are looked for once per unit."""
        self.element_hits(offence, element)
        key = (self._same_hits[(offence.id, element.id)], element.id, element.required,
               offence.kind == "obligation", unit.provision.index)
        match = self._matches.get(key)
        if match is None:
            match = self._matches[key] = self._find_element(offence, element, unit)
        return match

    def _find_element(self, offence: Offence, element: Element, unit: Unit) -> ElementMatch:
        found = hits_within(self.element_hits(offence, element), unit.context)
        if offence.kind == "obligation" and element.role == "conduct":
            found = self._duty_words(found, unit)
        elif element.role == "conduct" and unit.graded:
            # an act named where the penalty is graded is a circumstance of the offence ("if the offender returns
            # the aircraft after seizing it"), not its act; the object it names still is the offence's ("the
            # penalty is increased when the object thrown is an explosive device")
            found = Hits(h for h in found if not any(lo <= h.start < hi for lo, hi in unit.graded))
        if not found and element.role != "conduct" and unit.referred:
            # "threatens to commit an offence under section 3": what is threatened is read from section 3;
            # the conduct itself must stand in the provision.
            found = hits_within(self.element_hits(offence, element), unit.referred)
        if not found:
            return ElementMatch(element.id, element.role, element.required, False)
        own = {(h.start, h.end) for h in hits_within(tuple(found), unit.own)}
        hit = max(found, key=lambda h: (h.score, (h.start, h.end) in own, -h.start))
        return ElementMatch(element.id, element.role, element.required, True, self._innermost_label(hit.start),
                            self.text[hit.start:hit.end], hit.start, hit.end, hit.score, hit.phrase)

    # ------------------------------------------------------------------ one unit

    def judge(self, offence: Offence, unit: Unit) -> Finding:
        """The offence judged on one unit. The finding follows from the unit and the offence's elements alone (their
        hits, roles and weights), not from which offence they are: offences with the same elements (an act, as
        several instruments list it) are judged once per unit."""
        key = (self._shape(offence), unit.provision.index)
        finding = self._judged.get(key)
        if finding is None:
            finding = self._judged[key] = self._judge(offence, unit)
        return finding

    def _shape(self, offence: Offence) -> int:
        """A number shared by the offences whose elements have the same hits, ids, roles and weights."""
        if offence.id not in self._shapes:
            for element in offence.elements:
                self.element_hits(offence, element)
            shape = (offence.kind == "obligation",
                     tuple((self._same_hits[(offence.id, e.id)], e.id, e.role, e.required, e.narrows, e.core)
                           for e in offence.elements))
            self._shapes[offence.id] = self._shape_numbers.setdefault(shape, len(self._shape_numbers))
        return self._shapes[offence.id]

    def _judge(self, offence: Offence, unit: Unit) -> Finding:
        matches = tuple(self._element_match(offence, e, unit) for e in offence.elements)
        found = {m.element for m in matches if m.found}
        required = [e for e in offence.elements if e.required and not e.narrows]  # a narrowing qualifier may go
        core = [e for e in offence.elements if e.core]
        every = all(e.id in found for e in offence.elements if e.required)
        if self._excludes(offence, unit, found):
            status: Status = "missing"  # "destroys an aircraft not in service": another offence, not a wider one
        elif self._borrowed_core(offence, matches, unit, every):
            # "refuses access to premises" where "premises" includes a ship: the ship is in a definition only,
            # and without all the treaty's elements nothing ties the provision to the treaty offence; with them
            # all, a provision whose own words hold none of the core elements is not that offence either
            status = "missing"
        elif all(e.id in found for e in required) and all(e.id in found for e in core):
            status = "covered"
        elif core and all(e.id in found for e in core):
            status = "partial"
        else:
            status = "missing"
        return Finding(unit, status, _score(offence, matches), matches)

    @staticmethod
    def _borrowed_core(offence: Offence, matches: tuple[ElementMatch, ...], unit: Unit, all_found: bool) -> bool:
        """Whether a core element stands only in the definition of a term the provision uses, not in its own
        words, its chapeau or the offence it refers to ("threatens to commit the offence of section 3"); when
        ``all_found`` (every required element found), whether every core element does (« يعاقب ... على كل إخلال
        بالسلامة » where « السلامة » is defined as the measures that prevent the theft of nuclear material: the
        theft is not the offence the provision creates)."""
        core = {e.id for e in offence.elements if e.core}
        read = (*unit.own, *unit.referred)
        borrowed = [not any(lo <= m.start < hi for lo, hi in read) for m in matches if m.found and m.element in core]
        return bool(borrowed) and all(borrowed) if all_found else any(borrowed)

    def _excludes(self, offence: Offence, unit: Unit, found: set[str]) -> bool:
        """Whether the provision's own words negate a circumstance of the offence that they do not also
        state ("aircraft not in service located at the airport" for damage to an aircraft in service)."""
        for element in offence.elements:
            if element.role == "circumstance" and element.id not in found and element.required:
                self.element_hits(offence, element)
                if hits_within(self._negated.get((offence.id, element.id), ()), unit.own):
                    return True
        return False

    def _eligible(self, offence: Offence, unit: Unit) -> bool:
        if not unit.enacting or unit.definition:
            return False
        if offence.kind == "obligation":
            return True
        return unit.penal and not unit.duty

    def _quick_reject(self, offence: Offence, unit: Unit) -> bool:
        """True when the unit cannot hold the offence's anchor element (saves judging it)."""
        anchor = self._anchors.get(offence.id)
        if anchor is None:
            anchor = self._anchors[offence.id] = _anchor(offence)
        return not hits_within(self.element_hits(offence, anchor), unit.context)

    def best_finding(self, offence: Offence) -> Finding | None:
        """The best finding, with (for a principal offence, in ``also``) the other articles where it stands as
        fully: a law may create the same offence twice (a specific offence and a general terrorism offence).
        For a principal offence, also records in :attr:`covering` every provision that covers it at least in
        part (what an obligation may apply to)."""
        best: Finding | None = None
        found: list[Finding] = []
        for unit in self.candidate_units(offence):
            if not self._eligible(offence, unit) or self._quick_reject(offence, unit):
                continue
            finding = self._linked(offence, self.judge(offence, unit))
            if finding.status != "missing":
                found.append(finding)
            if best is None or _better(finding, best):
                best = finding
        if offence.kind == "principal":
            self.covering[offence.id] = found
        if best is None or best.status == "missing" or offence.kind != "principal":
            return best
        return dataclasses.replace(best, also=self._also(best, found))

    def _also(self, best: Finding, found: list[Finding]) -> tuple[int, ...]:
        """Provisions of other articles holding the offence with the same status as the best, best first."""
        article = article_of(self.structure, best.unit.provision.index)
        seen, out = {article}, []
        for finding in sorted((f for f in found if f.status == best.status), key=_rank, reverse=True):
            other = article_of(self.structure, finding.unit.provision.index)
            if other not in seen and len(out) < ALSO_LIMIT:
                seen.add(other)
                out.append(finding.unit.provision.index)
        return tuple(out)

    def _linked(self, offence: Offence, finding: Finding) -> Finding:
        """The finding once an ancillary offence is tied to its principal offence, an obligation to the offences
        of its instrument."""
        if offence.kind == "ancillary":
            return self._ancillary(offence, finding)
        if offence.kind == "obligation":
            return self._obligation(offence, finding)
        return finding

    def _best(self, offence_id: str) -> Finding | None:
        if offence_id not in self.best:
            self.best[offence_id] = self.best_finding(self.catalogue.offence(offence_id))
        return self.best[offence_id]

    # ------------------------------------------------------------------ ancillary offences

    def _principal_findings(self, offence: Offence) -> list[Finding]:
        out = []
        for target in offence.extends:
            finding = self._best(target)
            if finding is not None and finding.status != "missing":
                out.append(finding)
        return out

    def _ancillary(self, offence: Offence, finding: Finding) -> Finding:
        if finding.status == "missing":
            return finding
        unit = finding.unit
        linked = [principal for principal, _ in self.principal_links(offence, unit)]
        if not linked:
            return Finding(unit, "missing", finding.score * 0.5, finding.matches,
                           note=f"{unit.provision.label} has the words of this offence but does not extend a "
                                "provision that criminalises the principal offence.",
                           why=Why("ancillary-unlinked", unit.provision.label))
        principal = max(linked, key=lambda f: (RANK[f.status], f.score))
        status = finding.status if RANK[finding.status] <= RANK[principal.status] else principal.status
        note, why = "", None
        if RANK[principal.status] < RANK[finding.status]:
            note = (f"{unit.provision.label} extends {principal.unit.provision.label}, which covers the principal "
                    "offence only in part.")
            why = Why("ancillary-capped", unit.provision.label, principal.unit.provision.label)
        return Finding(unit, status, min(finding.score, principal.score), finding.matches,
                       (principal.unit.provision.index,), note, why=why)

    def principal_links(self, offence: Offence, unit: Unit) -> list[tuple[Finding, str]]:
        """The principal offences (not missing) the unit extends, with how: "same" provision, "refers" to
        it by number, or "whole_act" (refers to every offence of the Act or Part)."""
        out: list[tuple[Finding, str]] = []
        for principal in self._principal_findings(offence):
            target = principal.unit.provision
            if target.index == unit.provision.index:
                out.append((principal, "same"))
            elif any(_contains(self.structure, ref, target.index) for ref in unit.refers_to):
                out.append((principal, "refers"))
            elif unit.whole_act:
                out.append((principal, "whole_act"))
        return out

    # ------------------------------------------------------------------ obligations

    def _obligation(self, offence: Offence, finding: Finding) -> Finding:
        if finding.status == "missing" or not self.principals.get(offence.instrument):
            return finding
        if self.obligation_links(offence, finding.unit):
            return finding
        return Finding(finding.unit, "missing", finding.score * 0.5, finding.matches,
                       note=f"{finding.unit.provision.label} has the words of this obligation but applies to offences "
                            "that do not implement this instrument's offences.",
                       why=Why("obligation-unlinked", finding.unit.provision.label))

    def obligation_links(self, offence: Offence, unit: Unit) -> list[tuple[str, Finding, str]]:
        """The principal offences of the obligation's instrument that the unit applies to, one link each: the
        offence, a provision covering it at least in part (or creating it by reference), and how: "same"
        provision, "within" its article, "refers" to it, or "whole_act" (every offence of the Act).

        They follow from the instrument and the unit alone (the instrument's principal offences are judged first):
        found once for all the obligations of an instrument (jurisdiction bases, penalties, extradition ...)."""
        key = (offence.instrument, unit.provision.index)
        if key not in self._obligation_links:
            self._obligation_links[key] = self._links_of_obligation(offence, unit)
        return list(self._obligation_links[key])

    def _links_of_obligation(self, offence: Offence, unit: Unit) -> list[tuple[str, Finding, str]]:
        reference = self._reference_finding(offence.instrument)
        out: list[tuple[str, Finding, str]] = []
        for principal in self.principals.get(offence.instrument, ()):
            self._best(principal)
            covering = [*self.covering.get(principal, ()), *([reference] if reference else [])]
            for finding in self._may_apply(principal, covering, unit):
                how = _applies_to(self.structure, self.division_reach, unit, finding.unit)
                if how:
                    out.append((principal, finding, how))
                    break
            else:
                if unit.whole_act and covering:
                    out.append((principal, covering[0], "whole_act"))
        if not out:  # "(2) The Convention may be treated as an extradition arrangement for the offences to which
            out = self._section_links(offence, unit)  # it relates": read with the section's other subsections
        return out

    def _may_apply(self, principal: str, covering: list[Finding], unit: Unit) -> list[Finding]:
        """The covering findings a unit may apply to, in their order: those in its own article and, when it
        refers to provisions, those inside what it refers to or holding it. Saves judging every finding
        against every obligation provision of a long law."""
        key = (principal, len(covering))
        if self._cover_index.get(principal, (None,))[0] != key:
            by_article: dict[int, list[int]] = {}
            by_unit: dict[int, list[int]] = {}
            starts = sorted((f.unit.provision.start, i) for i, f in enumerate(covering))
            for i, f in enumerate(covering):
                by_article.setdefault(article_of(self.structure, f.unit.provision.index), []).append(i)
                by_unit.setdefault(f.unit.provision.index, []).append(i)
            self._cover_index[principal] = (key, by_article, by_unit, starts)
        _, by_article, by_unit, starts = self._cover_index[principal]
        chosen = set(by_article.get(article_of(self.structure, unit.provision.index), ()))
        provisions = self.structure.provisions
        for ref in unit.refers_to:
            lo, hi = self.division_reach.get(ref, (provisions[ref].start, provisions[ref].end))
            first = bisect.bisect_left(starts, (lo, -1))
            chosen.update(i for _, i in starts[first:bisect.bisect_left(starts, (hi, -1))])
            cursor: int | None = ref  # a finding holding what the unit refers to ("section 3(1)(a)" in section 3)
            while cursor is not None:
                chosen.update(by_unit.get(cursor, ()))
                cursor = provisions[cursor].parent
        return [covering[i] for i in sorted(chosen)]

    def _section_links(self, offence: Offence, unit: Unit) -> list[tuple[str, Finding, str]]:
        """The links of the other provisions of the unit's section, for a subsection that names no offence."""
        article = article_of(self.structure, unit.provision.index)
        if unit.refers_to or unit.whole_act or article == unit.provision.index:
            return []
        out: list[tuple[str, Finding, str]] = []
        for index in self.locator.descendants(article):
            sibling = self.units[index]
            if index == unit.provision.index or not (sibling.refers_to or sibling.whole_act):
                continue
            out = [(p, f, "section") for p, f, _ in self.obligation_links(offence, sibling)]
            if out:
                break
        return out

    def _reference_finding(self, instrument: str) -> Finding | None:
        """The provision creating the instrument's offences by reference, as a finding that covers them."""
        found = self.by_reference(instrument)
        return Finding(found[0], "covered", BY_REFERENCE_SCORE, ()) if found else None

    def candidates(self, offence: Offence) -> list[Finding]:
        """The offence judged on every eligible unit that holds its first core element, best first.

        For explanations: the same judgements :meth:`best_finding` compares, all of them kept.
        """
        out = []
        for unit in self.candidate_units(offence):
            if not self._eligible(offence, unit) or self._quick_reject(offence, unit):
                continue
            out.append(self._linked(offence, self.judge(offence, unit)))
        return sorted(out, key=_rank, reverse=True)

    def eligible(self, offence: Offence, unit: Unit) -> bool:
        """Whether the unit can hold this offence at all (creates an offence; not a duty, definition or schedule)."""
        return self._eligible(offence, unit)

    # ------------------------------------------------------------------ incorporation by reference

    def by_reference(self, instrument: str) -> tuple[Unit, Hit] | None:
        """A provision creating an offence "as defined in" the named instrument, if there is one: in its own
        words, or through the act it punishes ("engages in a terrorist act", where "terrorist act" is defined
        as an offence "as defined in" a convention listed in a schedule that names this one)."""
        if instrument not in self._by_reference:
            self._by_reference[instrument] = self._find_by_reference(instrument)
        return self._by_reference[instrument]

    def _find_by_reference(self, instrument: str) -> tuple[Unit, Hit] | None:
        names = self.catalogue.instruments[instrument].short_names.get(self.language, ())
        name_hits = self.index.find_any(names)
        for unit in self.units:
            if not unit.enacting or unit.definition or not unit.penal or unit.duty:
                continue
            for cue in hits_within(self.by_reference_hits, unit.own):
                for name in hits_within(name_hits, unit.own):
                    if 0 <= name.first_token - cue.last_token <= BY_REFERENCE_WINDOW:
                        return unit, Hit(cue.start, name.end, cue.first_token, name.last_token, 1.0, name.phrase)
        for unit, entry, reach in self._acts_by_definition():
            if hits_within(self.by_reference_hits, reach) and hits_within(name_hits, reach):
                return unit, entry
        return None

    def _acts_by_definition(self) -> list[tuple[Unit, Hit, Ranges]]:
        """Offence provisions whose conduct is doing an act a defined term names ("engages in a terrorist
        act"), each with the words that say so and what the act's definition reaches: the definition, the
        definitions of the terms it uses, and the provisions and schedules they refer to (a few steps)."""
        if self._acts is None:
            self._acts = []
            phrases = self.drafting.engage
            engage = self.index.find_any(phrases)
            finite = {" ".join(fold(p).split()) for p in phrases}  # the forms as listed, not their lemmas
            for unit in self.units:
                if not unit.enacting or unit.definition or not unit.penal or unit.duty:
                    continue
                for verb in hits_within(engage, unit.own):
                    if " ".join(fold(self.text[verb.start:verb.end]).split()) not in finite:
                        continue  # "for the purpose of carrying out a terrorist activity": a purpose, not the act
                    entry = self._defined_act(verb)
                    if entry is not None:
                        term_hit, definitions = entry
                        hit = Hit(verb.start, term_hit.end, verb.first_token, term_hit.last_token, 1.0, term_hit.phrase)
                        self._acts.append((unit, hit, self._reach(definitions)))
                        break
        return self._acts

    def _defined_act(self, verb: Hit) -> tuple[Hit, list[int]] | None:
        """The defined term named just after "engages in" (within a few words), with its definitions."""
        if self._term_starts is None:  # token -> (definition number, hit of its term starting there)
            self._term_starts = {}
            for number, definition in enumerate(self.structure.definitions):
                for hit in self._term_hits(definition.term):
                    self._term_starts.setdefault(hit.first_token, []).append((number, hit))
        near = [found for token in range(verb.last_token + 1, verb.last_token + ENGAGE_WINDOW + 1)
                for found in self._term_starts.get(token, ())]
        if not near:
            return None
        number, hit = min(near, key=lambda found: (found[0], found[1].start))
        term = self.structure.definitions[number].term.lower()
        same = [i for i, d in enumerate(self.structure.definitions) if d.term.lower() == term]
        return hit, same or [number]

    def _term_hits(self, term: str) -> Hits:
        return self.index.find(term)

    def _reach(self, definitions: list[int]) -> Ranges:
        """The spans of the definitions, then of the definitions of the terms used in them and of the
        provisions (schedules included) they refer to, for REACH_STEPS steps."""
        provisions, all_definitions = self.structure.provisions, self.structure.definitions
        spans = [(all_definitions[i].start, all_definitions[i].end) for i in definitions]
        seen_definitions, seen_targets = set(definitions), set()
        frontier = merge(spans)
        for _ in range(REACH_STEPS):
            new: list[tuple[int, int]] = []
            for number, definition in enumerate(all_definitions):
                if number not in seen_definitions and hits_within(self._term_hits(definition.term), frontier):
                    seen_definitions.add(number)
                    new.append((definition.start, definition.end))
            for ref in self.structure.crossrefs:
                if ref.target is not None and ref.target not in seen_targets and any(lo <= ref.start < hi for lo, hi in frontier):
                    seen_targets.add(ref.target)
                    new.append((provisions[ref.target].start, provisions[ref.target].end))
            if not new:
                break
            spans += new
            frontier = merge(new)
        return merge(spans)

    # ------------------------------------------------------------------ results

    def result(self, offence: Offence) -> OffenceResult:
        finding = self._best(offence.id)
        if offence.kind != "obligation" and (finding is None or finding.status != "covered"):
            reference = self.by_reference(offence.instrument)
            if reference is not None:
                return self._by_reference_result(offence, *reference)
        if finding is None:
            return self._missing(offence)
        return self._to_result(offence, finding)

    def _duty_words(self, found: Hits, unit: Unit) -> Hits:
        """The act of a State's duty stands in the provision's own words: a definition of a term it uses gives
        that term's meaning, and the words inside it impose nothing ("in flight ... until a door is opened for
        disembarkation" is no duty to let the commander disembark a person). The scope of a defined offence
        ("terrorist activity means an act ... in or outside Canada") is the one exception: an unconditional
        extraterritorial formula meets jurisdiction wherever it stands."""
        formulas = self._extraterritorial_formulas()
        return Hits(h for h in found if any(lo <= h.start < hi for lo, hi in unit.own)
                    or any(f.start <= h.start < f.end or h.start <= f.start < h.end for f in formulas))

    def _extraterritorial_formulas(self) -> Hits:
        if self._formulas is None:
            self._formulas = self.index.find_any(self.drafting.extraterritorial)
        return self._formulas

    def _extraterritorial(self, finding: Finding) -> bool:
        """Whether the finding rests on an unconditional extraterritorial formula ("whether in or outside")."""
        formulas = self._extraterritorial_formulas()
        found = [(m.start, m.end) for m in finding.matches if m.found and m.start >= 0]
        return any(f.start <= lo < f.end or lo <= f.start < hi for f in formulas for lo, hi in found)

    def _ref(self, index: int) -> ProvisionRef:
        p = self.structure.provisions[index]
        return ProvisionRef(p.label, p.path, p.start, p.end)

    def _to_result(self, offence: Offence, finding: Finding) -> OffenceResult:
        narrowing = {e.id for e in offence.elements if e.narrows}
        missing = tuple(m.element for m in finding.matches if m.required and not m.found and m.element not in narrowing)
        wider = tuple(m.element for m in finding.matches if not m.found and m.element in narrowing)
        indexes = [finding.unit.provision.index, *finding.unit.penalised_by, *finding.extra]
        holders = (self.locator.innermost(m.start, preamble=True) for m in finding.matches if m.found)
        indexes += sorted({h for h in holders if h is not None} - set(indexes))
        indexes += [i for i in finding.also if i not in indexes]
        status = finding.status
        provisions = tuple(self._ref(i) for i in dict.fromkeys(indexes)) if status != "missing" else ()
        reason = _reason(offence, finding, missing, wider if status == "covered" else ())
        why = _why(finding, missing, wider if status == "covered" else ())
        if status != "missing" and offence.kind == "obligation" and self._extraterritorial(finding):
            reason += (" The clause applies whether the offence is committed in or outside the State, with no"
                       " condition: it meets this jurisdiction basis and the others at once.")
            why = dataclasses.replace(why, extraterritorial=True)
        return OffenceResult(
            offence.id, offence.instrument, offence.article, offence.kind, offence.title, offence.optional,
            status, round(finding.score, 3), False, provisions, finding.matches, missing,
            reason,
            wider=wider if status != "missing" else (), why=why,
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
            why=Why("by-reference", unit.provision.label, quote=quote),
        )

    def _missing(self, offence: Offence) -> OffenceResult:
        matches = tuple(ElementMatch(e.id, e.role, e.required, False) for e in offence.elements)
        missing = tuple(e.id for e in offence.elements if e.required)
        return OffenceResult(
            offence.id, offence.instrument, offence.article, offence.kind, offence.title, offence.optional,
            "missing", 0.0, False, (), matches, missing,
            "No provision of the bill holds the core elements of this obligation." if offence.kind == "obligation"
            else "No provision that creates an offence holds the conduct and object of this offence.",
            why=Why("none", obligation=offence.kind == "obligation"),
        )


_LABEL_LOOKAHEAD = 80


def _label_span(provision: Provision, text: str) -> tuple[int, int] | None:
    """Where an article's printed label stands at its start: its word and its number, as printed ("Article 5",
    « المادة (5) », « المادة 87 مكرر 4 »); None for a provision that does not open with its number."""
    if provision.level not in ("article", "section") or not provision.num:
        return None
    window = ascii_digits(text[provision.start:provision.start + _LABEL_LOOKAHEAD])  # same offsets
    number = r"\s*".join(re.escape(part) for part in provision.num.split())
    match = re.match(rf"[^\d\n]{{0,30}}?\(?\s*{number}\s*\)?", window)
    return (provision.start, provision.start + match.end()) if match else None


def _anchor(offence: Offence) -> Element:
    """The element a provision must hold itself: the first core conduct element, else the first core one."""
    core = [e for e in offence.elements if e.core] or list(offence.elements)
    return next((e for e in core if e.role == "conduct"), core[0])


def _contains(structure: Structure, outer: int, inner: int) -> bool:
    a, b = structure.provisions[outer], structure.provisions[inner]
    return a.start <= b.start and b.end <= a.end


def _applies_to(structure: Structure, reach: dict[int, tuple[int, int]], unit: Unit, target: Unit) -> str:
    """How the unit applies to the offence of the target provision: "same" provision, "within" the target's
    article (a penalty subsection beside the offence), "refers" to it, to a provision inside it or to a Part,
    Title or Chapter reaching it (``reach``, see :func:`~lawcheck.context.division_reach`); "" when none."""
    here, there = unit.provision.index, target.provision.index
    if here == there:
        return "same"
    if _contains(structure, article_of(structure, there), here):
        return "within"
    provisions = structure.provisions
    for ref in unit.refers_to:
        lo, hi = reach.get(ref, (provisions[ref].start, provisions[ref].end))
        if lo <= provisions[there].start and provisions[there].end <= hi or _contains(structure, there, ref):
            return "refers"
    return ""


def _score(offence: Offence, matches: tuple[ElementMatch, ...]) -> float:
    weights = {m.element: (1.0 if m.required else 0.25) for m in matches}
    total = sum(weights.values())
    got = sum(weights[m.element] * m.score for m in matches if m.found)
    return round(got / total, 3) if total else 0.0


def _rank(f: Finding) -> tuple:
    return (RANK[f.status], f.score, len(f.unit.provision.path), -f.unit.provision.start)


def _better(a: Finding, b: Finding) -> bool:
    """Higher status, then score, then the more specific (deeper) provision, then the earlier one."""
    return _rank(a) > _rank(b)


def _labels(offence: Offence, ids: tuple[str, ...]) -> str:
    return ", ".join(e.label_in("en") for i in ids if (e := offence.element(i)) is not None)


def _reason(offence: Offence, finding: Finding, missing: tuple[str, ...], wider: tuple[str, ...] = ()) -> str:
    if finding.note:
        return finding.note
    label = finding.unit.provision.label
    if finding.status == "covered" and wider:
        return (f"{label} holds every element the treaty requires and omits what only narrows it "
                f"({_labels(offence, wider)}): wider than the treaty, compliant.")
    if finding.status == "covered":
        return f"{label} holds every required element."
    if finding.status == "partial":
        return f"{label} holds the core elements but not: {_labels(offence, missing)}."
    return f"Closest provision {label} lacks: {_labels(offence, missing) or 'core elements'}."


def _why(finding: Finding, missing: tuple[str, ...], wider: tuple[str, ...] = ()) -> Why:
    """The facts :func:`_reason` states (element ids, not labels: a renderer says them in its language)."""
    if finding.why is not None:
        return finding.why
    label = finding.unit.provision.label
    if finding.status == "covered":
        return Why("wider", label, elements=wider) if wider else Why("covered", label)
    return Why("partial" if finding.status == "partial" else "closest", label, elements=missing)


def decide(decider: Decider, offences: tuple[Offence, ...]) -> tuple[OffenceResult, ...]:
    return tuple(decider.result(offence) for offence in offences)
