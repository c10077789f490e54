"""The Word gap report: cover, executive summary, coverage matrix, concordance table, findings, annex.

``render_docx(report, catalogue, bill_text, options) -> bytes``. It uses real Word styles (Title, Heading
1–3, Caption, Quote, List Number, a table style) so that a user can restyle it, a table-of-contents field,
page numbers and a header naming the bill. ``options.template`` puts it in the user's own .docx/.dotx
(styles, header, logo kept; its body is replaced). Ratings, gaps and recommendation order come from
:mod:`lawcheck.rating`; this module only lays them out.

Tables are created with all their rows at once and filled through the cells' XML, never row by row
(python-docx's ``add_row`` and ``table.cell`` get slower with every row).
"""

from __future__ import annotations

import datetime as _dt
import io
import itertools
import zipfile
from collections.abc import Iterable, Sequence

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from lawcheck import rating as rating_rules
from lawcheck.errors import InputError
from lawcheck.models import Catalogue, OffenceResult, Report
from lawcheck.render.common import (
    ARTICLES_SHOWN,
    ReportOptions,
    article_count,
    bill_title,
    checklist_version,
    counted,
    excerpt,
    fixed_zip,
    innermost,
    instrument_title,
    wide,
    localise,
    model_provision,
    scope_reasons,
    short_name,
    short_quote,
    summary_of,
)
from lawcheck.render.i18n import Labels
from lawcheck.render.pages import bookmark_pages
from lawcheck.render.wordscript import DOCUMENT_LANGUAGE, finish, set_language
from lawcheck.sanity import in_language

STATUS_FILL = {"covered": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE"}
RATING_FILL = {"compliant": "C6EFCE", "largely": "E2EFDA", "partially": "FFEB9C", "non": "FFC7CE", "na": "EDEDED"}
TABLE_STYLE = "Table Grid"
TABLE_FONT = Pt(9)
WORD_CM_PER_CHAR = 0.17  # a generous width of one letter at 9 pt (Cambria), to keep words whole
BOLD_WIDTH = 1.1  # bold letters (the header row) are wider
CELL_PADDING_CM = 0.4  # the cell's left and right margins
WIDE_UNBROKEN = 4  # full-width characters kept on one line in a table cell (部分涵盖), see _unbroken
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def render_docx(report: Report, catalogue: Catalogue, bill_text: str, options: ReportOptions | None = None) -> bytes:
    """The Word report as the bytes of a .docx file."""
    options = options or ReportOptions()
    report = localise(report, catalogue, options.report_language(report))
    builder = _Builder(report, catalogue, bill_text, options)
    builder.build()
    finish(builder.document, builder.language, report.bill.language)
    stream = io.BytesIO()
    builder.document.save(stream)
    return fixed_zip(stream.getvalue())


# --------------------------------------------------------------------------- the document and its template


def open_template(path: str | None) -> tuple[Document, bool]:
    """A new document, or the user's template with its body emptied; the flag says a template is used."""
    if not path:
        return docx.Document(), False
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        raise InputError(path, f"the template cannot be read ({error.strerror})", "check the path") from None
    try:
        document = docx.Document(io.BytesIO(_as_document(data)))
    except Exception:  # python-docx raises many kinds (KeyError, ValueError, BadZipFile, lxml ...)
        raise InputError(path, "is not a Word .docx/.dotx template", "save it from Word as .docx or .dotx") from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document, True


def _as_document(data: bytes) -> bytes:
    """A .dotx's bytes relabelled as a .docx (python-docx opens documents only)."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        types = source.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return data
    if _TEMPLATE_TYPE not in types:
        return data
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
            target.writestr(info, content)
    return out.getvalue()


def _ensure_styles(document: Document) -> None:
    """Add the paragraph styles the report uses when a template lacks them (based on Normal)."""
    names = {style.name for style in document.styles}
    for name, size, bold in (("Title", 26, True), ("Subtitle", 14, False), ("Heading 1", 16, True),
                             ("Heading 2", 13, True), ("Heading 3", 11, True), ("Caption", 9, False),
                             ("Quote", 10, False), ("List Number", 11, False), ("List Bullet", 11, False),
                             ("TOC Heading", 14, True)):
        if name not in names:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
            style.font.size, style.font.bold = Pt(size), bold


# --------------------------------------------------------------------------- low-level helpers


def _shade(cell_tc, fill: str) -> None:  # noqa: ANN001 - a CT_Tc
    tc_pr = cell_tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def _fld_char(kind: str):  # noqa: ANN202 - a w:r holding a w:fldChar
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    """Begin a complex field: its code, then the cached result follows until an ``end`` fldChar."""
    code = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    code.append(instr)
    paragraph._p.append(_fld_char("begin"))
    paragraph._p.append(code)
    paragraph._p.append(_fld_char("separate"))


def _field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (PAGE ...) with a cached result Word refreshes."""
    _field_start(paragraph, instruction)
    paragraph.add_run(placeholder)
    paragraph._p.append(_fld_char("end"))


def _bookmark(paragraph: Paragraph, number: int) -> str:
    """A bookmark around the paragraph's text, named as Word names its table-of-contents targets."""
    name = f"_Toc{number:09d}"
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(BOOKMARK_IDS + number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(BOOKMARK_IDS + number))
    runs = paragraph._p.r_lst
    if runs:
        runs[0].addprevious(start)
        runs[-1].addnext(end)
    else:
        paragraph._p.append(start)
        paragraph._p.append(end)
    return name


def _toc_entry(paragraph: Paragraph, text: str, bookmark: str, width: int, bold: bool):  # noqa: ANN202 - a Run
    """One line of the table of contents: the heading as a link, a dot leader, its page (a PAGEREF field whose
    stored result, the run returned, is filled in later)."""
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    holder = Paragraph(link, paragraph._parent)
    holder.add_run(text).bold = bold or None
    holder.add_run("\t")
    _field_start(holder, f"PAGEREF {bookmark} \\h")
    result = holder.add_run("")
    link.append(_fld_char("end"))
    return result


def _text_width(document: Document) -> int:
    """The width between the margins (EMU) of the last section, or 16 cm when a template does not say."""
    section = document.sections[-1]
    try:
        return section.page_width - section.left_margin - section.right_margin
    except TypeError:
        return Cm(16)


def update_on_open(document: Document) -> None:
    """Ask Word to refresh the fields (table of contents, page references) when the document is opened."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    later = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
    if later is None:
        settings.append(flag)
    else:
        later.addprevious(flag)  # the schema's order, which Word checks


_AFTER_UPDATE_FIELDS = {qn(f"w:{name}") for name in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")} | {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}


def _runs(paragraph: Paragraph, pieces: Iterable[tuple[str, bool]], italic: bool = False) -> None:
    for text, bold in pieces:
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            run.italic = italic or None


def _labelled(paragraph: Paragraph, label: str, value: str, t: Labels | None = None) -> Paragraph:
    """"Label: value", the label and its colon (the report language's: ``t``) in bold."""
    paragraph.add_run(t.colon(label) if t is not None else f"{label}: ").bold = True
    paragraph.add_run(t.embed(value) if t is not None else value)
    return paragraph


Cell = str | tuple[str, str]  # text, or (text, fill colour)


def fast_table(document: Document, header: Sequence[str], rows: Sequence[Sequence[Cell]],
               widths: Sequence[float] | None = None, style: str = TABLE_STYLE,
               whole_lines: int | None = None) -> Table:
    """A table with a repeated bold header row, all rows created at once and filled through the XML; a column
    holds its longest word, and column ``whole_lines`` its longest line (a provision's label, kept whole)."""
    if widths:
        widths = _whole_words(_fit(document, widths), [header, *rows], whole_lines)
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    if style in {s.name for s in document.styles}:
        table.style = document.styles[style]
    trs = table._tbl.tr_lst
    header_pr = trs[0].get_or_add_trPr()
    header_pr.append(OxmlElement("w:tblHeader"))
    for tr, values in zip(trs, [list(header)] + [list(r) for r in rows], strict=True):
        tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
        for column, (tc, value) in enumerate(zip(tr.tc_lst, values, strict=True)):
            text, fill = (value, "") if isinstance(value, str) else value
            paragraph = Paragraph(tc.p_lst[0], table)
            _cell_text(paragraph, text, bold=tr is trs[0])
            if fill:
                _shade(tc, fill)
            if widths:
                tc.width = Cm(widths[column])
    if widths:
        _grid(table, widths)
    return table


def _fit(document: Document, widths: Sequence[float]) -> list[float]:
    """Scale column widths (cm) down to the section's text width."""
    section = document.sections[-1]
    try:
        available = (section.page_width - section.left_margin - section.right_margin) / 360000
    except TypeError:  # a template without page size or margins
        return list(widths)
    scale = min(1.0, available / sum(widths))
    return [round(w * scale, 2) for w in widths]


def _whole_words(widths: list[float], rows: Sequence[Sequence[Cell]],
                 whole_lines: int | None = None) -> list[float]:
    """Widths (cm) in which each column holds its longest word on one line ("Appréciation", "3bis(1)(b)(iv)"),
    taken from the columns with the most room to spare; as they were when no column can spare any."""
    need = [0.0] * len(widths)
    for number, row in enumerate(rows):
        bold = BOLD_WIDTH if number == 0 else 1.0  # the header row
        for column, value in enumerate(row):
            text = value if isinstance(value, str) else value[0]
            pieces = text.split("\n") if column == whole_lines and number else _unbroken(text)
            longest = max((_word_width(piece) for piece in pieces), default=0.0)
            need[column] = max(need[column], bold * longest + CELL_PADDING_CM)
    widths = list(widths)
    for column, width in enumerate(widths):
        short = need[column] - width
        while short > 0.01:
            donor = max(range(len(widths)), key=lambda d: widths[d] - need[d])
            spare = widths[donor] - need[donor]
            if donor == column or spare <= 0.01:
                break
            given = min(short, spare)
            widths[donor], widths[column], short = widths[donor] - given, widths[column] + given, short - given
    return [round(w, 2) for w in widths]


def _word_width(word: str) -> float:
    """A word's width (cm) at the table's size, generous: brackets and thin letters count half, capitals more,
    a full-width character (Chinese) twice."""
    return WORD_CM_PER_CHAR * sum(2.0 if wide(c) else 0.5 if c in _THIN else 1.25 if c.isupper() or c in "mw"
                                  else 1.0 for c in word)


def _unbroken(text: str) -> list[str]:
    """The pieces of ``text`` a line cannot break inside: its words; in a run of full-width characters, which
    may break anywhere, its first ``WIDE_UNBROKEN`` characters, so that a status word (不合规, 部分涵盖) stays
    whole and a sentence written without spaces does not count as one long word."""
    pieces = []
    for word in text.split():
        for is_wide, run in itertools.groupby(word, wide):
            run = "".join(run)
            pieces.append(run[:WIDE_UNBROKEN] if is_wide else run)
    return pieces


_THIN = set("()[].,;:'’ilIjtf!| \u00a0")


def _grid(table: Table, widths: Sequence[float]) -> None:
    """Column widths in the table grid (LibreOffice reads these; Word reads the cells')."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Cm(width)


def _cell_text(paragraph: Paragraph, text: str, bold: bool) -> None:
    lines = text.split("\n")
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.font.size = TABLE_FONT
        if bold:
            run.bold = True
        if number < len(lines) - 1:
            run.add_break()


# --------------------------------------------------------------------------- the report


PAPER = {"a4": (Cm(21.0), Cm(29.7)), "letter": (Cm(21.59), Cm(27.94))}
MARGIN = Cm(2.2)
LINE_SPACING = 1.05  # of a line; Word's default is 1.15
TOP_GAPS = 6
CONCORDANCE_QUOTE = 80  # characters of the national words in a concordance row (the findings quote more)
TOC_LEVELS = 1  # the table of contents lists the report's parts, so that it stays on the cover page
BOOKMARK_IDS = 7000  # the contents bookmarks are numbered from here, clear of a template's own


def set_paper(document: Document, paper: str) -> None:
    """Every section on ``paper`` ("a4" or "letter"), portrait, with the report's margins."""
    width, height = PAPER[paper]
    for section in document.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = Cm(2.0)


def _tighten(document: Document) -> None:
    """Compact spacing for the report's own styles (a template's styles are left as they are)."""
    for name, before, after in (("Normal", 0, 4), ("Quote", 2, 4), ("Heading 3", 8, 2), ("Heading 2", 12, 4),
                                ("List Number", 0, 2), ("List Bullet", 0, 2)):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(before), Pt(after)
    document.styles["Normal"].paragraph_format.line_spacing = LINE_SPACING


class _Builder:
    def __init__(self, report: Report, catalogue: Catalogue, text: str, options: ReportOptions) -> None:
        self.report, self.catalogue, self.text, self.options = report, catalogue, text, options
        self.language = options.report_language(report)
        self.t = Labels(self.language)
        self.document, self.templated = open_template(options.template)
        _ensure_styles(self.document)
        if options.paper or not self.templated:
            set_paper(self.document, options.paper or "a4")
        set_language(self.document, self.language, also=(report.bill.language,))
        if not self.templated:
            _tighten(self.document)
        self.bill_title = bill_title(report.bill.title, text) or report.bill.path
        self.ratings = rating_rules.instrument_ratings(report)
        self.groups = rating_rules.by_instrument(report)
        self.untouched = rating_rules.untouched(report)
        self.party_to = options.party_to
        self.first = rating_rules.precedence(catalogue)
        self.ranked = rating_rules.gaps(report, self.party_to, self.first)
        self.top = rating_rules.top_gaps(report, TOP_GAPS, self.party_to, self.first)
        self.finding_order = self.plan_findings()
        self.finding_number = {r.id: n for n, r in enumerate(self.finding_order, 1)}
        self.table_number = 0
        self.toc_entries: list[tuple[str, int, str]] = []
        self.style_ids: dict[str, str] = {}
        body = self.document.element.body
        self.end = body.sectPr if body.sectPr is not None else body.append(OxmlElement("w:sectPr")) or body.sectPr

    def plan_findings(self) -> list[OffenceResult]:
        """Gaps and expert decisions (see :func:`lawcheck.rating.finding_order`)."""
        return rating_rules.finding_order(self.report, self.top, self.party_to, self.first)

    def build(self) -> None:
        self.properties()
        self.header_footer()
        self.cover()
        self.summary()
        self.untouched_table()
        self.concordance()
        self.findings()
        self.annex()
        self.contents()

    # ---------------------------------------------------------------- frame

    def heading(self, text: str, level: int, new_page: bool = False) -> Paragraph:
        paragraph = self.para(text, "Title" if level == 0 else f"Heading {level}")
        if 0 < level <= TOC_LEVELS:
            self.toc_entries.append((text, level, _bookmark(paragraph, len(self.toc_entries) + 1)))
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def para(self, text: str = "", style: str | None = None) -> Paragraph:
        """A paragraph; the style's id is looked up once (python-docx looks it up on every call)."""
        element = OxmlElement("w:p")
        self.end.addprevious(element)  # python-docx searches the whole body for sectPr on every paragraph
        paragraph = Paragraph(element, self.document._body)
        if text:
            paragraph.add_run(text)
        if style:
            if style not in self.style_ids:
                self.style_ids[style] = self.document.styles[style].style_id
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def numbered(self, list_id: int | None) -> Paragraph:
        """An item of a numbered list (List Number style); ``list_id`` from :meth:`new_list` restarts at 1."""
        paragraph = self.para(style="List Number")
        if list_id is not None:
            numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = 0
            numpr.get_or_add_numId().val = list_id
        return paragraph

    def new_list(self) -> int | None:
        """A new instance of the List Number style's list, so that the next list starts again at 1."""
        try:
            numbering = self.document.part.numbering_part.element
            style_num = self.document.styles["List Number"].element.pPr.numPr.numId.val
            num = numbering.add_num(numbering.num_having_numId(style_num).abstractNumId.val)
        except (AttributeError, KeyError, NotImplementedError):  # a template whose List Number is not numbered
            return None
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def labelled(self, label: str, value: str) -> Paragraph:
        """A paragraph "Label: value", the label in bold and punctuated as the language writes it."""
        return _labelled(self.para(), label, value, self.t)

    def caption(self, text: str) -> None:
        self.table_number += 1
        self.para(self.t("table.caption", number=self.table_number, title=text), "Caption")

    def status(self, result: OffenceResult) -> str:
        return self.t(f"status.{result.status}")

    def title_of(self, instrument: str) -> str:
        return instrument_title(self.catalogue, instrument, self.language)

    def name_of(self, instrument: str) -> str:
        return short_name(self.catalogue, instrument, self.language)

    def properties(self) -> None:
        core = self.document.core_properties
        core.title = f"{self.t('report.title')}: {self.bill_title}"
        core.language = DOCUMENT_LANGUAGE.get(self.language, self.language)
        core.author = core.last_modified_by = "lawcheck"
        core.revision = 1
        when = _dt.datetime.combine(_dt.date.fromisoformat(self.options.report_date()), _dt.time())
        core.created = core.modified = when

    def header_footer(self) -> None:
        section = self.document.sections[0]
        header = section.header
        if not self.templated or not "".join(p.text for p in header.paragraphs).strip():
            paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            title = self.bill_title if len(self.bill_title) <= 70 else self.bill_title[:69].rstrip() + "…"
            paragraph.text = self.t("report.running_head", report=self.t("report.title"), bill=title)
            for run in paragraph.runs:
                run.font.size = Pt(8)
        footer = section.footer
        if not self.templated or not "".join(p.text for p in footer.paragraphs).strip():
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            before, _, after = self.t.forms("report.page")[0].partition("{number}")  # "第{number}页"
            paragraph.add_run(before)
            _field(paragraph, "PAGE", "1")
            if after:
                paragraph.add_run(after)

    # ---------------------------------------------------------------- 1. cover

    def cover(self) -> None:
        bill = self.report.bill
        self.para(self.t("report.title"), "Title")
        self.para(self.bill_title, "Subtitle")
        names = self.t.join(self.name_of(i) for i in self.report.instruments)
        facts = [
            (self.t("word.bill"), self.bill_title),
            (self.t("word.file"), self.t("punct.aside", first=bill.path.replace(chr(92), "/").rsplit("/", 1)[-1],
                                         second=self.t.join([self.t("cover.provisions", count=bill.provisions),
                                                             self.t("cover.words", count=bill.words)]))),
            (self.t("cover.language"), self.t(f"language.{bill.language}")),
            (self.t("cover.date"), self.options.report_date()),
            (self.t("word.scope"), self.t("word.scope_text", count=len(self.report.instruments), names=names)
             if self.report.instruments else self.t("word.scope_none")),
            (self.t("scope.why"), scope_reasons(self.report, self.party_to,
                                                {i: self.name_of(i) for i in self.report.instruments}, self.t)),
            (self.t("cover.entries"), str(len(self.report.results))),
            (self.t("cover.tool"), f"lawcheck {self.report.tool_version}"),
            (self.t("cover.checklist"), checklist_version(self.catalogue)),
        ]
        for label, value in facts:
            if value:
                self.labelled(label, value)
        self.para(self.t("cover.disclaimer")).runs[0].italic = True
        self.para(self.t("toc.title"), "TOC Heading")

    def contents(self) -> None:
        """The table of contents: each part's heading, a dot leader and a PAGEREF field to its bookmark.

        No TOC field: LibreOffice shows a TOC field's stored text as it is, but computes PAGEREF fields when it
        lays the document out, so its page numbers are right on opening; Word refreshes the fields on opening
        (``w:updateFields``, see :func:`update_on_open`), and shows the stored estimate until then
        (:func:`lawcheck.render.pages.bookmark_pages`).
        """
        width = _text_width(self.document)
        results = {}
        for text, level, bookmark in self.toc_entries:
            paragraph = self.toc_anchor.insert_paragraph_before()
            results[bookmark] = _toc_entry(paragraph, text, bookmark, width, bold=level == 1)
            paragraph.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            paragraph.paragraph_format.space_after = Pt(2)
        estimated = bookmark_pages(self.document)
        for bookmark, run in results.items():
            run.text = str(estimated.get(bookmark, ""))
        update_on_open(self.document)

    # ---------------------------------------------------------------- 2. executive summary

    def summary(self) -> None:
        counts = self.report.summary()
        self.toc_anchor = self.heading(self.t("summary.title"), 1, new_page=True)
        self.para(self.t("summary.intro", **counted(
            self.t, provisions=self.report.bill.provisions, words=self.report.bill.words,
            entries=len(self.report.results), instruments=len(self.report.instruments), covered=counts["covered"],
            partial=counts["partial"], missing=counts["missing"])))
        for warning in self.report.warnings:
            self.labelled(self.t("summary.warning"), in_language(warning, self.t))
        self.heading(self.t("word.ratings"), 2)
        rows = [[self.name_of(r.instrument),
                 (str(r.covered), STATUS_FILL["covered"] if r.covered else ""),
                 (str(r.partial), STATUS_FILL["partial"] if r.partial else ""),
                 (str(r.missing), STATUS_FILL["missing"] if r.missing else ""),
                 (self.t(f"rating.{r.rating}"), RATING_FILL[r.rating]),
                 "—" if r.rating == "na" else self.t("report.percent", value=round(r.score * 100))]
                for r in self.ratings]
        header = [self.t("col.instrument"), *(self.t(f"status.{s}").capitalize() for s in ("covered", "partial",
                  "missing")), self.t("col.rating"), self.t("col.score")]
        fast_table(self.document, header, rows, widths=(5.8, 2.1, 2.1, 2.1, 3.2, 1.5))
        self.caption(self.t("word.ratings"))
        self.para(self.t("word.rating_note")).runs[0].font.size = Pt(9)
        self.top_gaps()
        self.recommendations()

    def top_gaps(self) -> None:
        self.heading(self.t("word.gaps"), 2)
        if not self.top:  # nothing judged is not "no gap"
            self.para(self.t("summary.no_gaps" if self.report.results else "summary.none_judged"))
        list_id = self.new_list()
        for gap in self.top:
            paragraph = self.numbered(list_id)
            paragraph.add_run(self.t("word.gap_line", instrument=self.name_of(gap.instrument), article=gap.article,
                                     title=gap.title)).bold = True
            status = self.t("punct.stop", first=self.status(gap))
            paragraph.add_run(self.t.separator("punct.colon") + status + self.t.separator("punct.then")
                              + self.gap_sentence(gap))
            if gap.id in self.finding_number:
                paragraph.add_run(self.t.separator("punct.then")
                                  + self.t("word.see_finding", number=self.finding_number[gap.id]))

    def gap_sentence(self, result: OffenceResult) -> str:
        if result.status == "partial" and result.provisions and not result.missing:
            return self.t("word.partial_short", provision=innermost(result.provisions)[0].label)
        if result.status == "partial" and result.provisions:
            return self.t("gap.partial", provision=innermost(result.provisions)[0].label,
                          missing=self.t.join(result.missing))
        return self.t("gap.missing")

    def recommendations(self) -> None:
        self.heading(self.t("summary.recommendations"), 2)
        idle = set(self.untouched)
        found = [item for item in rating_rules.recommendations(self.report, self.party_to, self.first)
                 if item.instrument not in idle]
        if not found and not idle:
            self.para(self.t("summary.no_recommendations" if self.report.results
                             else "summary.none_judged_recommendations"))
        list_id = self.new_list()
        for item in found:
            paragraph = self.numbered(list_id)
            paragraph.add_run(self.t("punct.aside", first=self.name_of(item.instrument),
                                      second=self.t(f"rating.{item.rating}"))).bold = True
            parts = [self.t(f"recommend.{kind}", articles=_articles(entries, self.t), count=article_count(entries))
                     for kind, entries in (("create", item.create), ("complete", item.complete),
                                           ("consider", item.consider)) if entries]
            paragraph.add_run(self.t.separator("punct.colon")
                              + self.t("punct.stop", first=self.t.join(parts, "punct.series")))
        if idle:
            self.numbered(list_id).add_run(self.t("word.recommend_untouched", count=len(idle),
                                                  table=self.table_number + 1))

    # ---------------------------------------------------------------- 3. instruments not implemented

    def untouched_table(self) -> None:
        if not self.untouched:
            return
        self.heading(self.t("word.untouched_title"), 1)
        self.para(self.t("word.untouched_line", count=len(self.untouched), total=len(self.report.instruments),
                         table=self.table_number + 1))
        self.para(self.t("word.untouched_intro", count=len(self.untouched)))
        ratings = {r.instrument: r for r in self.ratings}
        rows = []
        for instrument in self.untouched:
            results = self.groups[instrument]
            principal = [r.article for r in results if r.kind == "principal" and not r.optional]
            rating = ratings[instrument]
            rows.append([self.name_of(instrument), str(rating.mandatory),
                         _articles_all(principal, self.t) or "—",
                         (self.t(f"rating.{rating.rating}"), RATING_FILL[rating.rating])])
        header = [self.t("col.instrument"), self.t("word.col_entries"), self.t("word.col_principal"),
                  self.t("col.rating")]
        fast_table(self.document, header, rows, widths=(6.0, 2.2, 5.6, 3.0))
        self.caption(self.t("word.untouched_caption"))

    # ---------------------------------------------------------------- 4. concordance

    def concordance(self) -> None:
        self.heading(self.t("concordance.title"), 1, new_page=True)
        self.para(self.t("word.concordance_intro"))
        header = [self.t("col.article"), self.t("word.col_requirement"), self.t("col.provision"),
                  self.t("sheet.words"), self.t("word.col_assessment"), self.t("word.col_assessor")]
        idle = set(self.untouched)
        for instrument, results in self.groups.items():
            if instrument in idle:
                continue
            self.heading(self.name_of(instrument), 2)
            if not results:
                self.para(self.t("concordance.empty"))
                continue
            rows = [[r.article, r.title, "\n".join(p.label for p in innermost(r.provisions)) or "—",
                     short_quote(self.text, r, CONCORDANCE_QUOTE),
                     ("\n".join(filter(None, (self.status(r), self.comment(r)))), STATUS_FILL[r.status]), ""]
                    for r in results]
            fast_table(self.document, header, rows, widths=(1.7, 4.2, 2.2, 3.6, 2.6, 2.3), whole_lines=2)
            self.caption(self.t("word.concordance_caption", instrument=self.name_of(instrument)))

    def decision_text(self, result: OffenceResult) -> str:
        """The expert's decision on this result, in the report's language ("" when none)."""
        decision = result.decision
        if decision is None:
            return ""
        automatic = self.t(f"status.{decision.automatic}") if decision.automatic else "—"
        text = self.t("finding.decision_line", status=self.t(f"status.{decision.status}"), by=decision.by or "—",
                      date=decision.date or "—", automatic=automatic, note=decision.note)
        return self.t("punct.aside", first=text, second=self.t("finding.decision_changed")) if decision.text_changed \
            else text

    def comment(self, result: OffenceResult) -> str:
        notes = [self.t("finding.decision_short")] if result.decision is not None else []
        if result.kind != "principal" and result.id not in self.finding_number:  # a finding states its kind
            notes.append(self.t(f"kind.{result.kind}"))
        if result.optional:
            notes.append(self.t("finding.optional"))
        if result.by_reference:
            notes.append(self.t("finding.by_reference"))
        if result.missing and result.status != "covered" and result.id not in self.finding_number:
            notes.append(self.t("finding.missing_short", missing=self.t.join(result.missing)))
        if result.id in self.finding_number:
            notes.append(self.t("word.see_short", number=self.finding_number[result.id]))
        return self.t.join(notes, "punct.series")

    # ---------------------------------------------------------------- 5. findings

    def findings(self) -> None:
        self.heading(self.t("findings.title"), 1, new_page=True)
        self.para(self.t("word.findings_intro"))
        current = None
        for result in self.finding_order:
            if result.instrument != current:
                current = result.instrument
                self.heading(self.name_of(current), 2)
            self.finding(result)

    def finding(self, result: OffenceResult) -> None:
        self.heading(self.t("word.finding_heading", number=self.finding_number[result.id], article=result.article,
                            title=result.title), 3)
        status = self.status(result)
        if result.optional:
            status = self.t("punct.aside", first=status, second=self.t("finding.optional"))
        if result.by_reference:
            status = self.t("punct.dash", first=status, second=self.t("finding.by_reference"))
        kind = self.t.colon(self.t("finding.kind")) + self.t(f"kind.{result.kind}")
        _labelled(self.para(), self.t("finding.status"), self.t.join([status, kind], "punct.series"), self.t)
        if result.decision is not None:
            _labelled(self.para(), self.t("finding.decision"), self.decision_text(result), self.t)
        summary = summary_of(self.catalogue, result, self.language)
        if summary:
            _labelled(self.para(), self.t("finding.requires"), summary, self.t)
        if result.provisions:
            self.quote(result)
        if result.missing and result.status != "covered":
            _labelled(self.para(), self.t("finding.missing"), self.t.join(result.missing), self.t)
        self.recommendation(result)

    def quote(self, result: OffenceResult) -> None:
        found = excerpt(self.text, result)
        if found is None:
            _labelled(self.para(), self.t("finding.provision"), self.t("finding.no_provision"), self.t)
            return
        _labelled(self.para(), self.t("finding.provision"), found.label, self.t)
        paragraph = self.para(style="Quote")
        pieces = list(found.segments)
        if found.cut_before:
            pieces.insert(0, ("… ", False))
        if found.cut_after:
            pieces.append((" …", False))
        _runs(paragraph, pieces)

    def recommendation(self, result: OffenceResult) -> None:
        if result.status == "covered":
            _labelled(self.para(), self.t("finding.recommendation"), self.t("recommend.none"), self.t)
            return
        key = "recommend.partial" if result.status == "partial" and result.provisions else "recommend.missing"
        if key == "recommend.partial" and not result.missing:
            key = "word.amend"
        label = innermost(result.provisions)[0].label if result.provisions else ""
        _labelled(self.para(), self.t("finding.recommendation"),
                  self.t(key, provision=label, missing=self.t.join(result.missing)), self.t)
        languages = (self.report.bill.language, self.language, "en")
        text = model_provision(self.catalogue, result, languages)
        if text:
            self.para(text.strip(), "Quote")

    # ---------------------------------------------------------------- 6. annex

    def annex(self) -> None:
        self.heading(self.t("annex.title"), 1)
        self.heading(self.t("annex.method"), 2)
        for key in ("annex.method_1", "annex.method_2", "annex.method_3"):
            self.para(self.t(key))
        self.heading(self.t("annex.rating"), 2)
        self.para(self.t("rule.text", **rating_rules.RULE_FIGURES))
        self.heading(self.t("word.priority"), 2)
        self.para(self.t("word.priority_text"))
        if self.party_to is not None:
            self.para(self.t("scope.priority"))
        self.heading(self.t("annex.limitations"), 2)
        for key in ("annex.limit_1", "annex.limit_2", "annex.limit_3"):
            self.para(self.t(key), "List Bullet")
        self.heading(self.t("annex.checklist"), 2)
        self.para(self.t("annex.checklist_text", version=checklist_version(self.catalogue),
                         tool=self.report.tool_version, **counted(self.t, entries=len(self.catalogue.offences),
                                                                  instruments=len(self.catalogue.instruments))))


def _articles(results: Sequence[OffenceResult], t: Labels) -> str:
    articles = list(dict.fromkeys(r.article for r in results))
    shown = t.join(t.embed(a) for a in articles[:ARTICLES_SHOWN])  # in Arabic "4(1)(b)، 7" read right to left
    if len(articles) > ARTICLES_SHOWN:
        shown += t.separator("punct.then") + t("recommend.more", count=len(articles) - ARTICLES_SHOWN)
    return shown


def _articles_all(articles: Sequence[str], t: Labels) -> str:
    return t.join(t.embed(a) for a in dict.fromkeys(articles))


__all__ = ["render_docx", "fast_table", "open_template"]
