"""PDF bills, read from their text layer with pypdf.

Steps, kept deliberately simple:

1. Extract each page's text (``MAX_PDF_PAGES`` at most). Encrypted PDFs are opened with the
   empty password (owner-password-only files); otherwise ``EncryptedFile``. When the whole file
   has fewer than 20 letters per page on average, it has no text layer: ``NeedsOCR``.
2. Running headers and footers: working inwards from the top (and from the bottom) of each
   page, at most ``ZONE`` lines are removed while they are page numbers ("12", "Page 3 of 9",
   "- 4 -", "3/9", "Página 2 de 5") or lines whose key (lower-cased, digits removed, spaces
   collapsed) appears among the first (last) ``ZONE`` lines of at least half the pages (and of
   at least 2 pages).
3. Words split at line end ("termin-" + "ation") are re-joined when the next line starts with a
   lower-case letter (so "counter-" + "terrorism" loses its hyphen too: a known limit).
4. Wrapped lines are re-joined into paragraphs. A line starts a new paragraph when
   (a) it starts like a provision label or heading (``LABEL``: "Section 3", "3.", "3.1", "(1)",
   "(a)", "(iv)", "Article 5", "Art. 5", "Artículo 4", "PART II", "CHAPTER", "TITRE", "§ 12",
   "1°", "Schedule"); or (b) the previous line is a heading in capitals; or (c) the previous line
   ends a sentence (. : ; ? !) and this one starts with a capital letter or a quote; or (d) the
   previous line is short (under 60% of the usual line length: the paragraph ended there).
"""

from __future__ import annotations

import io
import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pypdf

from ..errors import EncryptedFile, InputError, NeedsOCR, TooLarge
from ..models import Bill
from .common import MAX_PDF_PAGES, make_title, normalise_text

ZONE = 2  # lines at the top and bottom of a page examined for headers/footers
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pág\.?|página|pagina)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"(?:\s*(?:of|de|sur|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"^(?:(?P<word>section|sec\.|article|art\.|artículo|articulo|règle|regulation|rule|clause"
    r"|part|partie|parte|chapter|chapitre|capítulo|capitulo|title|titre|título|titulo|book"
    r"|livre|libro|schedule|annex|annexe|anexo|division)\.?\s*(?:[0-9]+|[IVXLC]+\b|[A-Z]\b|premier"
    r"|première|primero|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"|§+\s*\d|\d+(?:\.\d+)*\.(?:\s|$)|\d+°|\(\s*[0-9a-zA-Z]{1,6}\s*\)|[a-z]{1,3}\)\s|[ivxlc]+\.\s)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.:;?!][\"'”’»)]*$")
_STARTS_CAPITAL = re.compile(r"^[\"'“‘«]?[A-ZÀ-ÖØ-Þ]")
_SPLIT_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]-$")


def read_pdf(data: bytes, path: str) -> Bill:
    """Read a PDF's text layer and return its ``Bill`` (title: first line)."""
    pages = extract_pages(data, path)
    letters = sum(ch.isalpha() for page in pages for line in page for ch in line)
    if letters < 20 * max(1, len(pages)):
        raise NeedsOCR(path, "has no text layer (it is probably a scan)", "run OCR first")
    lines = [line for page in strip_running_lines(pages) for line in page]
    text = normalise_text("\n".join(join_paragraphs(lines)))
    return Bill(path=path, text=text, format="pdf", title=make_title("", text))


def extract_pages(data: bytes, path: str) -> list[list[str]]:
    """The non-empty, stripped lines of each page; pypdf errors become ``InputError``."""
    with warnings.catch_warnings(), _pypdf_silenced():
        warnings.simplefilter("ignore")
        reader = _open(data, path)
        if len(reader.pages) > MAX_PDF_PAGES:
            raise TooLarge(path, f"has more than {MAX_PDF_PAGES} pages", "split the bill")
        try:
            texts = [page.extract_text() or "" for page in reader.pages]
        except Exception as error:  # pypdf raises many kinds on damaged content streams
            raise InputError(path, f"the PDF is damaged ({error})", "export it again to PDF") from error
    return [[" ".join(line.split()) for line in text.splitlines() if line.strip()] for text in texts]


@contextmanager
def _pypdf_silenced() -> Iterator[None]:
    """Mute pypdf's log ("EOF marker not found" ...): a damaged file becomes one InputError, not log noise."""
    logger = logging.getLogger("pypdf")  # the parent of the loggers pypdf's modules write to
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _open(data: bytes, path: str) -> pypdf.PdfReader:
    """Open the PDF, decrypting with the empty password when it is encrypted."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        if encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
            raise EncryptedFile(path, "is an encrypted (password-protected) PDF", "remove the password")
        _ = len(reader.pages)
    except InputError:
        raise
    except pypdf.errors.DependencyError as error:
        raise EncryptedFile(path, "is an encrypted PDF", "remove the password") from error
    except Exception as error:  # pypdf raises many kinds (PdfReadError, ValueError, KeyError ...)
        raise InputError(path, f"the PDF cannot be read ({error})", "export it again to PDF") from error
    return reader


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove running headers/footers and page numbers, working inwards from each page's edges."""
    threshold = max(2, math.ceil(len(pages) / 2))
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for page in pages:
        tops.update({_key(line) for line in page[:ZONE]})
        bottoms.update({_key(line) for line in page[-ZONE:]})
    top = {key for key, count in tops.items() if count >= threshold and key}
    bottom = {key for key, count in bottoms.items() if count >= threshold and key}
    return [_strip_page(page, top, bottom) for page in pages]


def _strip_page(page: list[str], top: set[str], bottom: set[str]) -> list[str]:
    """Drop page numbers and repeated lines from the top and bottom of one page."""
    first, last = 0, len(page)
    while first < min(ZONE, last) and _is_running(page[first], top):
        first += 1
    while last > max(first, len(page) - ZONE) and _is_running(page[last - 1], bottom):
        last -= 1
    return page[first:last]


def _is_running(line: str, repeated: set[str]) -> bool:
    """A page number, or a line repeated at this edge on most pages."""
    return bool(_PAGE_NUMBER.match(line)) or _key(line) in repeated


def _key(line: str) -> str:
    """Comparison key for header/footer detection: lower case, no digits, single spaces."""
    return " ".join(re.sub(r"\d+", "", line.lower()).split())


def join_paragraphs(lines: list[str]) -> list[str]:
    """De-hyphenate and re-join wrapped lines into paragraphs (rules in the module docstring)."""
    usual = _usual_length(lines)
    paragraphs: list[str] = []
    previous = ""
    for line in lines:
        if not paragraphs or starts_paragraph(previous, paragraphs[-1], line, usual):
            paragraphs.append(line)
        elif _SPLIT_WORD.search(paragraphs[-1]) and line[:1].islower():
            paragraphs[-1] = paragraphs[-1][:-1] + line
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        previous = line
    return paragraphs


def is_label(line: str) -> bool:
    """True when a line starts like a provision label or heading (keywords must be capitalised)."""
    match = LABEL.match(line)
    if match is None:
        return False
    return match.group("word") is None or line[:1].isupper()


def _keyword_label_runs_on(previous: str, line: str, usual: int) -> bool:
    """A "Title II when:" that wraps mid-sentence from a full line is a cross-reference, not a label."""
    match = LABEL.match(line)
    if not match or not match.group("word") or _SENTENCE_END.search(previous):
        return False
    rest = line[match.end():].lstrip(" .:-—–")
    return rest[:1].islower() and len(previous) >= 0.6 * usual and not is_label(previous)


def starts_paragraph(previous: str, paragraph: str, line: str, usual: int) -> bool:
    """True when ``line`` starts a new paragraph after physical line ``previous`` of ``paragraph``."""
    if is_label(line) and _keyword_label_runs_on(previous, line, usual):
        return False
    if is_label(line) or _is_capital_heading(paragraph):
        return True
    if _SENTENCE_END.search(previous) and _STARTS_CAPITAL.match(line):
        return True
    return 0 < usual and len(previous) < 0.6 * usual and not previous.endswith((",", "-"))


def _is_capital_heading(text: str) -> bool:
    """A short line in capitals ("PART II — OFFENCES")."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(text) <= 80 and len(letters) >= 3 and all(c.isupper() for c in letters)


def _usual_length(lines: list[str]) -> int:
    """The usual length of a full line (80th percentile); 0 when there are too few lines."""
    if len(lines) < 5:
        return 0
    lengths = sorted(len(line) for line in lines)
    return lengths[int(0.8 * (len(lengths) - 1))]
