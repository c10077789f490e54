"""The evaluation against gold: ranges expanded, articles matched at their level or below."""

from __future__ import annotations

import pytest
from conftest import SHARED

from lawcheck.evaluate import Counts, canonical, evaluate, expand_article, score_case
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


@pytest.mark.skipif(not (SHARED / "legislation" / "gold.yaml").exists(), reason="shared/legislation is absent")
def test_evaluate_runs_on_shared_legislation(catalogue) -> None:
    results = evaluate(SHARED / "legislation", catalogue)
    assert results and all(not r.error or r.error == "no instrument to judge" for r in results)
