"""An estimate of the page on which each bookmarked heading of a Word document falls, without laying it out.

Word shows a field's stored result until it updates the fields (the report asks it to on opening, but a
document opened in Protected View, as e-mailed files are, is not updated), so the table of contents stores
these estimates as the results of its PAGEREF fields; LibreOffice computes its own. The estimate flows the
body's paragraphs and table rows down pages of the section's height: a paragraph's lines from its length in
characters of an average width for its size, its style's spacing, headings kept with what follows, table
rows never split and the header row repeated. It is meant to be right or one page off, no more.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Pt

CHAR_WIDTH = 0.42  # an average character's width, in ems of its font size
LINE_HEIGHT = 1.15  # a single line's height, in font sizes
CELL_PADDING = Pt(4)  # a table cell's top and bottom margins together
EMU_PER_PT = 12700


class _Styles:
    """Font size, spacing and page-break flags of the document's paragraph styles, with inheritance."""

    def __init__(self, document: Document) -> None:
        self.by_id = {style.style_id: style for style in document.styles if style.type == 1}
        self.default = next((s for s in document.styles if s.type == 1 and s.name == "Normal"), None)

    def get(self, style_id: str | None):  # noqa: ANN201 - a python-docx paragraph style
        return self.by_id.get(style_id or "", self.default)

    def value(self, style, read) -> object:  # noqa: ANN001
        while style is not None:
            found = read(style)
            if found is not None:
                return found
            style = style.base_style
        return None


def bookmark_pages(document: Document) -> dict[str, int]:
    """The estimated page (from 1) of each bookmark that starts in a body paragraph."""
    section = document.sections[-1]
    height = (section.page_height - section.top_margin - section.bottom_margin) / EMU_PER_PT
    width = (section.page_width - section.left_margin - section.right_margin) / EMU_PER_PT
    styles = _Styles(document)
    page, used, pages = 1, 0.0, {}
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            style = styles.get(_style_id(element))
            if used > 0 and (element.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
                             or styles.value(style, lambda s: s.paragraph_format.page_break_before)):
                page, used = page + 1, 0.0
            tall = _paragraph_height(element, style, styles, width)
            keep = bool(styles.value(style, lambda s: s.paragraph_format.keep_with_next))
            if used + tall * (2 if keep else 1) > height and used > 0 and (keep or tall < 3 * _line(style, styles)):
                page, used = page + 1, 0.0
            for mark in element.iter(qn("w:bookmarkStart")):
                pages.setdefault(mark.get(qn("w:name")), page)
            used += tall
            while used > height:
                page, used = page + 1, used - height
        elif element.tag == qn("w:tbl"):
            page, used = _flow_table(element, styles, page, used, height)
    return pages


def _flow_table(table, styles: _Styles, page: int, used: float, height: float) -> tuple[int, float]:  # noqa: ANN001
    widths = [int(col.get(qn("w:w"), "0")) / 20 for col in table.iter(qn("w:gridCol"))]
    rows = list(table.iterchildren(qn("w:tr")))
    heights = [_row_height(row, widths, styles) for row in rows]
    header = heights[0] if rows and rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None else 0.0
    for number, tall in enumerate(heights):
        if used + tall > height and used > 0:
            page, used = page + 1, header if number else 0.0
        used += tall
    return page, used + Pt(6).pt


def _row_height(row, widths: list[float], styles: _Styles) -> float:  # noqa: ANN001
    tallest = 0.0
    for column, cell in enumerate(row.iterchildren(qn("w:tc"))):
        width = (widths[column] if column < len(widths) else 60.0) - 11.0  # the cell's side margins
        tallest = max(tallest, sum(_paragraph_height(p, styles.get(_style_id(p)), styles, width, space=False)
                                   for p in cell.iterchildren(qn("w:p"))))
    return tallest + CELL_PADDING.pt


def _paragraph_height(paragraph, style, styles: _Styles, width: float, space: bool = True) -> float:  # noqa: ANN001
    size = _size(paragraph, style, styles)
    indent = 0.0
    ind = paragraph.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    if ind is not None:
        indent = (int(ind.get(qn("w:left"), "0") or 0) + int(ind.get(qn("w:right"), "0") or 0)) / 20
    per_line = max(1, int((width - indent) / (size * CHAR_WIDTH)))
    lines = sum(max(1, math.ceil(len(text) / per_line)) for text in _lines(paragraph))
    spacing = styles.value(style, lambda s: s.paragraph_format.line_spacing) or 1.0
    spacing = spacing if isinstance(spacing, float) else 1.0
    height = lines * size * LINE_HEIGHT * spacing
    if space:
        for read in (lambda s: s.paragraph_format.space_before, lambda s: s.paragraph_format.space_after):
            found = styles.value(style, read)
            height += found.pt if found is not None else 0.0
    return height


def _lines(paragraph) -> Iterator[str]:  # noqa: ANN001
    """The paragraph's text, split where it has a line break."""
    text = []
    for node in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        if node.tag == qn("w:br"):
            yield "".join(text)
            text = []
        else:
            text.append(node.text or " ")
    yield "".join(text)


def _size(paragraph, style, styles: _Styles) -> float:  # noqa: ANN001
    run_size = paragraph.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:sz')}")
    if run_size is not None:
        return int(run_size.get(qn("w:val"))) / 2
    found = styles.value(style, lambda s: s.font.size)
    return found.pt if found is not None else 11.0


def _style_id(paragraph) -> str | None:  # noqa: ANN001
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return found.get(qn("w:val")) if found is not None else None


def _line(style, styles: _Styles) -> float:  # noqa: ANN001
    found = styles.value(style, lambda s: s.font.size)
    return (found.pt if found is not None else 11.0) * LINE_HEIGHT
