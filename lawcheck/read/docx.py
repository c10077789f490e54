"""Word .docx bills, read with python-docx plus our own list numbering (see ``numbering``).

The body is walked in document order: paragraphs, tables (row by row, each cell's paragraphs
as lines; nested tables included) and content controls. Run text includes tracked insertions;
tracked deletions, field codes, hidden text and text boxes are skipped; a numbered paragraph
without text still prints (and counts) its label; a line break inside a paragraph
becomes a space. Headers, footers, footnotes and comments are not part of the bill.

Safety: the zip directory's uncompressed sizes are summed before anything is parsed and the file
is refused past ``MAX_UNZIPPED_BYTES`` (``TooLarge``); any XML part with a DOCTYPE/ENTITY
declaration is refused (python-docx's own parser does not resolve entities either, and
numbering.xml/styles.xml are parsed with a non-resolving, no-network lxml parser).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field

import docx
from lxml import etree

from ..errors import InputError, TooLarge, UnsupportedFormat
from ..models import Bill
from .common import MAX_UNZIPPED_BYTES, collapse_spaces, has_dtd, make_title, normalise_text
from .common import safe_xml_parser
from .numbering import Numbering, load_numbering, w, wval

_XML_PARTS = (".xml", ".rels")
_SKIPPED = {w("delText"), w("instrText"), w("txbxContent"), w("delInstrText")}
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DAMAGED = "the file is damaged or not a .docx"
_ADVICE = "open it in Word or LibreOffice and save it again as .docx"


@dataclass(frozen=True)
class Style:
    """What we need of a paragraph style."""

    name: str
    based_on: str
    num_id: str | None
    ilvl: int | None
    outline: int | None


@dataclass
class Walker:
    """State of one walk through the body."""

    numbering: Numbering
    styles: dict[str, Style]
    lines: list[str] = field(default_factory=list)
    title: str = ""
    paragraphs: list[etree._Element] = field(default_factory=list)  # the w:p of each line (for annotate)


def read_docx(data: bytes, path: str) -> Bill:
    """Read a .docx and return its ``Bill`` (title: the Title or first heading paragraph)."""
    archive = open_zip(data, path)
    with archive:
        check_parts(archive, path)
        numbering = load_numbering(_part_root(archive, "word/numbering.xml", path))
        styles = load_styles(_part_root(archive, "word/styles.xml", path))
    body = _open_body(data, path)
    walker = Walker(numbering, styles)
    walk_blocks(body, walker)
    text = normalise_text("\n".join(walker.lines))
    return Bill(path=path, text=text, format="docx", title=make_title(walker.title, text))


def open_zip(data: bytes, path: str) -> zipfile.ZipFile:
    """Open the zip container; refuse broken zips and zip bombs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise InputError(path, _DAMAGED, _ADVICE) from error
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNZIPPED_BYTES:
        archive.close()
        raise TooLarge(
            path,
            f"would unpack to more than {MAX_UNZIPPED_BYTES // (1024 * 1024)} MB, the limit (possible zip bomb)",
            "remove images and embedded objects, or split the bill",
        )
    return archive


def check_parts(archive: zipfile.ZipFile, path: str) -> None:
    """Refuse a zip that is not a .docx, is corrupt, or has XML parts with DTDs."""
    names = set(archive.namelist())
    if "word/document.xml" not in names:
        raise UnsupportedFormat(path, "is a zip archive but not a Word .docx", _ADVICE)
    for name in sorted(names):
        if name.endswith(_XML_PARTS) and has_dtd(_read_member(archive, name, path)):
            raise InputError(
                path,
                f"{name} contains a DTD/entity declaration, which Word never writes; refused for safety",
                _ADVICE,
            )


def _read_member(archive: zipfile.ZipFile, name: str, path: str) -> bytes:
    """Read one zip member; CRC errors and bad data raise ``InputError``."""
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError) as error:
        raise InputError(path, _DAMAGED, _ADVICE) from error


def _part_root(archive: zipfile.ZipFile, name: str, path: str) -> etree._Element | None:
    """Parse an optional XML part with the safe parser (``None`` when absent)."""
    if name not in archive.namelist():
        return None
    try:
        return etree.fromstring(_read_member(archive, name, path), safe_xml_parser())
    except etree.XMLSyntaxError as error:
        raise InputError(path, f"{_DAMAGED} ({name} is malformed)", _ADVICE) from error


def _open_body(data: bytes, path: str) -> etree._Element:
    """Open the document with python-docx and return its ``w:body`` element."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds (KeyError, ValueError, lxml ...)
        raise InputError(path, _DAMAGED, _ADVICE) from error
    return document.element.body


def load_styles(root: etree._Element | None) -> dict[str, Style]:
    """Paragraph styles by styleId, from word/styles.xml."""
    styles: dict[str, Style] = {}
    if root is None:
        return styles
    for element in root.findall(w("style")):
        if element.get(w("type"), "paragraph") != "paragraph":
            continue
        ppr = element.find(w("pPr"))
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        ilvl = wval(numpr, "ilvl")
        outline = wval(ppr, "outlineLvl")
        styles[element.get(w("styleId"), "")] = Style(
            name=wval(element, "name", "") or "",
            based_on=wval(element, "basedOn", "") or "",
            num_id=wval(numpr, "numId"),
            ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
            outline=int(outline) if outline and outline.isdigit() else None,
        )
    return styles


def walk_blocks(container: etree._Element, walker: Walker) -> None:
    """Emit lines for the block-level children of a body, cell or content control."""
    for child in container:
        if child.tag == w("p"):
            emit_paragraph(child, walker)
        elif child.tag == w("tbl"):
            walk_table(child, walker)
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent"))
            walk_blocks(content if content is not None else child, walker)
        elif child.tag == w("sdtContent"):
            walk_blocks(child, walker)


def walk_table(table: etree._Element, walker: Walker) -> None:
    """Emit each cell's paragraphs, row by row (merged cells appear once)."""
    for row in table.iter(w("tr")):
        if _enclosing_table(row) is not table:
            continue
        for cell in row.iter(w("tc")):
            if _enclosing_table(cell) is table:
                walk_blocks(cell, walker)


def _enclosing_table(element: etree._Element) -> etree._Element | None:
    """The nearest ``w:tbl`` ancestor of an element."""
    parent = element.getparent()
    while parent is not None and parent.tag != w("tbl"):
        parent = parent.getparent()
    return parent


def emit_paragraph(paragraph: etree._Element, walker: Walker) -> None:
    """Emit one paragraph as a line, its automatic number (if any) rendered in front."""
    text = collapse_spaces(paragraph_text(paragraph))
    style_id = wval(paragraph.find(w("pPr")), "pStyle", "") or ""
    label = _label(paragraph, style_id, walker)
    if not text and (not label or label == "•"):
        return
    line = f"{label} {text}".strip() if label else text
    walker.lines.append(line)
    walker.paragraphs.append(paragraph)
    if not walker.title and _is_heading(paragraph, style_id, walker.styles):
        walker.title = line


def paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of a paragraph: runs, hyperlinks, insertions; not deletions or fields."""
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: etree._Element, parts: list[str]) -> None:
    """Depth-first text collection for ``paragraph_text``."""
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or tag == _MC_FALLBACK or tag == w("p") or _is_hidden(child):
            continue
        if tag == w("t"):
            parts.append(child.text or "")
        elif tag in (w("tab"), w("br"), w("cr")):
            parts.append(" ")
        elif tag == w("noBreakHyphen"):
            parts.append("-")
        else:
            _collect(child, parts)


def _is_hidden(element: etree._Element) -> bool:
    """True for a run formatted as hidden text (``w:vanish``), which is not printed."""
    if element.tag != w("r"):
        return False
    vanish = element.find(f"{w('rPr')}/{w('vanish')}")
    return vanish is not None and vanish.get(w("val"), "true") not in ("0", "false", "off")


def _label(paragraph: etree._Element, style_id: str, walker: Walker) -> str:
    """Advance the list counters for a numbered paragraph and return its label ("" if none)."""
    num_id, ilvl = _num_pr(paragraph, style_id, walker)
    if not num_id or num_id == "0":
        return ""
    if ilvl is None:
        ilvl = walker.numbering.level_for_style(num_id, style_id)
    return walker.numbering.label(num_id, ilvl)


def _num_pr(paragraph: etree._Element, style_id: str, walker: Walker) -> tuple[str | None, int | None]:
    """The (numId, ilvl) of a paragraph: direct numPr first, then the style chain."""
    ppr = paragraph.find(w("pPr"))
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    num_id = wval(numpr, "numId")
    raw_ilvl = wval(numpr, "ilvl")
    ilvl = int(raw_ilvl) if raw_ilvl and raw_ilvl.isdigit() else None
    seen: set[str] = set()
    while style_id and style_id not in seen and (num_id is None or ilvl is None):
        seen.add(style_id)
        style = walker.styles.get(style_id)
        if style is None:
            break
        if num_id is None:
            num_id = style.num_id
        if ilvl is None and style.num_id is not None:
            ilvl = style.ilvl
        style_id = style.based_on
    return num_id, ilvl


def _is_heading(paragraph: etree._Element, style_id: str, styles: dict[str, Style]) -> bool:
    """True for Title/Heading-styled paragraphs and those with an outline level."""
    if wval(paragraph.find(w("pPr")), "outlineLvl") is not None:
        return True
    style = styles.get(style_id)
    if style is None:
        return False
    name = style.name.lower()
    return name == "title" or name.startswith("heading") or style.outline is not None
