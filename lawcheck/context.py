"""Read each provision together with what it depends on.

A :class:`Unit` is one provision as a lawyer reads it: its own words, the chapeau above it (the own
words of its parents up to the article) and the definitions of the terms it uses; it also knows the
provisions it refers to (an ancillary clause extends the offences of the provisions it names). It also says what kind of provision it is: one that creates an offence (a penal phrase in
its article or in a provision that refers to it), a duty of the State, a definition, a schedule entry.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from lawcheck.match import BillIndex, Hits, hits_outside, hits_within, merge
from lawcheck.models import Definition, Drafting, Provision, Structure
from lawcheck.normalise import fold
from lawcheck.split import Locator

Ranges = tuple[tuple[int, int], ...]
_PARAGRAPH_OPENING = " \t\"“«'‘*-وف"  # what may stand before a paragraph's first word: quotes, markup, و / ف


@dataclass(frozen=True)
class Unit:
    provision: Provision
    own: Ranges  # its own words and its chapeau
    context: Ranges  # own + the definitions of the terms it uses
    penal: bool  # creates an offence
    duty: bool  # a duty of the State
    definition: bool  # defines a term
    enacting: bool  # not a heading, preamble or schedule entry
    whole_act: bool  # refers to every offence of the Act / Part
    refers_to: tuple[int, ...]  # provision indexes it refers to
    uses: tuple[int, ...] = ()  # indexes (in Structure.definitions) of the definitions read with it
    referred: Ranges = ()  # the text of the provisions it refers to ("an offence under section 3")
    penalised_by: tuple[int, ...] = ()  # provisions that make it an offence by reference ("an act mentioned in 10(1)")
    graded: Ranges = ()  # paragraphs of its own words that grade the penalty ("La pena se aumentará ... cuando")


def _nearer(candidate: Definition, best: Definition, position: int) -> bool:
    """Whether ``candidate`` is a better definition than ``best`` for a provision at ``position``."""
    candidate_before, best_before = candidate.start <= position, best.start <= position
    if candidate_before != best_before:
        return candidate_before
    return candidate.start > best.start if candidate_before else candidate.start < best.start


def heading_span(provision: Provision, text: str) -> tuple[int, int] | None:
    """Where the provision's heading (marginal note) stands in its own words, if it has one there."""
    if not provision.heading:
        return None
    found = text.find(provision.heading, provision.start, provision.own_end)
    return (found, found + len(provision.heading)) if found >= 0 else None


def _cut(segments: list[tuple[int, int]], hole: tuple[int, int] | None) -> list[tuple[int, int]]:
    if hole is None:
        return segments
    out = []
    for lo, hi in segments:
        out += [(lo, min(hi, hole[0])), (max(lo, hole[1]), hi)]
    return [(lo, hi) for lo, hi in out if hi > lo]


def own_segments(structure: Structure, index: int, text: str | None = None) -> list[tuple[int, int]]:
    """The provision's span minus its children's spans (its own words, before and after them).

    With ``text``, its heading is left out too: a marginal note is not operative text.
    """
    provision = structure.provisions[index]
    segments, cursor = [], provision.start
    for child in provision.children:
        segments.append((cursor, structure.provisions[child].start))
        cursor = structure.provisions[child].end
    segments.append((cursor, provision.end))
    segments = [(lo, hi) for lo, hi in segments if hi > lo]
    if text is None:
        return segments
    return [(lo, hi) for lo, hi in _cut(segments, heading_span(provision, text)) if text[lo:hi].strip()]


def _minus(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = [span]
    for hole in holes:
        out = _cut(out, hole)
    return out


def _ancestors(structure: Structure, index: int) -> list[int]:
    """The provisions above, up to its article: a provision inserted into another act by an amending
    article is not read with the amending article's words ("Section 431 is replaced by the following:")."""
    out, cursor = [], structure.provisions[index].parent
    if structure.provisions[index].level == "article":
        return out
    while cursor is not None and not structure.provisions[cursor].is_division:
        out.append(cursor)
        if structure.provisions[cursor].level == "article":
            break
        cursor = structure.provisions[cursor].parent
    return out


def article_of(structure: Structure, index: int) -> int:
    """The article (section) holding the provision: its top ancestor below any Part or Chapter."""
    chain = [index, *_ancestors(structure, index)]
    return chain[-1]


DIVISION_RANK = {"book": 0, "part": 1, "title": 1, "chapter": 2, "division": 3}  # a schedule closes every division


def _part_of(structure: Structure, index: int, article: int) -> int:
    """The child of ``article`` that holds ``index`` (the article itself when ``index`` is the article)."""
    cursor = index
    while structure.provisions[cursor].parent not in (article, None):
        cursor = structure.provisions[cursor].parent
    return cursor


def division_reach(structure: Structure) -> dict[int, tuple[int, int]]:
    """The span a reference to each Part, Title or Chapter reaches: from its heading to the next division of the
    same or a higher rank, or a schedule (a Title reaches its Chapters even where the splitter reads them as
    its siblings); a schedule reaches its own span."""
    provisions = structure.provisions
    out: dict[int, tuple[int, int]] = {}
    open_: list[tuple[int, int]] = []  # (division index, rank), outermost first
    for p in provisions:
        if not p.is_division:
            continue
        rank = DIVISION_RANK.get(p.level, -1)
        while open_ and (rank < 0 or open_[-1][1] >= rank):
            index, _ = open_.pop()
            out[index] = (provisions[index].start, max(provisions[index].end, p.start))
        if rank < 0:
            out[p.index] = (p.start, p.end)
        else:
            open_.append((p.index, rank))
    end_of_text = max((p.end for p in provisions), default=0)
    for index, _ in open_:
        out[index] = (provisions[index].start, end_of_text)
    return out


# characters between a reference and the words of the penalty it lends (« 第一条的规定处罚 »: the particle 的)
_BORROW_GAP = 2


def _in_schedule(structure: Structure, index: int) -> bool:
    cursor: int | None = index
    while cursor is not None:
        if structure.provisions[cursor].level in ("schedule", "preamble"):
            return True
        cursor = structure.provisions[cursor].parent
    return False


class UnitBuilder:
    """Builds the units of one bill; drafting phrases are looked up once through the index."""

    def __init__(self, text: str, structure: Structure, index: BillIndex, drafting: Drafting) -> None:
        self.text = text
        self.structure = structure
        self.index = index
        self.penal_hits = hits_outside(index.find_any(drafting.penal), index.find_any(drafting.offender))
        self.borrowed_hits = index.find_any(drafting.borrowed_penalty)
        self.duty_hits = index.find_any(drafting.duty)
        self.graded = self._grading_paragraphs(index.find_any(drafting.penalty_change))
        self.whole_act_hits = index.find_any(drafting.whole_act)
        self.defined_in = structure.interpretive
        self.locator = Locator(structure.provisions)
        self._definition_index = {d: i for i, d in enumerate(structure.definitions)}
        self.term_hits = {d.term: index.find(d.term) for d in structure.definitions}
        self._term_keys = {d.term: fold(d.term) for d in structure.definitions}
        self._glossary: dict[Definition, tuple[Definition, ...]] = {}  # meaning -> the glossary terms it uses
        self._glossaries: dict[int, list[Definition]] | None = None  # article -> its definitions of 2+ words
        self._penal_parts: set[int] = set()  # the subsections of penal articles that hold or receive the penalty
        self._last_penal_part: dict[int, int | None] = {}  # article -> start of its last penal part (None: all)
        self._penalising: dict[int, list[int]] = {}  # provision -> the penal provisions of other articles naming it
        self._worded: set[int] = set()  # articles whose own text has penal words
        self._penal_articles = self._articles_with_penalty()
        self._definitions_near = self._near([(d, h.start) for d in structure.definitions for h in self.term_hits[d.term]])
        self._references_near = self._near([(r, r.start) for r in structure.crossrefs if r.target is not None])

    def _near(self, items: list) -> dict[int, list]:
        """Group items (definitions, references) by the units whose own words may hold them: the innermost
        provision holding the item's position and all below it (a sub-paragraph is read with its
        chapeau). A superset: callers check the exact ranges."""
        by_holder: dict[int, list] = {}
        for item, position in items:
            holder = self.locator.innermost(position, preamble=True)
            if holder is not None:
                by_holder.setdefault(holder, []).append(item)
        out: dict[int, list] = {}
        for holder, held in by_holder.items():
            below = [holder] if self.structure.provisions[holder].is_division else self.locator.descendants(holder)
            for unit in below:
                out.setdefault(unit, []).extend(held)
        return {unit: list(dict.fromkeys(held)) for unit, held in out.items()}

    def _articles_with_penalty(self) -> set[int]:
        """Articles whose text has a penal phrase, or that a provision with one refers to."""
        out: set[int] = set()
        structure = self.structure
        for provision in structure.provisions:
            if provision.level == "article" and hits_within(self.penal_hits, ((provision.start, provision.end),)):
                out.add(provision.index)
                self._worded.add(provision.index)
                self._penal_parts.update(c for c in provision.children
                                         if hits_within(self.penal_hits, ((structure.provisions[c].start,
                                                                           structure.provisions[c].end),)))
        for ref in structure.crossrefs:
            if ref.target is None:
                continue
            own = merge(own_segments(structure, ref.source))
            if hits_within(self.penal_hits, own) and not hits_within(self.duty_hits, own):
                article = article_of(structure, ref.target)
                out.add(article)
                self._penal_parts.add(_part_of(structure, ref.target, article))
                if article_of(structure, ref.source) != article:
                    self._penalising.setdefault(ref.target, []).append(ref.source)
        # a provision punished "as article X provides" borrows the penalty of an article whose own words carry one
        # (« 以暴力劫持船舶的，依照本法第一条的规定处罚 »): it creates an offence of its own conduct. The words of the
        # penalty follow the reference (« 本法第一条 » « 的 » « 规定处罚 »); a reference elsewhere in the provision (a
        # carve-out: « 前款规定不适用于本法第八条规定的犯罪 ») lends nothing
        for ref in structure.crossrefs:
            if ref.target is None or article_of(structure, ref.target) not in self._worded:
                continue
            at = bisect_left(self.borrowed_hits.starts, ref.end)
            if at < len(self.borrowed_hits) and self.borrowed_hits[at].start <= ref.end + _BORROW_GAP:
                own = merge(own_segments(structure, ref.source))
                if not hits_within(self.duty_hits, own):
                    article = article_of(structure, ref.source)
                    out.add(article)
                    self._penal_parts.add(_part_of(structure, ref.source, article))
        return out

    def _penal_by_article(self, index: int) -> bool:
        """Whether a provision lies in an article that creates an offence, in the part of it that does: the
        subsections after the last one that holds or receives the penalty ("(a) Offenses ... shall be fined;
        (b) Jurisdiction. There is jurisdiction if ... a national is seized; (c) Exceptions") create none.
        Those before it are its conduct ("(1) No person shall ...; (2) A person who contravenes subsection (1)
        is liable ...")."""
        structure = self.structure
        article = article_of(structure, index)
        if article not in self._penal_articles:
            return False
        if article not in self._last_penal_part:
            parts = [c for c in structure.provisions[article].children if c in self._penal_parts]
            whole = not parts or bool(hits_within(self.penal_hits, merge(own_segments(structure, article))))
            self._last_penal_part[article] = None if whole else structure.provisions[parts[-1]].start
        last = self._last_penal_part[article]
        if last is None or index == article:
            return True
        return structure.provisions[_part_of(structure, index, article)].start <= last

    def _definitions(self, index: int, own: Ranges) -> list[int]:
        """Indexes of the definitions whose term the unit's own words use. A term defined more than once
        is read with its nearest definition before the provision (else the first one after it)."""
        here = self.structure.provisions[index].start
        chosen: dict[str, Definition] = {}
        for d in dict.fromkeys(self._definitions_near.get(index, ())):
            if not hits_within(self.term_hits[d.term], own):
                continue
            key = self._term_keys[d.term]
            best = chosen.get(key)
            if best is None or _nearer(d, best, here):
                chosen[key] = d
        self._terms_in_meanings(chosen, here)
        return sorted(self._definition_index[d] for d in chosen.values())

    def _terms_in_meanings(self, chosen: dict[str, Definition], here: int) -> None:
        """Add the definitions of the terms that the meanings already chosen use, one level down and from the
        same article (one glossary whose entries refer to each other): "financing of terrorism means providing
        funds ... for a terrorist act" is read with the meaning of "terrorist act" given beside it. A term of
        another article is left out: its definition may be scoped to a few sections ("In sections 82.1 to
        82.7, device means ..."). So is a one-word term ("ship", "funds", « الإرهابي »): inside another meaning
        the word is as often used in its ordinary sense, or as part of another phrase (« عمل إرهابي »)."""
        direct = set(chosen)
        for used in list(chosen.values()):
            for d in self._glossary_terms(used):
                key = self._term_keys[d.term]
                if key in direct:
                    continue
                best = chosen.get(key)
                if best is None or _nearer(d, best, here):
                    chosen[key] = d

    def _glossary_terms(self, used: Definition) -> tuple[Definition, ...]:
        """The definitions of two words or more, of the same article as ``used``, whose term its meaning uses
        (in the order of the bill): computed once per definition, not once per unit that reads it."""
        if used not in self._glossary:
            structure = self.structure
            if self._glossaries is None:
                self._glossaries = {}
                for d in structure.definitions:
                    if len(d.term.split()) >= 2:
                        self._glossaries.setdefault(article_of(structure, d.provision), []).append(d)
            span = ((used.start, used.end),)
            self._glossary[used] = tuple(
                d for d in self._glossaries.get(article_of(structure, used.provision), ())
                if hits_within(self.term_hits[d.term], span))
        return self._glossary[used]

    def _references(self, index: int, own: Ranges) -> tuple[int, ...]:
        out = []
        for ref in self._references_near.get(index, ()):
            if ref.target != index and any(lo <= ref.start < hi for lo, hi in own):
                out.append(ref.target)
        return tuple(dict.fromkeys(out))

    def _referred(self, index: int, targets: tuple[int, ...]) -> Ranges:
        """The spans of the provisions referred to that create offences ("threatens to commit an offence under
        section 3"), leaving out those that contain this one ("this section"). A subsection of circumstances
        or of jurisdiction ("if one of the circumstances described in subsection (c) occurs") supplies
        no element of the conduct."""
        provisions = self.structure.provisions
        here = provisions[index]
        spans = [(provisions[t].start, provisions[t].end) for t in targets
                 if not (provisions[t].start <= here.start and here.end <= provisions[t].end)
                 and self._creates_offence(t)]
        return merge(spans)

    def _creates_offence(self, index: int) -> bool:
        """Whether a provision creates an offence: its own words, or those of the provisions above it up to
        its article (the chapeau), or, for a paragraph of a subsection, the subsection's words closing the
        list ("... shall be guilty of an offence"), wherever the text printed them."""
        structure = self.structure
        provision = structure.provisions[index]
        spans = [(provision.start, provision.end)]
        spans += [seg for i in _ancestors(structure, index) for seg in own_segments(structure, i, self.text)]
        parent = provision.parent
        if parent is not None and structure.provisions[parent].level not in ("article", "preamble", "text") \
                and not structure.provisions[parent].is_division:
            spans.append((structure.provisions[parent].start, structure.provisions[parent].end))
        return bool(hits_within(self.penal_hits, merge(spans)))

    def unit(self, index: int) -> Unit:
        structure = self.structure
        provision = structure.provisions[index]
        chain = [index, *_ancestors(structure, index)]
        own = merge([*own_segments(structure, index, self.text), *self._above(index)])
        refers_to = self._references(index, own)
        uses = self._definitions(index, own)
        definitions = self.structure.definitions
        context = merge([*own, *((definitions[i].start, definitions[i].end) for i in uses)])
        enacting = not provision.is_division and not _in_schedule(structure, index)
        own_penal = bool(hits_within(self.penal_hits, own))
        penalised_by = () if article_of(structure, index) in self._worded else tuple(dict.fromkeys(
            source for i in chain for source in self._penalising.get(i, ())))
        return Unit(
            provision=provision,
            own=own,
            context=context,
            penal=self._penal_by_article(index) or own_penal,
            duty=bool(hits_within(self.duty_hits, own)),
            definition=self._defines(index, own),
            enacting=enacting,
            whole_act=bool(hits_within(self.whole_act_hits, own)),
            refers_to=refers_to,
            uses=tuple(uses),
            referred=self._referred(index, refers_to),
            penalised_by=penalised_by,
            graded=merge([(max(lo, g_lo), min(hi, g_hi)) for lo, hi in own for g_lo, g_hi in self.graded
                          if g_lo < hi and lo < g_hi]),
        )

    def _grading_paragraphs(self, hits: Hits) -> list[tuple[int, int]]:
        """The paragraphs that open by grading the penalty (« وتكون العقوبة ... إذا أعاد الجاني الطائرة بعد الاستيلاء
        عليها », "La peine est portée à ... lorsque ..."): the acts they name are circumstances of the offences
        above them (returning a seized aircraft lowers the penalty for piracy), not an offence of their own; they
        still say how severe the penalty is (a duty to punish "by appropriate penalties")."""
        out = []
        for hit in hits:
            start = self.text.rfind("\n", 0, hit.start) + 1
            if self.text[start:hit.start].strip(_PARAGRAPH_OPENING):
                continue
            end = self.text.find("\n", hit.start)
            out.append((start, len(self.text) if end < 0 else end))
        return out

    def _above(self, index: int) -> list[tuple[int, int]]:
        """The own words of the provisions above it, up to its article, that stand before it: the chapeau and
        the paragraphs above. A paragraph printed after the list (« وتكون العقوبة ... » after item 3, "La peine
        est portée à ..." after 2°) is the article's, not words of each item."""
        structure = self.structure
        here = structure.provisions[index].start
        return [seg for i in _ancestors(structure, index) for seg in own_segments(structure, i, self.text)
                if seg[0] < here]

    def _defines(self, index: int, own: Ranges) -> bool:
        """A provision that defines terms, unless its own words also create an offence outside its
        definitions (a code's article ending "for this article, 'fixed platform' means ...")."""
        if index not in self.defined_in:
            return False
        holes = [(d.start, d.end) for d in self.structure.definitions if d.provision == index]
        rest = merge([seg for lo, hi in own for seg in _minus((lo, hi), holes)])
        return not hits_within(self.penal_hits, rest)

    def units(self) -> tuple[Unit, ...]:
        return tuple(self.unit(p.index) for p in self.structure.provisions)
