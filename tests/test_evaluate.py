"""The evaluation against gold: ranges expanded, articles matched at their level or below."""

from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import CORPORA, ROOT

from lawcheck.catalogue import load_catalogue
from lawcheck.errors import InputError
from lawcheck.evaluate import Counts, canonical, evaluate, evaluate_all, expand_article, render_evaluation, score_case
from lawcheck.models import BillInfo, OffenceResult, Report


@pytest.mark.parametrize(
    ("article", "expected"),
    [("1(1)(a)-(c)", ["1(1)(a)", "1(1)(b)", "1(1)(c)"]), ("2(1)-(3)", ["2(1)", "2(2)", "2(3)"]), ("1", ["1"])],
)
def test_expand_article(article: str, expected: list[str]) -> None:
    assert expand_article(article) == expected


def _report(found: list[tuple[str, str, str]]) -> Report:
    results = tuple(
        OffenceResult(f"{i}:{a}", i, a, "principal", "t", False, status, 1.0, False, (), (), ())
        for i, a, status in found
    )
    return Report(BillInfo("b", "", "en", 1, 1, "", "txt"), ("hague-1970", "sua-1988"), results, "0")


def test_score_case_counts_articles_and_instruments() -> None:
    gold = {"present": [{"instrument": "hague-1970", "article": "1"},
                        {"instrument": "sua-1988", "article": "3(1)(a)-(b)"}]}
    report = _report([("hague-1970", "1(a)", "covered"), ("sua-1988", "3(1)(a)", "partial"),
                      ("sua-1988", "3(1)(c)", "covered"), ("sua-1988", "3(1)(d)", "missing")])
    result = score_case("c", gold, report, ["hague-1970", "sua-1988"])
    assert (result.articles.tp, result.articles.fp, result.articles.fn) == (2, 1, 1)
    assert (result.instruments.tp, result.instruments.fp, result.instruments.fn) == (2, 0, 0)
    assert result.false_positives == ["sua-1988:3(1)(c)"]
    assert result.false_negatives == ["sua-1988:3(1)(b)"]


@pytest.mark.parametrize(("article", "expected"), [("1bis(1)(b)", "1(1bis)(b)"), ("1(1 bis)(a)", "1(1bis)(a)"), ("3bis", "3bis")])
def test_canonical_spelling_of_inserted_paragraphs(article: str, expected: str) -> None:
    assert canonical(article) == expected


def test_counts() -> None:
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == 0.75 and counts.recall == 0.6
    assert round(counts.f1, 3) == 0.667


@pytest.mark.skipif(not CORPORA, reason="no real laws with gold on this machine")
def test_evaluate_runs_on_every_corpus(catalogue) -> None:
    results = evaluate_all(CORPORA, catalogue)
    assert results and all(not r.error or r.error == "no instrument to judge" for r in results)


def test_a_case_name_in_two_folders_is_refused(tmp_path, catalogue) -> None:
    for name in ("a", "b"):
        (tmp_path / name / "texts").mkdir(parents=True)
        (tmp_path / name / "texts" / "x.txt").write_text("Section 1. Nothing here.", encoding="utf-8")
        (tmp_path / name / "gold.yaml").write_text("cases:\n  x:\n    language: en\n    judge_on: [hague-1970]\n",
                                                  encoding="utf-8")
    with pytest.raises(InputError, match="also has"):
        evaluate_all([tmp_path / "a", tmp_path / "b"], catalogue)


def _cited_report(found: list[tuple[str, str, str, str]]) -> Report:
    from lawcheck.models import ProvisionRef

    results = tuple(
        OffenceResult(f"{i}:{a}", i, a, "principal", "t", False, status, 1.0, False,
                      (ProvisionRef(label, (label,), 0, 1),), (), ())
        for i, a, status, label in found
    )
    return Report(BillInfo("b", "", "en", 1, 1, "", "txt"), ("hague-1970", "sua-1988"), results, "0")


def test_citation_counts_the_provision_gold_names() -> None:
    gold = {"present": [{"instrument": "hague-1970", "article": "1", "provision": "s 3(1)"},
                        {"instrument": "sua-1988", "article": "3(1)(a)", "provision": "Section 10A (inserted by cl 4)"}]}
    report = _cited_report([("hague-1970", "1(a)", "covered", "Section 3(1)(a)"),
                            ("sua-1988", "3(1)(a)", "covered", "Section 4(2)")])
    result = score_case("c", gold, report, ["hague-1970", "sua-1988"])
    assert (result.citations.right, result.citations.total) == (1, 2)
    assert [m.article for m in result.miscited] == ["sua-1988:3(1)(a)"]


def test_arguable_articles_count_neither_way() -> None:
    gold = {"present": [{"instrument": "sua-1988", "article": "3(1)(a)-(b)", "provision": "s 3"}],
            "arguable": [{"instrument": "sua-1988", "article": "3(1)(b)"}, {"instrument": "hague-1970", "article": "1"}]}
    report = _cited_report([("sua-1988", "3(1)(a)", "covered", "s 3"), ("hague-1970", "1(a)", "partial", "s 9")])
    result = score_case("c", gold, report, ["hague-1970", "sua-1988"])
    assert (result.articles.tp, result.articles.fp, result.articles.fn) == (1, 0, 0)


def test_optional_entry_listed_in_gold_is_scored() -> None:
    gold = {"present": [{"instrument": "montreal-protocol-2014", "article": "15bis(1)(a)", "provision": "s 56"}]}
    result_kwargs = dict(kind="obligation", title="t", optional=True, score=1.0, by_reference=False,
                         provisions=(), elements=(), missing=())
    found = OffenceResult("m:1", "montreal-protocol-2014", "15bis(1)(a)", status="partial", **result_kwargs)
    other = OffenceResult("m:2", "montreal-protocol-2014", "15bis(2)", status="covered", **result_kwargs)
    report = Report(BillInfo("b", "", "en", 1, 1, "", "txt"), ("montreal-protocol-2014",), (found, other), "0")
    result = score_case("c", gold, report, ["montreal-protocol-2014"])
    assert (result.articles.tp, result.articles.fp, result.articles.fn) == (1, 0, 0)


@pytest.mark.parametrize(("label", "key"), [
    ("Artículo 8º", ("8", "")), ("s 10A(1)(a) (inserted by cl 5)", ("10a", "1")), ("§1203(a)", ("1203", "a")),
    ("Article L282-1 (1° et 2°)", ("l282-1", "")), ("ARTICULO 186.", ("186", "")), ("Section 3(1)", ("3", "1")),
])
def test_provision_key(label: str, key: tuple[str, str]) -> None:
    from lawcheck.evaluate import provision_key

    assert provision_key(label) == key


def _without(data, languages: tuple[str, ...]):  # noqa: ANN001, ANN202 - YAML data
    if isinstance(data, dict):
        return {k: _without(v, languages) for k, v in data.items() if k not in languages}
    return [_without(v, languages) for v in data] if isinstance(data, list) else data


def test_a_case_in_a_language_not_read_or_not_yet_written_is_skipped_not_the_run(tmp_path) -> None:
    """A German law is skipped (language not supported); an Arabic one is skipped while the checklist has no
    entry of its instruments in Arabic; the English case beside them is still scored."""
    checklist = tmp_path / "checklist"
    shutil.copytree(ROOT / "offences" / "drafting", checklist / "drafting")
    data = yaml.safe_load((ROOT / "offences" / "hague-1970.yaml").read_text(encoding="utf-8"))
    (checklist / "hague-1970.yaml").write_text(yaml.safe_dump(_without(data, ("ar", "ru", "zh")), allow_unicode=True),
                                               encoding="utf-8")
    catalogue = load_catalogue(checklist)
    tmp_path = tmp_path / "gold"
    (tmp_path / "texts").mkdir(parents=True)
    texts = {"de": "§ 1. Wer ein Luftfahrzeug entführt, wird mit Freiheitsstrafe nicht unter fünf Jahren bestraft.",
             "ar": "المادة 1\nيعاقب بالسجن كل من استولى على طائرة في حالة طيران بالقوة.",
             "en": "1. A person who unlawfully, by force, seizes an aircraft in flight commits an offence."}
    gold = {"cases": {}}
    for language, text in texts.items():
        (tmp_path / "texts" / f"case-{language}.txt").write_text(text, encoding="utf-8")
        gold["cases"][f"case-{language}"] = {"language": language, "judge_on": ["hague-1970"],
                                             "present": [{"instrument": "hague-1970", "article": "1(a)", "provision": "1"}]}
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    results = {r.case: r for r in evaluate(tmp_path, catalogue)}
    assert "not supported" in results["case-de"].error
    assert "not yet written in ar" in results["case-ar"].error
    assert not results["case-en"].error and results["case-en"].articles.tp == 1
    assert "skipped: language not supported" in render_evaluation(list(results.values()))


@pytest.mark.parametrize(("gold", "cited", "right"), [
    ("Section 10A", ("Section 5 (inserting section 10A(1))",), True),
    ("Статья 233-3", ("Статья 1 (включаемая статья 233-3(1))",), True),
    ("Статья 235", ("Статья 1 (включаемая статья 233-3(1))",), False),
])
def test_an_inserted_provision_is_rightly_cited_through_the_article_that_inserts_it(gold, cited, right) -> None:
    from lawcheck.evaluate import rightly_cited

    assert rightly_cited(gold, cited) is right
