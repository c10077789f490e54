"""The typed data passed between the pipeline stages.

read -> ``Bill`` -> split -> ``Structure`` (``Provision``, ``Definition``, ``CrossRef``)
-> normalise -> ``Tokens`` -> match -> ``ElementMatch`` -> decide -> ``OffenceResult`` -> ``Report``.

The checklist side (``Instrument``, ``Offence``, ``Element``, ``Catalogue``) is loaded from
offences/ by :mod:`lawcheck.catalogue`. Everything that comes from data is frozen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar, Literal

Status = Literal["covered", "partial", "missing"]
Kind = Literal["principal", "ancillary", "obligation"]
# The languages lawcheck reads, judges and reports in: the six official UN languages.
LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "ar", "ru", "zh")
UN_LANGUAGES: tuple[str, ...] = LANGUAGES
# The languages every checklist entry carries. An entry carries ar, ru and zh when they are written (issue 13):
# a bill in one of them is judged on the entries available in its language (:meth:`Offence.available_in`).
REQUIRED_LANGUAGES: tuple[str, ...] = ("en", "fr", "es")


# --------------------------------------------------------------------------- the bill


@dataclass(frozen=True)
class Bill:
    """A bill as read from its file: the full text, one paragraph per line.

    ``text`` is what every later offset refers to. Readers render automatic numbering and headings
    into it ("(1) ...", "Section 3 ..."), so that the splitter sees the bill as printed.
    """

    path: str
    text: str
    format: str  # txt, docx, pdf, html, akn
    title: str = ""
    sha256: str = ""  # of the file's bytes
    encoding: str = ""  # for text files: the detected encoding


@dataclass(frozen=True)
class Provision:
    """One unit of the bill's structure: a Part, a Section, a subsection, a paragraph ..."""

    index: int  # position in document order, 0-based
    label: str  # printed label, e.g. "Section 3(1)(a)" or "Article 421-2-2"
    level: str  # part, chapter, article, subsection, paragraph, subparagraph ...
    num: str  # the bare number as printed: "3", "(1)", "(a)", "421-2-2"
    heading: str  # heading or marginal note, "" when none
    path: tuple[str, ...]  # labels from the top, e.g. ("Part II", "Section 3", "(1)")
    start: int  # character span of the whole provision (children included) in Bill.text
    end: int
    own_start: int  # span of its own words, before its first child
    own_end: int
    parent: int | None  # index of the parent provision
    children: tuple[int, ...] = ()

    @property
    def is_division(self) -> bool:
        """Parts, chapters, titles: headings that group provisions but enact nothing themselves."""
        return self.level in ("part", "chapter", "title", "book", "division", "schedule")


@dataclass(frozen=True)
class Definition:
    term: str
    provision: int  # index of the provision that holds it
    start: int  # span of the whole definition in Bill.text
    end: int


@dataclass(frozen=True)
class CrossRef:
    source: int  # provision index holding the reference
    target: int | None  # resolved provision index, None when it points outside the bill
    text: str  # the reference as written, e.g. "section 5"
    start: int
    end: int
    whole_act: bool = False  # "an offence under this Act"


@dataclass(frozen=True)
class Structure:
    provisions: tuple[Provision, ...]
    definitions: tuple[Definition, ...]
    crossrefs: tuple[CrossRef, ...]
    interpretive: frozenset[int] = frozenset()  # provisions that define terms (or sit under "In this Act—")


# --------------------------------------------------------------------------- the checklist


@dataclass(frozen=True)
class Examples:
    match: dict[str, tuple[str, ...]]
    no_match: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Element:
    id: str
    role: str
    required: bool
    core: bool
    phrases: dict[str, tuple[str, ...]]  # language -> phrases
    examples: Examples
    narrows: bool = False  # a qualifier that narrows the treaty offence: a law may drop it and still comply
    label: dict[str, str] = field(default_factory=dict)  # language -> words for people
    # language -> words that, standing just before a phrase of the element, put what it names outside the treaty
    # (« 军用航空器 », a military aircraft: Hague Art. 3(2)); only for languages that put the qualifier first
    outside: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # language -> words that, standing right after a phrase of the element, make it name something else: the phrase
    # is then a modifier (« 资金帐户 », a funds account, is an account, not funds)
    outside_after: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def label_in(self, language: str) -> str:
        """The element in words for people, in ``language`` (else English, else its id spelled out)."""
        return self.label.get(language) or self.label.get("en") or self.id.replace("-", " ").replace("_", " ")


@dataclass(frozen=True)
class Offence:
    id: str
    instrument: str
    article: str
    kind: Kind
    optional: bool
    title: str
    summary: str
    elements: tuple[Element, ...]
    model_provision: dict[str, str]
    extends: tuple[str, ...] = ()
    source_file: str = ""
    stored: bool = True  # False: rests on the official text, which shared/instruments does not hold
    titles: dict[str, str] = field(default_factory=dict)  # language -> title
    summaries: dict[str, str] = field(default_factory=dict)  # language -> summary

    def title_in(self, language: str) -> str:
        return self.titles.get(language) or self.title

    def summary_in(self, language: str) -> str:
        return self.summaries.get(language) or self.summary

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)

    def available_in(self, language: str) -> bool:
        """Whether the entry can be judged and reported in ``language``: every element has phrases in it, and
        the entry its title, summary and model provision (en, fr, es always; ar, ru, zh once written)."""
        return (all(e.phrases.get(language) for e in self.elements) and bool(self.model_provision.get(language))
                and bool(self.titles.get(language)) and bool(self.summaries.get(language)))


@dataclass(frozen=True)
class Instrument:
    id: str
    title: str
    adopted_date: str
    adopted_place: str
    short_names: dict[str, tuple[str, ...]]
    sources: str
    source_file: str = ""
    amends: str = ""  # the instrument this one amends or supplements (its articles keep that numbering)
    titles: dict[str, str] = field(default_factory=dict)  # language -> title
    priority: int = 0  # 1, 2...: its gaps come first in a report's order (the offences others build on)

    def title_in(self, language: str) -> str:
        return self.titles.get(language) or self.title


@dataclass(frozen=True)
class Drafting:
    """A language's drafting vocabulary (offences/drafting/<lang>.yaml)."""

    language: str
    penal: tuple[str, ...]  # words that create an offence: "commits an offence", "est puni"
    duty: tuple[str, ...]  # a duty of the State: "shall take measures"
    by_reference: tuple[str, ...]  # "as defined in", "within the meaning of"
    whole_act: tuple[str, ...]  # "an offence under this Act"
    carve_out: tuple[str, ...]  # "other than", "except"
    stopwords: tuple[str, ...]  # for language detection
    reported: tuple[str, ...] = ()  # "to the effect that": what follows reports a message, not an act
    engage: tuple[str, ...] = ()  # "engages in": doing the act a defined term names ("engages in a terrorist act")
    extraterritorial: tuple[str, ...] = ()  # "whether in or outside [State]": meets every jurisdiction basis
    means: tuple[str, ...] = ()  # "by force or threat of force": how an act is done, never the act itself
    means_as_written: bool = False  # a means cue meets only the words as written, not their lemmas (« بالعنف »)
    carve_out_reach: str = "words"  # "clause": a carve-out reaches to the end of its clause, not a few words
    negation: tuple[str, ...] = ()  # "not": a circumstance right after it is excluded ("aircraft not in service")
    offender: tuple[str, ...] = ()  # "a person who has committed an offence": names an offender, creates none
    # "punished as that article provides" (« 依照本法第X条的规定处罚 »): with a reference to a provision whose own
    # words carry a penalty, the provision borrows it and creates an offence
    borrowed_penalty: tuple[str, ...] = ()
    penalty_change: tuple[str, ...] = ()  # "the penalty is": a paragraph opening so grades the penalty, its acts
    # are circumstances of the offences above it, not an offence
    # The keys below are read on the bill's text as written (the splitter's and the list reading), not phrases
    # matched on lemmas: they are left out of the words that mend a bill's broken words (lawcheck.repair).
    insertion: tuple[str, ...] = ()  # regular expressions: "the following section is inserted", « в следующей
    # редакции »: an amending law's formula, after which an article printed is the inserted one (none: never)
    inserted_label: str = ""  # "inserting": an inserted provision is "Section 5 (inserting section 10A)"
    list_separator: str = ""  # "、": « 军用机场、港口、航空器 »: a qualifier before a list so joined reaches every word
    list_conjunctions: tuple[str, ...] = ()  # « 或 »: after it a word of the list may have its own qualifier

    AS_WRITTEN: ClassVar[tuple[str, ...]] = ("insertion", "inserted_label", "list_separator", "list_conjunctions")


@dataclass(frozen=True)
class Catalogue:
    instruments: dict[str, Instrument]
    offences: tuple[Offence, ...]
    drafting: dict[str, Drafting]
    directory: str = ""
    every: tuple[Offence, ...] = ()  # of the whole checklist, when this is a selection: what an entry extends

    def offence(self, offence_id: str) -> Offence:
        return self._by_id[offence_id]

    @cached_property
    def _by_id(self) -> dict[str, Offence]:
        """Every entry by id, this selection's first, then the whole checklist's (what an entry extends)."""
        by_id: dict[str, Offence] = {}
        for offence in self.offences + self.every:
            by_id.setdefault(offence.id, offence)
        return by_id

    def available(self, language: str) -> tuple[Offence, ...]:
        """The entries that can be judged in ``language``: available in it themselves, and every entry they
        extend too (an attempt is judged with the offence it extends). Every entry, in en, fr and es."""
        if language in REQUIRED_LANGUAGES:
            return self.offences
        done: dict[str, bool] = {}
        by_id = {o.id: o for o in self.every + self.offences}

        def ready(offence: Offence) -> bool:
            if offence.id not in done:
                done[offence.id] = False  # a cycle is no availability
                done[offence.id] = offence.available_in(language) and all(
                    target in by_id and ready(by_id[target]) for target in offence.extends)
            return done[offence.id]

        return tuple(o for o in self.offences if ready(o))

    def select(self, instruments: tuple[str, ...] = ()) -> Catalogue:
        """The entries of some instruments; an entry may still extend one of another instrument (a 2005
        protocol's attempt extends the 1988 offence), found with :meth:`offence`."""
        if not instruments:
            return self
        chosen = {i: self.instruments[i] for i in instruments}
        offences = tuple(o for o in self.offences if o.instrument in chosen)
        return Catalogue(chosen, offences, self.drafting, self.directory, self.every or self.offences)


# --------------------------------------------------------------------------- the findings


@dataclass(frozen=True)
class ElementMatch:
    element: str
    role: str
    required: bool
    found: bool
    provision: str = ""  # label of the provision where it was found
    quote: str = ""
    start: int = -1
    end: int = -1
    score: float = 0.0  # 1.0 exact on lemmas, lower for fuzzy
    phrase: str = ""  # the checklist phrase that matched (or came closest)


@dataclass(frozen=True)
class ProvisionRef:
    label: str
    path: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Decision:
    """An expert's verdict on one offence, kept in a decisions file (see :mod:`lawcheck.decisions`).

    Once applied to a result, ``automatic`` keeps the tool's own status and ``text_changed`` says that
    the text judged on (``fingerprint``) is no longer in the bill.
    """

    offence: str
    status: Status
    note: str
    by: str = ""
    date: str = ""  # YYYY-MM-DD
    fingerprint: str = ""  # sha256 of the normalised text judged on
    provision: str = ""  # label of the provision judged on; "" for the whole bill
    automatic: Status | None = None
    text_changed: bool = False
    derived_from: str = ""  # the principal offence whose decision this ancillary entry follows


@dataclass(frozen=True)
class Why:
    """The facts the reason sentence states, so that a renderer can say them in any language (the English
    ``OffenceResult.reason`` of the JSON report is built from the same facts)."""

    rule: str  # covered, wider, partial, closest, none, by-reference, ancillary-unlinked, ancillary-capped,
    # obligation-unlinked
    provision: str = ""  # the provision the verdict rests on
    other: str = ""  # ancillary-capped: the provision of the principal offence it extends
    elements: tuple[str, ...] = ()  # element ids: those missing (partial, closest), those omitted (wider)
    quote: str = ""  # by-reference: the words that refer to the instrument
    obligation: bool = False  # none: the entry is an obligation, not an offence
    extraterritorial: bool = False  # an unconditional extraterritorial clause meets every jurisdiction basis


@dataclass(frozen=True)
class OffenceResult:
    id: str
    instrument: str
    article: str
    kind: Kind
    title: str
    optional: bool
    status: Status
    score: float
    by_reference: bool
    provisions: tuple[ProvisionRef, ...]
    elements: tuple[ElementMatch, ...]
    missing: tuple[str, ...]
    reason: str = ""  # one sentence saying how the status followed
    decision: Decision | None = None  # an expert's decision, when one overrides the automatic status
    wider: tuple[str, ...] = ()  # narrowing qualifiers the law omits: it reaches wider than the treaty
    why: Why | None = None  # the facts of ``reason``, for renderers in other languages (not in the JSON)


@dataclass(frozen=True)
class BillInfo:
    path: str
    title: str
    language: str
    provisions: int
    words: int
    sha256: str
    format: str


@dataclass(frozen=True)
class Report:
    bill: BillInfo
    instruments: tuple[str, ...]
    results: tuple[OffenceResult, ...]
    tool_version: str
    warnings: tuple[str, ...] = field(default=())
    decisions_file: str = ""  # the expert decisions applied, when there were some

    def summary(self) -> dict[str, int]:
        counts = {"covered": 0, "partial": 0, "missing": 0}
        for result in self.results:
            counts[result.status] += 1
        return counts


# --------------------------------------------------------------------------- many bills (lawcheck batch)

Rating = Literal["compliant", "largely", "partially", "non", "na"]


@dataclass(frozen=True)
class InstrumentRating:
    """The indicative rating of one instrument for one bill (see :mod:`lawcheck.rating`)."""

    instrument: str
    rating: Rating
    score: float  # mean weight of the mandatory entries (0 when there are none)
    covered: int  # counts over all entries, optional ones included
    partial: int
    missing: int
    mandatory: int  # entries rated
    optional: int  # entries shown but not rated


@dataclass(frozen=True)
class BillOutcome:
    """One file of a batch: its report and the rating of each instrument, or the one-line error that stopped it."""

    path: str  # relative to the batch folder, with "/" separators
    report: Report | None = None
    ratings: tuple[InstrumentRating, ...] = ()
    error: str = ""


@dataclass(frozen=True)
class Batch:
    """A folder of bills checked against the same instruments (the matrix bill x instrument)."""

    folder: str
    instruments: tuple[str, ...]
    outcomes: tuple[BillOutcome, ...]
    tool_version: str

    @property
    def checked(self) -> tuple[BillOutcome, ...]:
        return tuple(o for o in self.outcomes if o.report is not None)

    @property
    def failed(self) -> tuple[BillOutcome, ...]:
        return tuple(o for o in self.outcomes if o.report is None)


# --------------------------------------------------------------------------- the workshop demo


@dataclass(frozen=True)
class DemoStep:
    heading: str  # one sentence for the trainer to say
    command: str  # what the audience can type to see the same thing
    body: str  # the output, plain text
