"""Structure in the Russian, Arabic and Chinese drafting traditions (issue 13): articles, divisions, parts and
items, numbers in every script, definitions and cross-references. The snippets are our own, written in each
tradition's style."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawcheck.evaluate import provision_key, rightly_cited
from lawcheck.numbering import arabic_ordinal, ascii_digits, han_number
from lawcheck.split import act_titles, split, split_provisions

RU = """Федеральный закон о борьбе с захватом воздушных судов
Раздел I. Общие положения
Глава 1. Преступления против безопасности воздушного транспорта
Статья 3. Основные понятия
В настоящем Федеральном законе используются следующие основные понятия:
1) воздушное судно — летательный аппарат, поддерживаемый в атмосфере за счет взаимодействия с воздухом;
2) заложник — лицо, захваченное или удерживаемое в целях принуждения.
Статья 205.1. Захват воздушного судна
1. Захват воздушного судна, находящегося в полете, —
наказывается лишением свободы на срок от восьми до пятнадцати лет.
2. То же деяние, совершенное:
а) группой лиц по предварительному сговору;
б) с применением оружия, —
наказывается лишением свободы на срок от двенадцати до двадцати лет.
Статья 206. Покушение
Покушение на преступления, предусмотренные статьями 205.1 и 207 настоящего Федерального закона, наказывается.
Примечание. Под захватом в настоящей статье понимается установление контроля над воздушным судном.
"""
AR = """قانون مكافحة الاستيلاء على الطائرات
الباب الأول: أحكام عامة
المادة الأولى:
يقصد بالكلمات والعبارات الآتية المعاني المبينة أمام كل منها:
أ- الطائرة: كل آلة تستطيع أن تستمد بقاءها في الجو من ردود فعل الهواء.
ب- في حالة طيران: من لحظة إغلاق جميع أبوابها الخارجية بعد الركوب.
الفصل الثاني
المادة (٢)
يعاقب بالسجن مدة لا تقل عن عشر سنوات كل من:
أولاً: استولى على طائرة في حالة طيران أو سيطر عليها بالقوة.
ثانياً: دمر طائرة في الخدمة.
المادة ٢ مكرر
يعاقب على الشروع في الجرائم المنصوص عليها في المادتين ١ و٢ من هذا القانون.
المادة الحادية عشرة - يعاقب كل من
1- حاز مواد نووية.
2- هدد باستعمالها.
"""
ZH = """中华人民共和国反劫持航空器法
第一章　总则
第一条　为了惩治劫持航空器的犯罪，制定本法。
第二条　本法所称航空器，是指在飞行中的民用航空器。
第二章　罪名和刑罚
第一节　劫持
第一百二十条之一　以暴力、胁迫或者其他方法劫持航空器的，处十年以上有期徒刑或者无期徒刑；有下列情形之一的，处死刑：
（一）致人重伤、死亡的；
（二）使航空器遭受严重破坏的。
第一百二十一条　犯第一百二十条之一规定之罪，未遂的，依照本法第二条至第三条的规定处罚。
"""


def _structure(text: str, language: str) -> dict[str, object]:
    structure = split(text, language)
    return {p.label: p for p in structure.provisions}


def test_russian_articles_parts_and_items() -> None:
    provisions = _structure(RU, "ru")
    assert [label for label in provisions if label != "Preamble"] == [
        "Раздел I", "Глава 1", "Статья 3", "Статья 3(1)", "Статья 3(2)", "Статья 205.1", "Статья 205.1(1)",
        "Статья 205.1(2)", "Статья 205.1(2)(а)", "Статья 205.1(2)(б)", "Статья 206"]
    assert provisions["Статья 205.1"].num == "205.1"
    assert provisions["Статья 205.1"].heading == "Захват воздушного судна"
    assert provisions["Глава 1"].level == "chapter" and provisions["Раздел I"].level == "part"


def test_russian_definitions_and_references() -> None:
    structure = split(RU, "ru")
    assert {"воздушное судно", "заложник", "захватом"} <= {d.term for d in structure.definitions}
    labels = [p.label for p in structure.provisions]
    refs = {(structure.provisions[r.source].label, labels[r.target] if r.target is not None else None)
            for r in structure.crossrefs}
    assert ("Статья 206", "Статья 205.1") in refs and ("Статья 206", None) in refs  # 207 is not in the bill


def test_arabic_articles_in_every_numbering() -> None:
    provisions = _structure(AR, "ar")
    articles = [p for p in provisions.values() if p.level == "article"]
    assert [(p.label, p.num) for p in articles] == [("المادة 1", "1"), ("المادة 2", "2"),
                                                    ("المادة 2 مكرر", "2 مكرر"), ("المادة 11", "11")]
    assert [p.label for p in provisions.values() if p.level == "part"] == ["الباب 1"]
    assert provisions["الباب 1"].heading == "أحكام عامة"
    assert [p.label for p in provisions.values() if p.level == "chapter"] == ["الفصل 2"]
    assert {"المادة 2(أولاً)", "المادة 2(ثانياً)", "المادة 1(أ)", "المادة 1(ب)", "المادة 11(1)", "المادة 11(2)"} <= set(provisions)


def test_arabic_definitions_and_references() -> None:
    structure = split(AR, "ar")
    assert {"الطائرة", "في حالة طيران"} <= {d.term for d in structure.definitions}
    assert not any("الكلمات" in d.term for d in structure.definitions)
    labels = [p.label for p in structure.provisions]
    refs = {labels[r.target] for r in structure.crossrefs if r.target is not None}
    assert {"المادة 1", "المادة 2"} <= refs  # المادتين ١ و٢


def test_chinese_articles_divisions_and_items() -> None:
    provisions = _structure(ZH, "zh")
    article = provisions["第一百二十条之一"]
    assert (article.num, article.level) == ("120-1", "article")
    assert [p.label for p in provisions.values() if p.parent == article.index] == ["第一百二十条之一(一)", "第一百二十条之一(二)"]
    assert (provisions["第二章"].level, provisions["第二章"].num, provisions["第二章"].heading) == ("chapter", "2", "罪名和刑罚")
    assert (provisions["第一节"].level, provisions["第一节"].heading) == ("division", "劫持")
    assert provisions["第一百二十一条"].num == "121"


def test_chinese_definitions_and_references() -> None:
    structure = split(ZH, "zh")
    assert "航空器" in {d.term for d in structure.definitions}
    labels = [p.label for p in structure.provisions]
    refs = [(labels[r.source], labels[r.target]) for r in structure.crossrefs if r.target is not None]
    assert ("第一百二十一条", "第一百二十条之一") in refs
    assert ("第一百二十一条", "第二条") in refs  # 第二条至第三条: a range


def test_a_sentence_naming_an_article_opens_none() -> None:
    text = "第五条　有下列行为之一的，处三年以下有期徒刑。\n第五条规定的犯罪，由公安机关立案侦查。\n"
    assert [p.label for p in split_provisions(text, "zh") if p.level == "article"] == ["第五条"]
    text = "المادة 5\nيعاقب بالحبس.\nالمادة 5 من هذا القانون تسري على الجرائم المرتكبة في الخارج.\n"
    assert [p.label for p in split_provisions(text, "ar") if p.level == "article"] == ["المادة 5"]


@pytest.mark.parametrize(("text", "number"), [("一百二十", 120), ("十五", 15), ("二〇〇五", 2005), ("一百零一", 101),
                                               ("两千", 2000), ("十", 10), ("120", 120), ("１２", 12)])
def test_chinese_numerals(text: str, number: int) -> None:
    assert han_number(text) == number


@pytest.mark.parametrize(("text", "number"), [("الأولى", 1), ("الحادية عشرة", 11), ("الثالث والعشرون", 23),
                                               ("ثانياً", 2), ("أولا", 1), ("العاشرة", 10),
                                               ("الرابعة والخمسون بعد المائة", 154), ("الحادية عشرة بعد المائتين", 211)])
def test_arabic_ordinals(text: str, number: int) -> None:
    assert arabic_ordinal(text) == number


def test_digits_of_every_script_keep_the_length() -> None:
    text = "المادة (١٢٣) و۴ （一）１２"
    assert ascii_digits(text) == "المادة (123) و4 (一)12" and len(ascii_digits(text)) == len(text)


@pytest.mark.parametrize(("label", "key"), [("第一百二十条之一", ("120-1", "")), ("第一百二十条之一(一)", ("120-1", "一")),
                                             ("Статья 205.1", ("205.1", "")), ("ст. 205.1(2)", ("205.1", "2")),
                                             ("المادة (١٢)", ("12", "")), ("المادة الأولى", ("1", "")),
                                             ("s 10A(1)(a)", ("10a", "1")), ("第 334-1 條", ("334-1", "")),
                                             ("六", ("6", "")), ("六（第二百三十九条）", ("6", ""))])
def test_provision_keys_of_every_tradition(label: str, key: tuple[str, str]) -> None:
    assert provision_key(label) == key


def test_titles_of_other_acts_are_found() -> None:
    zh = "本法所称公约，是指《关于制止非法劫持航空器的公约》。"
    assert [zh[a:b] for a, b in act_titles(zh, "zh")] == ["《关于制止非法劫持航空器的公约》"]
    ru = "в соответствии с Конвенцией о борьбе с незаконным захватом воздушных судов, подписанной в Гааге"
    assert any("захватом воздушных судов" in ru[a:b] for a, b in act_titles(ru, "ru"))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="المادة()١٢٣ مكرر أولاً: 第一百二十条之一（）、章节 Статья 205.1. а) глава\n", max_size=200),
       st.sampled_from(["ar", "ru", "zh"]))
def test_any_text_splits_into_nested_spans(text: str, language: str) -> None:
    provisions = split(text, language).provisions
    for p in provisions:
        assert 0 <= p.start <= p.own_start <= p.own_end <= p.end <= len(text)
        if p.parent is not None:
            parent = provisions[p.parent]
            assert parent.start <= p.start and p.end <= parent.end


def test_traditional_chinese_articles_and_definitions() -> None:
    text = ("第一章　總則\n第 2 條　本法用詞，定義如下：\n一、航空器：指任何藉空氣之反作用力，得以飛航於大氣中之器物。\n"
            "第一百條　以強暴、脅迫或其他方法劫持航空器者，處死刑、無期徒刑或七年以上有期徒刑。\n")
    structure = split(text, "zh")
    articles = [(p.label, p.num) for p in structure.provisions if p.level == "article"]
    assert articles == [("第 2 條", "2"), ("第一百條", "100")]
    assert "航空器" in {d.term for d in structure.definitions}


def test_article_headings_alone_on_their_lines_are_not_running_heads() -> None:
    """"المادة (3)" on a line of its own in every article is the bill's structure, not a header repeated on every
    page (numbers aside, the same words many times)."""
    text = "\n".join(f"المادة ({n})\nيعاقب بالسجن كل من ارتكب الفعل رقم {n} من الأفعال المبينة في هذا القانون."
                     for n in range(1, 13))
    provisions = _structure(text, "ar")
    assert [p.num for p in provisions.values() if p.level == "article"] == [str(n) for n in range(1, 13)]


def test_a_chinese_article_whose_text_opens_with_zhong_is_an_article() -> None:
    """"第二条　中华人民共和国……" opens article 2; "第五条中的" (glued) names it."""
    text = "第一条　为了保障民用航空安全，制定本法。\n第二条　中华人民共和国领域内的民用航空活动适用本法。\n第三条 本法第五条中的规定不适用于军用航空器。\n"
    provisions = _structure(text, "zh")
    assert [p.num for p in provisions.values() if p.level == "article"] == ["1", "2", "3"]


def test_a_russian_amending_law_cites_the_articles_it_inserts_through_its_own() -> None:
    """« статью 233 изложить в следующей редакции: » quotes an article inside the amending law's own article."""
    text = ("Статья 1. Внести в Уголовный кодекс следующие изменения:\n"
            "1) статью 233 изложить в следующей редакции:\n"
            '"Статья 233. Терроризм\n'
            "1. Совершение взрыва в целях устрашения населения -\n"
            'наказывается лишением свободы на срок от четырех до десяти лет.";\n'
            "Статья 2. Настоящий Закон вводится в действие со дня его опубликования.\n")
    labels = [label for label in _structure(text, "ru") if label != "Preamble"]
    assert labels == ["Статья 1", "Статья 1(1)", "Статья 1 (включаемая статья 233)",
                      "Статья 1 (включаемая статья 233(1))", "Статья 2"]


def test_an_amending_law_without_articles_ends_a_quoted_article_at_the_closing_quotation_mark() -> None:
    """A law whose items are only numbered (« 1. В Уголовный кодекс ... 8) статью 247 изложить ... ») quotes whole
    articles; its next item, after the closing quotation mark, is not a part of the last article it quoted."""
    text = ("1. В Уголовный кодекс внести следующие изменения:\n"
            "1) статью 247 изложить в следующей редакции:\n"
            '"Статья 247. Незаконное обращение с радиоактивными материалами\n'
            "1. Незаконные приобретение или хранение радиоактивных материалов -\n"
            "наказываются лишением свободы на срок до трех лет.\n"
            "2. Незаконный сбыт радиоактивных материалов -\n"
            'наказывается лишением свободы на срок от двух до шести лет.".\n'
            "2. В Закон о борьбе с терроризмом внести следующие изменения:\n"
            '1) в статье 7 слова "радиоактивных материалов" исключить.\n')
    provisions = _structure(text, "ru")
    assert provisions["Статья 247"].level == "article"
    assert [label for label in provisions if label.startswith("Статья 247")] == [
        "Статья 247", "Статья 247(1)", "Статья 247(2)"]
    assert "Закон о борьбе" not in text[provisions["Статья 247"].start:provisions["Статья 247"].end]


def test_after_a_quoted_article_the_amending_article_takes_up_its_own_items_again() -> None:
    """« 18) дополнить ... » after the closing quotation mark is the amending article's next item, not a part of the
    article it quoted; and a long Markdown title does not run on into « Статья 1. »."""
    text = ("# О внесении изменений и дополнений в некоторые законодательные акты по вопросам противодействия "
            "организованной преступности, террористической и экстремистской деятельности\n\n"
            "Статья 1. Внести изменения в следующие законодательные акты:\n"
            "1. В Уголовный кодекс:\n"
            "17) статью 233-3 изложить в следующей редакции:\n"
            "«Статья 233-3. Финансирование террористической деятельности\n"
            "1. Заведомо незаконное предоставление или сбор денег для осуществления террористической деятельности -\n"
            "наказываются лишением свободы на срок до пяти лет.»;\n"
            "18) статью 235 дополнить примечанием.\n")
    labels = [label for label in _structure(text, "ru") if label != "Preamble"]
    assert labels[0] == "Статья 1"
    assert "Статья 1 (включаемая статья 233-3(1))" in labels
    assert not any("233-3" in label and "(18)" in label for label in labels)


def test_a_chinese_article_label_alone_on_its_line_opens_the_article() -> None:
    """The Taiwan laws database prints "第 1 條" on its own line, the text on the next, and an inserted article
    with a hyphen: "第 334-1 條" is 第三百三十四條之一."""
    text = ("第 333 條\n未受交戰國之允准而駕駛船艦，意圖施強暴、脅迫於他船者，為海盜罪，處死刑、無期徒刑或七年以上有期徒刑。\n"
            "第 334 條\n犯海盜罪而故意殺人者，處死刑或無期徒刑。\n第 334-1 條\n第三百二十三條之規定，於本章之罪準用之。\n")
    provisions = _structure(text, "zh")
    assert [(p.label, p.num) for p in provisions.values() if p.level == "article"] == [
        ("第 333 條", "333"), ("第 334 條", "334"), ("第 334-1 條", "334-1")]
    assert "海盜罪" in ZH_TEXT_OF(text, provisions["第 333 條"])


def ZH_TEXT_OF(text: str, provision) -> str:  # noqa: N802 - a helper, named for what it reads
    return text[provision.start:provision.end]


def test_an_amending_law_numbers_its_articles_and_names_the_article_it_rewrites() -> None:
    """An amending law (刑法修正案) or a decision numbers its articles 一、二、; each is labelled with the article it
    rewrites or inserts, which is cited through it."""
    text = ("中华人民共和国刑法修正案\n一、将刑法第二百三十九条修改为：“以勒索财物为目的绑架他人的，或者绑架他人作为人质的，"
            "处十年以上有期徒刑或者无期徒刑。”\n二、在刑法第二百五十三条后增加一条，作为第二百五十三条之一：“窃取公民个人信息，"
            "情节严重的，处三年以下有期徒刑。”\n三、在刑法第二百八十五条中增加一款作为第二款：“提供侵入程序的，依照前款的规定处罚。”\n"
            "四、本修正案自公布之日起施行。\n")
    provisions = _structure(text, "zh")
    articles = [(p.label, p.num) for p in provisions.values() if p.level == "article"]
    assert articles == [("一（第二百三十九条）", "1"), ("二（第二百五十三条之一）", "2"), ("三（第二百八十五条）", "3"),
                        ("四", "4")]
    assert provision_key("一（第二百三十九条）") == ("1", "")
    assert rightly_cited("第二百三十九条", ("一（第二百三十九条）",)) and rightly_cited("一", ("一（第二百三十九条）",))
    assert not rightly_cited("第二百五十三条之一", ("一（第二百三十九条）",))


def test_items_of_an_article_stay_items() -> None:
    """一、二、 inside a law that has 第X条 articles are the items of an article, not articles."""
    text = "第一条　有下列情形之一的，处三年以下有期徒刑：\n一、劫持航空器的；\n二、扣押人质的。\n第二条　本法自公布之日起施行。\n"
    provisions = _structure(text, "zh")
    assert [p.label for p in provisions.values() if p.level == "article"] == ["第一条", "第二条"]


def test_an_amending_article_named_with_words_names_the_article_it_inserts() -> None:
    """"第三条　在刑法第一百二十条后增加一条，作为第一百二十条之一" (or without 在) inserts article 120-1: cited either way."""
    text = ("第一条　将刑法第二百三十九条修改为：“绑架他人作为人质的，处十年以上有期徒刑。”\n"
            "第二条　刑法第一百二十条后增加一条，作为第一百二十条之一：“资助恐怖活动组织的，处五年以下有期徒刑。”\n"
            "第三条　违反本法第一条规定，增加罚款的，从其规定。\n")
    provisions = _structure(text, "zh")
    assert [p.label for p in provisions.values() if p.level == "article"] == [
        "第一条（第二百三十九条）", "第二条（第一百二十条之一）", "第三条"]
    assert rightly_cited("第一百二十条之一", ("第二条（第一百二十条之一）",))
