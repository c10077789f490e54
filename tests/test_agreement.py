"""Numbers and the words that agree with them, in the sentences the reports build (counts 0, 1 and 2).

French counts 0 and 1 as singular, English and Spanish only 1; a sentence with several numbers takes each
with its noun (render.common.counted). Every expected sentence is written out, so that a wrong plural, a
"(s)" or a verb that no longer agrees fails here.
"""

from __future__ import annotations

import pytest

from lawcheck.render.common import counted
from lawcheck.render.i18n import Labels

INTRO = {
    ("en", 0): "lawcheck read the bill's 3 provisions (0 words) and checked them against 0 entries of the checklist "
               "for 0 instruments: 0 covered, 0 partial and 0 missing.",
    ("en", 1): "lawcheck read the bill's only provision (1 word) and checked it against 1 entry of the checklist "
               "for 1 instrument: 1 covered, 1 partial and 1 missing.",
    ("en", 2): "lawcheck read the bill's 2 provisions (2 words) and checked them against 2 entries of the checklist "
               "for 2 instruments: 2 covered, 2 partial and 2 missing.",
    ("fr", 0): "lawcheck a lu les 3 dispositions du projet (0 mot) et les a confrontées à 0 entrée de la liste de "
               "contrôle pour 0 instrument : 0 couverte, 0 partielle et 0 absente.",
    ("fr", 1): "lawcheck a lu l'unique disposition du projet (1 mot) et l'a confrontée à 1 entrée de la liste de "
               "contrôle pour 1 instrument : 1 couverte, 1 partielle et 1 absente.",
    ("fr", 2): "lawcheck a lu les 2 dispositions du projet (2 mots) et les a confrontées à 2 entrées de la liste de "
               "contrôle pour 2 instruments : 2 couvertes, 2 partielles et 2 absentes.",
    ("es", 0): "lawcheck leyó las 3 disposiciones del proyecto (0 palabras) y las comparó con 0 entradas de la lista "
               "de verificación para 0 instrumentos: 0 cubiertas, 0 parciales y 0 ausentes.",
    ("es", 1): "lawcheck leyó la única disposición del proyecto (1 palabra) y la comparó con 1 entrada de la lista "
               "de verificación para 1 instrumento: 1 cubierta, 1 parcial y 1 ausente.",
    ("es", 2): "lawcheck leyó las 2 disposiciones del proyecto (2 palabras) y las comparó con 2 entradas de la lista "
               "de verificación para 2 instrumentos: 2 cubiertas, 2 parciales y 2 ausentes.",
}

# label, its values, and what counts 0, 1 and 2 give (None: the sentence is never said with that count)
SENTENCES = {
    "en": [
        ("terminal.hidden", {}, (None, "1 covered entry not listed (--show all lists it)",
                                 "2 covered entries not listed (--show all lists them)")),
        ("terminal.checked", {}, ("of 0 checklist entries checked.", "of 1 checklist entry checked.",
                                  "of 2 checklist entries checked.")),
        ("annotated.gaps", {"top": "X"}, (None, "1 mandatory entry is missing or partial: X.",
                                          "2 mandatory entries are missing or partial; the most important: X.")),
        ("word.untouched_line", {"total": 19, "table": 2}, (
            None, "The bill implements nothing of 1 of the 19 instruments checked; it is summarised in table 2, not "
                  "expanded into findings.",
            "The bill implements nothing of 2 of the 19 instruments checked; they are summarised in table 2, not "
            "expanded into findings.")),
        ("recommend.more", {}, (None, "and 1 more", "and 2 more")),
        ("recommend.create", {"articles": "A"}, (None, "create the offences or obligations of article A",
                                                 "create the offences or obligations of articles A")),
        ("recommend.consider", {"articles": "A"}, (None, "consider the optional article A",
                                                   "consider the optional articles A")),
    ],
    "fr": [
        ("terminal.hidden", {}, (None, "1 entrée couverte non listée (--show all la liste)",
                                 "2 entrées couvertes non listées (--show all les liste)")),
        ("terminal.checked", {}, ("sur 0 entrée de la liste vérifiée.", "sur 1 entrée de la liste vérifiée.",
                                  "sur 2 entrées de la liste vérifiées.")),
        ("annotated.gaps", {"top": "X"}, (None, "1 entrée obligatoire est absente ou partielle : X.",
                                          "2 entrées obligatoires sont absentes ou partielles ; les plus "
                                          "importantes : X.")),
        ("word.untouched_line", {"total": 19, "table": 2}, (
            None, "Le projet ne met en œuvre aucun élément de 1 des 19 instruments examinés ; il est résumé au "
                  "tableau 2 et ne fait pas l'objet de constats détaillés.",
            "Le projet ne met en œuvre aucun élément de 2 des 19 instruments examinés ; ils sont résumés au "
            "tableau 2 et ne font pas l'objet de constats détaillés.")),
        ("recommend.more", {}, (None, "et 1 autre", "et 2 autres")),
        ("word.recommend_untouched", {"table": 2}, (
            None, "Instrument non mis en œuvre (1) : le mettre en œuvre, en commençant par les infractions "
                  "principales (tableau 2).",
            "Instruments non mis en œuvre (2) : les mettre en œuvre, en commençant par les infractions principales "
            "(tableau 2).")),
        ("recommend.create", {"articles": "A"}, (None, "créer les infractions ou obligations de l'article A",
                                                 "créer les infractions ou obligations des articles A")),
        ("recommend.complete", {"articles": "A"}, (None, "compléter les dispositions pour l'article A",
                                                   "compléter les dispositions pour les articles A")),
        ("recommend.consider", {"articles": "A"}, (None, "envisager l'article facultatif A",
                                                   "envisager les articles facultatifs A")),
    ],
    "es": [
        ("terminal.hidden", {}, (None, "1 entrada cubierta no listada (--show all la lista)",
                                 "2 entradas cubiertas no listadas (--show all las lista)")),
        ("terminal.checked", {}, ("de 0 entradas de la lista verificadas.", "de 1 entrada de la lista verificada.",
                                  "de 2 entradas de la lista verificadas.")),
        ("annotated.gaps", {"top": "X"}, (None, "1 entrada obligatoria está ausente o es parcial: X.",
                                          "2 entradas obligatorias están ausentes o son parciales; las más "
                                          "importantes: X.")),
        ("word.untouched_line", {"total": 19, "table": 2}, (
            None, "El proyecto no aplica ningún elemento de 1 de los 19 instrumentos examinados; se resume en el "
                  "cuadro 2 y no se desarrolla en constataciones.",
            "El proyecto no aplica ningún elemento de 2 de los 19 instrumentos examinados; se resumen en el "
            "cuadro 2 y no se desarrollan en constataciones.")),
        ("recommend.more", {}, (None, "y 1 más", "y 2 más")),
        ("word.recommend_untouched", {"table": 2}, (
            None, "Instrumento no aplicado (1): aplicarlo, empezando por los delitos principales (cuadro 2).",
            "Instrumentos no aplicados (2): aplicarlos, empezando por los delitos principales (cuadro 2).")),
        ("recommend.create", {"articles": "A"}, (None, "tipificar los delitos u obligaciones del artículo A",
                                                 "tipificar los delitos u obligaciones de los artículos A")),
        ("recommend.consider", {"articles": "A"}, (None, "considerar el artículo facultativo A",
                                                   "considerar los artículos facultativos A")),
    ],
}


@pytest.mark.parametrize(("language", "number"), sorted(INTRO))
def test_the_summary_sentence_agrees_with_each_of_its_numbers(language: str, number: int) -> None:
    t = Labels(language)
    values = counted(t, provisions=number or 3, words=number, entries=number, instruments=number, covered=number,
                     partial=number, missing=number)
    assert t("summary.intro", **values) == INTRO[language, number]


@pytest.mark.parametrize(("language", "key", "values", "number", "expected"), [
    (language, key, values, number, said)
    for language, sentences in SENTENCES.items() for key, values, forms in sentences
    for number, said in enumerate(forms) if said is not None])
def test_a_counted_sentence_agrees_with_its_number(language: str, key: str, values: dict, number: int,
                                                   expected: str) -> None:
    assert Labels(language)(key, count=number, **values) == expected


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_sentences_with_several_numbers_put_them_where_no_agreement_is_needed(language: str) -> None:
    t = Labels(language)
    for number in (0, 1, 2):
        said = [t("diff.summary", statuses="s", closed=number, opened=number, changed=number, renumbered=number),
                t("diff.renumbered", count=number, moves="m", moved=number),
                t("annotated.counts", **counted(t, entries=number, instruments=number, covered=number,
                                                 partial=number, missing=number)),
                t("terminal.bill", path="p", title="t", language="l", **counted(t, provisions=number, words=number)),
                t("warning.few_offences", words=900, sections=number)]
        assert all(f"{number}" in text and "(s)" not in text for text in said)
    singular = t("annotated.counts", **counted(t, entries=1, instruments=1, covered=1, partial=1, missing=1))
    plural = t("annotated.counts", **counted(t, entries=2, instruments=2, covered=2, partial=2, missing=2))
    assert singular.replace("1", "2") != plural  # the nouns changed with the numbers


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_no_sentence_hedges_a_plural(language: str) -> None:
    """ "article(s)", "instrument(s)": a sentence says the number and the word that agrees with it (a column
    heading such as "National provision(s)" may keep the hedge)."""
    t = Labels(language)
    hedged = [key for key in t.keys() if not key.startswith(("sheet.", "col.")) and any(
        "(s)" in form or "(es)" in form for form in t.forms(key))]
    assert hedged == []


@pytest.mark.parametrize(("language", "colon", "listed"), [("en", "Status: ", "a; b; c"), ("es", "Estado: ", "a; b; c"),
                                                           ("fr", "Statut\u00a0: ", "a\u00a0; b\u00a0; c")])
def test_colons_and_semicolons_are_written_as_the_language_writes_them(language: str, colon: str,
                                                                       listed: str) -> None:
    t = Labels(language)
    assert t.colon(t("finding.status")) == colon
    assert t.join(["a", "b", "c"], "punct.series") == listed


@pytest.mark.parametrize(("language", "one", "several"), [
    ("en", "of this instrument", "of these instruments"),
    ("fr", "de cet instrument", "de ces instruments"),
    ("es", "de este instrumento", "de estos instrumentos"),
    ("ar", "بنود هذا الصك", "بنود هذه الصكوك"),
    ("ru", "этого документа", "этих документов"),
])
def test_the_table_of_instruments_not_implemented_agrees_with_their_number(language: str, one: str,
                                                                           several: str) -> None:
    """"ces instruments … Chacun" when the table holds a single instrument read oddly: one is "cet instrument"."""
    t = Labels(language)
    alone = t("word.untouched_intro", count=1)
    assert one in alone and several not in alone and not {"Each", "Chacun", "Cada uno"} & set(alone.split())
    assert several in t("word.untouched_intro", count=3) and one not in t("word.untouched_intro", count=3)
    if language == "ar":  # two instruments: the dual
        assert "هذين الصكين" in t("word.untouched_intro", count=2)


def test_the_chinese_table_of_instruments_not_implemented_is_said_without_number() -> None:
    t = Labels("zh")
    assert t("word.untouched_intro", count=1) == t("word.untouched_intro", count=3)
    assert "这些" not in t("word.untouched_intro", count=1)  # "these": wrong for a single instrument


def test_a_french_report_with_one_instrument_not_implemented_says_cet_instrument(catalogue) -> None:  # noqa: ANN001
    import io

    import docx
    from conftest import SAMPLES

    from lawcheck.pipeline import check_bill
    from lawcheck.read import read_bill
    from lawcheck.render.common import ReportOptions
    from lawcheck.render.docx import render_docx

    bill = read_bill(SAMPLES / "fr" / "projet-loi-terrorisme.txt")
    report = check_bill(bill, catalogue, None, ("hostages-1979", "hague-1970"))  # the bill implements no Hague
    data = render_docx(report, catalogue, bill.text, ReportOptions(date="2024-05-01"))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert Labels("fr")("word.untouched_intro", count=1) in text and "Chacun" not in text


@pytest.mark.parametrize(("language", "number", "written"), [
    ("fr", 999, "999"), ("fr", 1854, "1\u202f854"), ("fr", 1234567, "1\u202f234\u202f567"),  # from four digits
    ("es", 1854, "1854"), ("es", 12345, "12\u202f345"),  # RAE: from five digits
    ("ru", 1854, "1854"), ("ru", 12345, "12\u202f345"),
    ("en", 1854, "1854"), ("en", 12345, "12,345"),
    ("ar", 12345, "12345"), ("zh", 12345, "12345"),
])
def test_numbers_are_grouped_as_the_language_writes_them(language: str, number: int, written: str) -> None:
    t = Labels(language)
    assert t.number(number) == written
    assert t("count.words", count=number).startswith(written) if "count.words" in t.keys() else True


def test_a_french_word_report_groups_the_bill_s_word_count(catalogue) -> None:  # noqa: ANN001
    import io

    import docx
    from conftest import SAMPLES

    from lawcheck.pipeline import check_bill
    from lawcheck.read import read_bill
    from lawcheck.render.common import ReportOptions
    from lawcheck.render.docx import render_docx

    bill = read_bill(SAMPLES / "fr" / "projet-loi-terrorisme.txt")
    report = check_bill(bill, catalogue, None, ("hague-1970",))
    assert report.bill.words >= 1000
    data = render_docx(report, catalogue, bill.text, ReportOptions(date="2024-05-01"))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert Labels("fr").number(report.bill.words) + " mots" in text and f"{report.bill.words} mots" not in text


@pytest.mark.parametrize(("language", "written"), [("en", "0.73"), ("fr", "0,73"), ("es", "0,73"), ("ru", "0,73"),
                                                   ("ar", "0.73"), ("zh", "0.73")])
def test_a_score_has_the_decimal_mark_of_the_language(language: str, written: str) -> None:
    assert Labels(language).decimal(0.7272) == written and Labels(language).decimal(1) == "1" + written[1] + "00"


@pytest.mark.parametrize("language", ["fr", "es", "ru"])
def test_the_explanation_and_the_terminal_write_scores_with_a_decimal_comma(language: str) -> None:
    import re

    from click.testing import CliRunner
    from conftest import SAMPLES

    from lawcheck.cli import cli

    bill = str(SAMPLES / "en" / "aviation-security-bill-draft1.txt")
    runner = CliRunner()
    brief = runner.invoke(cli, ["explain", bill, "montreal-1971:1(1)(e)", "--brief", "--report-lang", language])
    table = runner.invoke(cli, ["check", bill, "--instrument", "montreal-1971", "--report-lang", language],
                          env={"COLUMNS": "200"})
    for result in (brief, table):
        assert result.exit_code == 0, result.output
        assert re.search(r"\d,\d\d\b", result.output) and not re.search(r"\b[01]\.\d\d\b", result.output)


@pytest.mark.parametrize("language", ["fr", "es", "ru"])
def test_a_percentage_never_parts_from_its_sign(language: str) -> None:
    """"73 %" with a no-break space, so that a line (or a table cell) never ends between the number and "%"."""
    t = Labels(language)
    assert t("report.percent", value=73) == "73\u00a0%"
    for key in t.keys():
        assert not any(" %" in form for form in t.forms(key)), key
