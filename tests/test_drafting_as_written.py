"""The drafting keys read on a bill's text as written (offences/README.md): the insertion formulas of amending laws,
the word naming an inserted provision, and the marks of a Chinese list. They are data, validated when they load."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lawcheck.catalogue import DEFAULT_DIR, load_catalogue
from lawcheck.errors import CatalogueError
from lawcheck.evaluate import rightly_cited
from lawcheck.split import split

AMENDING = ("5. Part IV of the principal Act is amended by inserting after section 10 the following section:\n"
            "10A. Hijacking\n(1) A person who seizes an aircraft commits an offence.\n"
            "6. Commencement\nThis Act comes into force on assent.\n")


def _checklist(tmp_path: Path, language: str, old: str, new: str, instrument: str = "hague-1970.yaml") -> Path:
    """A checklist of one instrument whose drafting file of ``language`` has ``old`` replaced with ``new``."""
    folder = tmp_path / "offences"
    shutil.copytree(DEFAULT_DIR / "drafting", folder / "drafting")
    shutil.copy(DEFAULT_DIR / instrument, folder / instrument)
    path = folder / "drafting" / f"{language}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("language", "old", "new", "message"), [
    ("en", "  - '\\bas\\s+follows'\n", "  - '\\bas\\s+(follows'\n", r"insertion: entry 2 is not a regular expression"),
    ("en", "  - '\\bas\\s+follows'\n", "  - '(?:as\\s+follows)?'\n", r"insertion: entry 2 matches an empty line"),
    ("ru", "inserted_label: включаемая\n", "", r"insertion needs inserted_label"),
    ("zh", "list_separator: 、\n", "", r"list_conjunctions needs list_separator"),
])
def test_a_bad_key_read_as_written_is_refused_with_file_and_path(tmp_path: Path, language, old, new, message) -> None:
    folder = _checklist(tmp_path, language, old, new)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(folder)
    assert str(error.value).startswith(str(folder / "drafting" / f"{language}.yaml"))
    assert re.search(message, str(error.value)), str(error.value)


def test_the_insertion_formulas_and_the_inserted_label_are_the_drafting_files() -> None:
    """The built-in words: the inserted section is read inside section 5 and named through it."""
    labels = [p.label for p in split(AMENDING, "en").provisions if p.level == "article"]
    assert labels == ["Section 5", "Section 5 (inserting section 10A)", "Section 6"]


def test_another_checklist_s_formulas_and_label_word_are_used(tmp_path: Path) -> None:
    """A checklist whose English file has no formula reads the inserted section as a section of the bill; one with
    another label word names it so."""
    without = load_catalogue(_checklist(tmp_path / "a", "en", "  - '\\bthe\\s+following", "  - '\\bthe\\s+next"))
    labels = [p.label for p in split(AMENDING, "en", without.drafting["en"]).provisions if p.level == "article"]
    assert labels == ["Section 5", "Section 10A", "Section 6"]
    other = load_catalogue(_checklist(tmp_path / "b", "en", "inserted_label: inserting", "inserted_label: adding"))
    labels = [p.label for p in split(AMENDING, "en", other.drafting["en"]).provisions if p.level == "article"]
    assert "Section 5 (adding section 10A)" in labels
    assert rightly_cited("Section 10A", ("Section 5 (adding section 10A)",), other.drafting)
    assert not rightly_cited("Section 10A", ("Section 5 (adding section 10A)",))  # not a word of the built-in files


def test_the_words_read_as_written_do_not_mend_a_bill_s_words() -> None:
    """The insertion formulas are expressions, not phrases: the words that mend broken words leave them out."""
    from lawcheck.repair import vocabulary

    catalogue = load_catalogue()
    assert not any("\\" in word for word in vocabulary(catalogue, "ru").written)
    assert not any("\\" in word for word in vocabulary(catalogue, "en").written)


# ----------------------------------------------------------------------------- what Arabic and Chinese lacked

AR_AMENDING = ("المادة الأولى\nيستبدل بنص المادة (5) من قانون العقوبات النص الآتي:\n"
               "المادة (5):\nيعاقب بالسجن كل من استولى على طائرة في حالة طيران.\n"
               "المادة الثانية\nتضاف إلى قانون العقوبات مادة جديدة برقم (7) مكرراً نصها الآتي:\n"
               "المادة (7) مكرراً:\nيعاقب بالسجن المؤبد كل من احتجز رهينة.\n"
               "المادة الثالثة\nيعمل بهذا القانون من تاريخ نشره في الجريدة الرسمية.\n")
ZH_AMENDING = ("第一条　在刑法第一百二十条后增加一条，作为第一百二十条之一：\n"
               "“第一百二十条之一　资助恐怖活动组织的，处五年以下有期徒刑。”\n"
               "第二条　将刑法第二百三十九条修改为：\n"
               "“第二百三十九条　以勒索财物为目的绑架他人的，处十年以上有期徒刑。”\n"
               "第三条　本修正案自公布之日起施行。\n")


@pytest.mark.parametrize(("text", "language", "expected"), [
    (AR_AMENDING, "ar", ["المادة 1", "المادة 1 (المتضمنة المادة 5)", "المادة 2", "المادة 2 (المتضمنة المادة 7 مكرر)",
                         "المادة 3"]),
    (ZH_AMENDING, "zh", ["第一条（第一百二十条之一）", "第一条（第一百二十条之一） (纳入 第一百二十条之一)",
                         "第二条（第二百三十九条）", "第二条（第二百三十九条） (纳入 第二百三十九条)", "第三条"]),
])
def test_an_arabic_or_chinese_amending_law_holds_the_articles_it_inserts(text: str, language: str, expected) -> None:
    """« يستبدل بنص المادة (5) ... النص الآتي: », « تضاف ... مادة جديدة ... نصها الآتي: », « 增加一条，作为……： »,
    « 修改为： »: the article printed after the formula is the inserted one, read inside the amending article (the
    closing quotation mark ends it: 第二条 is the amending law's own); before, each stood as an article of the bill."""
    provisions = split(text, language).provisions
    articles = [p for p in provisions if p.level == "article"]
    assert [p.label for p in articles] == expected
    inserted = articles[1]
    assert inserted.parent == articles[0].index and text[inserted.start:inserted.end].rstrip("”\n").endswith(("。", "."))


def test_an_article_inserted_in_arabic_or_chinese_is_rightly_cited_through_the_article_inserting_it() -> None:
    assert rightly_cited("المادة 7 مكرر", ("المادة 2 (المتضمنة المادة 7 مكرر)",))
    assert rightly_cited("第一百二十条之一", ("第一条 (纳入 第一百二十条之一)",))
    assert not rightly_cited("第一百二十一条", ("第一条 (纳入 第一百二十条之一)",))


def test_a_chinese_heading_colon_ends_no_formula_in_a_law_that_inserts_nothing() -> None:
    """An ordinary article ending with « ： » before its items opens no insertion: its items stay its own."""
    text = "第一条　有下列情形之一的，处三年以下有期徒刑：\n一、劫持航空器的；\n二、扣押人质的。\n第二条　本法自公布之日起施行。\n"
    labels = [p.label for p in split(text, "zh").provisions]
    assert labels == ["第一条", "第一条(一)", "第一条(二)", "第二条"]


RU_NOTE = ("Статья 5. Пиратство\n1. Нападение на морское судно в целях завладения чужим имуществом наказывается "
           "лишением свободы на срок от пяти до десяти лет.\nПримечание. Лицо, добровольно вернувшее захваченное "
           "воздушное судно его командиру, освобождается от уголовной ответственности.\n")
ZH_GRADED = ("第五条　对船只实施海盗行为的，处十年以上有期徒刑。\n"
             "犯前款罪，自动将劫持的航空器交还机长的，减轻处罚。\n")


@pytest.mark.parametrize(("text", "language", "key"), [
    (RU_NOTE, "ru", "penalty_change:\n  - примечание лицо\n"),
    (ZH_GRADED, "zh", "penalty_change:\n  - 犯 * 罪\n"),
])
def test_acts_named_where_a_russian_or_chinese_penalty_is_changed_are_no_offence(tmp_path: Path, text: str,
                                                                                language: str, key: str) -> None:
    """The note that frees from liability the offender who returns the seized aircraft (« Примечание. Лицо, ...,
    освобождается от уголовной ответственности »), the paragraph that lowers the penalty of « 犯前款罪 » for
    returning it: returning a seized aircraft is not seizing one. Without the drafting key, it was read as one."""
    from conftest import make_bill

    from lawcheck.pipeline import check_bill

    def status(catalogue) -> str:
        report = check_bill(make_bill(text), catalogue, language, ("hague-1970",))
        return next(r for r in report.results if r.id == "hague-1970:1(a)").status

    assert status(load_catalogue()) == "missing"
    assert status(load_catalogue(_checklist(tmp_path, language, key, ""))) != "missing"


def test_the_closing_quote_ends_an_article_a_chinese_amending_law_quotes_whole() -> None:
    """An amending law numbered 一、二、 that quotes whole articles after « 增加一条……： » and « 修改为： »: the closing
    quotation mark ends the quoted article, so the law's next item is not read as an item of it (before, « 二、将刑法
    …… » was item 二 of article 120-1)."""
    text = ("中华人民共和国刑法修正案\n一、在刑法第一百二十条后增加一条，作为第一百二十条之一：\n"
            "“第一百二十条之一　资助恐怖活动组织的，处五年以下有期徒刑。”\n"
            "二、将刑法第二百三十九条修改为：\n“第二百三十九条　以勒索财物为目的绑架他人的，处十年以上有期徒刑。”\n"
            "三、本修正案自公布之日起施行。\n")
    provisions = split(text, "zh").provisions
    quoted = next(p for p in provisions if p.label == "第一百二十条之一")
    assert text[quoted.start:quoted.end].rstrip().endswith("有期徒刑。”")
    assert not quoted.children and not any(p.label.startswith("第一百二十条之一(") for p in provisions)


def test_the_list_marks_are_the_chinese_drafting_file_s(tmp_path: Path) -> None:
    """« 军用 » before « 机场、港口、雷达、航空器 » reaches the aircraft through the list mark 、 of zh.yaml; a checklist
    whose Chinese file names no list mark reads the aircraft, four words on, as one the qualifier does not reach."""
    from conftest import make_bill

    from lawcheck.pipeline import check_bill

    text = "第一条 故意毁坏军用机场、港口、雷达、航空器，危及飞行安全的，处七年以上有期徒刑。"

    def status(catalogue) -> str:
        report = check_bill(make_bill(text), catalogue, "zh", ("montreal-1971",))
        return next(r for r in report.results if r.id == "montreal-1971:1(1)(b)").status

    assert status(load_catalogue()) == "missing"
    without = _checklist(tmp_path, "zh", "list_separator: 、\n", "", instrument="montreal-1971.yaml")
    path = without / "drafting" / "zh.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("list_conjunctions: [或, 和, 及, 与]\n", ""), encoding="utf-8")
    assert status(load_catalogue(without)) != "missing"
