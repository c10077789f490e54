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
   Labels and headings of Russian, Arabic and Chinese laws count too ("Статья 5.", "Глава 2", "1)", "а)",
   "المادة (3)", "الفصل الأول", "أولاً:", "(أ)", "第五条", "第二章", "（一）"); in Arabic and Chinese, which have
   no capitals, a line after the end of a sentence (. ; : 。 ； ： ؛) starts a paragraph when it opens with a
   letter. A line wrapped next to a Chinese character is joined without a space (Chinese puts none between words).
5. Text as a drafter's PDF carries it in Arabic, Russian and Chinese: control characters that some producers
   put between glyphs are dropped; Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFE: the shaped glyphs of
   older producers) become the letters they show (NFKC); an Arabic line a producer wrote in visual order (its
   words read backwards: a word opening with ة or ى, letters that only end words) is put back in reading order,
   its runs of digits and Latin letters kept left to right. Page numbers also read "Страница 2 из 5",
   "صفحة 2 من 5", "第 2 页，共 5 页", "- ٢ -".
"""

from __future__ import annotations

import io
import logging
import math
import re
import unicodedata
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
    r"^(?:(?:page|p\.|pág\.?|página|pagina|страница|стр\.|(?:ال)?صفحة|第)\s*)?[-–—]?\s*[\d\u0660-\u0669]{1,4}\s*[-–—]?"
    r"(?:\s*(?:of|de|sur|/|из|من|页\s*[，,]?\s*共)\s*[\d\u0660-\u0669]{1,4})?\s*页?$",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"^(?:(?P<word>section|sec\.|article|art\.|artículo|articulo|règle|regulation|rule|clause"
    r"|part|partie|parte|chapter|chapitre|capítulo|capitulo|title|titre|título|titulo|book"
    r"|livre|libro|schedule|annex|annexe|anexo|division)\.?\s*(?:[0-9]+|[IVXLC]+\b|[A-Z]\b|premier"
    r"|première|primero|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"|(?P<ru>статья|глава|раздел|подраздел|часть)\s*\d"
    r"|§+\s*\d|\d+(?:\.\d+)*\.(?:\s|$)|\d+°|\(\s*[0-9a-zA-Z]{1,6}\s*\)|[a-z]{1,3}\)\s|[ivxlc]+\.\s"
    r"|\d{1,3}\)\s|[а-я]{1,2}\)\s"  # Russian items: "1) ...", "а) ..."
    r"|[\d\u0660-\u0669]{1,3}\s?-\s|[\u0621-\u064a]\s?-\s"  # Arabic items: "1- ...", "أ- ..."
    r"|(?:ال)?(?:مادة|ماده|فصل|باب|قسم|ملحق)(?:\s|$)|(?:[أاإ]ولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)"
    r"[\u064b\u064c\u064d]?\s*[:\-–]|\(\s*[\u0621-\u064a]{1,2}\s*\)|\(\s*[\d\u0660-\u0669]{1,3}\s*\)"
    r"|第\s*[一二三四五六七八九十百千零〇两\d]+\s*[条章节编]|[（(]\s*[一二三四五六七八九十]+\s*[）)])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.:;?!。；：؛][\"'”’»)」』]*$")
_STARTS_CAPITAL = re.compile(r"^[\"'“‘«]?[A-ZÀ-ÖØ-ÞА-ЯЁ]")
_STARTS_CASELESS = re.compile(r"^[\"'“‘«「]?[\u0621-\u064a\u3400-\u4dbf\u4e00-\u9fff]")  # Arabic, Chinese
_SPLIT_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]-$")
# Chinese characters, kana, CJK punctuation and full-width forms: no space where a line wraps next to one.
_CJK = re.compile(r"[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # control characters (not tab, newline, form feed, CR)
_ARABIC_FORMS = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefe]+")  # Arabic presentation forms A and B
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u064b-\u065f]+")
_LTR_RUN = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0660-\u0669][0-9A-Za-z\u00c0-\u024f\u0660-\u0669.,:/%-]*"
                      r"(?<![.,:/%-])")
_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")


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
            texts = [_page_text(page) for page in reader.pages]
        except Exception as error:  # pypdf raises many kinds on damaged content streams
            raise InputError(path, f"the PDF is damaged ({error})", "export it again to PDF") from error
    return [[line for line in (_reading_line(raw) for raw in text.splitlines()) if line] for text in texts]


_ARABIC_LETTER = re.compile(r"[\u0621-\u065f\u0670]")  # letters and the vowel marks written on them
_LATIN_OR_DIGIT = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")
LINE_TOLERANCE = 4.0  # points: fragments whose baselines differ by less stand on one line (a vowel mark sits higher)


def _page_text(page: pypdf.PageObject) -> str:
    """The page's text. pypdf gives it in the order the file draws it, which is reading order for left-to-right
    text; a producer draws a right-to-left line in pieces from left to right (LibreOffice: each run of one
    direction and font, a vowel mark on its own, the brackets and stops of a run before its letters), so on a
    page holding Arabic the pieces are put in reading order by where they stand (:func:`_line_in_reading_order`)."""
    text = page.extract_text() or ""
    if not _ARABIC_LETTER.search(text):
        return text
    pieces: list[tuple[float, float, str]] = []

    def visit(piece: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if piece.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            pieces.append((y, x, piece.replace("\n", " ")))

    page.extract_text(visitor_text=visit)
    lines: list[list[tuple[float, float, str]]] = []
    for piece in pieces:
        if lines and abs(piece[0] - lines[-1][0][0]) < LINE_TOLERANCE:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return "\n".join(_line_in_reading_order(line) for line in lines)


def _line_in_reading_order(pieces: list[tuple[float, float, str]]) -> str:
    """One line's pieces (baseline, left edge, text) in reading order. A line without Arabic letters: from left to
    right. A line with them: from right to left (pieces starting at the same place, drawn one after the other
    from left to right, in the reverse of the order drawn); a piece of brackets, stops and spaces only is read
    backwards, as it was drawn left to right; a run of pieces in digits or Latin letters stays left to right."""
    if not any(_ARABIC_LETTER.search(text) for _, _, text in pieces):
        return "".join(text for _, _, text in sorted(pieces, key=lambda piece: piece[1]))
    ordered = [text for _, (_, _, text) in sorted(enumerate(pieces), key=lambda item: (-item[1][1], -item[0]))]
    out: list[str] = []
    run: list[str] = []  # pieces of digits or Latin letters, kept left to right
    for text in ordered:
        if not _ARABIC_LETTER.search(text) and _LATIN_OR_DIGIT.search(text):
            run.append(text)
            continue
        out.extend(reversed(run))
        run = []
        out.append(text if _ARABIC_LETTER.search(text) else text[::-1])
    out.extend(reversed(run))
    joined = out[:1]
    for text in out[1:]:  # the space between an Arabic word and a number may have gone with the other piece
        if _ARABIC_LETTER.match(joined[-1][-1:]) and text[:1].isdigit() or (
                joined[-1][-1:].isdigit() and _ARABIC_LETTER.match(text[:1])):
            joined.append(" ")
        joined.append(text)
    return "".join(joined)


def _reading_line(raw: str) -> str:
    """One extracted line as text: control characters out, Arabic presentation forms as letters, an Arabic line
    in visual order turned back, spaces collapsed."""
    line = _CONTROL.sub("", raw)
    line = _ARABIC_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), line)
    line = " ".join(line.split())
    return _logical_order(line) if _in_visual_order(line) else line


def _in_visual_order(line: str) -> bool:
    """An Arabic line whose words read backwards: more of them open with a letter that only ends a word (ة, ى)
    than end with one."""
    words = _ARABIC_WORD.findall(line)
    opening = sum(w[0] in "ةى" for w in words)
    return opening > 0 and opening > sum(w[-1] in "ةى" for w in words)


def _logical_order(line: str) -> str:
    """A right-to-left line written in visual order (left to right as printed), in reading order: the characters
    reversed, runs of digits and Latin letters kept as they were, brackets turned back."""
    reversed_line = line[::-1].translate(_MIRRORED)
    return _LTR_RUN.sub(lambda m: m.group()[::-1], reversed_line)


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
    """Remove running headers/footers and page numbers, working inwards from each page's edges. A line that starts
    like a provision label ("المادة (4)", "Article 4") is a running line only when the very same line repeats:
    articles that open several pages share their words, numbers aside, and are not page furniture."""
    threshold = max(2, math.ceil(len(pages) / 2))
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for page in pages:
        tops.update({_key(line) for line in page[:ZONE]} | {f"={line}" for line in page[:ZONE]})
        bottoms.update({_key(line) for line in page[-ZONE:]} | {f"={line}" for line in page[-ZONE:]})
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
    """A page number, or a line repeated at this edge on most pages (a label line: the same line, numbers too)."""
    if _PAGE_NUMBER.match(line):
        return True
    return f"={line}" in repeated if is_label(line) else _key(line) in repeated


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
        elif _CJK.match(paragraphs[-1][-1:]) or _CJK.match(line):
            paragraphs[-1] += line  # Chinese: no space between words, none where the line wrapped
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        previous = line
    return paragraphs


def is_label(line: str) -> bool:
    """True when a line starts like a provision label or heading (keywords must be capitalised)."""
    match = LABEL.match(line)
    if match is None:
        return False
    return (match.group("word") is None and match.group("ru") is None) or line[:1].isupper()


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
    if is_label(line) or _is_capital_heading(paragraph) or _after_heading(previous, paragraph, line, usual):
        return True
    if _SENTENCE_END.search(previous) and (_STARTS_CAPITAL.match(line) or _STARTS_CASELESS.match(line)):
        return True
    return 0 < usual and len(previous) < 0.6 * usual and not previous.endswith((",", "-"))


def _after_heading(previous: str, paragraph: str, line: str, usual: int) -> bool:
    """The first line of text under an article's heading printed on a line of its own ("Статья 5. Разрушение
    воздушного судна" then "Умышленное ..."): the paragraph so far is that one line, a keyword label and its
    heading ending no sentence, and this line opens with a capital (or an Arabic or Chinese letter). An English,
    French or Spanish heading must also be shorter than a full line ("Section 3 applies to an offence against
    the" / "Convention ..." runs on); a Russian one may fill it (Cyrillic headings are long, and a Russian
    sentence does not go on with a capital)."""
    match = LABEL.match(previous)
    if previous != paragraph or match is None or not is_label(previous) or _SENTENCE_END.search(previous):
        return False
    if previous.endswith((",", "-", "—", "–")) or not (_STARTS_CAPITAL.match(line) or _STARTS_CASELESS.match(line)):
        return False
    return match.group("ru") is not None or (match.group("word") is not None and 0 < len(previous) < 0.8 * usual)


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
