"""The command line, through click's CliRunner: output, formats, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE_BILLS

from lawcheck.cli import cli

EN_BILL = next(p for p in SAMPLE_BILLS if p.name == "counter-terrorism-bill.txt")


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_check_prints_a_table_per_instrument_and_a_summary() -> None:
    result = run("check", EN_BILL)
    assert result.exit_code == 0, result.output
    for instrument in ("hague-1970", "hostages-1979", "bombings-1997", "financing-1999"):
        assert instrument in result.output
    assert "Summary:" in result.output and "covered" in result.output


def test_json_to_stdout_has_the_stable_keys() -> None:
    result = run("check", EN_BILL, "--format", "json", "--instrument", "hague-1970")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema"] == "lawcheck.report/1"
    assert set(data) >= {"schema", "tool", "bill", "instruments", "results", "summary"}
    assert data["instruments"] == ["hague-1970"]
    first = data["results"][0]
    assert set(first) >= {"id", "instrument", "article", "kind", "title", "status", "score", "by_reference",
                          "provisions", "elements", "missing"}
    assert sum(data["summary"].values()) == len(data["results"])


@pytest.mark.parametrize(("name", "needle"), [("report.json", '"schema": "lawcheck.report/1"'), ("report.txt", "Summary:")])
def test_output_file_format_from_extension(tmp_path: Path, name: str, needle: str) -> None:
    target = tmp_path / name
    result = run("check", EN_BILL, "-o", target)
    assert result.exit_code == 0 and result.stdout == ""
    said = result.stderr.strip().splitlines()  # one line: what was written, where, and the counts
    assert len(said) == 1 and str(target) in said[0] and "covered" in said[0]
    written = target.read_text(encoding="utf-8")
    assert needle in written and "\x1b[" not in written
    assert not list(tmp_path.glob("*.tmp"))


def test_json_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    run("check", EN_BILL, "-o", first)
    run("check", EN_BILL, "-o", second)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(("fail_on", "code"), [("missing", 1), ("partial", 1)])
def test_fail_on(fail_on: str, code: int) -> None:
    assert run("check", EN_BILL, "--fail-on", fail_on).exit_code == code


def test_fail_on_is_zero_when_everything_is_covered(tmp_path: Path) -> None:
    import yaml

    checklist = tmp_path / "offences"
    checklist.mkdir()
    data = yaml.safe_load((ROOT / "offences" / "hostages-1979.yaml").read_text(encoding="utf-8"))
    data["offences"] = [o for o in data["offences"] if o["kind"] != "obligation"]  # offences only
    (checklist / "hostages-1979.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    bill = tmp_path / "bill.txt"
    bill.write_text("3. Hostage-taking\nA person who seizes or detains another person and threatens to kill, to "
                    "injure or to continue to detain that person in order to compel a State to do any act as a "
                    "condition for the release of the hostage commits an offence.\n"
                    "4. Attempts\nAny person who attempts to commit, or is an accomplice of a person who commits, "
                    "an offence under this Act commits an offence.", encoding="utf-8")
    result = run("check", bill, "--offences", checklist, "--fail-on", "missing")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["check", "no/such/bill.txt"], "file not found"),
        (["check", EN_BILL, "--instrument", "atlantis-2099"], "unknown instrument 'atlantis-2099'"),
        (["check", EN_BILL, "-o", "no/such/folder/report.json"], "does not exist"),
        (["check", EN_BILL, "-o", "report.pdf"], "cannot tell the format"),
        (["check", EN_BILL, "--offences", "no/such/checklist"], "not a folder of offences"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(args: list, fragment: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.output
    assert "Traceback" not in result.output


def test_unsupported_language_names_the_supported_ones(tmp_path: Path) -> None:
    bill = tmp_path / "gesetz.txt"
    bill.write_text("§ 1 Wer ein Luftfahrzeug entführt, wird mit Freiheitsstrafe nicht unter fünf Jahren bestraft. "
                    "Die Regierung trifft die erforderlichen Maßnahmen und der Versuch ist strafbar.", encoding="utf-8")
    result = run("check", bill)
    assert result.exit_code == 2
    assert "en, es, fr" in result.output and str(bill) in result.output


def test_failed_run_does_not_clobber_an_existing_report(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous report", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    assert run("check", empty, "-o", target).exit_code == 2
    assert target.read_text(encoding="utf-8") == "previous report"


def test_eval_prints_figures_per_case_and_overall() -> None:
    result = run("eval", ROOT / "samples")
    assert result.exit_code == 0, result.output
    assert "OVERALL" in result.output
    for path in SAMPLE_BILLS:
        assert path.stem in result.output


def test_offences_validate_and_list() -> None:
    result = run("offences", "validate")
    assert result.exit_code == 0 and "valid" in result.output
    listing = json.loads(run("offences", "list", "--format", "json", "--instrument", "hague-1970").output)
    assert {e["id"] for e in listing} >= {"hague-1970:1(a)", "hague-1970:1(b)"}


def test_offences_show_and_kind_filter() -> None:
    shown = run("offences", "show", "hague-1970:1(a)")
    assert shown.exit_code == 0 and "Model provision (fr)" in shown.output and "seize" in shown.output
    assert run("offences", "show", "hague-1970:9(z)").exit_code == 2
    listing = json.loads(run("offences", "list", "--format", "json", "--kind", "ancillary").output)
    assert listing and all(e["kind"] == "ancillary" and e["extends"] for e in listing)
    assert {"elements", "model_provision", "summary"} <= set(listing[0])


@pytest.mark.parametrize("command", [["check"], ["eval"], ["offences", "validate"], ["offences", "list"],
                                     ["offences", "show"], ["serve"]])
def test_every_command_has_help_with_an_example_and_is_in_the_readme(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Example" in result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"lawcheck {' '.join(command)}" in readme


def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "lawcheck", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "lawcheck" in result.stdout


@pytest.mark.skipif(not (ROOT.parent / "shared" / "instruments").is_dir(), reason="../shared/instruments is absent")
def test_offences_review_shows_each_entry_beside_its_treaty_paragraph() -> None:
    result = run("offences", "review", "hague-1970", "--texts", str(ROOT.parent / "shared" / "instruments"))
    assert result.exit_code == 0, result.output
    assert "hague-1970:1(a)" in result.output and "Treaty, article 1(a):" in result.output
    assert "“(a)" in result.output  # the stored paragraph is quoted


@pytest.mark.parametrize("args", [["offences", "review", "no-such-treaty"], ["offences", "review", "hague-1970", "--texts", "/no/such/dir"]])
def test_offences_review_refuses_bad_input_in_one_line(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


def test_the_terminal_answers_first_and_lists_gaps() -> None:
    out = run("check", EN_BILL, "--instrument", "hague-1970", "--instrument", "sua-1988").stdout
    lines = out.splitlines()
    assert any("Instruments (mandatory entries)" in line for line in lines[:30])
    assert "covered entries not listed" in out and "Nothing found of: sua-1988" in out
    everything = run("check", EN_BILL, "--instrument", "hague-1970", "--show", "all").stdout
    assert "covered entries not listed" not in everything and "covered" in everything
    summary = run("check", EN_BILL, "--summary").stdout
    assert "Instruments (mandatory entries)" in summary and "requirement" not in summary


def test_missing_verdicts_show_no_score_unless_asked() -> None:
    plain = run("check", EN_BILL, "--instrument", "sua-1988", "--show", "all").stdout
    assert "missing 0." not in plain
    assert "missing 0." in run("check", EN_BILL, "--instrument", "sua-1988", "--show", "all", "--scores").stdout


@pytest.mark.parametrize(("args", "code"), [
    (["--fail-on", "missing", "--kind", "principal", "--instrument", "hostages-1979"], 0),
    (["--fail-on", "missing", "--instrument", "hostages-1979"], 1),
    (["--fail-on", "missing", "--kind", "principal", "--instrument", "sua-1988"], 1),
])
def test_fail_on_counts_mandatory_entries_of_the_kinds_asked(args: list[str], code: int) -> None:
    assert run("check", EN_BILL, *args).exit_code == code
