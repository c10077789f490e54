"""lawcheck batch (the matrix bill x instrument) and lawcheck demo, through the library and CliRunner."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from lawcheck.batch import bill_files, check_folder
from lawcheck.cli import cli
from lawcheck.demo import demo_plan, demo_steps, pick
from lawcheck.errors import InputError
from lawcheck.render.matrix import render_matrix_csv, render_matrix_json

INSTRUMENTS = ("hague-1970", "montreal-1971")
DRAFT1 = SAMPLES / "en" / "aviation-security-bill-draft1.txt"
FR_DRAFT2 = SAMPLES / "fr" / "loi-surete-aviation-version2.txt"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Two good bills (one in a sub-folder), an image passed off as a PDF, an empty file, a README."""
    shutil.copy(DRAFT1, tmp_path / "b-meridia.txt")
    (tmp_path / "sub").mkdir()
    shutil.copy(FR_DRAFT2, tmp_path / "sub" / "a-valmont.txt")
    (tmp_path / "scan.pdf").write_bytes(b"\x89PNG\r\n\x1a\n not a pdf")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes about these bills\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("A person who seizes an aircraft commits an offence.", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("expected", [["b-meridia.txt", "empty.txt", "scan.pdf", "sub/a-valmont.txt"]])
def test_bill_files_are_sorted_and_leave_out_readme_and_hidden_files(folder: Path, expected: list[str]) -> None:
    assert [p.relative_to(folder).as_posix() for p in bill_files(folder)] == expected


@pytest.mark.parametrize("name", ["missing-folder", "empty-folder"])
def test_a_folder_without_bills_is_an_input_error(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    if name == "empty-folder":
        target.mkdir()
    with pytest.raises(InputError, match=name):
        bill_files(target)


def test_failing_files_are_kept_with_their_error_and_never_stop_the_batch(catalogue, folder: Path) -> None:
    batch = check_folder(folder, catalogue, instruments=INSTRUMENTS)
    assert [o.path for o in batch.checked] == ["b-meridia.txt", "sub/a-valmont.txt"]
    errors = {o.path: o.error for o in batch.failed}
    assert set(errors) == {"empty.txt", "scan.pdf"}
    assert errors["scan.pdf"].startswith("scan.pdf: ") and "\n" not in errors["scan.pdf"]
    assert batch.instruments == INSTRUMENTS


@pytest.fixture()
def offences_only(catalogue):
    """The checklist without its obligations, so that a bill with the offences alone can be compliant."""
    from lawcheck.models import Catalogue

    return Catalogue(catalogue.instruments, tuple(o for o in catalogue.offences if o.kind != "obligation"),
                     catalogue.drafting, catalogue.directory)


def test_ratings_and_counts_agree_with_each_report(offences_only, folder: Path) -> None:
    batch = check_folder(folder, offences_only, instruments=INSTRUMENTS)
    for outcome in batch.checked:
        assert [r.instrument for r in outcome.ratings] == list(INSTRUMENTS)
        for rating in outcome.ratings:
            results = [r for r in outcome.report.results if r.instrument == rating.instrument]
            assert (rating.covered, rating.partial, rating.missing) == tuple(
                sum(1 for r in results if r.status == s) for s in ("covered", "partial", "missing"))
    hague = {o.path: o.ratings[0].rating for o in batch.checked}
    assert hague["sub/a-valmont.txt"] == "compliant"  # Article 3 + attempt and complicity in Article 10


def test_progress_reports_every_file(catalogue, folder: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    check_folder(folder, catalogue, instruments=("hague-1970",), progress=lambda *call: calls.append(call))
    assert calls[0] == (0, 4, "b-meridia.txt") and calls[-1] == (4, 4, "")
    assert len(calls) == 5


def test_csv_and_json_hold_every_file_and_every_instrument(offences_only, folder: Path) -> None:
    batch = check_folder(folder, offences_only, instruments=INSTRUMENTS)
    rows = list(csv.DictReader(io.StringIO(render_matrix_csv(batch))))
    assert [r["bill"] for r in rows] == ["b-meridia.txt", "empty.txt", "scan.pdf", "sub/a-valmont.txt"]
    valmont = rows[3]
    assert valmont["language"] == "fr" and valmont["hague-1970 rating"] == "compliant"
    assert int(valmont["hague-1970 covered"]) == 3 and valmont["error"] == ""
    assert rows[2]["error"].startswith("scan.pdf:") and rows[2]["hague-1970 rating"] == ""
    data = json.loads(render_matrix_json(batch))
    assert data["schema"] == "lawcheck.matrix/1" and data["instruments"] == list(INSTRUMENTS)
    assert [b["path"] for b in data["bills"]] == ["b-meridia.txt", "sub/a-valmont.txt"]
    assert [f["path"] for f in data["failed"]] == ["empty.txt", "scan.pdf"]
    assert str(folder) not in render_matrix_json(batch)


@pytest.mark.parametrize("name", ["matrix.csv", "matrix.json", "matrix.xlsx"])
def test_cli_batch_writes_the_same_bytes_twice_and_lists_failures(folder: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    first, second = out / f"1-{name}", out / f"2-{name}"
    for target in (first, second):
        result = run("batch", folder, "-o", target, "--instrument", "hague-1970")
        assert result.exit_code == 0, result.output
        assert "lawcheck: skipped scan.pdf:" in result.stderr and "lawcheck: skipped empty.txt:" in result.stderr
    assert first.read_bytes() == second.read_bytes()
    assert not list(out.glob("*.tmp"))


def test_cli_batch_xlsx_opens_with_the_matrix(folder: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "matrix.xlsx"
    assert run("batch", folder, "-o", target, "--instrument", "hague-1970").exit_code == 0
    book = openpyxl.load_workbook(target)
    rows = list(book["matrix"].iter_rows(values_only=True))
    assert rows[0][:5] == ("bill", "title", "language", "error", "hague-1970 rating")
    assert [r[0] for r in rows[1:]] == ["b-meridia.txt", "empty.txt", "scan.pdf", "sub/a-valmont.txt"]
    assert [r[0] for r in book["failed"].iter_rows(min_row=2, values_only=True)] == ["empty.txt", "scan.pdf"]


def test_cli_batch_text_shows_codes_legend_and_failures(folder: Path) -> None:
    result = run("batch", folder, "--instrument", "hague-1970")
    assert result.exit_code == 0
    assert "hague-1970" in result.output and "#2 sub/a-valmont.txt (French)" in result.output
    assert "failed: scan.pdf:" in result.output and "2 of 4 files checked, 2 failed" in result.output


@pytest.mark.parametrize(("args", "code"), [(("--fail-on", "missing"), 1), ((), 0)])
def test_cli_batch_fail_on(folder: Path, args: tuple[str, ...], code: int) -> None:
    assert run("batch", folder, "--instrument", "hague-1970", "--format", "json", *args).exit_code == code


@pytest.mark.parametrize(("args", "needle"), [
    (("--format", "xlsx"), "needs a file"),
    (("-o", "matrix.ods"), "cannot tell the format"),
    (("--instrument", "no-such-treaty"), "unknown instrument"),
])
def test_cli_batch_usage_errors_are_one_line(folder: Path, args: tuple[str, ...], needle: str) -> None:
    result = run("batch", folder, *args)
    assert result.exit_code == 2 and needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "ru", "zh"])
def test_demo_plan_names_two_drafts_that_exist_from_any_folder(language: str) -> None:
    plan = demo_plan(language)
    assert plan.draft1 != plan.draft2
    assert all(Path(p).is_absolute() and Path(p).is_file() for p in (plan.draft1, plan.draft2))


@pytest.mark.parametrize("status", ["covered", "partial", "missing"])
def test_demo_picks_the_same_offence_every_time(catalogue, status: str) -> None:
    from lawcheck.pipeline import check_file

    instruments = demo_plan("en").instruments
    report = check_file(DRAFT1, catalogue, instruments=instruments)
    first, second = pick(report, status, instruments), pick(report, status, instruments)
    assert first is not None and first == second and first.status == status and first.kind == "principal"


def demo(language: str = "en", *args: str, columns: int = 80, stdin: str | None = None):
    return CliRunner().invoke(cli, ["demo", "--lang", language, *args], env={"COLUMNS": str(columns)}, input=stdin)


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    """``lawcheck demo --no-pause`` at 80 columns in each language."""
    found = {}
    for language in ("en", "fr", "es", "ar", "ru", "zh"):
        result = demo(language, "--no-pause")
        assert result.exit_code == 0, result.output
        found[language] = result.output
    return found


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "ru", "zh"])
def test_cli_demo_runs_every_step_in_each_language(outputs: dict[str, str], language: str) -> None:
    import re

    from lawcheck.render.i18n import Labels

    output = outputs[language]
    for number in range(1, 8):
        assert Labels(language)("demo.step", number=number) in output
    unwrapped = output.replace(" \\\n    ", " ")  # a long command is shown over several lines
    assert f"$ lawcheck check {SAMPLES.resolve()}/{language}/" in unwrapped
    say = Labels(language)
    for status in ("covered", "partial", "missing"):
        shown = say("explain.brief_status", status=say(f"status.{status}"), score="")
        assert re.split(r" \(|\uff08", shown)[0] in output  # up to the score's bracket, "(" or Chinese "（"
    assert re.split(r"\s|(?<=\uff1a)", say("explain.verdict", status="", score="", where=""))[0] in output  # to "："
    assert say("diff.closed") in output
    assert demo(language, "--no-pause").output == output


def _sentences(text: str) -> set[str]:
    """The sentences of the English script (its labels), cut at . : ; ? so that a part left in English shows."""
    import re

    return {part.strip() for part in re.split(r"[.:;?]\s", text) if len(part.strip()) > 12}


@pytest.mark.parametrize("language", ["fr", "es", "ar", "ru", "zh"])
def test_the_demo_speaks_its_language(outputs: dict[str, str], language: str) -> None:
    from lawcheck.render.i18n import Labels

    english = Labels("en")
    script = {key: english(key) for key in english.keys() if key.startswith("demo.")}
    leaks = [s for text in script.values() for s in _sentences(text.replace("{number}", "1"))
             if s in outputs[language]]
    assert not leaks, leaks
    assert {k for k in Labels(language).keys() if k.startswith("demo.")} == set(script)


COMMAND_WORDS = ("terminal.", "explain.", "why.", "diff.", "status.", "rating.")  # what check, explain, diff add


@pytest.mark.parametrize("language", ["fr", "es", "ar", "ru", "zh"])
def test_the_commands_the_demo_runs_speak_its_language(outputs: dict[str, str], catalogue, language: str) -> None:
    """The output of check, explain and diff in the demo: none of their English labels, statuses, ratings or
    sentences, and no English title of a checklist entry (where the checklist has one in the language)."""
    import re

    from lawcheck.render.i18n import Labels

    english, own = Labels("en"), Labels(language)
    keys = {k for k in english.keys() if k.startswith(COMMAND_WORDS)}
    assert keys <= own.keys()
    commands = "\n".join(re.findall(r"^\$ .*?\n\n(.*?)\n\n(?:=|\Z)", outputs[language], flags=re.S | re.M))
    flat = " ".join(commands.replace("\u2502", " ").split())  # table cells and wrapped lines joined
    leaks = set()
    for key in keys:
        if english(key) == own(key):  # the same word in both languages ("instrument", "obligation", "article")
            continue
        pieces = [p.strip(" .,:;()[]\u201c\u201d") for p in re.split(r"\{[^}]*\}", english(key))]
        for piece in pieces:
            wordy = re.search(r"[^\W\d_]{4}", piece) and piece not in own(key)  # a word, not "score" in both
            if wordy and re.search(rf"(?<![\w-]){re.escape(piece)}(?![\w-])", flat):
                leaks.add((key, piece))
    assert not leaks, sorted(leaks)
    titles = {o.title_in("en") for o in catalogue.offences if o.title_in(language) != o.title_in("en")}
    assert not [t for t in titles if " ".join(t.split()) in flat]


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "ru", "zh"])
def test_the_demo_fits_80_columns(outputs: dict[str, str], language: str) -> None:
    assert max(len(line) for line in outputs[language].splitlines()) <= 80


def test_the_demo_shows_exactly_what_each_command_prints(outputs: dict[str, str], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Each command shown, typed in another folder at the same width, prints the step's body."""
    import re
    import shlex

    monkeypatch.chdir(tmp_path)
    output = outputs["fr"]
    steps = re.findall(r"^(\$ .*?)\n\n(.*?)\n\n(?:=|\Z)", output, flags=re.S | re.M)
    assert len(steps) == 6
    for command, body in steps:
        words = shlex.split(command.replace(" \\\n", " ").removeprefix("$ "))
        assert words[0] == "lawcheck"
        result = CliRunner().invoke(cli, words[1:], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        assert result.output.rstrip("\n") == body.rstrip("\n"), command


def test_step_six_leads_with_the_gaps_and_folds_renumbering(outputs: dict[str, str]) -> None:
    step6 = outputs["en"].split("Step 6.")[1].split("Step 7.")[0]
    assert step6.index("Gaps closed") < step6.index("Gaps opened") < step6.index("Provisions renumbered")
    assert "Same verdict" not in step6
    assert len([line for line in step6.splitlines() if "renumbered" in line.lower()]) <= 3


def test_the_demo_pauses_only_when_asked() -> None:
    quiet = demo("en")  # the runner's stdin is no terminal: no pause, no prompt
    assert quiet.exit_code == 0 and "Press Enter" not in quiet.output and "Step 7." in quiet.output
    stepped = demo("en", "--step", stdin="\n" * 6)
    assert stepped.exit_code == 0 and stepped.output.count("Press Enter") == 6 and "Step 7." in stepped.output
    stopped = demo("en", "--step", stdin="\n")  # the input ends after step 2: the demo stops there
    assert stopped.exit_code == 0 and "Step 2." in stopped.output and "Step 3." not in stopped.output


def test_demo_steps_each_have_a_heading_and_a_command(catalogue) -> None:
    steps = demo_steps("en", catalogue)
    assert len(steps) == 7
    assert all(s.heading and s.command.startswith("lawcheck") for s in steps[:6]) and steps[6].command == ""


@pytest.mark.parametrize("command", ["batch", "demo"])
def test_help_has_an_example_and_the_command_is_in_the_readme(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example" in result.output
    assert f"`lawcheck {command}" in (SAMPLES.parent / "README.md").read_text(encoding="utf-8")


def _without(language: str, data):  # noqa: ANN001, ANN202 - YAML data
    if isinstance(data, dict):
        return {k: _without(language, v) for k, v in data.items() if k != language}
    return [_without(language, v) for v in data] if isinstance(data, list) else data


@pytest.mark.parametrize("language", ["en", "fr", "ru"])
def test_a_bill_nothing_could_be_judged_on_is_said_in_the_matrix(tmp_path: Path, language: str) -> None:
    """A checklist not written in one bill's language: the matrix shows "—" (not judged) for that bill, says
    what it means and that nothing was judged, in the report's language; the CSV leaves its cells empty."""
    import yaml

    from lawcheck.render.i18n import Labels

    root = Path(__file__).resolve().parent.parent
    checklist = tmp_path / "checklist"
    shutil.copytree(root / "offences" / "drafting", checklist / "drafting")
    hague = yaml.safe_load((root / "offences" / "hague-1970.yaml").read_text(encoding="utf-8"))
    (checklist / "hague-1970.yaml").write_text(yaml.safe_dump(_without("ru", hague), allow_unicode=True),
                                               encoding="utf-8")
    bills = tmp_path / "bills"
    bills.mkdir()
    shutil.copy(DRAFT1, bills / "a.txt")
    shutil.copy(SAMPLES / "ru" / "zakon-aviabezopasnost-redaktsiya1.txt", bills / "b.txt")
    say = Labels(language)
    shown = CliRunner().invoke(cli, ["batch", str(bills), "--offences", str(checklist), "--report-lang", language],
                               env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "Traceback" not in shown.output, shown.output
    assert say("batch.legend_unjudged") in shown.output
    assert say("batch.bill_unjudged", number=2, path="b.txt", language=say.language_name("ru")) in shown.output
    table = [line for line in shown.output.splitlines() if line.startswith("│ hague-1970")]
    assert len(table) == 1 and "\u2014" in table[0]
    written = run("batch", bills, "--offences", checklist, "-o", tmp_path / "m.csv")
    assert written.exit_code == 0, written.output
    rows = {row["bill"]: row for row in csv.DictReader(io.StringIO((tmp_path / "m.csv").read_text(encoding="utf-8")))}
    assert rows["b.txt"]["hague-1970 rating"] == "" and rows["a.txt"]["hague-1970 rating"]
