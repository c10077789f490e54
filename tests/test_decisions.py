"""Expert decisions: recorded with a fingerprint, applied after the verdict, outdated when the text changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import make_bill

from lawcheck.cli import cli
from lawcheck.decisions import (
    apply_decisions,
    load_decisions,
    make_decision,
    provision_fingerprint,
    save_decision,
)
from lawcheck.errors import DecisionsError
from lawcheck.models import Decision
from lawcheck.pipeline import check_bill
from lawcheck.render.json import render_json
from lawcheck.split import split

BOMBING = ("1. Terrorist bombing\n(1) A person who unlawfully and intentionally delivers, places or detonates an explosive "
           "device in a place of public use with intent to cause death commits an offence.\n"
           "(2) A person who commits an offence under subsection (1) is liable to imprisonment for life.\n")
AMENDED = BOMBING.replace("in a place of public use", "in a place of public use or a government facility")
RENUMBERED = "1. Short title\nThis Act may be cited as the Bombing Act.\n" + BOMBING.replace("1. Terrorist", "2. Terrorist")
OFFENCE = "bombings-1997:2(1)(a)"


def checked(catalogue, text: str, decisions: tuple[Decision, ...] = ()):
    return check_bill(make_bill(text), catalogue, "en", ("bombings-1997",), decisions=decisions)


def decision_on(catalogue, text: str, status: str = "covered") -> Decision:
    report = checked(catalogue, text)
    return make_decision(report, text, split(text, "en").provisions, OFFENCE, status, "read with s 2",
                         "A. Drafter", "2025-03-14")


def test_the_decision_is_taken_on_the_provision_of_the_verdict(catalogue) -> None:
    decision = decision_on(catalogue, BOMBING)
    provision = next(p for p in split(BOMBING, "en").provisions if p.label == "Section 1(1)")
    assert decision.provision == "Section 1(1)"
    assert decision.fingerprint == provision_fingerprint(BOMBING, provision)


@pytest.mark.parametrize(("later", "changed"), [(BOMBING, False), (RENUMBERED, False), (AMENDED, True)])
def test_applied_decision_overrides_keeps_the_automatic_status_and_warns_on_change(
        catalogue, later: str, changed: bool) -> None:
    decision = decision_on(catalogue, BOMBING)
    automatic = {r.id: r.status for r in checked(catalogue, later).results}
    report = checked(catalogue, later, (decision,))
    result = next(r for r in report.results if r.id == OFFENCE)
    assert automatic[OFFENCE] != "covered"  # the expert overrides a verdict the tool did not give
    assert result.status == "covered" and result.decision is not None
    assert result.decision.automatic == automatic[OFFENCE]
    assert result.decision.text_changed is changed
    assert any("has changed since" in w for w in report.warnings) is changed
    assert report.summary()["covered"] == sum(1 for r in report.results if r.status == "covered")


def test_whole_bill_fingerprint_when_no_provision(catalogue) -> None:
    report = checked(catalogue, BOMBING)
    decision = make_decision(report, BOMBING, split(BOMBING, "en").provisions, "bombings-1997:2(1)(b)", "missing",
                             "nothing on economic loss", provision="")
    assert decision.provision == ""
    later = apply_decisions(report, (decision,), AMENDED, split(AMENDED, "en").provisions)
    assert next(r for r in later.results if r.id == decision.offence).decision.text_changed


def test_json_has_a_decision_key_null_or_filled(catalogue) -> None:
    plain = json.loads(render_json(checked(catalogue, BOMBING)))
    assert all(r["decision"] is None for r in plain["results"])
    decided = json.loads(render_json(checked(catalogue, BOMBING, (decision_on(catalogue, BOMBING),))))
    entry = next(r for r in decided["results"] if r["id"] == OFFENCE)
    assert entry["status"] == "covered" and entry["decision"]["automatic_status"] in ("partial", "missing")
    assert entry["decision"]["by"] == "A. Drafter" and entry["decision"]["text_changed"] is False


def test_save_creates_then_replaces_the_entry(catalogue, tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    first = decision_on(catalogue, BOMBING)
    save_decision(path, first, catalogue)
    save_decision(path, Decision("hague-1970:1(a)", "missing", "no aircraft offence"), catalogue)
    save_decision(path, Decision(OFFENCE, "partial", "on reflection"), catalogue)
    loaded = load_decisions(path, catalogue)
    assert [(d.offence, d.status) for d in loaded] == [(OFFENCE, "partial"), ("hague-1970:1(a)", "missing")]
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(("content", "fragment"), [
    ("offence: x\n", "expected a list of decisions"),
    (f"- offence: '{OFFENCE}'\n  status: done\n  note: x\n", "[0].status:"),
    (f"- offence: '{OFFENCE}'\n  status: covered\n  note: x\n  who: me\n", "[0].who: unknown key"),
    ("- offence: atlantis:1\n  status: covered\n  note: x\n", "[0].offence: unknown offence 'atlantis:1'"),
    (f"- offence: '{OFFENCE}'\n  status: covered\n  note: x\n  date: March\n", "[0].date: expected a date"),
    (f"- offence: '{OFFENCE}'\n  status: covered\n  note: x\n- offence: '{OFFENCE}'\n  status: missing\n  note: y\n",
     "[1].offence: a second decision"),
    ("- offence: [unclosed\n", "decisions.yaml"),
    ("- !!python/object:os.system {}\n", "decisions.yaml"),
])
def test_a_bad_file_is_refused_naming_the_file_and_the_path(catalogue, tmp_path: Path, content: str,
                                                             fragment: str) -> None:
    path = tmp_path / "decisions.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DecisionsError) as error:
        load_decisions(path, catalogue)
    assert str(error.value).startswith(str(path)) and fragment in str(error.value)


def test_dates_written_unquoted_by_hand_are_read(catalogue, tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    path.write_text(f"- offence: '{OFFENCE}'\n  status: covered\n  note: x\n  date: 2025-03-14\n", encoding="utf-8")
    assert load_decisions(path, catalogue)[0].date == "2025-03-14"


# --------------------------------------------------------------------------- CLI


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_cli_decide_then_check_shows_the_expert_decision(tmp_path: Path) -> None:
    bill = tmp_path / "bill.txt"
    bill.write_text(BOMBING, encoding="utf-8")
    result = run("decide", bill, OFFENCE, "--status", "covered", "--note", "read with s 2", "--by", "A. Drafter",
                 "--date", "2025-03-14")
    assert result.exit_code == 0, result.output
    path = tmp_path / "lawcheck-decisions.yaml"  # the default: beside the bill
    entry = yaml.safe_load(path.read_text(encoding="utf-8"))[0]
    assert entry["offence"] == OFFENCE and entry["provision"] == "Section 1(1)" and len(entry["fingerprint"]) == 64
    shown = run("check", bill, "--instrument", "bombings-1997", "--decisions", path, "--show", "all")
    assert shown.exit_code == 0 and "covered (expert)" in shown.output and "expert decision" in shown.output
    bill.write_text(AMENDED, encoding="utf-8")
    data = json.loads(run("check", bill, "--instrument", "bombings-1997", "--decisions", path, "--format", "json").stdout)
    assert any("has changed since" in w for w in data["warnings"])


@pytest.mark.parametrize(("args", "fragment"), [
    (["--status", "covered", "--note", "x", "--provision", "Section 99"], "no provision labelled 'Section 99'"),
    (["--status", "covered", "--note", "x", "--date", "14/03/2025"], "expected YYYY-MM-DD"),
])
def test_cli_decide_errors_are_one_line(tmp_path: Path, args: list, fragment: str) -> None:
    bill = tmp_path / "bill.txt"
    bill.write_text(BOMBING, encoding="utf-8")
    result = run("decide", bill, OFFENCE, *args)
    assert result.exit_code == 2 and fragment in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "lawcheck-decisions.yaml").exists()


def test_cli_check_with_a_bad_decisions_file_exits_2(tmp_path: Path) -> None:
    bill, decisions = tmp_path / "bill.txt", tmp_path / "d.yaml"
    bill.write_text(BOMBING, encoding="utf-8")
    decisions.write_text("- offence: atlantis:1\n  status: covered\n  note: x\n", encoding="utf-8")
    result = run("check", bill, "--decisions", decisions)
    assert result.exit_code == 2 and "d.yaml: [0].offence: unknown offence" in result.output


def test_a_decision_on_a_principal_offence_reaches_its_attempt(catalogue, tmp_path) -> None:
    from click.testing import CliRunner

    from lawcheck.cli import cli

    bill = tmp_path / "bill.txt"
    bill.write_text("3. Hijacking\n(1) A person who by force seizes an aircraft commits an offence.\n"
                    "4. Attempts\n(1) A person who attempts to commit an offence under section 3 commits an offence.\n",
                    encoding="utf-8")
    runner = CliRunner()
    before = json.loads(runner.invoke(cli, ["check", str(bill), "--instrument", "beijing-protocol-2010", "--format", "json"]).stdout)
    attempt = next(r for r in before["results"] if r["kind"] == "ancillary" and r["status"] == "partial")
    decided = runner.invoke(cli, ["decide", str(bill), "beijing-protocol-2010:1(1)", "--status", "covered",
                                  "--note", "in service is implied by the definition of aircraft", "--by", "A. Expert"])
    assert decided.exit_code == 0, decided.output
    after = json.loads(runner.invoke(cli, ["check", str(bill), "--instrument", "beijing-protocol-2010", "--format", "json"]).stdout)
    assert after["decisions_file"].endswith("lawcheck-decisions.yaml")  # found beside the bill, said in the report
    followed = next(r for r in after["results"] if r["id"] == attempt["id"])
    assert followed["status"] == "covered" and followed["decision"]["follows"] == "beijing-protocol-2010:1(1)"
    ignored = json.loads(runner.invoke(cli, ["check", str(bill), "--instrument", "beijing-protocol-2010", "--format", "json",
                                             "--no-decisions"]).stdout)
    assert "decisions_file" not in ignored
