"""Comparing two drafts: provisions matched by content, gaps closed and opened, renumbering (library and CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_bill

from lawcheck.cli import cli
from lawcheck.diff import diff_reports
from lawcheck.pipeline import check_bill
from lawcheck.render.diff import diff_text, render_diff_json

HOSTAGES = ("Hostage-taking\n(1) A person who seizes or detains another person and threatens to kill, to injure or to "
            "continue to detain that person in order to compel a State to do any act as a condition for the release "
            "of the hostage commits an offence.\n(2) A person who commits an offence under subsection (1) is liable "
            "to imprisonment for life.")
HIJACKING = ("Hijacking\nA person who on board an aircraft in flight unlawfully, by force or threat of force, seizes or "
             "exercises control of that aircraft commits an offence.")
ATTEMPTS = ("Attempts\nAny person who attempts to commit, or is an accomplice of a person who commits, an offence under "
            "this Act commits an offence.")
SHORT_TITLE = "Short title\nThis Act may be cited as the Hostages and Aircraft Act."


def draft(*sections: str) -> str:
    return "\n".join(f"{number}. {body}" for number, body in enumerate(sections, 1)) + "\n"


OLD = draft(HOSTAGES, ATTEMPTS)
RENUMBERED = draft(SHORT_TITLE, HOSTAGES, ATTEMPTS)  # every section moves down by one
WITH_HIJACKING = draft(SHORT_TITLE, HIJACKING, HOSTAGES, ATTEMPTS)
INSTRUMENTS = ("hostages-1979", "hague-1970")


def compare(catalogue, old: str, new: str):
    reports = [check_bill(make_bill(text, name), catalogue, "en", INSTRUMENTS) for text, name in
               ((old, "draft-1.txt"), (new, "draft-2.txt"))]
    return diff_reports(reports[0], reports[1], old, new)


@pytest.mark.parametrize(("new", "moves"), [
    (RENUMBERED, [("Section 1", "Section 2", False), ("Section 2", "Section 3", False)]),
    (WITH_HIJACKING, [("Section 1", "Section 3", False), ("Section 2", "Section 4", False)]),
])
def test_provisions_are_matched_by_content_not_by_number(catalogue, new: str, moves: list) -> None:
    changes = compare(catalogue, OLD, new)
    assert [(m.old, m.new, m.amended) for m in changes.renumbered] == moves
    assert changes.removed == ()
    assert changes.added[0] == "Section 1"


def test_an_offence_that_only_moved_is_not_a_changed_verdict(catalogue) -> None:
    changes = compare(catalogue, OLD, RENUMBERED)
    assert changes.closed == changes.opened == changes.changed == ()
    moved = {c.offence: (c.old_provision, c.new_provision) for c in changes.moved}
    assert moved["hostages-1979:1(1)"] == ("Section 1(1)", "Section 2(1)")
    assert all(c.old_status == c.new_status for c in changes.moved)


@pytest.mark.parametrize(("old", "new", "field", "offence", "statuses"), [
    (OLD, WITH_HIJACKING, "closed", "hague-1970:1(a)", ("missing", "covered")),
    (WITH_HIJACKING, OLD, "opened", "hague-1970:1(a)", ("covered", "missing")),
])
def test_gaps_closed_and_opened(catalogue, old: str, new: str, field: str, offence: str, statuses: tuple) -> None:
    changes = compare(catalogue, old, new)
    found = {c.offence: (c.old_status, c.new_status) for c in getattr(changes, field)}
    assert found[offence] == statuses
    assert changes.old_summary != changes.new_summary


def test_text_and_json_are_deterministic(catalogue) -> None:
    first, second = compare(catalogue, OLD, WITH_HIJACKING), compare(catalogue, OLD, WITH_HIJACKING)
    assert render_diff_json(first) == render_diff_json(second)
    text = diff_text(first, width=100)
    assert "Gaps closed" in text and "Section 1 " in text and "Section 3" in text
    assert all(len(line) <= 100 for line in text.splitlines())
    data = json.loads(render_diff_json(first))
    assert data["schema"] == "lawcheck.diff/1"
    assert {"closed", "opened", "changed", "moved", "renumbered", "added", "removed"} <= set(data)


# --------------------------------------------------------------------------- CLI


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "draft-1.txt", tmp_path / "draft-2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(WITH_HIJACKING, encoding="utf-8")
    return old, new


def _instruments() -> list[str]:
    return [a for i in INSTRUMENTS for a in ("--instrument", i)]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_diff_prints_text_or_json(drafts, fmt: str) -> None:
    result = run("diff", *drafts, "--format", fmt, *_instruments())
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.stdout)["closed"][0]["offence"] == "hague-1970:1(a)"
    else:
        assert "hague-1970:1(a)" in result.output and "renumbered" in result.output


def test_cli_diff_writes_a_word_document(drafts, tmp_path: Path) -> None:
    import docx

    target = tmp_path / "changes.docx"
    result = run("diff", *drafts, "-o", target, *_instruments())
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Comparison of two drafts" and "Gaps closed (now covered)" in texts
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any("hague-1970:1(a)" in c for c in cells) and "Section 1 " not in cells
    assert any(c == "Section 4" for c in cells)


@pytest.mark.parametrize(("extra", "fragment"), [
    (["--format", "docx"], "needs a file"),
    (["-o", "changes.pdf"], "cannot tell the format"),
])
def test_cli_diff_errors_are_one_line(drafts, extra: list, fragment: str) -> None:
    result = run("diff", *drafts, *extra)
    assert result.exit_code == 2 and fragment in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_word_comparison_speaks_the_report_language(drafts, tmp_path: Path, language: str) -> None:
    import docx

    from lawcheck.render.i18n import Labels

    target = tmp_path / "changes.docx"
    result = run("diff", *drafts, "-o", target, "--report-lang", language, *_instruments())
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    words = [p.text for p in document.paragraphs]
    words += [c.text for t in document.tables for c in t.rows[0].cells]
    english = Labels("en")
    for key in ("diff_docx.title", "diff_docx.renumbered_title", "diff_docx.added_removed_title", "diff.closed",
                "diff.offence", "diff_docx.col_heading"):
        assert english(key) not in words
    assert Labels(language)("diff_docx.title") == words[0]


FRENCH = ("Article 1\nEst puni de la réclusion criminelle à perpétuité le fait, à bord d'un aéronef en vol, de "
          "s'emparer de cet aéronef par violence ou menace de violence.\n")
PROSE = "Memorandum\nThe government intends to improve airport security and to consult airlines next year.\n"


@pytest.mark.parametrize("language", ["fr", "es", "ar", "ru", "zh"])
def test_the_warnings_of_a_comparison_are_in_the_report_language(catalogue, language: str) -> None:
    """A warning about one draft (here: no numbered provision in the old one) and the warning that the drafts are
    in different languages: in the report's language, with the languages named in it, at the terminal and in
    Word; the JSON keeps the English text."""
    import docx

    from lawcheck.render.diff_docx import render_diff_docx
    from lawcheck.render.i18n import Labels

    old = check_bill(make_bill(PROSE, "old.txt"), catalogue, "en", ("hague-1970",))
    new = check_bill(make_bill(FRENCH, "new.txt"), catalogue, "fr", ("hague-1970",))
    changes = diff_reports(old, new, PROSE, FRENCH)
    say, english = Labels(language), Labels("en")
    text = " ".join(diff_text(changes, language=language).split())
    word = " ".join(" ".join(p.text for p in docx.Document(__import__("io").BytesIO(
        render_diff_docx(changes, language))).paragraphs).split())
    expected = [say("warning.old_draft", warning=say("warning.no_provisions")),
                say("warning.languages_differ", language=say("language.en"), other=say("language.fr"))]
    for shown in (text, word):
        assert all(" ".join(e.split()) in shown for e in expected), shown
        assert "old draft" not in shown and "different languages" not in shown
    data = json.loads(render_diff_json(changes))
    assert data["warnings"][0] == english("warning.old_draft", warning=english("warning.no_provisions"))
