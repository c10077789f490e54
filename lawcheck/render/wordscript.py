"""A Word document in the report's script: its language, its fonts and, for Arabic, right to left.

:func:`set_language` writes into the styles what Word and LibreOffice read before any paragraph: the
document's language (``w:lang``: ``w:bidi="ar-SA"`` for Arabic, ``w:eastAsia="zh-CN"`` for Chinese), the
fonts of the complex-script and East Asian slots (named in ``rFonts``, the theme's left out, with an
alternative name in the font table for a machine that lacks them), and for a right-to-left language the
paragraph direction of Normal. :func:`finish` then walks the finished document (body, header, footer,
comments): each paragraph that holds Arabic reads right to left, and one without (a quote of an English
bill, an article number "4(2)") left to right, aligned right unless it is a quote; runs of Arabic letters
are marked ``w:rtl``; tables are laid out right to left (``w:bidiVisual``) and so is the section; bold,
italics and sizes are repeated for complex script (``w:bCs``, ``w:iCs``, ``w:szCs``), which is what Arabic
letters are drawn with. (A value written left to right inside an Arabic sentence is marked by the labels:
see :mod:`lawcheck.render.i18n`.)

Nothing here changes a word of the report.
"""

from __future__ import annotations

import re

from docx.document import Document
from docx.oxml import OxmlElement
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from lawcheck.render.i18n import RIGHT_TO_LEFT, has_right_to_left, is_right_to_left

DOCUMENT_LANGUAGE = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ar": "ar-SA", "ru": "ru-RU", "zh": "zh-CN"}
# The font of each script slot, by report language: (name, the name Word on Windows finds in its place).
FONTS: dict[str, dict[str, tuple[str, str]]] = {
    "ar": {"cs": ("Noto Naskh Arabic", "Arial")},
    "zh": {"eastAsia": ("Noto Sans CJK SC", "SimSun")},
}
_CHARSET = {"ar": "B2", "zh": "86"}  # the font table's charset: Arabic, GB2312
_THEME = {"cs": "w:cstheme", "eastAsia": "w:eastAsiaTheme"}
_ARABIC_RUN = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
QUOTE_STYLES = ("Quote", "IntenseQuote")  # a quote written left to right stays aligned left, as quoted
_CS_TWINS = (("w:b", "w:bCs"), ("w:i", "w:iCs"), ("w:sz", "w:szCs"))

# Child order (ECMA-376) of the elements this module adds, so that Word opens the file.
_PPR_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                   "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                   "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                   "w:pPrChange")
_SECT_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
              "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
              "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def right_to_left(language: str) -> bool:
    return language in RIGHT_TO_LEFT


# --------------------------------------------------------------------------- styles


def set_language(document: Document, language: str, also: tuple[str, ...] = ()) -> None:
    """The document's language and script fonts in its default run properties and its Normal style; for a
    right-to-left language, Normal's paragraphs read right to left. The fonts of the languages ``also``
    are named too (an annotated Chinese bill with comments in Arabic)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = _child(defaults, "w:rPrDefault", first=True)
    rpr = _child(rpr_default, "w:rPr")
    _lang(rpr, language)
    normal = next((st for st in document.styles if st.name == "Normal"), None)
    if normal is not None:
        _lang(normal.element.get_or_add_rPr(), language)
    for script in dict.fromkeys((language, *also)):
        fonts = FONTS.get(script, {})
        if not fonts:
            continue
        _fonts(rpr, fonts)
        for style_rpr in styles.iter(qn("w:rPr")):
            if style_rpr.find(qn("w:rFonts")) is not None and style_rpr is not rpr:
                _fonts(style_rpr, fonts)
        _font_table(document, script, fonts)
    if right_to_left(language):
        ppr_default = _child(defaults, "w:pPrDefault")
        _bidi(_child(ppr_default, "w:pPr"), True)
        if normal is not None:
            _bidi(normal.element.get_or_add_pPr(), True)
        for style_rpr in styles.iter(qn("w:rPr")):
            _complex_twins(style_rpr)


def _child(parent, tag: str, first: bool = False):  # noqa: ANN001, ANN202 - lxml elements
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def language_tags(language: str) -> dict[str, str]:
    """``w:lang``'s attributes: the language of Latin (and Cyrillic) text, of East Asian text and of complex
    script. In an Arabic or a Chinese report the Latin words are those of the checklist's English and the
    ids, so they are English (a Chinese tag on them would let a line break inside a Latin word)."""
    tag = DOCUMENT_LANGUAGE.get(language, language)
    latin = DOCUMENT_LANGUAGE["en"] if language in ("ar", "zh") else tag
    return {"w:val": latin, "w:eastAsia": tag if language == "zh" else latin,
            "w:bidi": tag if right_to_left(language) else latin}


def _lang(rpr, language: str) -> None:  # noqa: ANN001 - a w:rPr
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    for attribute, tag in language_tags(language).items():
        lang.set(qn(attribute), tag)
    _insert(rpr, lang, _RPR_ORDER)


def _fonts(rpr, fonts: dict[str, tuple[str, str]]) -> None:  # noqa: ANN001 - a w:rPr
    """Name the font of each slot; a theme font of that slot would win over the name, so it goes."""
    element = rpr.find(qn("w:rFonts"))
    if element is None:
        element = OxmlElement("w:rFonts")
        _insert(rpr, element, _RPR_ORDER)
    for slot, (name, _) in fonts.items():
        element.attrib.pop(qn(_THEME[slot]), None)
        element.set(qn(f"w:{slot}"), name)


def _font_table(document: Document, language: str, fonts: dict[str, tuple[str, str]]) -> None:
    """Each font named, with the name Word on Windows uses in its place (``w:altName``)."""
    part = next((p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None or not hasattr(part, "_blob"):
        return
    xml = part.blob.decode("utf-8")
    added = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alternative}"/><w:charset w:val="{_CHARSET[language]}"/>'
        f'<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for name, alternative in fonts.values() if f'w:name="{name}"' not in xml)
    if added and "</w:fonts>" in xml:
        part._blob = xml.replace("</w:fonts>", added + "</w:fonts>").encode("utf-8")


# --------------------------------------------------------------------------- the finished document


def finish(document: Document, language: str, quoted: str = "") -> None:
    """Right to left where the report's language reads so (see the module's note). In a report written left
    to right about a bill written right to left (``quoted``: the bill's language), only the paragraphs that
    open in right-to-left words (the bill's, quoted) read right to left."""
    if not right_to_left(language):
        if right_to_left(quoted):
            for root in [document.element.body, *comment_roots(document)]:
                mark_right_to_left(root, whole=False)
        return
    roots = [document.element.body]
    for section in document.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                roots.append(part._element)
        _section_bidi(section._sectPr)
    for root in roots + comment_roots(document):
        mark_right_to_left(root)


def comment_roots(document: Document) -> list:
    """The root elements of the document's comments part (none when it has no comments)."""
    return [rel.target_part.element for rel in document.part.rels.values()
            if rel.reltype == RT.COMMENTS and not rel.is_external]


def mark_right_to_left(root, whole: bool = True) -> None:  # noqa: ANN001 - an lxml element
    """Paragraphs, runs and tables under ``root`` laid out for a right-to-left reader; with ``whole=False``
    (a left-to-right document), only the paragraphs that open in right-to-left words, and their runs."""
    for table in root.iter(qn("w:tbl")) if whole else ():
        tbl_pr = table.tblPr
        tbl_pr.get_or_add_bidiVisual()
    for paragraph in root.iter(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        if not whole and not is_right_to_left(text):
            continue
        rtl = has_right_to_left(text) or not re.search(r"\w", text)
        ppr = paragraph.get_or_add_pPr()
        _bidi(ppr, rtl)
        style = ppr.find(qn("w:pStyle"))
        quoted = style is not None and style.get(qn("w:val")) in QUOTE_STYLES
        if not rtl and not quoted and ppr.find(qn("w:jc")) is None:
            jc = OxmlElement("w:jc")  # "4(2)", an English title: left to right, aligned with the Arabic around it
            jc.set(qn("w:val"), "right")
            ppr.insert_element_before(jc, *_PPR_AFTER_BIDI[_PPR_AFTER_BIDI.index("w:jc") + 1:])
        for run in paragraph.iter(qn("w:r")):
            words = "".join(t.text or "" for t in run.iter(qn("w:t")))
            if _ARABIC_RUN.search(words):
                rpr = run.get_or_add_rPr()
                if rpr.find(qn("w:rtl")) is None:
                    _insert(rpr, OxmlElement("w:rtl"), _RPR_ORDER)
            rpr = run.find(qn("w:rPr"))
            if rpr is not None:
                _complex_twins(rpr)


def _bidi(ppr, on: bool) -> None:  # noqa: ANN001 - a w:pPr
    element = ppr.find(qn("w:bidi"))
    if element is None:
        element = OxmlElement("w:bidi")
        ppr.insert_element_before(element, *_PPR_AFTER_BIDI)
    if on:
        element.attrib.pop(qn("w:val"), None)
    else:
        element.set(qn("w:val"), "0")


def _section_bidi(sect_pr) -> None:  # noqa: ANN001 - a w:sectPr
    if sect_pr.find(qn("w:bidi")) is None:
        sect_pr.insert_element_before(OxmlElement("w:bidi"), *_SECT_AFTER_BIDI)


def _complex_twins(rpr) -> None:  # noqa: ANN001 - a w:rPr
    """Bold, italics and size repeated for complex script, where a run sets them for Latin only."""
    for latin, complex_ in _CS_TWINS:
        source = rpr.find(qn(latin))
        if source is not None and rpr.find(qn(complex_)) is None:
            twin = OxmlElement(complex_)
            for name, value in source.attrib.items():
                twin.set(name, value)
            _insert(rpr, twin, _RPR_ORDER)


def _insert(parent, element, order: tuple[str, ...]) -> None:  # noqa: ANN001 - lxml elements
    """Insert ``element`` before the first child that comes after it in ``order``."""
    tag = element.tag
    names = [qn(n) for n in order]
    position = names.index(tag) if tag in names else len(names)
    for index, child in enumerate(parent):
        if child.tag in names[position + 1:]:
            parent.insert(index, element)
            return
    parent.append(element)
