"""Akoma Ntoso XML bills (.xml, .akn), namespace-agnostic (AKN 2.0, 3.0 or none).

Parsed with lxml without entity resolution, DTD loading or network; any entity declaration is
refused before parsing (billion laughs, XXE). The document's preface, preamble, body (or
mainBody) and conclusions are rendered as printed:

* part, chapter, title, book, division (and sub-) → one line "PART II — Heading" (the level word
  in capitals; omitted when ``num`` already contains it, e.g. "PART II");
* section → "Section 3. Heading"; article → "Article 5" then the heading on its own line;
* subsection, paragraph, point, item, clause, ... → "<num> <first line of content>", e.g.
  "(1) A person who ..."; further ``p``/``intro``/``wrapUp`` text on their own lines;
* any other ``p``-like block → its own line; tables row by row, one line per cell.

Authorial notes (footnotes) are left out. Title: ``docTitle`` in the preface, else
``shortTitle``, else the first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..errors import UnsupportedFormat
from ..models import Bill
from .common import collapse_spaces, local_name, make_title, normalise_text, parse_xml

DIVISIONS = frozenset("book part subpart chapter subchapter title subtitle division subdivision".split())
UNITS = frozenset(
    "subsection paragraph subparagraph point item clause subclause indent alinea rule subrule "
    "proviso list blockList level transitional hcontainer tblock crossHeading".split()
)
TEXT_BLOCKS = frozenset("p listIntroduction listWrapUp subheading signature formula".split())
SKIP = frozenset("meta authorialNote num heading noteRef popup componentRef".split())
PARTS = ("preface", "preamble", "body", "mainBody", "conclusions")


@dataclass
class Emitter:
    """Lines emitted so far, and a label waiting for the next line of text."""

    lines: list[str] = field(default_factory=list)
    pending: str = ""

    def emit(self, text: str) -> None:
        """Emit a line, prefixed with the pending label."""
        text = collapse_spaces(text)
        if self.pending:
            text = f"{self.pending} {text}".strip()
            self.pending = ""
        if text:
            self.lines.append(text)


def read_akn(data: bytes, path: str) -> Bill:
    """Read an Akoma Ntoso document and return its ``Bill``."""
    root = parse_xml(data, path, "the XML file")
    if local_name(root) != "akomaNtoso":
        raise UnsupportedFormat(
            path, f"is XML but not Akoma Ntoso (root element <{local_name(root)}>)",
            "give an Akoma Ntoso document, or the bill as .docx, .pdf, .html or .txt",
        )
    document = next((child for child in root if local_name(child)), root)
    emitter = Emitter()
    for part in _document_parts(document):
        walk(part, emitter)
    text = normalise_text("\n".join(emitter.lines))
    return Bill(path=path, text=text, format="akn", title=make_title(doc_title(document), text))


def _document_parts(document: etree._Element) -> list[etree._Element]:
    """The preface, preamble, body/mainBody and conclusions of a document, in order."""
    return [child for child in document if local_name(child) in PARTS]


def doc_title(document: etree._Element) -> str:
    """The ``docTitle`` (else ``shortTitle``) text, "" when none."""
    for name in ("docTitle", "shortTitle"):
        for element in document.iter():
            if local_name(element) == name:
                return inline_text(element)
    return ""


def walk(element: etree._Element, emitter: Emitter) -> None:
    """Render the children of a structural element."""
    for child in element:
        name = local_name(child)
        if not name or name in SKIP:
            continue
        if name in DIVISIONS:
            emit_division(child, name, emitter)
        elif name in ("section", "article"):
            emit_provision(child, name, emitter)
        elif name in UNITS:
            emit_unit(child, emitter)
        elif name in TEXT_BLOCKS:
            emitter.emit(inline_text(child))
        else:
            walk(child, emitter)


def emit_division(element: etree._Element, level: str, emitter: Emitter) -> None:
    """A part/chapter/title line: "PART II — Heading"."""
    num, heading = child_text(element, "num"), child_text(element, "heading")
    word = level.upper()
    label = num if _starts_with_word(num, level) else f"{word} {num}".strip()
    emitter.emit(f"{label} — {heading}" if heading else label)
    walk(element, emitter)


def emit_provision(element: etree._Element, level: str, emitter: Emitter) -> None:
    """A section ("Section 3. Heading") or article ("Article 5" + heading line)."""
    num, heading = child_text(element, "num"), child_text(element, "heading")
    word = level.capitalize()
    if level == "section":
        bare = num if _starts_with_word(num, level) else f"{word} {num.rstrip('.')}".strip()
        emitter.emit(f"{bare.rstrip('.')}. {heading}" if heading else bare)
    else:
        emitter.emit(num if _starts_with_word(num, level) else f"{word} {num}".strip())
        emitter.emit(heading)
    walk(element, emitter)


def emit_unit(element: etree._Element, emitter: Emitter) -> None:
    """A subsection/paragraph/point: its num goes in front of its first line of text."""
    num, heading = child_text(element, "num"), child_text(element, "heading")
    emitter.pending = f"{emitter.pending} {num}".strip() if num else emitter.pending
    if heading:
        emitter.emit(heading)
    walk(element, emitter)
    if emitter.pending and num and emitter.pending.endswith(num):
        emitter.emit("")


def child_text(element: etree._Element, name: str) -> str:
    """The text of the first direct child with local name ``name``."""
    for child in element:
        if local_name(child) == name:
            return inline_text(child)
    return ""


def inline_text(element: etree._Element) -> str:
    """All text inside an element, without authorial notes, whitespace collapsed."""
    parts: list[str] = []
    _inline(element, parts)
    return collapse_spaces("".join(parts))


def _inline(element: etree._Element, parts: list[str]) -> None:
    """Depth-first text collection for ``inline_text`` (tails included)."""
    if element.text:
        parts.append(element.text)
    for child in element:
        if local_name(child) not in ("authorialNote", "noteRef", ""):
            _inline(child, parts)
        if local_name(child) in ("eol", "eop"):
            parts.append(" ")
        if child.tail:
            parts.append(child.tail)


def _starts_with_word(num: str, level: str) -> bool:
    """True when a printed num already carries its level word ("PART II", "Article 5")."""
    return bool(re.match(rf"(?i){re.escape(level)}\b", num)) or bool(re.match(r"(?i)(art\.|sec\.|s\.)", num))
