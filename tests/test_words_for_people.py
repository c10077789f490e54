"""Words for people: every instrument, entry and element of the checklist has its words in en, fr and es,
and no report a government reads (terminal, Word, HTML, annotated bill) shows an element id or a source
note, in any of the three languages. JSON keeps ids as keys for programs; its sentences use labels."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import ROOT
from rich.console import Console

from lawcheck.annotate import annotate_file
from lawcheck.catalogue import load_catalogue
from lawcheck.models import LANGUAGES, REQUIRED_LANGUAGES
from lawcheck.pipeline import check_file
from lawcheck.render.common import ReportOptions, localise
from lawcheck.render.docx import render_docx
from lawcheck.render.html import render_html
from lawcheck.render.i18n import report_languages
from lawcheck.render.terminal import View, render_terminal

CATALOGUE = load_catalogue()
SOURCE_NOTES = ("stored excerpt", "not in the stored", "stored text", "the entry checks")
BILL = ROOT / "samples" / "en" / "counter-terrorism-bill.txt"


@pytest.mark.parametrize("instrument", sorted(CATALOGUE.instruments))
def test_every_word_of_the_checklist_exists_in_three_languages(instrument: str) -> None:
    found = CATALOGUE.instruments[instrument]
    assert all(found.titles.get(lang) for lang in REQUIRED_LANGUAGES), f"{instrument}: instrument title"
    for offence in (o for o in CATALOGUE.offences if o.instrument == instrument):
        assert all(offence.titles.get(lang) and offence.summaries.get(lang) for lang in REQUIRED_LANGUAGES), offence.id
        for element in offence.elements:
            assert all(element.label.get(lang) for lang in REQUIRED_LANGUAGES), f"{offence.id}: {element.id}"


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang not in REQUIRED_LANGUAGES])
def test_an_entry_available_in_another_language_has_all_its_words_in_it(language: str) -> None:
    """Arabic, Russian, Chinese: an entry written in the language (its phrases, title, summary and model
    provision) has every element's label in it, and its instrument a title and short names."""
    for offence in CATALOGUE.offences:
        if not offence.available_in(language):
            continue
        instrument = CATALOGUE.instruments[offence.instrument]
        assert instrument.titles.get(language) and instrument.short_names.get(language), f"{instrument.id} ({language})"
        for element in offence.elements:
            assert element.label.get(language), f"{offence.id}: {element.id} ({language})"


@pytest.mark.parametrize("instrument", sorted(CATALOGUE.instruments))
def test_no_summary_carries_a_source_note_or_an_element_id(instrument: str) -> None:
    for offence in (o for o in CATALOGUE.offences if o.instrument == instrument):
        ids = {e.id for e in offence.elements if "-" in e.id}
        for lang, text in offence.summaries.items():
            assert not any(note in text.lower() for note in SOURCE_NOTES), f"{offence.id} ({lang}): {text[:80]}"
            assert not any(re.search(rf"\b{re.escape(i)}\b", text) for i in ids), f"{offence.id} ({lang})"


def _element_ids() -> set[str]:
    """Ids that read as codes: hyphenated, and not a word of any title, label or summary ("fiscal-offence
    exception" is English; "other-lethal-device" is not)."""
    words = " ".join(text for o in CATALOGUE.offences
                     for text in [*o.titles.values(), *o.summaries.values(), *(v for e in o.elements for v in e.label.values())])
    return {e.id for o in CATALOGUE.offences for e in o.elements if "-" in e.id and e.id not in words}


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/"))
    return re.sub(r"<[^>]+>", " ", xml)


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    return check_file(BILL, CATALOGUE, None, ("bombings-1997", "hague-1970", "financing-1999"))


@pytest.mark.slow
@pytest.mark.parametrize("language", report_languages())
def test_reports_show_no_element_id(report, language: str) -> None:  # noqa: ANN001
    options = ReportOptions(language=language, date="2026-12-02")
    text = BILL.read_text(encoding="utf-8")
    shown = {
        "word": _docx_text(render_docx(report, CATALOGUE, text, options)),
        "html": render_html(report, CATALOGUE, text, options),
    }
    annotated, _ = annotate_file(str(BILL), CATALOGUE, None, ("bombings-1997", "hague-1970", "financing-1999"), options)
    shown["annotated bill"] = _docx_text(annotated)
    console = Console(file=io.StringIO(), width=120, color_system=None, record=True)
    console.print(render_terminal(localise(report, CATALOGUE, "en"), View(show="all")))
    shown["terminal"] = console.export_text()
    ids = _element_ids()
    for where, words in shown.items():
        leaked = sorted(i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", words))
        assert not leaked, f"{where} ({language}) shows element ids: {leaked[:5]}"
        assert not any(note in words.lower() for note in SOURCE_NOTES), where
