"""Split a bill into its provisions, find its definitions and its cross-references.

The bill's text has one paragraph per line (the readers make it so). Each line may open provisions:

* divisions: Part / Chapter / Title / Schedule, TITRE / CHAPITRE / Section (fr), TÍTULO / CAPÍTULO;
* articles: "Section 3", "s 3", "3." (where the bill has no "Section"/"Article" words), "Article 5",
  "Art. 5", "Article 1er", "Article premier", "Article L282-1", "Artículo 572 bis", "§ 2332f";
* sub-levels: "(1)", "(a)", "(i)", "(A)", "1°", "a)", "1)", "1.", "a." — several may open one line
  ("(b)(1) It is not ..."). Their depth is learnt per article from the order in which their kinds first
  appear (Commonwealth "(1)(a)(i)" and U.S. "(a)(1)(A)" both work), and from indentation where the text
  has it (Markdown lists);
* Russian: Раздел / Глава, "Статья 205.1.", parts "1." and items "а)"; Arabic: الباب / الفصل / القسم (numbered
  or with ordinal words), "المادة 1", "المادة (1)", "المادة الأولى", "مكرر", items "أولاً:", "1-", "(أ)",
  "أ-"; Chinese: 第X编 / 第X章 / 第X节, "第一百二十条之一" (numerals read as digits: num "120-1"), items
  "（一）" and "一、". Arabic-Indic and full-width digits count as digits (:mod:`lawcheck.numbering`).

A short unpunctuated line just before an article, or just after its label, is its heading (marginal
note). This module knows drafting *layout* only; what counts legally is in offences/.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from lawcheck.models import CrossRef, Definition, Drafting, Provision, Structure
from lawcheck.normalise import fold, fold_accents
from lawcheck.numbering import ARABIC_ADVERB_RE, ARABIC_ORDINAL_RE, HAN_NUMERAL, arabic_ordinal, ascii_digits, han_number


class LazyPattern:
    """A regular expression compiled on its first use. The patterns of one language or tradition are written
    this way: a bill uses those of its own language, and compiling all six traditions' at import cost every run
    a few hundredths of a second."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)


# ----------------------------------------------------------------------------- line patterns

_NUM = r"(?:[IVXLC]+|\d+[A-Z]?|premier|première|preliminar|único|unico|ier|er|one|two|three|four|five|six|seven|eight|nine|ten)"
DIVISIONS: dict[str, dict[str, str]] = {
    "en": {"part": "part", "chapter": "chapter", "title": "title", "division": "division", "book": "book",
           "schedule": "schedule", "annex": "schedule", "appendix": "schedule"},
    "fr": {"livre": "book", "titre": "title", "chapitre": "chapter", "section": "division",
           "sous-section": "division", "partie": "part", "annexe": "schedule"},
    "es": {"libro": "book", "titulo": "title", "capitulo": "chapter", "seccion": "division",
           "parte": "part", "anexo": "schedule", "disposiciones": "division"},
    "ru": {"раздел": "part", "глава": "chapter", "подраздел": "division", "параграф": "division",
           "приложение": "schedule", "книга": "book"},
    # the first word as folded (alef and ta marbuta folded): الباب, الفصل, القسم, الكتاب, الفرع, الملحق
    "ar": {"الباب": "part", "باب": "part", "الفصل": "chapter", "فصل": "chapter", "القسم": "division",
           "قسم": "division", "الفرع": "division", "فرع": "division", "الكتاب": "book", "الملحق": "schedule",
           "ملحق": "schedule", "الجدول": "schedule"},
}
# Chinese divisions: 第X编 (a book or part), 第X章 (chapter), 第X节 (section), 附件 / 附表 (schedule)
ZH_DIVISION_RE = re.compile(rf"^第\s*(?P<num>[{HAN_NUMERAL}\d]+)\s*(?P<word>[编編章节節篇])\s*(?P<heading>.*)$")
ZH_DIVISIONS = {"编": "part", "編": "part", "篇": "part", "章": "chapter", "节": "division", "節": "division"}
# Arabic articles: "المادة 1", "المادة (1)", "مادة ١٢", "المادة الأولى", "المادة 3 مكرر", "المادة 40 مكرراً (2)";
# the Moroccan penal code inserts articles with a hyphen, "218-1", "218-4-1" (no space: "المادة 5 - يعاقب" is 5)
AR_ARTICLE_RE = re.compile(
    rf"^(?P<word>(?:ال)?ماد[ةه])\s*(?:رقم\s*)?(?:\(\s*(?P<n1>\d+)\s*\)|(?P<n2>\d+(?:-\d+)*)|(?P<ord>{ARABIC_ORDINAL_RE.pattern}))"
    r"(?:\s*(?P<bis>مكرر[اةه]?[\u064b-\u0652]*(?:\s*\(?\s*\d+\s*\)?)?))?\s*(?:[:.\-–—]\s*)?")
# Chinese articles: "第一百二十条之一", "第5条", 條 in traditional characters; the Taiwan laws database prints an
# inserted article with a hyphen, "第 185-1 條" (第一百八十五條之一)
ZH_ARTICLE_RE = re.compile(rf"^第\s*(?P<num>[{HAN_NUMERAL}\d]+)(?:-(?P<dash>\d+))?\s*[条條]"
                           rf"(?:之\s*(?P<sub>[{HAN_NUMERAL}\d]+))?[\s:]*")
# Sub-levels of the Arabic, Russian and Chinese traditions, after the common ones.
# « I.- A quien ... », « II. Acopio ... », « III.-Les peines ... »: the fracciones of Mexican and Spanish-American codes
# and the numbered paragraphs of French codes
_ROMAN_ITEM = ("ROMAN-dot", LazyPattern(r"^((?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3}))(?:\.\s*[-–—]?|\s*[-–—])\s*(?=\S)"))
EXTRA_SUB_PATTERNS: dict[str, tuple[tuple[str, LazyPattern], ...]] = {
    "ru": (("cyr-paren", LazyPattern(r"^([а-я])\)\s*")), ("paren-cyr", LazyPattern(r"^\(([а-я])\)\s*"))),
    "ar": (("ar-adverb", LazyPattern(rf"^({ARABIC_ADVERB_RE.pattern})\s*[:\-–—.]\s*")),
           ("digit-dash", LazyPattern(r"^(\d+)\s*[-–]\s*(?=\S)")),
           ("paren-ar", LazyPattern(r"^\(([\u0621-\u064a])\)\s*")),
           ("ar-letter", LazyPattern(r"^([\u0621-\u064a])\s*[-–)]\s*(?=\S)"))),
    "es": (_ROMAN_ITEM,),
    "fr": (_ROMAN_ITEM,),
    "zh": (("paren-han", LazyPattern(rf"^\(([{HAN_NUMERAL}]+)\)\s*")),
           ("han-comma", LazyPattern(rf"^([{HAN_NUMERAL}]+)、\s*"))),
}
_ARTICLE_WORDS = r"(?P<word>section|sec\.|s\.|s|article|art\.|articulo|art|статья|§+)"
_ARTICLE_NUM = (
    r"(?P<num>premier|1er|primero|unico|"
    r"[LRD]?\.?\s?\d+(?:[A-Za-z](?![a-z]))?(?:[-.]\d+)*(?:-[A-Z]\b)?(?:\s?(?:bis|ter|quater|quinquies|sexies|septies|octies))?)"
)
ARTICLE_RE = re.compile(rf"^{_ARTICLE_WORDS}\s*{_ARTICLE_NUM}\s*(?:[º°o](?=\W|$))?\s*(?:\.-|\.—|[.:—–-])?\s*", re.I)
UNDOTTED_RE = re.compile(r"^(?P<num>\d+[A-Z]{0,3}(?:\.\d+)*)\s+(?=[A-Z])")
_BARE_NUMBER_RE = re.compile(r"^(?P<num>\d+(?:\.\d+)+)\s*$")
YEARS = (1700, 2099)  # a number in this range standing first, before any section, is a year ("1982 CHAPTER 28")
UNDOTTED_MAX_JUMP = 50  # "11 Financing terrorist acts" after section 10; excerpts skip; "1980 Convention" is no section
NUMBERED_RE = re.compile(r"^(?P<num>\d+[A-Za-z]?)\.(?:—|–|-)?(?:\s+(?=\S)|\s*$|(?=\(\d+[A-Z]?\)))")
SUB_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("paren-digit", re.compile(r"^\((\d+[A-Z]?)\)\s*")),
    ("paren-lower", re.compile(r"^\(([a-z]{1,4})\)\s*")),
    ("paren-upper", re.compile(r"^\(([A-Z]{1,4})\)\s*")),
    ("degree", re.compile(r"^(\d+)\s?[°º]\s*(?:[-.)]\s*)?")),
    ("lower-paren", re.compile(r"^([a-z])\)\s+")),
    ("digit-paren", re.compile(r"^(\d+)\)\s+")),
    ("digit-dot", re.compile(r"^(\d+)\.(?!\d)\s*")),
    ("lower-dot", re.compile(r"^([a-z])\.\s+")),
)
_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies")
_ROMAN_RE = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")
_PREVIOUS_LETTER = {"i": "h", "v": "u", "x": "w", "l": "k", "c": "b"}
_HEADING_MAX_WORDS = 12
LABEL_PREFIX = 80  # characters of a line in which its label must stand
# What the folded first character of an article label is (the first letters of _ARTICLE_WORDS, in any case)
_ARTICLE_START_RE = re.compile(r"[saс§]", re.I)


def _label_match(line: str) -> re.Match[str] | None:
    """``ARTICLE_RE`` matched on the line's first LABEL_PREFIX characters, accents folded. A line that opens with a
    character whose folded form cannot open a label (a digit, a bracket, a Chinese or Arabic letter: its decomposition
    starts with a character that folding keeps) is not folded: folding goes character by character in Python, and
    every line of a Chinese or Arabic bill is asked whether it opens an article."""
    first = line[:1]
    if first:
        # the first character of the folded line (or a mark, which folding drops)
        head = first if first.isascii() else unicodedata.normalize("NFD", first)[0]
        if not unicodedata.combining(head) and not _ARTICLE_START_RE.match(head):
            return None
    return ARTICLE_RE.match(fold_accents(line[:LABEL_PREFIX]))


_MARKDOWN_RE = re.compile(r"^(?:#+\s*|[-*]\s+(?=\S))")
_ARTICLE_LEVEL = "article"
_ARTICLE_DEPTH = 10  # the depth of an article node (divisions above, subsections below)
_SUB_LEVELS = ("subsection", "paragraph", "subparagraph", "clause", "subclause", "item", "subitem")


# ----------------------------------------------------------------------------- building


@dataclass
class _Node:
    index: int
    level: str
    num: str
    label: str
    start: int
    parent: int | None
    depth: int  # 0 divisions .. 10 article .. 11+ sub-levels
    kind: str = ""  # sub-level kind with indent, e.g. "paren-digit@0"
    heading: str = ""
    own_start: int = 0
    end: int = 0
    children: list[int] = field(default_factory=list)
    inserted_by: int | None = None  # the amending provision that inserts this one into another act


@dataclass
class _State:
    language: str
    numbered_articles: bool  # "3." opens an article (no "Section"/"Article" words in the bill)
    nodes: list[_Node] = field(default_factory=list)
    stack: list[int] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # sub-level kinds of the current article, in order
    article_indent: int | None = None
    pending_heading: str = ""
    heading_slot: int | None = None  # a provision whose heading may be the next short line
    last_number: tuple[int, str, str] | None = None  # of the last article opened by a bare number
    marked_headings: set[int] = field(default_factory=set)  # starts of Markdown heading lines ("### 76 Hijacking")
    contents: set[int] = field(default_factory=set)  # starts of the lines of a table of contents
    line_start: int = 0
    previous: str = ""  # the line before, to tell a wrapped line from a new provision
    previous_marked: bool = False  # the line before is a Markdown heading ("# Title"): no sentence runs on from it
    formula_line: int = -99  # the line number of the last insertion formula ("the following section:")
    previous_two: str = ""
    line_number: int = 0
    amending: int | None = None  # the amending provision whose inserted text is being read
    quoted: bool = False  # reading a quoted article that an amending law without sections of its own inserts
    quote_opened: set[int] = field(default_factory=set)  # starts of the lines that open with a quotation mark
    host_kinds: list[str] = field(default_factory=list)  # the sub-levels of the amending article, kept over a quote
    moved: set[int] = field(default_factory=set)  # starts of the labels printed late, opened where their sentence starts
    bare_label: int | None = None  # an article whose label stood alone on the line before ("### Artículo 148")
    text: str = ""
    insertion: re.Pattern[str] | None = None  # the language's insertion formulas (drafting `insertion`), if any
    inserted_label: str = ""  # "inserting": how an inserted provision is named (drafting `inserted_label`)


_BOLD_RE = re.compile(r"\*\*|__")
_ESCAPED_DOT_RE = re.compile(r"^(\d+[A-Z]?)\\\.")
_ITALIC_LABEL_RE = re.compile(r"^(\s*)([_*])(\(\w{1,4}\))\2(?=\s|$)")
_LIST_BEFORE_LABEL_RE = re.compile(r"^[-*]\s+(?=\(\w{1,4}\)|\d+[.)]\s|[a-z][.)]\s)")
_NOTE_OPEN_RE = re.compile(r"^<details\b", re.I)
_NOTE_CLOSE_RE = re.compile(r"^</details>", re.I)
_DIGITS_RE = re.compile(r"\d+")
SENTENCE_WORDS = 8  # a line of this many words, most of them in lower case, is running text, never furniture
FURNITURE_REPEATS = 3  # a line printed this often (digits aside) is a running head or footer, not structure


def _unmark(line: str) -> str:
    """Markdown emphasis and escapes out of a line, keeping its length: ``**ARTICULO 186.** -`` reads as
    ``ARTICULO 186.   -``, ``1\\. Text`` as ``1.  Text`` and ``_(a)_ text`` as `` (a)  text``."""
    line = _BOLD_RE.sub(lambda m: " " * len(m.group(0)), line)
    line = _OPENING_QUOTE_RE.sub(lambda m: " " * len(m.group(0)), line.lstrip(), count=1).rjust(len(line))
    line = _ESCAPED_DOT_RE.sub(lambda m: m.group(1) + ". ", line)
    line = _ITALIC_LABEL_RE.sub(lambda m: m.group(1) + " " + m.group(3) + " ", line)  # "_(a)_ commits" -> "(a)"
    return line


def _furniture_key(line: str) -> str:
    return " ".join(_DIGITS_RE.sub("#", line).split()).casefold()


def _lines(text: str, marked_headings: set[int] | None = None) -> list[tuple[int, int, str]]:
    """(indent, offset of the first non-blank character, stripped line) for each line that may carry
    structure: Markdown markers are skipped, notes (``<details>``) and page furniture (running heads,
    footers, page numbers: lines repeated across pages) are left out."""
    out: list[tuple[int, int, str]] = []
    marked_headings = set() if marked_headings is None else marked_headings
    offset = 0
    in_note = False
    raw_lines = text.split("\n")
    repeats: dict[str, int] = {}
    keys = [_furniture_key(raw) for raw in raw_lines]  # a line's key is that of the line stripped
    for key in keys:
        if key:
            repeats[key] = repeats.get(key, 0) + 1
    run_ins = _run_ins(text)
    for raw, key in zip(raw_lines, keys):
        stripped = raw.strip()
        if _NOTE_OPEN_RE.match(stripped):
            in_note = True
        if stripped and not in_note and not _is_furniture(stripped, repeats, key):
            lead = len(raw) - len(raw.lstrip())
            marker = _MARKDOWN_RE.match(stripped) or _LIST_BEFORE_LABEL_RE.match(stripped)
            skip = marker.end() if marker and (not stripped.startswith("- ") or _LIST_BEFORE_LABEL_RE.match(stripped)) else 0
            shown = ascii_digits(_unmark(stripped[skip:]))
            cut = len(shown) - len(shown.lstrip())
            if shown.strip():
                begin = offset + lead + skip + cut
                for glued, whole in _glued_parts(shown.strip(), begin, run_ins):
                    for before, piece in _marginal_parts(whole):
                        for at, part in _inline_parts(piece):
                            out.append((lead, begin + glued + before + at, part))
                if stripped.startswith("#"):
                    marked_headings.add(begin)
        if in_note and _NOTE_CLOSE_RE.match(stripped):
            in_note = False
        offset += len(raw) + 1
    return out


INSERTION_REACH = 4  # lines (headings) that may stand between the insertion formula and the inserted provision
_INSERTION_END_RE = re.compile(r"[\"”»’']\s*[.;,]?\s*$")
_OPENING_QUOTE_RE = re.compile(r"^[\"“«‘']\s*")
_QUOTE_BEFORE_RE = re.compile(r"[\"“«‘']\s*$")  # between a line's start and its first word: the line opens a quotation
INLINE_MIN_CHARS = 250  # a line this long may hold a whole section: "(1) ... — (a) ...; or (b) ... (2) ..."
_INLINE_LABEL_RE = re.compile(r"(?<=[.;:—–\]])\s*(?:(?:or|and|ou|et|o|y)\s+)?(\((\d{1,3}|[a-z]{1,4}|[A-Z])\))\s+(?=\S)")
ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")  # sub-paragraph numbers in order


# An article label printed against the word before it, as Markdown and text mirrors of databases print the
# heading, the label and the first paragraph number of each article when they drop the layout: "MenacesArt. 1801
# Quiconque" (heading "Menaces", art. 180 al. 1), "... pécuniaire.ContrainteArt. 181", "Art. 92S’il y a ...".
_GLUED_LABEL_RE = re.compile(
    r"(?<=[^\W\d_]|[.;:)»”])(?:Art\.|Article|Art[íi]culo)\s?(?P<num>\d+(?:[a-z]|bis|ter|quater|quinquies|sexies|septies|octies)?)"
    r"(?![\d.,]\d|[a-z])")
_SENTENCE_BOUNDARY_RE = re.compile(r"(?<=[.;:!?])\s+(?=[^\W\d_])")


def _glued_labels(text: str) -> list[re.Match[str]]:
    """``_GLUED_LABEL_RE.finditer(text)``, tried only where "Art" stands (every label begins so): the expression
    opens with a lookbehind, which makes the search try every character of a bill."""
    out = []
    at = text.find("Art")
    while at >= 0:
        match = _GLUED_LABEL_RE.match(text, at)  # the lookbehind still sees the text before ``at``
        if match:
            out.append(match)
        at = text.find("Art", match.end() if match else at + 1)
    return out


def _run_ins(text: str) -> set[int]:
    """Where the number of a first paragraph starts that ran into the glued article label before it ("Art. 1801
    Quiconque" is art. 180 al. 1): the article's text follows on the line, the number ends in 1, and without
    that digit it follows the article printed before (or precedes the one printed after) where the whole
    number does not."""
    labels = _glued_labels(text)
    out: set[int] = set()
    previous: tuple[int, str, str] | None = None
    for i, match in enumerate(labels):
        num, rest = match["num"], text[match.end():match.end() + 2]
        following = _number_key(labels[i + 1]["num"]) if i + 1 < len(labels) else None

        def fits(key: tuple[int, str, str]) -> bool:
            after = previous is None or previous < key and key[0] <= previous[0] + UNDOTTED_MAX_JUMP
            return after and (following is None or key < following)

        shorter = _number_key(num[:-1]) if num.isdigit() and len(num) > 1 else None
        if (shorter and num.endswith("1") and rest[:1].isspace() and rest.strip() and (previous or following)
                and fits(shorter) and not fits(_number_key(num))):
            out.add(match.end() - 1)
            previous = shorter
        else:
            previous = _number_key(num)
    return out


def _glued_parts(line: str, begin: int, run_ins: set[int]) -> list[tuple[int, str]]:
    """A line cut before the article labels glued to the word before them, with the heading printed against
    the label ("... pécuniaire.Mariage forcéArt. 181a") as a line of its own, and the first paragraph's
    number split off the article number when it ran into it ("Art. 1801 Quiconque")."""
    cuts: list[int] = []
    for match in _glued_labels(line):
        head = _glued_heading_start(line, match.start())
        cuts += [match.start()] if head is None else [head, match.start()]
        if begin + match.end() - 1 in run_ins:
            cuts.append(match.end() - 1)  # "1 Quiconque": the paragraph starts at its number
        elif line[match.end():match.end() + 1].isupper():
            cuts.append(match.end())  # "Art. 92S’il y a eu ...": the text printed against the number
    if not cuts:
        return [(0, line)]
    bounds = sorted({0, *cuts, len(line)})
    return [(lo + len(line[lo:hi]) - len(line[lo:hi].lstrip()), line[lo:hi].strip())
            for lo, hi in zip(bounds, bounds[1:]) if line[lo:hi].strip()]


def _glued_boundaries(text: str) -> list[int]:
    """Where a word starts against the one before it with no space: a capital after a lower-case letter
    ("libertéMenaces") or a letter after a sentence's end ("pécuniaire.Mariage")."""
    return [i for i in range(1, len(text)) if text[i].isupper() and text[i + 1:i + 2].islower()
            and (text[i - 1].islower() or text[i - 1] in ".;:!?)…")]


def _glued_heading_start(line: str, label: int) -> int | None:
    """Where the heading printed against a glued label starts: after the last word boundary with no space
    ("libertéMenaces", "pécuniaire.Mariage forcé"), else after the last sentence end, else at the line's
    start; None when the text before the label is empty or no heading."""
    before = line[:label]
    for starts in (_glued_boundaries(before), [m.end() for m in _SENTENCE_BOUNDARY_RE.finditer(before)], [0]):
        if not starts:
            continue
        heading = before[starts[-1]:].strip()
        if heading and _is_heading_text(heading):
            return starts[-1]
    return None


_MARGINAL_RE = re.compile(r"^(?P<heading>[A-Z][^.;:!?()]{0,90}?)\.\s+(?=\d+[A-Z]?\.\s?(?:[—–-]|\(\d+[A-Z]?\)))")


def _marginal_parts(line: str) -> list[tuple[int, str]]:
    """A marginal note printed before its section number on the same line, as enacted UK, Irish and older
    Commonwealth Acts print them ("Hostage taking. 1.—(1) A person ..."): the note is the section's heading
    (read as the short line before it), the number opens the section."""
    match = _MARGINAL_RE.match(line)
    if not match or not _is_heading_text(match["heading"]) or _label_match(line):
        return [(0, line)]  # « Art. 2. – Est puni ... »: an article's own label, not a note before it
    return [(0, match["heading"]), (match.end(), line[match.end():])]


def _inline_parts(line: str) -> list[tuple[int, str]]:
    """A long line cut before the sub-provision labels printed inside it, where a clause ends before them
    and they follow in sequence ("... requires— (a) ...; (b) ... (2) A person ..."): texts built from web
    pages or databases often print a whole section on one line. Cross-references ("subsection (1)") are
    preceded by words, not by punctuation, and stay where they are."""
    if len(line) < INLINE_MIN_CHARS:
        return [(0, line)]
    seen: dict[str, str] = {}
    first = re.match(r"\((\d{1,3}|[a-z]{1,4}|[A-Z])\)", line)
    if first:
        _next_in_sequence(first.group(1), seen)
    heading_end = None if first else _first_subsection_after_heading(line)
    if heading_end is not None:
        _next_in_sequence("1", seen)
    cuts = [m.start(1) for m in _INLINE_LABEL_RE.finditer(line) if _next_in_sequence(m.group(2), seen)]
    cuts = ([heading_end] if heading_end is not None else []) + cuts
    if not cuts:
        return [(0, line)]
    bounds = [0, *cuts, len(line)]
    return [(lo, line[lo:hi].rstrip()) for lo, hi in zip(bounds, bounds[1:]) if line[lo:hi].strip()]


_FIRST_SUBSECTION_RE = re.compile(r"\s\(1\)\s+(?=\S)")


def _first_subsection_after_heading(line: str) -> int | None:
    """Where subsection (1) begins in a line that opens with a section number and its heading, printed with
    no punctuation between them ("9. Terrorist financing offences (1) Any person who ..."), else None."""
    label = NUMBERED_RE.match(line) or UNDOTTED_RE.match(line) or _label_match(line)
    if not label:
        return None
    first = _FIRST_SUBSECTION_RE.search(line, label.end())
    heading = line[label.end():first.start()].strip() if first else ""
    if not heading[:1].isupper() or re.search(r"[.;:—–]|,$", heading) or len(heading.split()) > 2 * _HEADING_MAX_WORDS:
        return None  # a sentence, not a heading, stands before "(1)"
    return first.start() + 1


def _next_in_sequence(label: str, seen: dict[str, str]) -> bool:
    """Whether the label continues a series of this line (1, 2, 3; a, b, c; i, ii, iii; A, B) or starts one;
    records it when it does."""
    kinds = []
    if label.isdigit():
        kinds.append(("digit", str(int(seen["digit"]) + 1) if "digit" in seen else "1"))
    elif label.isupper():
        kinds.append(("upper", chr(ord(seen["upper"]) + 1) if "upper" in seen else "A"))
    else:
        if len(label) == 1:
            kinds.append(("lower", chr(ord(seen["lower"]) + 1) if "lower" in seen else "a"))
        roman = seen.get("roman")
        kinds.append(("roman", ROMANS[ROMANS.index(roman) + 1] if roman in ROMANS[:-1] else "i" if roman is None else ""))
    for kind, expected in kinds:
        if label == expected:
            seen[kind] = label
            for lower in _BELOW[kind]:  # a new subsection starts its paragraphs again
                seen.pop(lower, None)
            return True
    return False


_BELOW = {"digit": ("lower", "roman", "upper"), "lower": ("roman", "upper"), "roman": ("upper",), "upper": ()}


def _is_furniture(line: str, repeats: dict[str, int], key: str | None = None) -> bool:
    """A running head or footer: the same words (numbers aside) on many pages; never a sub-provision label.
    ``key``: the line's :func:`_furniture_key`, when already known."""
    if line.endswith((".", ";", ":")):
        return False  # a sentence, whatever it opens with (the same test as the last below, made first: it is cheap)
    if repeats.get(_furniture_key(line) if key is None else key, 0) < FURNITURE_REPEATS or len(line.split()) < 2:
        return False
    words = line.split()
    if len(words) >= SENTENCE_WORDS and sum(w[:1].islower() for w in words) >= 0.6 * len(words):
        return False  # a line of running text ("A person who contravenes subsection (1) commits an offence and
        # is liable"), repeated because the statute repeats its formula, not a running head
    line = _unmark(_MARKDOWN_RE.sub("", line)).strip()
    label = (ARTICLE_RE.match(fold_accents(line)) or AR_ARTICLE_RE.match(line) or ZH_ARTICLE_RE.match(line)
             or NUMBERED_RE.match(line))
    if label and not line[label.end():].strip(" -—–.:"):  # "Article 4", "المادة (4)" alone, many times: articles
        return False
    return not any(pattern.match(line) for _, pattern in SUB_PATTERNS) and not line.rstrip().endswith((".", ";", ":"))


_DASH_JOIN_RE = re.compile(r"--|[—–]")  # a dash printed against the division word, not a hyphen ("sous-section")


def _division(line: str, language: str) -> tuple[str, str, str] | None:
    """(level, num, heading) when the line opens a Part, Chapter, Title ..."""
    if language == "zh":
        return _zh_division(line)
    if language == "ar":
        return _ar_division(line)
    words = line.split()
    if not words or len(words) > 16:
        return None
    word = _DASH_JOIN_RE.split(words[0], maxsplit=1)[0]  # "Schedule--International Convention ...", "Part 2—Offences"
    first = fold(word.lower().rstrip(".:"))
    level = DIVISIONS.get(language, DIVISIONS["en"]).get(first)
    if not level:
        return None
    rest = line[len(word):].strip()
    match = re.match(rf"^({_NUM})(?:\b|(?=[A-Z][^\W\d_A-Z]))\.?\s*(?:--|[-—–:.])?\s*", rest)  # "Titre 4Crimes ..."
    match = match or re.match(rf"^({_NUM})\b\.?\s*(?:--|[-—–:.])?\s*", rest, re.I)
    if match:
        heading = rest[match.end():].strip()
        if heading[:1].islower():  # "Title II when:" is a sentence running on, not a heading
            return None
        return level, match.group(1), heading
    if level == "schedule" or line.isupper():
        return level, "", rest.strip(" -—–:.")
    return None


def _zh_division(line: str) -> tuple[str, str, str] | None:
    """第二章 恐怖活动犯罪 -> ("chapter", "2", "恐怖活动犯罪"); 附件 / 附表 open a schedule."""
    match = ZH_DIVISION_RE.match(line)
    if match and len(match["heading"]) <= 40 and not match["heading"].endswith(("。", "；")):
        return ZH_DIVISIONS[match["word"]], str(han_number(match["num"])), match["heading"].strip(" :")
    if re.match(r"^(?:附件|附表|附录)\s*[一二三四五六七八九十\d]*\s*[:：]?\s*\S{0,40}$", line):
        return "schedule", "", line[2:].strip(" :")
    return None


_AR_DIVISION_RE = LazyPattern(
    rf"^(?P<word>\S+)\s*(?:\(\s*(?P<n1>\d+)\s*\)|(?P<n2>\d+)|(?P<ord>{ARABIC_ORDINAL_RE.pattern}))?\s*(?:[:.\-–—]\s*)?")


def _ar_division(line: str) -> tuple[str, str, str] | None:
    """الباب الأول: أحكام عامة -> ("part", "1", "أحكام عامة"); الفصل (2) -> ("chapter", "2", "")."""
    if len(line.split()) > 16:
        return None
    match = _AR_DIVISION_RE.match(line)
    level = DIVISIONS["ar"].get(fold(match["word"])) if match else None
    if not level:
        return None
    number = match["n1"] or match["n2"] or (str(arabic_ordinal(match["ord"]) or "") if match["ord"] else "")
    heading = line[match.end():].strip()
    if not number and level != "schedule":
        return None
    if heading.endswith((".", "؛", "،")) and len(heading.split()) > 8:  # a sentence, not a heading
        return None
    return level, number, heading


def _division_label(line: str, level: str, num: str, language: str) -> str:
    """"Part 2", "Schedule"; in the bill's own words where its language is not written in Latin letters
    ("Глава 24", "الفصل 2", "第二章")."""
    if language == "zh":
        match = ZH_DIVISION_RE.match(line)
        return f"第{match['num']}{match['word']}" if match else line.split()[0][:6]
    if language in ("ar", "ru"):
        word = line.split()[0].rstrip(".:")
        return f"{word} {num}".strip()
    if level == "schedule":
        return _DASH_JOIN_RE.split(line.split()[0], maxsplit=1)[0].capitalize()
    return f"{level.capitalize()} {num}".strip()


def _is_heading_text(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _HEADING_MAX_WORDS and not text.endswith((".", ";", ":", ",")) and text[0].isupper()


def _article_label(word: str, num: str, language: str) -> str:
    word = word.lower()
    if word.startswith("§"):
        return f"§ {num}"
    if word.startswith("s") and word != "section" and language == "en":
        return f"Section {num}"
    if word.startswith("sec"):
        return f"Section {num}"
    names = {"en": "Article", "fr": "Article", "es": "Artículo", "ru": "Статья"}
    return names.get(language, "Article") if word.startswith("art") else word.capitalize()


# An amendment note printed under a section, naming it ("Section 7(1): amended, on 1 July 2013, by section 413 of
# ...", "Section 2(1) **aircraft**: inserted, on ...", "Section 1(2): this Act brought into force, on ..."): the
# reference is followed at once by a colon and a lower-case sentence that dates the change.
_HISTORY_NOTE_RE = re.compile(r"^(?:\(\w{1,4}\))*(?:\s+(?:\*\*|__|\s\s)[^*_:\n]{1,80}?(?:\*\*|__|\s\s)(?:\s*(?:sub)?(?:paragraph|section|clause|item)\s*\(\w{1,4}\))?)?:\s+[a-z][^.]*?\b(?:1[6-9]|20)\d\d\b")


_NOTE_COLON_RE = re.compile(r":\s+[a-z]")


def _is_history_note(line: str) -> bool:
    if ":" not in line:  # the note's colon: unmarking never adds one
        return False
    line = _unmark(_MARKDOWN_RE.sub("", line.strip()))
    if not _NOTE_COLON_RE.search(line):  # no ": amended ..." anywhere: not a note (tested before folding)
        return False
    match = _label_match(line)
    return bool(match and _HISTORY_NOTE_RE.match(line[match.end("num"):]))


def _history_notes(text: str) -> list[tuple[int, int]]:
    """The spans of the amendment notes of a consolidation: the sections they name ("by section 4 of the
    Amendment Act 2005") are those of the amending Acts, not of this one."""
    out, offset = [], 0
    for raw in text.split("\n"):
        if _is_history_note(raw):
            out.append((offset, offset + len(raw)))
        offset += len(raw) + 1
    return out


def _article(line: str, indent: int, state: _State) -> tuple[str, str, int] | None:
    """(label, num, end of the label in the line) when the line opens an article-level provision."""
    if state.language == "zh":
        found = _zh_article(line)
        if found or not state.numbered_articles or _in_schedule(state):
            return found
        return _zh_numbered_article(line, state)
    if state.language == "ar":
        return _ar_article(line)
    match = _label_match(line)  # a label stands at the start; folding keeps lengths
    if match and not (state.language == "fr" and match["word"].lower() == "section"):
        word, num = match["word"], " ".join(match["num"].split())
        if word.lower() == "s" and not num[0].isdigit():
            return None
        if word.islower() and len(word.rstrip(".")) > 1:  # "section 10A, he commits ...": a wrapped reference
            return None
        if _HISTORY_NOTE_RE.match(line[match.end("num"):]):
            return None  # "Section 5(a): amended, on 1 September 1999, by ...": a note on the section's history
        following = re.sub(r"^(?:\(\w{1,4}\)\s*)+", "", line[match.end():]).split(" ", 1)[0]
        if following[:1].islower() and following not in _SUFFIXES and not re.search(r"[.:—–-]\s*$", match.group(0)):
            return None  # "Section 40 does not apply ...", "section 2 of the Act": a sentence naming a section
        label = _article_label(word, num, state.language)
        label = label if label.startswith(("§", "Section")) else f"{label} {num}"
        return label, num, match.end()
    marked = state.line_start in state.marked_headings
    if (state.numbered_articles or marked) and not _in_schedule(state):
        match = NUMBERED_RE.match(line) if state.numbered_articles else None
        if match and match["num"] != "0" and (state.article_indent is None or indent <= state.article_indent + 1):
            if state.article_indent is None:
                state.article_indent = indent
            return _numbered_label(match["num"], state), match["num"], match.end()
        match = UNDOTTED_RE.match(line)
        rest = line[match.end():] if match else ""
        if match and (_is_heading_text(rest) or marked and len(rest.split()) <= 2 * _HEADING_MAX_WORDS) and (
                marked or _in_sequence(match["num"], state)):
            state.last_number = _number_key(match["num"])
            return _numbered_label(match["num"], state), match["num"], match.end()
        match = match or _BARE_NUMBER_RE.match(line)
        if match and _decimal_after_current(match["num"], state):  # "431.1 Every one who ..." after "431."
            state.last_number = _number_key(match["num"])
            return _numbered_label(match["num"], state), match["num"], match.end()
    return None


def _zh_article(line: str) -> tuple[str, str, int] | None:
    """第一百二十条之一 -> ("第一百二十条之一", "120-1", end): the label as printed, the number in digits."""
    match = ZH_ARTICLE_RE.match(line)
    if not match:
        return None
    sub_text = match["sub"] or match["dash"]
    number, sub = han_number(match["num"]), han_number(sub_text) if sub_text else None
    if number is None or sub_text and sub is None:
        return None
    rest = line[match.end():]
    label = line[:match.end()].rstrip(" :\u3000")
    glued = len(label) == match.end()  # no space or colon between the label and what follows
    if glued and rest and rest[0] in "的规規中之所至":
        return None  # "第五条规定的犯罪", "第五条中的", "第三百二十三條之規定": a reference; "第二条 中华人民共和国……" is an article
    amended = _zh_amended_article(rest.lstrip(" \u3000"))  # an amending law's "第三条　在刑法第一百二十条后增加一条……"
    label = f"{label}（{amended}）" if amended else label
    return label, f"{number}-{sub}" if sub is not None else str(number), match.end()


# An amending law or a decision of the NPC Standing Committee numbers its articles 一、二、三、 (no 第X条 in it):
# "六、将刑法第二百三十九条修改为：“……”". The article it rewrites or inserts is named after the number.
ZH_NUMBERED_ARTICLE_RE = re.compile(rf"^(?P<num>[{HAN_NUMERAL}]+)、\s*")
_ZH_ARTICLE_NAME = rf"第[{HAN_NUMERAL}\d]+[条條](?:之[{HAN_NUMERAL}\d]+)?"
_ZH_AMENDED_ACT = r"(?:将|把|在)?(?:《[^》\n]{1,40}》|[^，,：:“第\n]{0,12}?)"  # 将刑法, 在《中华人民共和国XX法》
ZH_AMENDED_ARTICLE_RES = (
    re.compile(rf"^{_ZH_AMENDED_ACT}{_ZH_ARTICLE_NAME}后增加一条[，,]?\s*作为(?P<article>{_ZH_ARTICLE_NAME})"),
    re.compile(rf"^{_ZH_AMENDED_ACT}(?P<article>{_ZH_ARTICLE_NAME})[^，,：:“\n]{{0,12}}?(?:修改为|修改如下|中增加|后增加)"),
)


def _zh_amended_article(rest: str) -> str | None:
    """The article an amending provision rewrites or inserts: "将刑法第二百三十九条修改为" -> "第二百三十九条",
    "在刑法第一百二十条后增加一条，作为第一百二十条之一" -> "第一百二十条之一"."""
    return next((m["article"] for m in (r.match(rest) for r in ZH_AMENDED_ARTICLE_RES) if m), None)


def _zh_numbered_article(line: str, state: _State) -> tuple[str, str, int] | None:
    """六、将刑法第二百三十九条修改为：“……” -> ("六（第二百三十九条）", "6", end), in a law with no 第X条 articles,
    when the number follows the article before (一 first)."""
    match = ZH_NUMBERED_ARTICLE_RE.match(line)
    number = han_number(match["num"]) if match else None
    if number is None:
        return None
    current = _current_article(state)
    previous = han_number(current.num) if current is not None and current.inserted_by is None else 0
    if previous is None or number != previous + 1:
        return None
    amended = _zh_amended_article(line[match.end():])
    label = f"{match['num']}（{amended}）" if amended else match["num"]
    return label, str(number), match.end()


def _ar_article(line: str) -> tuple[str, str, int] | None:
    """المادة (3) مكرراً -> ("المادة 3 مكرر", "3 مكرر", end); المادة الأولى -> ("المادة 1", "1", end)."""
    match = AR_ARTICLE_RE.match(line)
    if not match:
        return None
    number = match["n1"] or match["n2"] or str(arabic_ordinal(match["ord"]) or "")
    if not number:
        return None
    rest = line[match.end():].lstrip()
    if rest.startswith(("من ", "من\t")) and not re.search(r"[:.\-–—]\s*$", match.group(0)):
        return None  # "المادة 5 من هذا القانون ...": a sentence naming an article
    num = number
    if match["bis"]:
        extra = re.search(r"\d+", match["bis"])
        num = f"{number} مكرر" + (f" {extra.group(0)}" if extra else "")
    return f"{match['word'].strip()} {num}", num, match.end()


def _decimal_after_current(num: str, state: _State) -> bool:
    """A decimal section number ("431.1") printed before its text, right after the section it extends
    (Canadian and Australian numbering: 431, 431.1, 431.2)."""
    current = _current_article(state)
    if "." not in num or current is None or not re.fullmatch(r"\d+(?:\.\d+)*", current.num):
        return False
    key, here = _number_key(num), _number_key(current.num)
    return key[0] == here[0] and here < key


def _numbered_label(num: str, state: _State) -> str:
    return f"{ {'fr': 'Article', 'es': 'Artículo'}.get(state.language, 'Section')} {num}"


def _number_key(num: str) -> tuple[int, str, str]:
    """"40H" -> (40, "", "h"); "82.3" -> (82, "3", ""): sections sort 40 < 40A < 41 and 83.01 < 83.1 < 83.11."""
    match = re.match(r"(\d+)((?:\.\d+)*)([A-Za-z]*)", num)
    assert match is not None
    return int(match.group(1)), match.group(2).lstrip("."), match.group(3).lower()


def _in_sequence(num: str, state: _State) -> bool:
    """A section number printed without a dot ("11 Financing terrorist acts") opens a section only when it
    follows the last one closely: running heads, wrapped lines and dates do not."""
    key = _number_key(num)
    if state.last_number is None:
        return not _is_year(num)  # "1982 CHAPTER 28" under the title of an Act: a year never opens the sequence
    return state.last_number < key and key[0] <= state.last_number[0] + UNDOTTED_MAX_JUMP


def _is_year(num: str) -> bool:
    return num.isdigit() and len(num) == 4 and YEARS[0] <= int(num) <= YEARS[1]


def _in_schedule(state: _State) -> bool:
    return any(state.nodes[i].level == "schedule" for i in state.stack)


def _sub_kind(kind: str, num: str, state: _State) -> str:
    """Decide whether "(i)", "(v)", "(x)" are letters or roman numerals."""
    if kind not in ("paren-lower", "paren-upper") or not _ROMAN_RE.match(num.lower()):
        return kind
    roman = kind.replace("lower", "roman").replace("upper", "ROMAN")
    if len(num) > 1 and num.lower() not in ("ii", "iii") or num.lower() in ("ii", "iii"):
        return roman if len(num) > 1 else kind
    last = _last_num_of(kind, state)
    if last is not None and last.lower() == _PREVIOUS_LETTER.get(num.lower()):
        return kind
    if last is not None or num.lower() == "i":
        return roman
    return kind


def _last_num_of(kind: str, state: _State) -> str | None:
    for index in reversed(state.stack):
        node = state.nodes[index]
        if node.kind.startswith(kind + "@"):
            return node.num.strip("()")
    return None


def _subs(line: str, indent: int, state: _State) -> tuple[list[tuple[str, str]], int]:
    """The sub-level labels opening the line: [(kind@indent, num as printed)], and where text starts."""
    found: list[tuple[str, str]] = []
    pos = 0
    patterns = SUB_PATTERNS + EXTRA_SUB_PATTERNS.get(state.language, ())
    while pos < len(line):
        rest = line[pos:]
        for kind, pattern in patterns:
            if found and not kind.startswith("paren"):
                continue
            match = pattern.match(rest)
            if match:
                if kind == "digit-dot" and re.match(r"^\d+\.\d", rest):
                    continue
                kind = _sub_kind(kind, match.group(1), state)
                found.append((f"{kind}@{indent}", match.group(0).strip()))
                pos += match.end()
                break
        else:
            break
    return found, pos


def _close_to(state: _State, depth: int, start: int) -> None:
    while state.stack and state.nodes[state.stack[-1]].depth >= depth:
        state.nodes[state.stack.pop()].end = start


def _open(state: _State, level: str, num: str, label: str, start: int, depth: int, kind: str = "") -> _Node:
    _close_to(state, depth, start)
    parent = state.stack[-1] if state.stack else None
    node = _Node(len(state.nodes), level, num, label, start, parent, depth, kind, own_start=start)
    if parent is not None:
        state.nodes[parent].children.append(node.index)
    state.nodes.append(node)
    state.stack.append(node.index)
    return node


def _current_article(state: _State) -> _Node | None:
    for index in reversed(state.stack):
        if state.nodes[index].depth == 10:
            return state.nodes[index]
    return None


def _sub_label(article: _Node | None, parent: _Node | None, num: str) -> str:
    base = parent.label if parent is not None and parent.depth >= 10 else (article.label if article else "")
    num = num if num.startswith("(") or not num.endswith(("、", ":", "-", "–", "—")) else num.rstrip("、:-–— ")
    shown = num if num.startswith("(") else f"({num.rstrip('.)').rstrip()})" if not num[0].isdigit() or "°" not in num and "º" not in num else num
    return f"{base}{shown}" if shown.startswith("(") else f"{base} {shown}".strip()


def _successor(previous: str, num: str) -> bool:
    """Whether sub-provision ``num`` comes right after ``previous`` in its series: (1) -> (2) or (1A),
    (a) -> (b), (z) -> (aa), (iv) -> (v), 1° -> 2°."""
    previous, num = _bare(previous), _bare(num)
    digits = re.fullmatch(r"(\d+)([A-Z]*)", previous), re.fullmatch(r"(\d+)([A-Z]*)", num)
    if digits[0] and digits[1]:
        (p_int, p_suffix), (n_int, n_suffix) = (int(digits[0][1]), digits[0][2]), (int(digits[1][1]), digits[1][2])
        return n_int == p_int + 1 and not n_suffix or n_int == p_int and n_suffix > p_suffix and len(n_suffix) == 1
    lower = previous.lower(), num.lower()
    if lower[0] in ROMANS[:-1] and lower[1] == ROMANS[ROMANS.index(lower[0]) + 1]:
        return True
    if re.fullmatch(r"[a-z]+", lower[0]) and re.fullmatch(r"[a-z]+", lower[1]):
        if len(lower[0]) == len(lower[1]) == 1:
            return ord(lower[1]) == ord(lower[0]) + 1
        return lower == ("z", "aa") or len(set(lower[0])) == 1 and lower[1] == chr(ord(lower[0][0]) + 1) * len(lower[0])
    return False


def _sibling_kind(kind: str, num: str, state: _State) -> str:
    """The kind of an open sub-provision of the same series that ``num`` continues, though printed at another
    indent ("*   (1)" as a Markdown list item, then "    (2)" without a marker): a number that continues a
    series is its next member, not a new level below it."""
    base = kind.split("@")[0]
    for index in reversed(state.stack):
        node = state.nodes[index]
        if node.depth <= 10:
            break
        if node.kind.split("@")[0] == base:
            return node.kind if node.kind != kind and _successor(node.num, num) else kind
    return kind


def _open_subs(state: _State, subs: list[tuple[str, str]], start: int) -> None:
    for kind, num in subs:
        kind = _sibling_kind(kind, num, state)
        if kind not in state.kinds:
            state.kinds.append(kind)
        depth = 11 + state.kinds.index(kind)
        _close_to(state, depth, start)
        parent = state.nodes[state.stack[-1]] if state.stack else None
        level = _SUB_LEVELS[min(depth - 11, len(_SUB_LEVELS) - 1)]
        label = _sub_label(_current_article(state), parent, num)
        _open(state, level, num, label, start, depth, kind)


def _is_wrapped(state: _State, line: str) -> bool:
    """The line continues the sentence of the line before (a PDF wraps lines): it opens no Part or section."""
    previous = state.previous
    if state.previous_marked:  # "# О внесении изменений ... деятельности" then "Статья 1. Внести ...": a title
        return False
    return len(previous.split()) > _HEADING_MAX_WORDS and (previous[-1:].islower() or previous.endswith(","))


def _line(state: _State, indent: int, start: int, line: str) -> None:
    state.line_number += 1
    _read_line(state, indent, start, line)
    if (state.insertion is not None and line.rstrip().endswith((":", "：", "—", "–", "-"))
            and state.insertion.search(f"{state.previous_two} {line}")):
        state.formula_line = state.line_number
    if state.amending is not None and state.line_number > state.formula_line and _INSERTION_END_RE.search(line):
        host, state.amending = state.amending, None  # the closing quotation mark ends the inserted text
        if host in state.stack:  # what follows is the amending provision's own next item (« 18) дополнить ... »)
            while state.stack[-1] != host:
                state.nodes[state.stack.pop()].end = start + len(line)
            state.kinds = list(state.host_kinds)
    if state.quoted and _INSERTION_END_RE.search(line):
        # the closing quotation mark ends the inserted article: what follows is the amending law's next item
        # (« 2. В Уголовно-процессуальный кодекс ... »), not a part of that article
        state.quoted = False
        _close_to(state, _ARTICLE_DEPTH, start + len(line))
    state.previous_two = line


def _open_inserted(state: _State, num: str, label: str, start: int) -> _Node | None:
    """An article printed inside an amending provision, after "the following section is inserted:" (or
    while the inserted text goes on): it is opened under the amending provision, not beside it."""
    recent = state.line_number - state.formula_line <= INSERTION_REACH
    current = _current_article(state)
    while current is not None and current.inserted_by is not None:  # the amending act's own section
        current = state.nodes[current.inserted_by]
    host = state.nodes[state.amending] if state.amending is not None else current
    if host is not None and _follows(host.num, num):
        state.amending, state.formula_line = None, -99  # the amending act's own next section
        return None
    if recent and state.amending is None:
        state.amending = current.index if current is not None else None
        state.formula_line = -99  # one formula opens one insertion
    if state.amending is None:
        return None
    while state.stack and state.stack[-1] != state.amending:
        state.nodes[state.stack.pop()].end = start
    if state.nodes[state.stack[-1]].depth == _ARTICLE_DEPTH and state.nodes[state.stack[-1]].inserted_by is None:
        state.host_kinds = list(state.kinds)  # the amending article's own sub-levels, taken up again after the quote
    node = _Node(len(state.nodes), _ARTICLE_LEVEL, num, label, start, state.amending, 10, own_start=start,
                 inserted_by=state.amending)
    state.nodes[state.amending].children.append(node.index)
    state.nodes.append(node)
    state.stack.append(node.index)
    return node


def _follows(previous: str, num: str) -> bool:
    """Whether section ``num`` is the one after ``previous`` in plain numbering (4 -> 5)."""
    return previous.isdigit() and num.isdigit() and int(num) == int(previous) + 1


_SUFFIX_LINE_RE = re.compile(r"^(?P<suffix>bis|ter|qu[aá]ter|quinquies|sexies|septies|octies)\s*(?:\.-|\.—|[.:—–-])\s*", re.I)


def _read_line(state: _State, indent: int, start: int, line: str) -> None:
    state.line_start = start
    before = state.previous
    bare, state.bare_label = state.bare_label, None
    suffix = _SUFFIX_LINE_RE.match(line) if bare is not None else None
    if suffix:  # "### Artículo 148" / "Quáter.- Se impondrá ...": the suffix printed on the next line is the number's
        node = state.nodes[bare]
        node.num = f"{node.num} {suffix['suffix']}"
        node.label = f"{node.label} {suffix['suffix']}"
        state.heading_slot = None
        _after_article_label(state, node, indent, start, line, suffix.end())
        return
    if start in state.contents:  # a table of contents names provisions; it opens none
        state.pending_heading, state.heading_slot = "", None
        return
    wrapped = _is_wrapped(state, line)
    state.previous, state.previous_marked = line, start in state.marked_headings
    division = None if wrapped else _division(line, state.language)
    if division and division[0] == "schedule" and not any(n.depth == 10 for n in state.nodes):
        division = None  # a schedule follows the enacting text: one named before any section is front matter
    if division:
        level, num, heading = division
        label = _division_label(line, level, num, state.language)
        node = _open(state, level, num, label, start, 0 if level != "schedule" else -1)
        node.heading = heading
        state.kinds, state.pending_heading = [], ""
        state.heading_slot = None if heading else node.index
        return
    article = _article(line, indent, state)
    if wrapped and article and _label_match(line):
        article = None  # "Section 7 of the Airports Act ..." continuing a sentence; a bare "3. Heading" still opens
    if article:
        label, num, cut = article
        after_formula = state.line_number - state.formula_line <= INSERTION_REACH
        inserted = _open_inserted(state, num, label, start)
        node = inserted or _open(state, _ARTICLE_LEVEL, num, label, start, _ARTICLE_DEPTH)
        if inserted is None and start in state.quote_opened and (state.quoted or after_formula):
            state.quoted = True  # an article quoted whole by an amending law that has no sections of its own
        state.kinds = []
        node.heading, state.pending_heading = state.pending_heading, ""
        _after_article_label(state, node, indent, start, line, cut)
        state.bare_label = node.index if not line[cut:].strip(" .-—–:") else None
        return
    subs, cut = _subs(line, indent, state)
    if subs and (_current_article(state) or state.nodes):
        _open_subs(state, subs, start)
        state.pending_heading, state.heading_slot = "", None
        return
    if _after_list(state, before, line):
        _close_to(state, state.nodes[state.stack[-1]].depth, start)
    _plain_line(state, line)


def _after_article_label(state: _State, node: _Node, indent: int, start: int, line: str, cut: int) -> None:
    rest = line[cut:].strip()
    state.heading_slot = node.index if not rest and not node.heading else None
    if not rest:
        return
    subs, sub_cut = _subs(rest, indent, state)
    if subs:
        _open_subs(state, subs, start if start in state.moved else start + cut + (len(line[cut:]) - len(line[cut:].lstrip())))
        return
    if not node.heading and (_is_heading_text(rest) or _is_heading_text(rest.rstrip(".")) and len(rest.split()) <= 8):
        node.heading = rest.rstrip(".")
        return
    first, _, after = rest.partition(". ")
    if after and not node.heading and len(first.split()) <= 4 and first[:1].isupper():
        node.heading = first


_FULL_STOP_RE = re.compile(r"[.。!?؟][\s\"”»’')]*$")
_BLANK_BEFORE_RE = re.compile(r"\n[ \t\r]*\n[ \t>*#_-]*$")  # a blank line stands before the line
_LIST_OPENERS = (":", "：", "—", "–", "-", ":—", "-\u200f")


def _after_list(state: _State, before: str, line: str) -> bool:
    """An unnumbered paragraph after the last item of a list, opening a new sentence after the item's full stop
    ("3- ... عمداً." then "وتكون العقوبة ..."; "(c) ... ." then "A person who ..."), or after its semicolon and a
    blank line ("(c) ...;\n\nA person who ..."): a paragraph of the provision holding the list, not more words of
    its last item; words that go on with the list's sentence (", commits an offence") stay with the last item.
    A list is a series of items under words that announce it ("... الأفعال الآتية:", "A person who—",
    "Est puni :"); a heading before the next provision is no such paragraph."""
    if not state.stack or state.nodes[state.stack[-1]].depth <= _ARTICLE_DEPTH:
        return False
    node = state.nodes[state.stack[-1]]
    blank = bool(_BLANK_BEFORE_RE.search(state.text, max(0, state.line_start - 40), state.line_start))
    if node.parent is None or not (_FULL_STOP_RE.search(before) or blank and before.rstrip().endswith(";")):
        return False
    parent = state.nodes[node.parent]
    items = [state.nodes[c] for c in parent.children if state.nodes[c].kind == node.kind]
    chapeau = state.text[parent.own_start:items[0].start].rstrip() if items else ""
    if len(items) < 2 or not chapeau.endswith(_LIST_OPENERS):
        return False
    first = line.lstrip(" \"“«'‘(")[:1]
    return (first.isupper() or first.isalpha() and not first.islower()) and not _is_heading_text(line)


def _plain_line(state: _State, line: str) -> None:
    if state.heading_slot is not None and _is_heading_text(line):
        state.nodes[state.heading_slot].heading = line
        state.heading_slot = None
        return
    state.heading_slot = None
    state.pending_heading = line if _is_heading_text(line) and len(line.split()) <= 8 else ""


def _inserted_labels(state: _State) -> None:
    """An inserted provision is cited through the provision that inserts it: "Section 5 (inserting section
    10A(1)(a))", « Article 4 (insérant article 12) » (the verb is the drafting file's `inserted_label`)."""
    verb = state.inserted_label
    for node in state.nodes:
        if node.inserted_by is None:
            continue
        host = state.nodes[node.inserted_by].label
        for index in _subtree(state, node.index):
            inner = state.nodes[index].label
            state.nodes[index].label = f"{host} ({verb} {inner[:1].lower()}{inner[1:]})"


def _subtree(state: _State, index: int) -> list[int]:
    out, stack = [], [index]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(state.nodes[current].children)
    return out


def _freeze(state: _State, text: str) -> tuple[Provision, ...]:
    _close_to(state, -99, len(text))
    _inserted_labels(state)
    ends = [_trim_end(text, node.start, node.end) for node in state.nodes]
    for node in reversed(state.nodes):  # a provision holds its last sub-provision, even one opened on its last line
        if node.parent is not None:
            ends[node.parent] = max(ends[node.parent], ends[node.index])
    provisions = []
    for node in state.nodes:
        path: list[str] = []
        cursor: int | None = node.index
        while cursor is not None:
            path.insert(0, _path_part(state.nodes[cursor]))
            cursor = state.nodes[cursor].parent
        own_end = state.nodes[node.children[0]].start if node.children else node.end
        end = ends[node.index]
        provisions.append(
            Provision(node.index, node.label, node.level, node.num, node.heading, tuple(path), node.start, end,
                      node.own_start, min(_trim_end(text, node.own_start, own_end), end), node.parent,
                      tuple(node.children))
        )
    return tuple(provisions)


def _path_part(node: _Node) -> str:
    return node.label if node.depth <= 10 else node.num


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _uses_article_words(lines: list[tuple[int, int, str]], language: str) -> bool:
    state = _State(language, numbered_articles=False)
    return any(_article(line, indent, state) for indent, _, line in lines)


CONTENTS_RUN = 4  # this many section headings in a row, with no text between them, are a table of contents


def _contents(lines: list[tuple[int, int, str]], language: str) -> set[int]:
    """Starts of the lines of a table of contents: runs of section headings ("8 Seizing a ship",
    "Section 9 Acts of violence") with no provision text between them; Part headings may stand among them."""
    out: set[int] = set()
    run: list[int] = []
    count = 0
    last: tuple[int, str, str] | None = None

    def close() -> None:
        if count >= CONTENTS_RUN:
            out.update(run)

    words = DIVISIONS.get(language, DIVISIONS["en"])
    for _, start, line in lines:
        # a division's word is read only inside a run (folding a line of Chinese, one "word" long, is not cheap)
        if run and _first_word(line) in words or _division(line, language):  # "Schedule 2--Protocol for ..." in a list
            run.append(start)
            continue
        number = _is_heading_entry(line)
        if number:
            key = _number_key(number) if number[0].isdigit() else None
            if key is not None and last is not None and key <= last:  # numbering starts again: the body begins
                close()
                run, count = [], 0
            run.append(start)
            count += 1
            last = key if key is not None else last
            continue
        close()
        run, count, last = [], 0, None
    close()
    return out


def _first_word(line: str) -> str:
    """The line's first word, folded, without what follows a hyphen and a closing full stop or colon."""
    return fold(line.split()[0].lower()).split("-")[0].rstrip(".:") if line.split() else ""


def _is_heading_entry(line: str) -> str:
    """The number of a line that is only a section number and its heading (an entry of a table of
    contents), else ""."""
    match = UNDOTTED_RE.match(line) or NUMBERED_RE.match(line) or _label_match(line)
    if not match:
        return ""
    rest = re.sub(r"\[[^\]]*\]|[_*\t]|\betc\.$", " ", line[match.end():]).strip()
    return " ".join(match["num"].split()) if _is_heading_text(rest) else ""


_LABEL_ONLY_RE = re.compile(r"^(?:\d+[A-Z]?\.(?:\(\w{1,4}\))*|(?:\(\w{1,4}\))+)$")
_SERIES_STARTS = ("(1)", "(a)", "(i)", "(A)")
_SENTENCE_END_RE = re.compile(r"(?:[.;:]|[.;:][\"”’'])$")


def _late_labels(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Labels that a PDF printed one line late, in the middle of their first sentence:

        A person shall not communicate false information knowing that the
        896.(1)
        information is false ...

    A line holding only a label, between a line that starts a sentence (after a sentence end, a heading or
    a page number) without ending it and a line that carries the sentence on in lower case, opens its
    provision where that sentence starts. A label that starts a series ("(1)", "(a)") may follow its
    chapeau, and a short line without a comma may be a heading: neither is moved."""
    out = list(lines)
    for i in range(2, len(lines) - 1):
        label, sentence, before, after = lines[i][2], lines[i - 1][2], lines[i - 2][2], lines[i + 1][2]
        if not _LABEL_ONLY_RE.match(label) or label in _SERIES_STARTS or not after[:1].islower():
            continue
        if not sentence[:1].isupper() or _LABEL_ONLY_RE.match(sentence) or _SENTENCE_END_RE.search(sentence) \
                or sentence.endswith(("—", "–", "-")):
            continue
        if not sentence.endswith(",") and len(sentence.split()) < 10:  # "Giving false information": a heading
            continue
        if _LABEL_ONLY_RE.match(before) or not (_SENTENCE_END_RE.search(before) or _is_heading_text(before)
                                                 or before.isdigit()):
            continue
        if out[i - 1] != lines[i - 1]:  # already moved
            continue
        out[i - 1], out[i] = (lines[i][0], lines[i - 1][1], label), lines[i - 1]
    return out


@functools.cache
def default_drafting() -> dict[str, Drafting]:
    """The built-in checklist's drafting vocabularies, for a caller that gives none (loaded once, from the cache)."""
    from lawcheck.catalogue import load_catalogue

    return load_catalogue().drafting


@functools.lru_cache(maxsize=16)
def _formulas(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """The insertion formulas of a language as one expression (compiled once, when a bill in it is split)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None


def split_provisions(text: str, language: str, drafting: Drafting | None = None) -> tuple[Provision, ...]:
    """The provisions of the bill, in document order, each with its label, heading, path and spans.

    ``drafting``: the vocabulary of the bill's language (the insertion formulas of amending laws); by default
    the built-in checklist's."""
    drafting = drafting or default_drafting()[language]
    marked: set[int] = set()
    read = _lines(text, marked)
    lines = _late_labels(read)
    state = _State(language, numbered_articles=not _uses_article_words(lines, language), marked_headings=marked, text=text,
                   contents=_contents(lines, language), moved={start for line, (_, start, _) in zip(read, lines)
                                                                 if line[1] != start},
                   insertion=_formulas(drafting.insertion), inserted_label=drafting.inserted_label)
    state.quote_opened = {start for _, start, _ in lines
                           if _QUOTE_BEFORE_RE.search(text, text.rfind("\n", 0, start) + 1, start)}
    probe = _State(language, state.numbered_articles, marked_headings=marked, line_start=lines[0][1] if lines else 0)
    if lines and not _division(lines[0][2], language) and not _article(lines[0][2], lines[0][0], probe):
        _open(state, "preamble", "", "Preamble", lines[0][1], 100)
    for indent, start, line in lines:
        _line(state, indent, start, line)
    if state.nodes and state.nodes[0].level == "preamble" and not any(n.depth == 10 for n in state.nodes):
        state.nodes[0].level, state.nodes[0].label = "text", "Text"  # no section found: the text is one block
    return _freeze(state, text)


# ----------------------------------------------------------------------------- definitions

_Q_OPEN = "\"“'‘«"
_Q_CLOSE = "\"”'’»"
DEFINITION_PATTERNS: dict[str, tuple[LazyPattern, ...]] = {
    "en": (
        LazyPattern(rf"[{_Q_OPEN}]\s*([^{_Q_CLOSE}\n]{{2,80}}?)\s*[{_Q_CLOSE}]\s*(?:means|includes|shall mean|has the meaning|refers to|is defined)", re.I),
        # Markdown statutes print the term in italics or bold: "_specified terrorism convention_ means"
        LazyPattern(r"(?<![\w*_])(?:\*\*|_|\*)([^*_\n]{2,80}?)(?:\*\*|_|\*)\s*(?:means|includes|has the meaning|refers to)\b", re.I),
        LazyPattern(r"\bis an? [\"“_*]{1,2}([^\"”_*\n]{2,60}?)[\"”_*]{1,2} for the purposes of", re.I),
        LazyPattern(r"(?:the (?:term|expression|word)s?)\s+[\"“'‘]?([^\"”'’\n]{2,60}?)[\"”'’]?\s+(?:means|includes|has the meaning)", re.I),
    ),
    "fr": (
        LazyPattern(r"on entend par\s*(?:l[ea]s?\s+|l')?[«\"“]?\s*([^»\"”:,\n]{2,80}?)\s*[»\"”]?\s*(?:[:,]|\s+l[ae]s?\s|\s+l')", re.I),
        LazyPattern(r"[«\"“]\s*([^»\"”\n]{2,80}?)\s*[»\"”]\s*(?::|désigne|s'entend|s’entend|est)", re.I),
    ),
    "es": (
        LazyPattern(r"se entender[áa]? por\s*[«\"“]?\s*([^»\"”:,\n]{2,80}?)\s*[»\"”]?\s*[:,]", re.I),
        LazyPattern(r"se entiende por\s*[«\"“]?\s*([^»\"”:,\n]{2,80}?)\s*[»\"”]?\s*(?:[:,]|\s+(?:el|la|los|las|todo|toda)\s)", re.I),
        LazyPattern(r"[«\"“]\s*([^»\"”\n]{2,80}?)\s*[»\"”]\s*(?::|significa|designa|comprende)", re.I),
    ),
    "ru": (
        # «воздушное судно» означает ...; под финансированием терроризма понимается ...
        LazyPattern(r"[«\"“]\s*([^»\"”\n]{2,80}?)\s*[»\"”]\s*(?:[—–-]\s*)?(?:означает|понимается|понимаются|включает)", re.I),
        LazyPattern(r"\bпод\s+([^,.;:\n]{2,80}?)\s+(?:в\s+настоящ\w+\s+\w+\s+)?понима(?:ется|ются|ет)", re.I),
    ),
    "ar": (
        # يقصد بالطائرة: ...; يقصد بعبارة "في حالة طيران" ...; يعد "عملا إرهابيا" ...
        LazyPattern(r"يُ?قصد\s+ب(?:ـ\s*)?(?!(?:ال)?(?:كلمات|عبارات|ألفاظ|الفاظ|مصطلحات)\b)(?:(?:كلمة|عبارة|مصطلح)\s*)?[«\"“]?\s*([^:«»\"”،\n]{2,60}?)\s*[»\"”]?\s*(?::|في\s+(?:هذا|تطبيق)|،)"),
        LazyPattern(r"[«\"“]\s*([^»\"”\n]{2,60}?)\s*[»\"”]\s*(?::|يقصد|يعني|تعني|يشمل)"),
    ),
    "zh": (
        # 本法所称恐怖活动，是指……; 前款所称“航空器”，是指……; 航空器：指……
        LazyPattern(r"所[称稱]\s*[“\"「]?([^，,。；“”\"「」\n]{1,30}?)[”\"」]?\s*[，,]?\s*(?:是指|[系係]指|指|包括)"),
        LazyPattern(r"[“\"「]([^”\"」\n]{1,30}?)[”\"」]\s*[，,]?\s*(?:是指|[系係]指|指)"),
    ),
}
_LIST_CHAPEAU = {
    "en": LazyPattern(r"(?:in this (?:act|part|law|section|subsection|chapter|title|division|schedule)|interpretation|unless the context|as used in this)", re.I),
    "fr": LazyPattern(r"(?:on entend par|au sens de la présente loi|pour l'application de la présente loi)\s*:?\s*$", re.I),
    "es": LazyPattern(r"(?:se entiende por|se entender[áa] por|a (?:los )?efectos de (?:la presente|esta) ley)[^.]*:?\s*$", re.I),
    "ru": LazyPattern(r"(?:используются следующие (?:основные )?понятия|применяются следующие (?:основные )?понятия|"
                     r"в (?:целях|смысле) настоящ\w+ \w+(?: \w+)?[^.]*понима\w+)[^.]*:?\s*$", re.I),
    "ar": LazyPattern(r"(?:يقصد|يُقصد|المعاني المبينة|المعاني الموضحة|المعنى المبين|في تطبيق أحكام هذا|لأغراض هذا)[^.]*:?\s*$"),
    "zh": LazyPattern(r"(?:下列用[语語]的含[义義]|定[义義]如下|用[词詞語语][定，,]|本(?:法|条例|條例)所[称稱])[^。]*[:：]?\s*$"),
}
# A term at the head of a list item under a chapeau: "терроризм — ...", "الطائرة: ...", "航空器：指..."
_LIST_TERMS = {
    "ru": LazyPattern(r"^[«\"“]?\s*([^—–:»\"”\n]{2,60}?)\s*[»\"”]?\s*(?:[—–]|\s-\s|:)\s*\S"),
    "zh": LazyPattern(r"^[“\"「]?([^：:，,”\"」\n]{1,30}?)[”\"」]?\s*(?:[：:]|[，,]\s*(?:是指|[系係]指|指))"),
}
# A section whose heading names the term it gives the meaning of ("7 Meaning of hostage-taking": "a person
# commits an act of hostage-taking if ..."): the whole section is the term's definition. English only for now:
# the French Criminal Code's "Définition de engin" scopes its term to a few articles ("Aux articles 82.3 à
# 82.5"), and read everywhere it lent "matières radioactives" to the explosive-device offence of art 431.2.
_MEANING_HEADING = {
    "en": LazyPattern(r"^(?:meaning|definition)\s+of\s+(?:the\s+(?:terms?|expressions?|words?)\s+)?[\"“'‘]?(?P<term>[^\"”'’?]{2,60}?)[\"”'’]?\s*$", re.I),
}
_LIST_TERM = LazyPattern(r"^[«\"“']?\s*([^:»\"”'\n]{2,60}?)\s*[»\"”']?\s*:\s+\S")
# The list number printed before a term ("١ -النظام: ...", "3) الأموال: ..."): not part of the term.
_TERM_NUMBER = re.compile(r"^[\d\u0660-\u0669\u06f0-\u06f9]*\s*[-–.)]\s*")
# Arabic definitions articles print their terms one to a line, unnumbered, under the chapeau ("في تطبيق أحكام هذا
# القانون يقصد بالكلمات والعبارات التالية المعاني المبينة قرين كل منها:" then "الإرهاب : استخدام للقوة ..."): a line
# that opens with a short term and a colon, and goes on after it, is a definition until the next such line.
_LINE_TERMS = {
    "ar": re.compile(r"^[ \t]*([\u0621-\u064a][^:\n.،؛()\-–]{1,60}?)[ \t]*:[ \t]*(?=\S)", re.M),
}
_LINE_TERM_WORDS = 6


def _own_text(provision: Provision, text: str) -> str:
    return text[provision.own_start:provision.own_end]


def find_definitions(text: str, provisions: tuple[Provision, ...], language: str) -> tuple[Definition, ...]:
    """Terms the bill defines, each with the span of its definition."""
    out: list[Definition] = []
    patterns = DEFINITION_PATTERNS.get(language, DEFINITION_PATTERNS["en"])
    for provision in provisions:
        own = _own_text(provision, text)
        body = own[len(provision.num):] if provision.num and own.startswith(provision.num) else own
        found = sorted({(m.start(), m.group(1).strip()) for p in patterns for m in p.finditer(own)})
        if not found and provision.parent is not None:
            parent = provisions[provision.parent]
            chapeau = _own_text(parent, text)
            term = _LIST_TERMS.get(language, _LIST_TERM).match(body.strip())
            if term and _LIST_CHAPEAU.get(language, _LIST_CHAPEAU["en"]).search(chapeau.strip()):
                name = _TERM_NUMBER.sub("", term.group(1).strip())
                found = [(own.find(name), name)] if name else []
        for i, (offset, term) in enumerate(found):
            stop = provision.own_start + found[i + 1][0] if i + 1 < len(found) else provision.end
            out.append(Definition(term, provision.index, provision.own_start + offset, stop))
        named = _MEANING_HEADING[language].match(provision.heading) if language in _MEANING_HEADING else None
        if named and provision.level == _ARTICLE_LEVEL and fold(named["term"]) not in {fold(t) for _, t in found}:
            out.append(Definition(named["term"], provision.index, provision.start, provision.end))
    if language in _LINE_TERMS:
        out += _line_definitions(text, provisions, language, {fold(d.term) for d in out})
    return tuple(out)


def _line_definitions(text: str, provisions: tuple[Provision, ...], language: str,
                      known: set[str]) -> list[Definition]:
    """The unnumbered "term: meaning" lines of an article after its definitions chapeau (see _LINE_TERMS);
    each runs to the next such line or the end of the article, whatever sub-items it holds."""
    out: list[Definition] = []
    chapeau_re = _LIST_CHAPEAU[language]
    for article in provisions:
        if article.level != _ARTICLE_LEVEL:
            continue
        body = text[article.start:article.end]
        chapeau = next((m for m in re.finditer(r"[^\n]+", body) if chapeau_re.search(m.group().strip())), None)
        if chapeau is None:
            continue
        terms = [m for m in _LINE_TERMS[language].finditer(body, chapeau.end())
                 if len(m.group(1).split()) <= _LINE_TERM_WORDS]
        for i, m in enumerate(terms):
            term = m.group(1).strip()
            if fold(term) in known:
                continue
            start = article.start + m.start(1)
            stop = article.start + terms[i + 1].start() if i + 1 < len(terms) else article.end
            holder = max((p for p in provisions if p.start <= start < p.end), key=lambda p: p.start)
            out.append(Definition(term, holder.index, start, stop))
    return out


# ----------------------------------------------------------------------------- cross-references

_REF_NUM = r"(\d+(?:er)?[A-Z]?(?:[-.]\d+)*(?:\s?(?:bis|ter|qu[aá]ter|quinquies|sexies)\b)?)((?:\s?\(\w{1,4}\))*)"
CROSSREF_RE = re.compile(
    rf"\b(?P<word>sections?|subsections?|s\.|ss\.|articles?|art\.|art[íi]culos?|§+)\s*(?:L\.?\s?)?{_REF_NUM}"
    rf"(?:\s*(?P<sep>to|à|a|and|et|y|or|ou|o)\s+{_REF_NUM})?",
    re.I,
)
_LIST_MORE_RE = re.compile(r"^(?:\s*,\s*|\s+(?:or|and|et|ou|y|o|e)\s+|\s*,\s*(?:or|and|et|ou|y|o)\s+)(\d+[A-Z]?(?:-\d+)*(?:\s?(?:bis|ter|qu[aá]ter|quinquies|sexies)\b)?)((?:\s?\(\w{1,4}\))*)", re.I)
_SUBREF_RE = re.compile(
    r"\b(?:sub-?sections?|(?:sub-?)?paragraphs?|alinéas?|incisos?)\s*\(\s*(\w{1,4})\s*\)"
    r"(?:\s*(to|and|or|à|et|a|y)\s*\(\s*(\w{1,4})\s*\))?", re.I)


def _article_index(provisions: tuple[Provision, ...]) -> dict[str, int]:
    index: dict[str, int] = {}
    for p in provisions:
        if p.level == _ARTICLE_LEVEL:
            index.setdefault(fold(p.num.lower()).replace(" ", ""), p.index)
    return index


def _resolve(articles: dict[str, int], provisions: tuple[Provision, ...], num: str, subs: str) -> int | None:
    target = articles.get(fold(num.lower()).replace(" ", ""))
    for sub in re.findall(r"\(\w{1,4}\)", subs or ""):
        if target is None:
            break
        target = next((c for c in provisions[target].children if provisions[c].num == sub), target)
    return target


def _articles_between(provisions: tuple[Provision, ...], articles: dict[str, int], first: str, last: str) -> list[Provision]:
    """The articles printed between two (decimal) section numbers: 82.3 to 82.5 holds 82.4."""
    low, high = articles.get(fold(first.lower())), articles.get(fold(last.lower()))
    if low is None or high is None or high <= low:
        return []
    return [p for p in provisions[low + 1:high] if p.level == _ARTICLE_LEVEL]


def _range(first: str, last: str) -> list[str]:
    if first.isdigit() and last.isdigit() and 0 < int(last) - int(first) <= 50:
        return [str(n) for n in range(int(first) + 1, int(last))] + [last]
    return [last]


def _article_of(provisions: tuple[Provision, ...], index: int) -> Provision | None:
    cursor: int | None = index
    while cursor is not None:
        if provisions[cursor].level == _ARTICLE_LEVEL:
            return provisions[cursor]
        cursor = provisions[cursor].parent
    return None


class Locator:
    """Finds the innermost provision holding a character position, by bisection (provisions nest)."""

    def __init__(self, provisions: tuple[Provision, ...]) -> None:
        self.provisions = provisions
        self.starts = [p.start for p in provisions]

    def innermost(self, position: int, preamble: bool = False) -> int | None:
        i = bisect.bisect_right(self.starts, position) - 1
        cursor: int | None = i if i >= 0 else None
        while cursor is not None and not self._holds(cursor, position, preamble):
            cursor = self.provisions[cursor].parent
        return cursor

    def _holds(self, index: int, position: int, preamble: bool) -> bool:
        provision = self.provisions[index]
        return provision.start <= position < provision.end and (preamble or provision.level != "preamble")

    def descendants(self, index: int) -> list[int]:
        """The provision and everything below it, in document order."""
        out, stack = [], [index]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self.provisions[current].children))
        return out




def _sub_range(first: str, last: str | None, separator: str | None) -> list[str]:
    """"(a) to (f)" -> a, b, c, d, e, f; "(1) and (2)" -> 1, 2."""
    if not last:
        return [first]
    if separator and separator.lower() in ("to", "à", "a") and len(first) == len(last) == 1 and first < last:
        if first.isdigit() and last.isdigit() or first.isalpha() and last.isalpha():
            return [chr(c) for c in range(ord(first), ord(last) + 1)]
    return [first, last]


def _bare(num: str) -> str:
    """A sub-provision number without its punctuation: "(a)", "a.", "a)", "一、", "1-", "أولاً:" -> "a", "一", "1", "أولاً"."""
    return re.sub(r"[().\s°º、:\-–—]", "", num)


def _nearest_sub(provisions: tuple[Provision, ...], source: int, num: str) -> int | None:
    """The sub-provision numbered ``num`` nearest to ``source``: among its parent's children first, then
    up to the article's."""
    cursor: int | None = source
    while cursor is not None:
        for child in provisions[cursor].children:
            if _bare(provisions[child].num) == _bare(num) and child != source:
                return child
        if provisions[cursor].level == _ARTICLE_LEVEL:
            return None
        cursor = provisions[cursor].parent
    return None


# References to articles in Russian (статьями 205, 205.1 и 206; ст. 205-205.5), Arabic (المادة (5), المادتين 1 و2,
# المواد من 3 إلى 7, المادة 3 مكرر) and Chinese (第一百二十条之一, 第五条至第八条).
_RU_REF_RE = LazyPattern(r"\b(?:стат(?:ья|ьи|ье|ью|ьей|ьёй|ей|ьям|ьями|ьях)|ст\.)\s*(\d+(?:\.\d+)*)", re.I)
_RU_MORE_RE = LazyPattern(r"^(?:\s*,\s*|\s+(?:и|или)\s+|\s*,\s*(?:и|или)\s+|\s*[-–—]\s*)(\d+(?:\.\d+)*)")
_AR_REF_RE = LazyPattern(r"(?:ال)?(?:ماد(?:ة|ه|تين|تان)|مواد)\s*(?:من\s*)?(?:رقم\s*)?\(?\s*(\d+(?:-\d+)*)\s*\)?(?:\s*(مكرر[اةه]?))?")
_AR_MORE_RE = LazyPattern(r"^(?:\s*[،,]\s*|\s*و\s*|\s+(?:إلى|الى|حتى)\s+|\s*[-–]\s*)\(?\s*(\d+)\s*\)?")
_ZH_REF_RE = LazyPattern(rf"第\s*([{HAN_NUMERAL}\d]+)\s*[条條](?:之\s*([{HAN_NUMERAL}\d]+))?")
_ZH_MORE_RE = LazyPattern(rf"^(?:、|至|到|和|或者|或|及)第?\s*([{HAN_NUMERAL}\d]+)\s*[条條]?(?:之\s*([{HAN_NUMERAL}\d]+))?")


def _other_refs(text: str, provisions: tuple[Provision, ...], language: str, locator: Locator) -> list[CrossRef]:
    """References to articles in Russian, Arabic and Chinese, resolved to the bill's articles."""
    pattern, more = {"ru": (_RU_REF_RE, _RU_MORE_RE), "ar": (_AR_REF_RE, _AR_MORE_RE),
                     "zh": (_ZH_REF_RE, _ZH_MORE_RE)}[language]
    articles = _article_index(provisions)
    notes = _history_notes(text)
    out: list[CrossRef] = []
    for match in pattern.finditer(text):
        if any(lo <= match.start() < hi for lo, hi in notes):
            continue
        source = locator.innermost(match.start())
        if source is None or provisions[source].start == match.start() or text.startswith(provisions[source].label, match.start()):
            continue
        nums = [_ref_num(match, language)]
        end = match.end()
        while found := more.match(text[end:end + 40]):
            separator = found.group(0)
            last = _ref_num(found, language)
            if re.search(r"[-–—]|إلى|الى|حتى|至|到", separator):
                nums += _range(nums[-1], last)
            else:
                nums.append(last)
            end += found.end()
        for num in nums:
            out.append(CrossRef(source, articles.get(fold(num.lower()).replace(" ", "")), text[match.start():end],
                                match.start(), end))
    return out


def _ref_num(match: re.Match[str], language: str) -> str:
    """The article number a reference names, spelled as the bill's articles are numbered (``num``)."""
    if language == "zh":
        number = han_number(match.group(1))
        sub = han_number(match.group(2)) if match.lastindex and match.lastindex >= 2 and match.group(2) else None
        return f"{number}-{sub}" if sub is not None else str(number)
    if language == "ar" and match.lastindex and match.lastindex >= 2 and match.group(2):
        return f"{match.group(1)} مكرر"
    return match.group(1)


def find_crossrefs(text: str, provisions: tuple[Provision, ...], language: str = "en") -> tuple[CrossRef, ...]:
    """References such as "an offence under section 5", "articles 4 à 6", "subsection (1)"."""
    articles = _article_index(provisions)
    locator = Locator(provisions)
    if language in ("ru", "ar", "zh"):
        digits = ascii_digits(text)  # "المادة (١٢)": the same offsets
        out = _other_refs(digits, provisions, language, locator) + _division_refs(digits, provisions, locator)
        return tuple(sorted(out, key=lambda r: (r.start, r.end, r.target or -1)))
    notes = _history_notes(text)
    out: list[CrossRef] = []
    for match in CROSSREF_RE.finditer(text):
        if any(lo <= match.start() < hi for lo, hi in notes):
            continue  # "Section 8(2A): inserted, on 22 June 2005, by section 4 of the Amendment Act 2005"
        source = locator.innermost(match.start())
        if source is None or provisions[source].start == match.start():  # the provision's own label
            continue
        nums = [(match.group(2), match.group(3))]
        if match["sep"]:
            extra = _range(match.group(2), match.group(5)) if match["sep"].lower() in ("to", "à", "a") else [match.group(5)]
            nums += [(n, match.group(6) if n == match.group(5) else "") for n in extra]
            if match["sep"].lower() in ("to", "à", "a") and "." in match.group(2):  # "sections 82.3 to 82.5"
                nums[1:1] = [(p.num, "") for p in _articles_between(provisions, articles, match.group(2), match.group(5))]
        end = match.end()
        while more := _LIST_MORE_RE.match(text[end:end + 40]):
            nums.append((more.group(1), more.group(2)))
            end += more.end()
        for num, subs in nums:
            target = _resolve(articles, provisions, num, subs)
            out.append(CrossRef(source, target, text[match.start():end], match.start(), end))
    for match in _SUBREF_RE.finditer(text):
        if any(lo <= match.start() < hi for lo, hi in notes):
            continue
        source = locator.innermost(match.start())
        if source is None or _article_of(provisions, source) is None:
            continue
        for num in _sub_range(match.group(1), match.group(3), match.group(2)):
            target = _nearest_sub(provisions, source, num)
            out.append(CrossRef(source, target, match.group(0), match.start(), match.end()))
    out += _division_refs(text, provisions, locator)
    return tuple(sorted(out, key=lambda r: (r.start, r.end, r.target or -1)))


_DIVISION_REF_RE = re.compile(
    r"\b(?P<word>parts?|chapters?|titles?|titres?|chapitres?|t[íi]tulos?|cap[íi]tulos?|schedules?|annex(?:es)?|"
    r"annexes?|anexos?)\s+(?P<num>[IVXLC]+|\d+|premier|ier|er|preliminar)\b", re.I)
_THE_SCHEDULE_RE = re.compile(r"\b(?:the|l'|el|la) ?(?:schedule|annex|annexe|anexo)\b(?!\s+\d)", re.I)
_DIVISION_WORDS = {"part": "part", "chapter": "chapter", "title": "title", "titre": "title", "chapitre": "chapter",
                   "titulo": "title", "capitulo": "chapter", "schedule": "schedule", "annex": "schedule",
                   "annexe": "schedule", "anexo": "schedule"}


def _division_refs(text: str, provisions: tuple[Provision, ...], locator: Locator) -> list[CrossRef]:
    """References to a whole Part, Chapter or Title: "an offence under Part II", « au chapitre II »."""
    divisions: dict[tuple[str, str], int] = {}
    for p in provisions:
        if p.is_division and p.num:
            divisions.setdefault((p.level, p.num.lower()), p.index)
    out = []
    schedules = [p.index for p in provisions if p.level == "schedule"]
    if len(schedules) == 1:  # "the conventions listed in the Schedule": the bill's only schedule
        for match in _THE_SCHEDULE_RE.finditer(text):
            source = locator.innermost(match.start())
            if source is not None and not provisions[source].is_division:
                out.append(CrossRef(source, schedules[0], match.group(0), match.start(), match.end()))
    for match in _DIVISION_REF_RE.finditer(text):
        source = locator.innermost(match.start())
        if source is None or provisions[source].start == match.start() or provisions[source].is_division:
            continue
        level = _DIVISION_WORDS.get(fold(match["word"].lower()).rstrip("s"))
        target = divisions.get((level, match["num"].lower())) if level else None
        if target is not None:
            out.append(CrossRef(source, target, match.group(0), match.start(), match.end()))
    return out


def interpretive_provisions(text: str, provisions: tuple[Provision, ...], definitions: tuple[Definition, ...],
                            language: str) -> frozenset[int]:
    """Provisions that define terms, and the items under an interpretation chapeau ("In this Act—")."""
    chapeau = _LIST_CHAPEAU.get(language, _LIST_CHAPEAU["en"])
    out = {d.provision for d in definitions}
    for provision in provisions:
        parent = provisions[provision.parent] if provision.parent is not None else None
        if parent is not None and parent.index in out and _own_text(parent, text).rstrip().endswith((":", "—", "-")):
            out.add(provision.index)
        elif parent is not None and chapeau.search(_own_text(parent, text)) and len(_own_text(parent, text).split()) <= 40:
            out.add(provision.index)
    return frozenset(out)


def split(text: str, language: str, drafting: Drafting | None = None) -> Structure:
    """The bill's provisions, definitions and cross-references; ``drafting`` as for :func:`split_provisions`."""
    provisions = split_provisions(text, language, drafting)
    definitions = find_definitions(text, provisions, language)
    return Structure(provisions, definitions, find_crossrefs(text, provisions, language),
                     interpretive_provisions(text, provisions, definitions, language))


# ----------------------------------------------------------------------------- titles of other acts

_SMALL = r"(?:of|the|and|at|against|on|for|in|to|by|with|from|or|de|del|la|las|los|el|y|et|des|du|le|les|à|aux)"
ACT_TITLE_RE: dict[str, LazyPattern] = {
    "en": LazyPattern(rf"\b(?:[A-Z][\w'’-]*[ \t]+(?:{_SMALL}[ \t]+)*){{2,}}(?:Act|Ordinance|Decree|Code)\b"
                     r"(?:,?[ \t]*(?:No\.?[ \t]*\d+[ \t]+of[ \t]+)?\d{4})?"),
    "fr": LazyPattern(r"\b(?:loi|ordonnance|décret|code)\s+(?:organique\s+)?(?:n[°o]\s*[\d./-]+\s+)?(?:du\s+\d{1,2}\s+\w+\s+\d{4}\s+)?"
                     r"(?:relative?s?|portant|sur|concernant|tendant)[ \t]+[^,.;:()\n]{5,160}", re.I),
    "es": LazyPattern(r"\b(?:ley|decreto|código)\s+(?:orgánica\s+)?(?:n[°oº.]*\s*[\d./-]+\s+)?(?:de\s+\d{4}\s+)?"
                     r"(?:sobre|que|para|relativa|contra|de[ \t]+(?:prevención|represión|lucha))[ \t]+[^,.;:()\n]{5,160}", re.I),
    # Федеральный закон «О противодействии терроризму», Конвенция о борьбе с незаконным захватом воздушных судов
    "ru": LazyPattern(r"\b(?:(?:федеральн\w+|уголовн\w+|международн\w+)\s+)?(?:закон\w*|кодекс\w*|конвенци\w+|протокол\w*)"
                     r"(?:\s+от\s+[^«\n]{4,40}?)?\s*(?:«[^»\n]{3,200}»|\s(?:о|об)\s+[^,.;:()\n]{5,160})", re.I),
    # قانون مكافحة الإرهاب رقم ... ; اتفاقية قمع الاستيلاء غير المشروع على الطائرات ; «...» after a law's name
    "ar": LazyPattern(r"(?:ال)?(?:اتفاقي[ةه]|بروتوكول|قانون|نظام)\s+(?:«[^»\n]{3,200}»|\"[^\"\n]{3,200}\"|"
                     r"(?:قمع|مكافح[ةه]|منع|مناهض[ةه]|الحماي[ةه]|حماي[ةه]|طوكيو|لاهاي|مونتريال|بكين)[^،.؛:()\n]{3,160})"),
    # 《关于制止非法劫持航空器的公约》: the title marks say it
    "zh": LazyPattern(r"《[^》\n]{2,200}》|〈[^〉\n]{2,200}〉"),
}


def act_titles(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Spans of the titles of acts the text names ("the Suppression of Unlawful Acts of Violence at Airports
    Serving International Civil Aviation Act, No. 31 of 1996", « la loi relative à la sûreté de l'aviation »):
    words in a title name another law; they are not the conduct of an offence."""
    pattern = ACT_TITLE_RE.get(language, ACT_TITLE_RE["en"])
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))

