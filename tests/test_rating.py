"""The rating rule, the five most important gaps and the order of recommendations (lawcheck.rating)."""

from __future__ import annotations

import pytest

from lawcheck.models import BillInfo, OffenceResult, Report
from lawcheck.rating import instrument_ratings, rate, recommendations, top_gaps


def result(instrument: str, article: str, status: str, kind: str = "principal", optional: bool = False) -> OffenceResult:
    return OffenceResult(f"{instrument}:{article}", instrument, article, kind, f"title {article}", optional, status,
                         1.0, False, (), (), ())


def report(*results: OffenceResult) -> Report:
    instruments = tuple(dict.fromkeys(r.instrument for r in results))
    return Report(BillInfo("bill.txt", "Bill", "en", 1, 1, "", "txt"), instruments, results, "0")


@pytest.mark.parametrize(("statuses", "expected"), [
    (["covered", "covered"], "compliant"),
    (["covered"] * 4 + ["partial"], "largely"),  # 90 %, no principal missing
    (["covered"] * 9 + ["missing:obligation"], "largely"),  # 90 %, the missing one is not a principal offence
    (["covered"] * 9 + ["missing"], "partially"),  # 90 % but a principal offence missing
    (["partial", "missing"], "non"),  # 25 %
    (["partial", "partial", "missing"], "non"),  # (½ + ½ + 0) / 3 = 33 %: below 40 %
    (["partial", "partial", "covered", "missing"], "partially"),  # 50 %, a principal offence partial
    (["missing:obligation", "covered:obligation"], "na"),  # the instrument requires no offence (State duties only)
    (["missing:ancillary", "covered:obligation"], "partially"),  # 50 %, an offence required, no principal one
    (["missing", "missing"], "non"),
    ([], "na"),
])
def test_rating_rule(statuses: list[str], expected: str) -> None:
    results = []
    for number, spec in enumerate(statuses):
        status, _, kind = spec.partition(":")
        results.append(result("x", str(number + 1), status, kind or "principal"))
    assert rate(results)[0] == expected


@pytest.mark.parametrize("optional_status", ["missing", "partial"])
def test_optional_entries_are_not_rated(optional_status: str) -> None:
    results = [result("x", "1", "covered"), result("x", "2", optional_status, "obligation", optional=True)]
    assert rate(results) == ("compliant", 1.0)
    assert rate([results[1]])[0] == "na"


@pytest.mark.parametrize(("count", "instruments"), [(3, {"a", "b", "c"}), (5, {"a", "b", "c"}), (1, {"a"})])
def test_top_gaps_take_one_gap_per_instrument_first_missing_principal_first(count: int, instruments: set) -> None:
    rep = report(
        result("a", "1", "missing"), result("a", "2", "missing"), result("a", "3", "partial"),
        result("b", "1", "covered"), result("b", "2", "partial"), result("b", "3", "missing", "ancillary"),
        result("c", "1", "missing", "obligation"), result("c", "2", "missing", "obligation", optional=True),
    )
    gaps = top_gaps(rep, count)
    assert len(gaps) == count
    assert [g.id for g in gaps][:1] == ["a:1"]
    assert {g.instrument for g in gaps} == instruments  # one per instrument before a second of any
    assert all(not g.optional and g.status != "covered" for g in gaps)


@pytest.mark.parametrize("dummy", [0])
def test_recommendations_worst_instrument_first_and_compliant_left_out(dummy: int) -> None:
    rep = report(
        result("good", "1", "covered"),
        result("mid", "1", "covered"), result("mid", "2", "partial"), result("mid", "3", "covered"),
        result("bad", "1", "missing"), result("bad", "2", "partial"),
        result("opt", "1", "covered"), result("opt", "2", "missing", "obligation", optional=True),
    )
    recs = recommendations(rep)
    assert [r.instrument for r in recs] == ["bad", "mid", "opt"]
    assert [g.id for g in recs[0].create] == ["bad:1"] and [g.id for g in recs[0].complete] == ["bad:2"]
    assert [g.id for g in recs[2].consider] == ["opt:2"]
    ratings = {r.instrument: r for r in instrument_ratings(rep)}
    assert ratings["good"].rating == "compliant" and ratings["opt"].optional == 1 and ratings["bad"].missing == 1
