"""Helpers shared by the readers: text normalisation, titles, safe XML parsing, size limits.

Size limits (all documented here, enforced by the readers):

* ``MAX_FILE_BYTES`` — 100 MB: any bill file larger than this is refused (``TooLarge``).
* ``MAX_UNZIPPED_BYTES`` — 100 MB: the sum of the uncompressed sizes declared in a .docx's zip
  directory (zip bombs). Python's ``zipfile`` never returns more than the declared size.
* ``MAX_PDF_PAGES`` — 3000 pages.
* ``MAX_TEXT_CHARS`` — 5 million characters of text once read (about 800,000 words, more than a whole
  penal code): past it the bill is refused (``TooLarge``) before any splitting or matching, so that a
  runaway file (a 20 MB text on one line) gets a quick answer instead of minutes of work and gigabytes.
  Text and HTML files are measured as soon as they are decoded, other formats once read.
* ``MAX_TITLE_CHARS`` — 200: ``Bill.title`` is trimmed to this length.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from ..errors import InputError, TooLarge

if TYPE_CHECKING:
    from lxml import etree

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_PDF_PAGES = 3000
MAX_TEXT_CHARS = 5_000_000
MAX_TITLE_CHARS = 200

_SPACES = re.compile(r"[\t\u00a0\u2007\u202f\u2000-\u200a\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")
_DTD_DECL = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def normalise_text(text: str) -> str:
    """Apply the normalisation common to every reader.

    NFC; ``\\r\\n``, lone ``\\r``, form feeds and Unicode line/paragraph separators become
    ``\\n``; tabs and non-breaking/typographic spaces become a plain space; soft hyphens and
    zero-width characters are dropped; trailing spaces are stripped; runs of two or more blank
    lines collapse to one blank line; leading and trailing blank lines are removed.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\f\v\u2028\u2029\x85]", "\n", text)
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _TRAILING.sub("", text)
    text = _BLANKS.sub("\n\n", text)
    return text.strip("\n ")


def check_text_size(size: int, path: str) -> None:
    """Refuse a bill of more than ``MAX_TEXT_CHARS`` characters (``TooLarge``)."""
    if size > MAX_TEXT_CHARS:
        raise TooLarge(path, f"holds {size / 1e6:.1f} million characters of text, past the limit of "
                       f"{MAX_TEXT_CHARS / 1e6:.0f} million (about 800,000 words)", "split the bill into parts")


def collapse_spaces(text: str) -> str:
    """Collapse every run of whitespace (newlines included) into one space, and trim."""
    return " ".join(text.split())


def make_title(candidate: str, text: str) -> str:
    """Return ``candidate`` or else the first non-empty line of ``text``, trimmed to 200 chars."""
    title = collapse_spaces(candidate)
    if not title:
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(title) > MAX_TITLE_CHARS:
        title = title[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return title


def has_dtd(data: bytes) -> bool:
    """True when XML bytes contain a DOCTYPE or ENTITY declaration (UTF-8 or UTF-16 encoded)."""
    return bool(_DTD_DECL.search(data) or _DTD_DECL.search(data.replace(b"\x00", b"")))


def has_entity_declaration(data: bytes) -> bool:
    """True when XML bytes declare entities (``<!ENTITY``), in UTF-8 or UTF-16."""
    pattern = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
    return bool(pattern.search(data) or pattern.search(data.replace(b"\x00", b"")))


def safe_xml_parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads DTDs or touches the network."""
    from lxml import etree  # imported for the XML formats only: a text bill needs none

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, path: str, what: str) -> etree._Element:
    """Parse XML bytes safely; entity declarations and malformed XML raise ``InputError``."""
    if has_entity_declaration(data):
        raise InputError(
            path,
            f"{what} declares XML entities (a DTD), which a bill never needs; refused for safety",
            "remove the <!DOCTYPE ...> block and try again",
        )
    from lxml import etree

    try:
        return etree.fromstring(data, safe_xml_parser())
    except etree.XMLSyntaxError as error:
        raise InputError(path, f"{what} is not well-formed XML ({error})", "check the file") from error


def local_name(element: etree._Element) -> str:
    """The local name of an element, without namespace; "" for comments and processing instructions."""
    if not isinstance(element.tag, str):
        return ""
    from lxml import etree

    return etree.QName(element).localname
