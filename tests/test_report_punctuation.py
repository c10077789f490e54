"""The words the renderers put together follow the report language's punctuation, not English's written in
the code: brackets, list commas, the comma between two clauses, the page footer, instrument short names; and
a Chinese report shows no element id, no language code and no English acronym in a name."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import SAMPLES

from lawcheck.explain import explain
from lawcheck.pipeline import check_bill
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions, short_name
from lawcheck.render.docx import _unbroken, _word_width, render_docx
from lawcheck.render.explain import render_explanation
from lawcheck.render.i18n import Labels

ZH_BILL = SAMPLES / "zh" / "minhang-anquan-fa-caoan1.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def zh_checked(catalogue):  # noqa: ANN001, ANN201
    bill = read_bill(ZH_BILL)
    return bill, check_bill(bill, catalogue, None, ("hague-1970", "montreal-1971", "sua-2005"))


@pytest.mark.parametrize(("language", "shown"), [("en", "Hague Convention (1970)"), ("zh", "海牙公约（1970）")])
def test_an_instrument_year_goes_in_the_language_brackets(catalogue, language: str, shown: str) -> None:  # noqa: ANN001
    assert short_name(catalogue, "hague-1970", language) == shown


@pytest.mark.parametrize("language", ["zh", "ru", "ar"])
def test_no_english_acronym_in_a_short_name_in_another_script(catalogue, language: str) -> None:  # noqa: ANN001
    for instrument in catalogue.instruments:
        name = short_name(catalogue, instrument, language)
        assert not re.search(r"[A-Z]{2,}", name), (instrument, name)


def test_a_run_of_chinese_characters_keeps_a_status_word_whole_not_a_sentence() -> None:
    assert _unbroken("不合规") == ["不合规"]
    assert _unbroken("法律草案中没有任何条款对此作出规定") == ["法律草案"]
    assert _unbroken("3bis(1)(a)(iii)、3quater(a)") == ["3bis(1)(a)(iii)", "、", "3quater(a)"]
    assert _word_width("不合规") > 2 * _word_width("NC")  # a Chinese character is as wide as two letters


def test_the_chinese_word_report_has_its_own_footer_and_brackets(zh_checked, catalogue) -> None:  # noqa: ANN001
    bill, report = zh_checked
    data = render_docx(report, catalogue, bill.text, ReportOptions(language="zh", date="2026-12-02"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        footer = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", archive.read("word/footer1.xml").decode()))
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", archive.read("word/document.xml").decode()))
    assert footer.startswith("第") and footer.endswith("页")
    assert "海牙公约（1970）（" in text  # a recommendation: the name, then its rating, in full-width brackets
    assert not re.search(r"\d\), \d", text)  # article lists joined with 、, not an English comma
    assert "SUA" not in text


def test_a_chinese_explanation_names_elements_and_the_language_not_their_ids(catalogue) -> None:  # noqa: ANN001
    explanation = explain(read_bill(ZH_BILL), catalogue, "montreal-1971:1(1)(e)")
    text = render_explanation(explanation, language="zh", catalogue=catalogue)
    assert Labels("zh")("language.zh") in text and "（zh）" not in text
    assert not any(e.id in text for e in explanation.elements if re.fullmatch(r"[a-z-]+", e.id))
    assert "，在其本身的用语中" in text and ", " not in text.split("\n", 2)[2]  # the clause comma is Chinese
