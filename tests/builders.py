"""Build test bills (.docx, .pdf, .html, Akoma Ntoso) from plain text at run time.

A bill is written as plain text, one paragraph per line::

    COUNTER-TERRORISM BILL 2024          <- title (first line)
    PART II — OFFENCES                   <- division heading (PART/CHAPTER/TITLE/SCHEDULE)
    3. Hijacking                         <- section heading
    Article 5 Financing                  <- article heading
    (1) A person who ...                 <- level 0 (decimal)
    (a) seizes ...                       <- level 1 (lower letter)
    (i) by force ...                     <- level 2 (lower roman)
    | cell | cell |                      <- table row (consecutive rows form a table)
    Any other line                       <- ordinary paragraph

``make_docx`` turns the labels "(1)", "(a)", "(i)" (and, by default, the "3." of section headings
and the "Article 5" of articles) into *automatic numbering* defined in word/numbering.xml, so
that the reader has to compute them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from fpdf import FPDF
from fpdf.enums import XPos, YPos

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
_DIVISION = re.compile(r"^(PART|CHAPTER|TITLE|SCHEDULE|TITRE|PARTIE|CAPÍTULO)\b")
_SECTION = re.compile(r"^(\d+)\.\s+(.*)$")
_ARTICLE = re.compile(r"^Article\s+(\d+)\b\s*(.*)$")
_LEVEL0 = re.compile(r"^\((\d+)\)\s*(.*)$")
_LOWER = re.compile(r"^\(([a-z]+)\)\s*(.*)$")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclass(frozen=True)
class Line:
    """One classified line of a plain-text bill."""

    kind: str  # title, division, section, article, level, table, text
    text: str  # the text without its label
    value: int = 0  # the number of a section/article/level line
    level: int = 0  # 0, 1, 2 for level lines
    label: str = ""  # the label as written: "(a)", "3."
    cells: tuple[str, ...] = ()


def roman_value(token: str) -> int:
    """Value of a lower-case Roman numeral (0 when ``token`` is not one)."""
    if not token or not _ROMAN.match(token):
        return 0
    values = [_ROMAN_VALUES[c] for c in token]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def letter_value(token: str) -> int:
    """Word's letter numbering value: a=1 .. z=26, aa=27 .. (0 when not a repeated letter)."""
    if not token or len(set(token)) != 1:
        return 0
    return (ord(token[0]) - ord("a") + 1) + 26 * (len(token) - 1)


def classify(text: str) -> list[Line]:
    """Classify every non-blank line of a plain-text bill."""
    lines: list[Line] = []
    last_letter: int | None = None
    for raw in text.splitlines():
        raw = raw.strip()
        if not raw:
            continue
        line = _classify_one(raw, last_letter, first=not lines)
        if line.kind != "level" or line.level == 0:
            last_letter = None
        if line.kind == "level" and line.level == 1:
            last_letter = line.value
        lines.append(line)
    return lines


def _classify_one(raw: str, last_letter: int | None, first: bool) -> Line:
    """Classify one line (see ``classify``)."""
    if raw.startswith("|"):
        return Line("table", raw, cells=tuple(c.strip() for c in raw.strip("|").split("|")))
    if _DIVISION.match(raw):
        return Line("division", raw)
    for kind, pattern in (("section", _SECTION), ("article", _ARTICLE)):
        match = pattern.match(raw)
        if match:
            return Line(kind, match.group(2), int(match.group(1)), label=raw[: match.start(2)].strip())
    match = _LEVEL0.match(raw)
    if match:
        return Line("level", match.group(2), int(match.group(1)), 0, f"({match.group(1)})")
    match = _LOWER.match(raw)
    if match:
        token = match.group(1)
        is_roman = roman_value(token) > 0 and last_letter is not None and letter_value(token) != last_letter + 1
        value = roman_value(token) if is_roman else letter_value(token)
        return Line("level", match.group(2), value, 2 if is_roman else 1, f"({token})")
    return Line("title" if first else "text", raw)


# --------------------------------------------------------------------------- docx


def _w(xml: str) -> Any:
    """Parse a WordprocessingML fragment."""
    return parse_xml(f'<root xmlns:w="{W_NS}">{xml}</root>')[0]


def _lvl(ilvl: int, fmt: str, text: str, style: str = "") -> str:
    """XML of one ``w:lvl``."""
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


PROVISIONS = 90  # abstractNum ids used by the builder
SECTIONS = 91
ARTICLES = 92


@dataclass
class DocxLists:
    """Creates ``w:num`` instances and mirrors the reader's counters to choose them."""

    numbering: Any
    next_id: int = 100
    current: dict[int, str] = field(default_factory=dict)  # abstract id -> current numId
    counters: dict[int, dict[int, int]] = field(default_factory=dict)
    starts: dict[int, dict[int, int]] = field(default_factory=dict)

    def install(self) -> None:
        """Add the builder's abstract numbering definitions."""
        abstracts = [
            (PROVISIONS, _lvl(0, "decimal", "(%1)") + _lvl(1, "lowerLetter", "(%2)") + _lvl(2, "lowerRoman", "(%3)")),
            (SECTIONS, _lvl(0, "decimal", "%1.")),
            (ARTICLES, _lvl(0, "decimal", "Article %1")),
        ]
        first_num = self.numbering.find(f"{{{W_NS}}}num")
        for ident, levels in abstracts:
            element = _w(f'<w:abstractNum w:abstractNumId="{ident}"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
            if first_num is not None:
                first_num.addprevious(element)
            else:
                self.numbering.append(element)

    def restart(self, abstract: int) -> None:
        """Forget the current instance of a list (the next item starts a new ``w:num``)."""
        self.current.pop(abstract, None)
        self.counters[abstract] = {}

    def num_for(self, abstract: int, level: int, value: int) -> str:
        """The numId that renders ``value`` at ``level`` next, creating one when needed."""
        counts = self.counters.setdefault(abstract, {})
        starts = self.starts.setdefault(abstract, {})
        expected = counts[level] + 1 if level in counts else starts.get(level, 1)
        if abstract not in self.current or value != expected:
            new_starts = {k: counts[k] + 1 if k in counts else starts.get(k, 1) for k in range(level)}
            new_starts[level] = value
            self.current[abstract] = self._new_num(abstract, new_starts)
            self.starts[abstract] = new_starts
            counts.clear()
        counts[level] = value
        for deeper in [d for d in counts if d > level]:
            del counts[deeper]
        return self.current[abstract]

    def _new_num(self, abstract: int, starts: dict[int, int]) -> str:
        """Append a ``w:num`` with ``startOverride`` for the given levels."""
        num_id = str(self.next_id)
        self.next_id += 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>' for k, v in starts.items()
        )
        self.numbering.append(_w(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>'))
        return num_id


def _set_num(paragraph: Any, num_id: str, ilvl: int | None) -> None:
    """Give a paragraph a direct ``w:numPr``."""
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    paragraph._p.get_or_add_pPr().append(_w(f'<w:numPr>{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>'))


def _style_numbered(document: Any, style: str, num_id: str) -> bool:
    """Number a style with ``num_id`` (first call) and say whether the style carries ``num_id``."""
    ppr = document.styles[style].element.get_or_add_pPr()
    numpr = ppr.find(f"{{{W_NS}}}numPr")
    if numpr is None:
        ppr.insert(0, _w(f'<w:numPr><w:numId w:val="{num_id}"/></w:numPr>'))
        return True
    return numpr.find(f"{{{W_NS}}}numId").get(f"{{{W_NS}}}val") == num_id


def make_docx(text: str, path: str | Path, auto_numbering: bool = True) -> Path:
    """Write ``text`` as a .docx; labels become automatic numbering when ``auto_numbering``."""
    document = docx.Document()
    lists = DocxLists(document.part.numbering_part.element)
    lists.install()
    rows: list[tuple[str, ...]] = []
    for line in classify(text):
        if line.kind == "table":
            rows.append(line.cells)
            continue
        _flush_table(document, rows)
        _add_line(document, line, lists, auto_numbering)
    _flush_table(document, rows)
    document.save(str(path))
    return Path(path)


def _flush_table(document: Any, rows: list[tuple[str, ...]]) -> None:
    """Write pending table rows as one table and clear them."""
    if not rows:
        return
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    rows.clear()


def _add_line(document: Any, line: Line, lists: DocxLists, auto: bool) -> None:
    """Add one classified line as a paragraph."""
    if line.kind == "title":
        document.add_paragraph(line.text, style="Title")
    elif line.kind == "division":
        document.add_paragraph(line.text, style="Heading 1")
        lists.restart(PROVISIONS)
    elif line.kind in ("section", "article") and auto:
        lists.restart(PROVISIONS)
        abstract = SECTIONS if line.kind == "section" else ARTICLES
        style = "Heading 2" if line.kind == "section" else "Heading 3"
        paragraph = document.add_paragraph(line.text, style=style)
        num_id = lists.num_for(abstract, 0, line.value)
        if line.kind == "article" or not _style_numbered(document, style, num_id):
            _set_num(paragraph, num_id, None)
    elif line.kind in ("section", "article"):
        lists.restart(PROVISIONS)
        style = "Heading 2" if line.kind == "section" else "Heading 3"
        document.add_paragraph(f"{line.label} {line.text}".strip(), style=style)
    elif line.kind == "level" and auto:
        paragraph = document.add_paragraph(line.text, style="List Paragraph")
        _set_num(paragraph, lists.num_for(PROVISIONS, line.level, line.value), line.level)
    elif line.kind == "level":
        document.add_paragraph(f"{line.label} {line.text}")
    else:
        document.add_paragraph(line.text)


# --------------------------------------------------------------------------- pdf


_ASCII_FALLBACK = {"—": "-", "–": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "€": "EUR", "•": "-"}


def latin1(text: str) -> str:
    """Transliterate characters outside Latin-1 (for PDFs written with a core font)."""
    out = []
    for char in text:
        char = _ASCII_FALLBACK.get(char, char)
        if all(ord(c) < 256 for c in char):
            out.append(char)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) < 256)
        out.append(base or "?")
    return "".join(out)


class BillPDF(FPDF):
    """An A4 page with a running header and "Page N of M" footer."""

    def __init__(self, running_header: str, page_numbers: bool, unicode_font: bool) -> None:
        super().__init__(format="A4")
        self.running_header = running_header
        self.page_numbers = page_numbers
        self.family = "DejaVu" if unicode_font else "Helvetica"
        if unicode_font:
            self.add_font("DejaVu", "", str(DEJAVU))
            self.add_font("DejaVu", "B", str(DEJAVU_BOLD if DEJAVU_BOLD.exists() else DEJAVU))

    def header(self) -> None:
        """The running header."""
        if self.running_header:
            self.set_font(self.family, "", 9)
            self.cell(0, 8, self.fit(self.running_header), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(4)

    def footer(self) -> None:
        """The page number."""
        if self.page_numbers:
            self.set_y(-15)
            self.set_font(self.family, "", 9)
            self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    def fit(self, text: str) -> str:
        """Text the current font can show."""
        return text if self.family == "DejaVu" else latin1(text)


def make_pdf(text: str, path: str | Path, header: str = "Counter-Terrorism Bill 2024 — Draft for consultation",
             page_numbers: bool = True) -> Path:
    """Write ``text`` as a PDF with wrapped paragraphs, a running header and page numbers."""
    pdf = BillPDF(header, page_numbers, DEJAVU.exists())
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line in classify(text):
        heading = line.kind in ("title", "division", "section", "article")
        pdf.set_font(pdf.family, "B" if heading else "", 11)
        body = " | ".join(line.cells) if line.kind == "table" else f"{line.label} {line.text}".strip()
        pdf.multi_cell(0, 6, pdf.fit(body), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    pdf.output(str(path))
    return Path(path)


def make_scanned_pdf(path: str | Path, pages: int = 2) -> Path:
    """A PDF whose pages hold only a drawn rectangle (no text layer), like a scan."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.rect(20, 20, 150, 200)
    pdf.output(str(path))
    return Path(path)


def make_encrypted_pdf(text: str, path: str | Path, user_password: str = "secret") -> Path:
    """A PDF that needs a password to open."""
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-" + user_password, user_password=user_password)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, latin1(text))
    pdf.output(str(path))
    return Path(path)


# --------------------------------------------------------------------------- html


def make_html(text: str, path: str | Path, encoding: str = "utf-8") -> Path:
    """Write ``text`` as HTML: "(a)"/"(i)" items become ``<ol type="a">``/``<ol type="i">``."""
    lines = classify(text)
    title = next((line.text for line in lines if line.kind == "title"), "")
    parts = [f'<!DOCTYPE html>\n<html><head><meta charset="{encoding}"><title>{escape(title)}</title>',
             "<style>p { margin: 0 }</style><script>var x = '(z) not text';</script></head><body>"]
    open_levels: list[int] = []
    for line in lines:
        parts.extend(_html_line(line, open_levels))
    parts.extend(_close_lists(open_levels, 0))
    parts.append("</body></html>\n")
    Path(path).write_bytes("\n".join(parts).encode(encoding))
    return Path(path)


def _html_line(line: Line, open_levels: list[int]) -> list[str]:
    """HTML for one line, opening and closing nested lists as needed."""
    if line.kind == "level" and line.level > 0:
        out = _close_lists(open_levels, line.level)
        if not open_levels or open_levels[-1] < line.level:
            kind = "a" if line.level == 1 else "i"
            start = f' start="{line.value}"' if line.value != 1 else ""
            out.append(f'<ol type="{kind}"{start}>')
            open_levels.append(line.level)
        else:
            out.append("</li>")
        return out + [f"<li>{escape(line.text)}"]
    out = _close_lists(open_levels, 0)
    tag = {"title": "h1", "division": "h2", "section": "h3", "article": "h3"}.get(line.kind, "p")
    if line.kind == "table":
        return out + ["<table><tr>" + "".join(f"<td>{escape(c)}</td>" for c in line.cells) + "</tr></table>"]
    return out + [f"<{tag}>{escape((line.label + ' ' + line.text).strip())}</{tag}>"]


def _close_lists(open_levels: list[int], keep_below: int) -> list[str]:
    """Close the open lists whose level is deeper than ``keep_below``."""
    out = []
    while open_levels and open_levels[-1] > keep_below:
        open_levels.pop()
        out.append("</li></ol>")
    return out


# --------------------------------------------------------------------------- akoma ntoso


def make_akn(text: str, path: str | Path) -> Path:
    """Write ``text`` as an Akoma Ntoso 3.0 act (parts, sections, subsections, paragraphs)."""
    lines = classify(text)
    title = next((line.text for line in lines if line.kind == "title"), "Bill")
    body: list[str] = []
    stack: list[str] = []  # open element names
    for line in lines:
        body.extend(_akn_line(line, stack))
    body.extend(f"</{name}>" for name in reversed(stack))
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="{AKN_NS}"><act name="act">'
           f"<meta/><preface><p><docTitle>{escape(title)}</docTitle></p></preface><body>"
           + "\n".join(body) + "</body></act></akomaNtoso>\n")
    Path(path).write_text(xml, encoding="utf-8")
    return Path(path)


_AKN_RANK = {"part": 0, "section": 1, "article": 1, "subsection": 2, "paragraph": 3, "subparagraph": 4}


def _akn_line(line: Line, stack: list[str]) -> list[str]:
    """AKN markup for one line, closing open elements of the same or a lower rank."""
    name = {"division": "part", "section": "section", "article": "article"}.get(line.kind, "")
    if line.kind == "level":
        name = ("subsection", "paragraph", "subparagraph")[line.level]
    if not name:
        return [] if line.kind == "title" else [f"<hcontainer name=\"text\"><content><p>{escape(line.text)}</p></content></hcontainer>"]
    out = []
    while stack and _AKN_RANK[stack[-1]] >= _AKN_RANK[name]:
        out.append(f"</{stack.pop()}>")
    stack.append(name)
    if name == "part":
        num, _, heading = line.text.partition(" — ")
        return out + [f"<part><num>{escape(num.removeprefix('PART ').strip())}</num><heading>{escape(heading)}</heading>"]
    if name in ("section", "article"):
        num = f"{line.value}." if name == "section" else str(line.value)
        return out + [f"<{name}><num>{num}</num><heading>{escape(line.text)}</heading>"]
    return out + [f"<{name}><num>{escape(line.label)}</num><content><p>{escape(line.text)}</p></content>"]


# --------------------------------------------------------------------------- pdf through a word processor

# What a drafter's word processor uses for each script: a Latin/Cyrillic text face, an Arabic ("complex script")
# face and a Chinese ("East Asian") face, installed with fonts-noto-core, fonts-noto-cjk and fonts-dejavu-core
# (Debian), so that LibreOffice substitutes nothing. The Arabic face holds the brackets, dashes and quotes an Arabic
# text uses as well as its letters, as the faces Arab drafters use do (Noto Naskh has no brackets: LibreOffice then
# draws them in another font, in pieces). The language tags are those Word writes for a document in that language.
OFFICE_FONTS = {"latin": "Noto Serif", "cs": "DejaVu Sans", "eastAsia": "Noto Serif CJK SC"}
OFFICE_LANGUAGES = {"ar": ("en-GB", "ar-SA", "zh-CN"), "ru": ("ru-RU", "ar-SA", "zh-CN"), "zh": ("en-GB", "ar-SA", "zh-CN")}
# A running header and "page N of M" footer in the bill's language, as a drafter's template prints them.
OFFICE_PAGE_LABELS = {"ar": ("صفحة ", " من "), "ru": ("Страница ", " из "), "zh": ("第 ", " 页，共 ", " 页"),
                      "en": ("Page ", " of ")}
OFFICE_HEADERS = {"ar": "مشروع للتشاور", "ru": "Проект для обсуждения", "zh": "征求意见稿", "en": "Draft for consultation"}


def office_fonts_missing() -> list[str]:
    """The fonts of :data:`OFFICE_FONTS` that fontconfig does not find (all of them when it cannot be asked)."""
    import subprocess

    missing = []
    for font in OFFICE_FONTS.values():
        try:
            found = subprocess.run(["fc-list", font, "family"], capture_output=True, text=True, timeout=60).stdout
        except (OSError, subprocess.SubprocessError):
            found = ""
        if font not in found:
            missing.append(font)
    return missing


def make_office_docx(text: str, path: str | Path, language: str) -> Path:
    """Write ``text`` as a .docx the way a drafter's word processor holds it: fonts for each script and language
    tags set in the document defaults, right-to-left paragraphs and runs for Arabic, a running header and a
    "page N of M" footer (fields) in the bill's language. Labels stay in the text (typed, not automatic)."""
    document = docx.Document()
    latin, bidi, east = OFFICE_LANGUAGES.get(language, ("en-GB", "ar-SA", "zh-CN"))
    fonts = (f'<w:rFonts w:ascii="{OFFICE_FONTS["latin"]}" w:hAnsi="{OFFICE_FONTS["latin"]}" '
             f'w:cs="{OFFICE_FONTS["cs"]}" w:eastAsia="{OFFICE_FONTS["eastAsia"]}"/>')
    rtl = language == "ar"
    styles = document.styles.element
    defaults = styles.find(f"{{{W_NS}}}docDefaults/{{{W_NS}}}rPrDefault/{{{W_NS}}}rPr")
    for old in list(defaults):
        if old.tag in (f"{{{W_NS}}}rFonts", f"{{{W_NS}}}lang"):
            defaults.remove(old)
    defaults.insert(0, _w(fonts))
    defaults.append(_w(f'<w:lang w:val="{latin}" w:eastAsia="{east}" w:bidi="{bidi}"/>'))
    for style in styles.iter(f"{{{W_NS}}}style"):  # the template's styles name theme fonts: drop them
        for rfonts in style.iter(f"{{{W_NS}}}rFonts"):
            rfonts.getparent().replace(rfonts, _w(fonts))
    section = document.sections[0]
    _office_paragraph(section.header.paragraphs[0], OFFICE_HEADERS.get(language, OFFICE_HEADERS["en"]), rtl)
    footer = section.footer.paragraphs[0]
    labels = OFFICE_PAGE_LABELS.get(language, OFFICE_PAGE_LABELS["en"])
    parts = [labels[0], "PAGE", labels[1], "NUMPAGES", *labels[2:]]
    for part in parts:
        if part in ("PAGE", "NUMPAGES"):
            footer._p.append(_w(f'<w:fldSimple w:instr=" {part} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        else:
            _office_run(footer.add_run(part), rtl)
    _office_direction(footer, rtl)
    rows: list[tuple[str, ...]] = []
    for line in classify(text):
        if line.kind == "table":
            rows.append(line.cells)
            continue
        _flush_table(document, rows)
        heading = line.kind in ("title", "division", "section", "article")
        paragraph = document.add_paragraph()
        _office_paragraph(paragraph, f"{line.label} {line.text}".strip(), rtl, bold=heading)
    _flush_table(document, rows)
    document.save(str(path))
    return Path(path)


def _office_paragraph(paragraph: Any, text: str, rtl: bool, bold: bool = False) -> None:
    """Fill a paragraph with one run of ``text``, right to left when ``rtl``."""
    run = paragraph.add_run(text)
    run.bold = bold or None
    _office_run(run, rtl)
    _office_direction(paragraph, rtl)


def _office_run(run: Any, rtl: bool) -> None:
    """A right-to-left run (``w:rtl``): its text is shaped and ordered as Arabic."""
    if rtl:
        run._r.get_or_add_rPr().append(_w("<w:rtl/>"))


def _office_direction(paragraph: Any, rtl: bool) -> None:
    """A right-to-left paragraph (``w:bidi``), set against the right margin, as Word makes an Arabic one."""
    if rtl:
        ppr = paragraph._p.get_or_add_pPr()
        ppr.insert(0, _w("<w:bidi/>"))
        if ppr.find(f"{{{W_NS}}}jc") is None:
            ppr.append(_w('<w:jc w:val="right"/>'))


def office_pdfs(sources: dict[str, tuple[str, str]], folder: Path, soffice: str) -> dict[str, Path]:
    """PDFs of several bills through LibreOffice in one run (it starts slowly): ``sources`` maps a name to
    (text, language); returns name -> PDF path."""
    import subprocess

    folder.mkdir(parents=True, exist_ok=True)
    documents = [make_office_docx(text, folder / f"{name}.docx", language) for name, (text, language) in sources.items()]
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folder), *map(str, documents)], check=True, capture_output=True, timeout=600)
    return {name: folder / f"{name}.pdf" for name in sources}
