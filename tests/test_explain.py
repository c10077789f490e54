"""Explaining one verdict: elements found and where, near-misses, places that cannot count, the rule applied."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT, make_bill

from lawcheck.cli import cli
from lawcheck.errors import LawcheckError
from lawcheck.explain import explain
from lawcheck.models import Decision
from lawcheck.read import read_bill
from lawcheck.render.explain import render_explanation, render_explanation_json

EN_BILL = ROOT / "samples" / "en" / "counter-terrorism-bill.txt"  # the gaps below are written into it


@pytest.fixture(scope="module")
def en_bill():
    return read_bill(EN_BILL)


def element(explanation, element_id: str):
    return next(e for e in explanation.elements if e.id == element_id)


@pytest.mark.parametrize(("offence", "status", "rule", "provision"), [
    ("hague-1970:1(a)", "covered", "covered", "Section 3(1)"),
    ("bombings-1997:2(1)(a)", "partial", "partial", "Section 5(1)"),
    ("financing-1999:2(1)(a)", "missing", "no-candidate", ""),
    ("bombings-1997:2(2)", "partial", "ancillary-capped", "Section 7(1)"),
])
def test_status_rule_and_provision(catalogue, en_bill, offence: str, status: str, rule: str, provision: str) -> None:
    explanation = explain(en_bill, catalogue, offence)
    assert (explanation.status, explanation.rule, explanation.provision) == (status, rule, provision)


def test_found_elements_are_quoted_where_they_stand(catalogue, en_bill) -> None:
    explanation = explain(en_bill, catalogue, "hague-1970:1(a)")
    for item in explanation.elements:
        if item.found:
            assert item.place is not None and en_bill.text[item.place.start:item.place.end] == item.place.quote
            assert item.place.kind in ("own", "chapeau", "definition")
    assert element(explanation, "seize").place.provision == "Section 3(1)"


def test_a_missing_element_has_its_closest_words_and_the_decisive_elements(catalogue, en_bill) -> None:
    explanation = explain(en_bill, catalogue, "bombings-1997:2(1)(a)")
    assert set(explanation.decisive) == {"other-lethal-device", "infrastructure-facility"}
    near = element(explanation, "infrastructure-facility").near_miss
    assert near is not None and 0 < near.score < 100
    assert en_bill.text[near.start:near.end] == near.words
    assert near.phrase in element(explanation, "infrastructure-facility").phrases


def test_an_element_in_a_duty_of_the_state_is_shown_as_not_counting(catalogue, en_bill) -> None:
    explanation = explain(en_bill, catalogue, "financing-1999:2(1)(a)")
    kinds = {(p.provision, p.kind) for p in element(explanation, "funds").elsewhere}
    assert ("Section 11(1)", "duty") in kinds
    text = " ".join(render_explanation(explanation).split())  # unwrapped
    assert "a duty of the State, which creates no offence" in text
    assert "No such provision of the bill holds even its first core element" in text


def test_an_ancillary_offence_names_the_principal_it_extends(catalogue, en_bill) -> None:
    explanation = explain(en_bill, catalogue, "hague-1970:1(b)")
    assert [(l.offence, l.provision, l.how) for l in explanation.links] == [("hague-1970:1(a)", "Section 3(1)", "whole_act")]
    assert "It extends hague-1970:1(a) (covered), criminalised in Section 3(1)" in render_explanation(explanation)


def test_the_rendered_text_reads_as_sentences(catalogue, en_bill) -> None:
    rendered = render_explanation(explain(en_bill, catalogue, "bombings-1997:2(1)(a)"))
    assert all(len(line) <= 100 for line in rendered.splitlines())
    text = " ".join(rendered.split())
    assert "Verdict: PARTIAL (score 0.76), resting on Section 5(1)." in text
    assert "Phrases tried (English):" in text and "Closest words" in text and "similarity" in text
    assert "holds the core elements but not: other-lethal-device, infrastructure-facility." in text


def test_an_expert_decision_is_shown(catalogue, en_bill) -> None:
    decision = Decision("bombings-1997:2(1)(a)", "covered", "read with the definition in s 2", "A. Drafter")
    text = " ".join(render_explanation(explain(en_bill, catalogue, "bombings-1997:2(1)(a)",
                                               decisions=(decision,))).split())
    assert "Expert decision (A. Drafter): covered" in text and "stays partial" in text


def test_json_is_deterministic(catalogue, en_bill) -> None:
    first = render_explanation_json(explain(en_bill, catalogue, "bombings-1997:2(1)(a)"))
    assert first == render_explanation_json(explain(en_bill, catalogue, "bombings-1997:2(1)(a)"))
    assert json.loads(first)["schema"] == "lawcheck.explanation/1"


def test_unknown_offence(catalogue, en_bill) -> None:
    with pytest.raises(LawcheckError, match="unknown offence 'atlantis:1'"):
        explain(en_bill, catalogue, "atlantis:1")


# --------------------------------------------------------------------------- CLI


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_explain(fmt: str) -> None:
    result = run("explain", EN_BILL, "bombings-1997:2(1)(a)", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.stdout)["rule"] == "partial"
    else:
        assert "How the status followed:" in result.output


def test_cli_explain_unknown_offence_is_one_line() -> None:
    result = run("explain", EN_BILL, "atlantis:1")
    assert result.exit_code == 2 and "unknown offence 'atlantis:1'" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["explain"], ["decide"], ["diff"]])
def test_new_commands_have_help_with_an_example_and_are_in_the_readme(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Example" in result.output
    assert f"lawcheck {' '.join(command)}" in (ROOT / "README.md").read_text(encoding="utf-8")


OBLIGATION_BILL = ("PART II\n3. Hijacking\nA person who, on board an aircraft in flight, by force seizes or exercises "
                   "control of the aircraft commits an offence.\nPART III\n10. Extradition\nAn offence under this Act "
                   "is deemed to be an extraditable offence for the purposes of any extradition treaty.")


@pytest.mark.parametrize(("offence", "status", "rule", "links"), [
    ("hague-1970:8(1)", "covered", "covered", [("hague-1970:1(a)", "Section 3", "whole_act")]),
    ("sua-1988:11(1)", "missing", "obligation-unlinked", []),
])
def test_an_obligation_names_the_offences_it_applies_to(catalogue, offence: str, status: str, rule: str,
                                                        links: list) -> None:
    explanation = explain(make_bill(OBLIGATION_BILL), catalogue, offence)
    assert (explanation.status, explanation.rule, explanation.provision) == (status, rule, "Section 10")
    assert [(link.offence, link.provision, link.how) for link in explanation.links] == links
    text = render_explanation(explanation)
    assert ("applies only to offences that do not implement them" in text) == (rule == "obligation-unlinked")
    assert ("It applies to hague-1970:1(a)" in text) == bool(links)
