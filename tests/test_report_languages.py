"""Reports in the six UN languages: complete labels with their plural forms, Arabic right to left in Word
and HTML, Chinese fonts, the tool's own words in the report's language at the terminal, and the English
fallback where the checklist has no words in that language yet."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from lxml import etree
from lxml import html as lxml_html
from rich.console import Console

from lawcheck.cli import cli
from lawcheck.pipeline import check_bill
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions, localise
from lawcheck.render.docx import render_docx
from lawcheck.render.html import render_html
from lawcheck.render.i18n import LRM, PLURAL_FORMS, REPORT_LANGUAGES, Labels, plural_form
from lawcheck.render.terminal import View, render_terminal

BILL = SAMPLES / "en" / "counter-terrorism-bill.txt"
INSTRUMENTS = ("hague-1970", "bombings-1997")
NEW = ("ar", "ru", "zh")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


@pytest.mark.parametrize("language", REPORT_LANGUAGES)
def test_every_language_has_every_label_with_its_placeholders(language: str) -> None:
    english, own = Labels("en"), Labels(language)
    assert own.keys() == english.keys()
    for key in english.keys():
        wanted = set().union(*(_placeholders(f) for f in english.forms(key)))
        forms = own.forms(key)
        assert all(f.strip() for f in forms), key
        for form in forms:  # a plural form may spell its number out ("حكمان"), never add a placeholder
            assert _placeholders(form) <= wanted, (key, form)
        assert set().union(*(_placeholders(f) for f in forms)) == wanted, key
        plural = own.strings[key]
        if isinstance(plural, dict):
            assert "other" in plural and set(plural) <= set(PLURAL_FORMS), key


@pytest.mark.parametrize(("language", "number", "form"), [
    ("ru", 1, "one"), ("ru", 21, "one"), ("ru", 11, "many"), ("ru", 2, "few"), ("ru", 24, "few"), ("ru", 12, "many"),
    ("ru", 5, "many"), ("ru", 100, "many"), ("ar", 0, "zero"), ("ar", 1, "one"), ("ar", 2, "two"), ("ar", 3, "few"),
    ("ar", 10, "few"), ("ar", 11, "many"), ("ar", 99, "many"), ("ar", 100, "other"), ("ar", 103, "few"),
    ("zh", 1, "other"), ("en", 1, "one"), ("en", 0, "other"), ("fr", 0, "one"), ("es", 2, "other")])
def test_plural_forms_follow_the_language(language: str, number: int, form: str) -> None:
    assert plural_form(language, number) == form


def test_a_count_chooses_the_plural_form_of_the_label() -> None:
    russian, arabic, english = Labels("ru"), Labels("ar"), Labels("en")
    assert [russian("cover.provisions", count=n) for n in (1, 3, 5, 21)] == [
        "1 положение", "3 положения", "5 положений", "21 положение"]
    assert [arabic("cover.provisions", count=n) for n in (1, 2, 3, 11)] == ["حكم واحد", "حكمان", "3 أحكام", "11 حكماً"]
    assert [english("cover.words", count=n) for n in (1, 2)] == ["1 word", "2 words"]


def test_left_to_right_values_are_marked_inside_arabic_sentences() -> None:
    arabic, english = Labels("ar"), Labels("en")
    said = arabic("gap.partial", provision="Section 8(1)(a)", missing="السلوك")
    assert f"{LRM}Section 8(1)(a){LRM}" in said and f"{LRM}السلوك" not in said
    assert arabic("word.see_finding", number=3).count(LRM) == 0  # a number as it is
    assert LRM not in english("gap.partial", provision="Section 8(1)(a)", missing="conduct")
    assert Labels("zh").join(["甲", "乙"]) == "甲、乙" and arabic.join(["أ", "ب"]) == "أ، ب"


@pytest.fixture(scope="module")
def checked(catalogue):  # noqa: ANN001, ANN201
    bill = read_bill(BILL)
    return bill, check_bill(bill, catalogue, None, INSTRUMENTS)


def _docx(checked, catalogue, language: str) -> dict[str, etree._Element]:  # noqa: ANN001
    bill, report = checked
    data = render_docx(report, catalogue, bill.text, ReportOptions(language=language, date="2024-05-01"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in
                ("word/document.xml", "word/styles.xml", "word/fontTable.xml")}


def _text(paragraph) -> str:  # noqa: ANN001
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def test_the_arabic_word_report_reads_right_to_left(checked, catalogue) -> None:  # noqa: ANN001
    parts = _docx(checked, catalogue, "ar")
    styles, body = parts["word/styles.xml"], parts["word/document.xml"]
    assert styles.find(f".//{W}pPrDefault/{W}pPr/{W}bidi") is not None
    assert styles.find(f".//{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}bidi") == "ar-SA"
    fonts = styles.find(f".//{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}cs") == "Noto Naskh Arabic" and fonts.get(f"{W}cstheme") is None
    assert not styles.xpath("//w:rFonts[@w:cstheme]", namespaces={"w": W[1:-1]})  # no theme font overrides it
    assert 'w:altName w:val="Arial"' in etree.tostring(parts["word/fontTable.xml"], encoding="unicode")
    assert body.find(f".//{W}sectPr/{W}bidi") is not None
    tables = body.findall(f".//{W}tbl")
    assert tables and all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in tables)
    arabic = [p for p in body.iter(f"{W}p") if re.search("[\u0600-\u06ff]", _text(p))]
    assert arabic and all(p.find(f"{W}pPr/{W}bidi").get(f"{W}val") is None for p in arabic)
    runs = [r for p in arabic for r in p.iter(f"{W}r") if re.search("[\u0600-\u06ff]", _text(r))]
    assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in runs)
    bold = [r for r in runs if r.find(f"{W}rPr/{W}b") is not None]
    assert bold and all(r.find(f"{W}rPr/{W}bCs") is not None for r in bold)  # bold Arabic letters are bold
    quotes = [p for p in body.iter(f"{W}p") if "Any person who" in _text(p)]  # the English bill, quoted
    assert quotes and all(p.find(f"{W}pPr/{W}bidi").get(f"{W}val") == "0" for p in quotes)


def test_the_chinese_word_report_names_its_east_asian_font_and_language(checked, catalogue) -> None:  # noqa: ANN001
    parts = _docx(checked, catalogue, "zh")
    styles = parts["word/styles.xml"]
    lang = styles.find(f".//{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}eastAsia") == "zh-CN" and lang.get(f"{W}val") == "en-GB"  # Latin words break as English
    assert styles.find(f".//{W}rPrDefault/{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "Noto Sans CJK SC"
    assert not styles.xpath("//w:rFonts[@w:eastAsiaTheme]", namespaces={"w": W[1:-1]})
    body = parts["word/document.xml"]
    assert body.find(f".//{W}bidi") is None and body.find(f".//{W}bidiVisual") is None
    assert Labels("zh")("report.title") in _text(body)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_left_to_right_reports_get_no_right_to_left_mark(checked, catalogue, language: str) -> None:  # noqa: ANN001
    parts = _docx(checked, catalogue, language)
    xml = etree.tostring(parts["word/document.xml"], encoding="unicode")
    assert "w:bidi" not in xml and "w:rtl" not in xml and LRM not in xml


@pytest.mark.parametrize(("language", "lang", "direction"), [("ar", "ar", "rtl"), ("ru", "ru", None),
                                                             ("zh", "zh-CN", None), ("en", "en", None)])
def test_html_report_says_its_language_and_direction(checked, catalogue, language: str, lang: str,
                                                     direction: str | None) -> None:  # noqa: ANN001
    bill, report = checked
    page = render_html(report, catalogue, bill.text, ReportOptions(language=language, date="2024-05-01"))
    tree = lxml_html.fromstring(page)
    assert tree.get("lang") == lang and tree.get("dir") == direction
    assert tree.xpath("//blockquote[@dir='auto']") and tree.xpath("//section[@id='bill']//p[@dir='auto']")
    assert Labels(language)("summary.title") in [h.text_content() for h in tree.iter("h2")]
    assert "border-left" not in page and "text-align: left" not in page  # logical sides, right in either direction


TERMINAL_WORDS = ("terminal.", "status.", "rating.")


def _terminal(report, catalogue, language: str) -> str:  # noqa: ANN001
    console = Console(file=io.StringIO(), width=120, color_system=None, record=True)
    console.print(render_terminal(localise(report, catalogue, language), View(show="all", language=language)))
    return console.export_text()


@pytest.mark.parametrize("language", NEW)
def test_no_english_word_of_the_tool_in_an_arabic_russian_or_chinese_terminal_report(checked, catalogue,
                                                                                      language: str) -> None:  # noqa: ANN001
    _, report = checked
    shown = " ".join(_terminal(report, catalogue, language).replace("\u2502", " ").split())
    english = Labels("en")
    for key in (k for k in english.keys() if k.startswith(TERMINAL_WORDS)):
        for piece in re.split(r"\{[^}]*\}", english(key)):
            piece = piece.strip(" .,:;()[]")
            if re.search(r"[^\W\d_]{4}", piece) and "--show" not in piece:
                assert not re.search(rf"(?<![\w-]){re.escape(piece)}(?![\w-])", shown), (key, piece)
    assert Labels(language)("terminal.summary") in shown


@pytest.mark.parametrize("language", NEW)
def test_checklist_words_missing_in_the_report_language_fall_back_to_english(checked, catalogue,
                                                                             language: str) -> None:  # noqa: ANN001
    """Entry titles come from the checklist: in the report's language where it has them, else in English (shown
    here: the lead decides whether a report may go out with them)."""
    _, report = checked
    shown = _terminal(report, catalogue, language)
    flat = " ".join(shown.replace("\u2502", " ").split())
    for result in report.results:
        offence = catalogue.offence(result.id)
        title = offence.titles.get(language) or offence.titles["en"]
        assert localise(report, catalogue, language).results[report.results.index(result)].title == title
    fallback = [o for o in catalogue.offences if o.instrument in INSTRUMENTS and not o.titles.get(language)]
    if fallback:  # the checklist lacks this language: its English titles stand in
        assert any(" ".join(o.titles["en"].split()[:3]) in flat for o in fallback)


@pytest.mark.parametrize("language", NEW)
def test_every_command_with_report_lang_takes_the_new_languages(tmp_path, language: str) -> None:  # noqa: ANN001
    runner, say = CliRunner(), Labels(language)
    checked = runner.invoke(cli, ["check", str(BILL), "--instrument", "hague-1970", "--report-lang", language,
                                  "--summary"])
    assert checked.exit_code == 0, checked.output
    assert say("terminal.overview") in checked.output
    explained = runner.invoke(cli, ["explain", str(BILL), "hague-1970:1(a)", "--brief", "--report-lang", language])
    assert explained.exit_code == 0 and say("explain.brief_provision", provision="Section 3(1)") in explained.output
    annotated = tmp_path / "annotated.docx"
    done = runner.invoke(cli, ["annotate", str(BILL), "--instrument", "hague-1970", "--report-lang", language,
                               "-o", str(annotated)])
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(annotated) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert say("annotated.comments") in comments
    assert ("<w:bidi/>" in comments) == (language == "ar")
    draft1, draft2 = (SAMPLES / "en" / f"aviation-security-bill-draft{n}.txt" for n in (1, 2))
    compared = runner.invoke(cli, ["diff", str(draft1), str(draft2), "--instrument", "hague-1970",
                                   "--report-lang", language])
    assert compared.exit_code == 0 and say("diff.closed") in compared.output


@pytest.mark.parametrize("language", NEW)
def test_no_english_label_in_an_arabic_russian_or_chinese_word_report(checked, catalogue, language: str) -> None:  # noqa: ANN001
    """Every word the report itself adds is in the report's language (the bill's quotes and, until the checklist
    has them, its English titles aside)."""
    body = _docx(checked, catalogue, language)["word/document.xml"]
    text = " ".join(" ".join(_text(p) for p in body.iter(f"{W}p")).replace(LRM, "").split())
    english = Labels("en")
    sentences = {piece.strip(" .,:;()") for key in english.keys()
                 for form in english.forms(key) for piece in re.split(r"\{[^}]*\}", form)}
    leaked = sorted(s for s in sentences if len(s) >= 12 and " " in s and s in text)
    assert not leaked, leaked[:5]


def test_the_comparison_of_drafts_and_the_concordance_workbook_read_right_to_left_in_arabic(tmp_path) -> None:  # noqa: ANN001
    pytest.importorskip("openpyxl")
    runner = CliRunner()
    draft1, draft2 = (SAMPLES / "en" / f"aviation-security-bill-draft{n}.txt" for n in (1, 2))
    changes, sheet = tmp_path / "changes.docx", tmp_path / "concordance.xlsx"
    for args in (["diff", str(draft1), str(draft2), "-o", str(changes)],
                 ["check", str(draft1), "-o", str(sheet)]):
        done = runner.invoke(cli, [*args, "--instrument", "hague-1970", "--report-lang", "ar"])
        assert done.exit_code == 0, done.output
    with zipfile.ZipFile(changes) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert Labels("ar")("diff_docx.title") in document and "<w:bidiVisual/>" in document
    assert 'w:bidi="ar-SA"' in styles
    with zipfile.ZipFile(sheet) as archive:
        assert 'rightToLeft="1"' in archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_a_left_to_right_report_quotes_a_right_to_left_bill_right_to_left() -> None:
    """An English report on an Arabic bill: the quoted Arabic paragraphs read right to left, nothing else moves."""
    import docx

    from lawcheck.render.wordscript import finish

    document = docx.Document()
    document.add_paragraph("Provision relied on: المادة 5")
    document.add_paragraph("يعاقب بالسجن كل من استولى على طائرة", style="Quote")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "4(2)"
    finish(document, "en", "ar")
    english, quote = (p._p for p in document.paragraphs)
    assert english.find(f"{W}pPr/{W}bidi") is None
    assert quote.find(f"{W}pPr/{W}bidi") is not None and quote.find(f".//{W}rtl") is not None
    assert document.element.body.find(f".//{W}bidiVisual") is None


def test_chinese_labels_put_no_space_between_chinese_characters() -> None:
    chinese = Labels("zh")
    for key in chinese.keys():
        for form in chinese.forms(key):
            assert not re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef] [\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]",
                                 form), (key, form)


@pytest.mark.parametrize("language", NEW)
def test_the_text_matrix_of_a_batch_speaks_the_report_language(tmp_path, language: str) -> None:  # noqa: ANN001
    import shutil

    shutil.copy(SAMPLES / "en" / "aviation-security-bill-draft1.txt", tmp_path / "a.txt")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "--instrument", "hague-1970", "--report-lang", language])
    assert result.exit_code == 0, result.output
    say, flat = Labels(language), " ".join(result.output.split())
    assert say("batch.title") in flat and " ".join(say("batch.legend").split()) in flat
    assert say("batch.summary_failed", checked=1, total=2, failed=1) in flat
    assert "files checked" not in flat and "covered" not in flat


@pytest.mark.parametrize(("language", "label", "cited"), [
    ("ru", "Статья 4(1)", "ст. 4(1)"),  # declined in the sentence: « в ст. 4(1) », not « в Статья 4(1) »
    ("ru", "Статья 1 (включаемая статья 233)", "ст. 1 (включаемая статья 233)"),
    ("ru", "Раздел 2", "Раздел 2"),
    ("ru", "Section 5", "Section 5"),
    ("en", "Article 4(1)", "Article 4(1)"),
    ("fr", "Article 4", "Article 4"),
])
def test_a_provision_is_cited_inside_a_sentence_as_the_language_cites_it(language: str, label: str,
                                                                         cited: str) -> None:
    say = Labels(language)
    sentence = say("explain.not_found", provision=label)
    assert f" {cited}" in sentence and (cited == label or label not in sentence)
    assert say("explain.header", instrument="X", article=label, kind="k", summary="s").count(label) == 1


@pytest.mark.parametrize("language", REPORT_LANGUAGES)
def test_no_label_says_a_word_twice_in_a_row(language: str) -> None:
    labels = Labels(language)  # « Положение Положение ст. 6 »: a word given twice when a sentence was reworded
    doubled = [(key, form) for key in labels.keys() for form in labels.forms(key)
               if re.search(r"(?<!\w)(\w{3,})\s+\1(?!\w)", form, flags=re.IGNORECASE)]
    assert not doubled
