"""Formulas of the criminal codes written in Russian (the CIS codes) that lawcheck must read as a Russian-speaking
lawyer does: short provisions on the pattern of those codes, in our own words, with the verdict a lawyer would give.
"""

from __future__ import annotations

import pytest
from conftest import make_bill, probe

from lawcheck.match import BillIndex, drop_reported
from lawcheck.normalise import tokenize
from lawcheck.pipeline import check_bill

HEAD = "Закон о внесении изменений в Уголовный кодекс\nСтатья 1. Настоящий Закон применяется на всей территории.\n"
FOUND = ("covered", "partial")

# (body, offence, found or not)
PROBES = [
    # coordinated adjectives share the head noun: « воздушного или водного судна » is an aircraft and a ship
    ("Статья 2. Угон судна\n1. Угон воздушного или водного судна, а равно захват такого судна в целях угона —\n"
     "наказываются лишением свободы на срок от двух до восьми лет.\n", "hague-1970:1(a)", True),
    ("Статья 2. Угон судна\n1. Угон воздушного или водного судна, а равно захват такого судна в целях угона —\n"
     "наказываются лишением свободы на срок от двух до восьми лет.\n", "sua-1988:3(1)(a)", True),
    # хищение is every form of stealing, embezzlement and fraud included
    ("Статья 2. Хищение ядерных материалов\nХищение либо вымогательство ядерных материалов — наказывается лишением "
     "свободы на срок до пяти лет.\n", "cppnm-1980:7(1)(c)", True),
    # the customs-smuggling formula: moving « помимо или с сокрытием от таможенного контроля » is unlawful
    ("Статья 2. Контрабанда\nПеремещение через таможенную границу, совершенное помимо или с сокрытием от таможенного "
     "контроля, радиоактивных или взрывчатых веществ — наказывается лишением свободы на срок до пяти лет.\n",
     "cppnm-amend-2005:7(1)(d)", True),
    # « применение насилия » and « угроза применения » are the acts themselves, not the means of another act
    ("Статья 2. Посягательство на безопасность полета\nПрименение насилия в отношении лица, находящегося на борту "
     "воздушного судна в полете, если это может угрожать безопасности этого воздушного судна, — наказывается "
     "лишением свободы на срок от пяти до десяти лет.\n", "montreal-1971:1(1)(a)", True),
    ("Статья 2. Ядерные угрозы\nУгроза применения ядерного материала с целью причинения смерти или тяжкого вреда "
     "здоровью — наказывается лишением свободы на срок до десяти лет.\n", "cppnm-1980:7(1)(e)(i)", True),
    # ... while « с применением силы или угрозой ее применения » is how a hijacking is done: no offence of threatening
    ("Статья 2. Захват воздушного судна\nНеправомерный захват воздушного судна, находящегося в полете, с применением "
     "силы или угрозой ее применения — наказывается лишением свободы на срок от восьми до пятнадцати лет.\n",
     "hague-1970:1(a)", True),
    ("Статья 2. Захват воздушного судна\nНеправомерный захват воздушного судна, находящегося в полете, с применением "
     "силы или угрозой ее применения — наказывается лишением свободы на срок от восьми до пятнадцати лет.\n",
     "beijing-protocol-2010:1(2)(a)", False),
    # « может угрожать безопасности » is "may endanger", not the offence of threatening
    ("Статья 2. Насилие на борту\nУмышленное совершение акта насилия в отношении члена экипажа воздушного судна, "
     "находящегося в полете, если этот акт может угрожать безопасности этого воздушного судна, — наказывается "
     "лишением свободы на срок от пяти до десяти лет.\n", "beijing-2010:1(3)(a)", False),
    ("Статья 2. Насилие на борту\nУмышленное совершение акта насилия в отношении члена экипажа воздушного судна, "
     "находящегося в полете, если этот акт может угрожать безопасности этого воздушного судна, — наказывается "
     "лишением свободы на срок от пяти до десяти лет.\n", "montreal-1971:1(1)(a)", True),
    ("Статья 2. Угроза\nУгроза совершения захвата воздушного судна, находящегося в полете, — наказывается "
     "лишением свободы на срок до пяти лет.\n", "beijing-2010:1(3)(a)", True),
    # a heading that names a message (« сообщение о ... ») reports nothing of the article text under it
    ("Статья 2. Заведомо ложное сообщение о взрывном устройстве\nСообщение заведомо ложных сведений о том, что на "
     "борт воздушного судна помещено взрывное устройство, — наказывается лишением свободы на срок до десяти лет.\n",
     "montreal-1971:1(1)(e)", True),
]


@pytest.mark.parametrize(("body", "offence", "found"), PROBES, ids=[f"{p[1]}-{i}" for i, p in enumerate(PROBES)])
def test_russian_criminal_code_formulas(body: str, offence: str, found: bool) -> None:
    result = probe(HEAD + body, "ru", offence)
    assert (result.status in FOUND) == found, (offence, result.status)


def test_an_exact_form_meets_that_form_only() -> None:
    """« =применением насилия » meets « с применением насилия », never « Применение насилия » (the same lemmas)."""
    text = "Применение насилия к лицу. Захват судна с применением насилия."
    index = BillIndex(tokenize(text, "ru"), "ru")
    assert [text[h.start:h.end] for h in index.find("=применением насилия")] == ["применением насилия"]
    assert [text[h.start:h.end] for h in index.find("применением насилия")] == [
        "Применение насилия", "применением насилия"]


def test_a_reported_message_ends_with_its_line() -> None:
    text = "Ложное сообщение о взрыве\nСообщение ложных сведений о том, что заложено взрывное устройство"
    index = BillIndex(tokenize(text, "ru"), "ru")
    cues = index.find_any(("сообщение о", "о том что"))
    acts = index.find_any(("сообщение", "заложить"))
    kept = [text[h.start:h.end] for h in drop_reported(acts, cues, 15, text)]
    assert kept == ["сообщение", "Сообщение"]  # the body's act stays; « заложено », after « о том, что », is reported


def test_an_amending_law_is_judged_on_the_articles_it_quotes_not_on_its_other_items() -> None:
    """The next item of an amending law without articles of its own (« 2. В Закон ... ») is not a part of the last
    article it quoted: its words do not complete that article's offence."""
    text = ("Закон о внесении изменений\n1. В Уголовный кодекс внести следующие изменения:\n"
            "1) статью 247 изложить в следующей редакции:\n"
            '"Статья 247. Незаконное обращение с радиоактивными материалами\n'
            "1. Незаконные приобретение или хранение радиоактивных материалов — наказываются лишением свободы на срок "
            'до трех лет.".\n'
            "2. В Закон о борьбе с терроризмом внести следующие изменения:\n"
            "в статье 7 после слов \"государственной границы\" дополнить словами \", незаконного перемещения через "
            "государственную границу радиоактивных материалов\".\n")
    from lawcheck.catalogue import load_catalogue

    report = check_bill(make_bill(text), load_catalogue(), "ru", ("cppnm-amend-2005",))
    status = {r.id: r.status for r in report.results}
    assert status["cppnm-amend-2005:7(1)(a)"] in FOUND
    assert status["cppnm-amend-2005:7(1)(d)"] == "missing"
