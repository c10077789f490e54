"""Bills in Arabic, Russian and Chinese (issue 13): read, judged on the checklist entries written in their
language, the others reported as not yet available (never as missing)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, make_bill

from lawcheck.catalogue import load_catalogue
from lawcheck.models import LANGUAGES, REQUIRED_LANGUAGES
from lawcheck.pipeline import check_bill

# The Hague hijacking offence written in the three languages, as the checklist writes them: phrases as national
# laws say them (our own rendering, for this test only).
HAGUE_1A = {
    "seize": {"ar": ["استولى", "استيلاء", "خطف", "سيطر"], "ru": ["захват", "захватить", "угон"],
              "zh": ["劫持", "控制"]},
    "aircraft": {"ar": ["طائرة"], "ru": ["воздушное судно", "воздушные суда"], "zh": ["航空器", "飞机"]},
    "in-flight": {"ar": ["في حالة طيران", "على متن"], "ru": ["в полете", "на борту"], "zh": ["飞行中", "在 * 内"]},
    "force-threat-intimidation": {"ar": ["القوة", "التهديد", "العنف"], "ru": ["насилие", "угроза"],
                                  "zh": ["暴力", "胁迫"]},
    "unlawfully": {"ar": ["بغير حق", "غير مشروع"], "ru": ["незаконно", "неправомерно"], "zh": ["非法"]},
}
BILLS = {
    "ar": "المادة 1\nيعاقب بالسجن المؤبد كل من استولى بغير حق على طائرة في حالة طيران أو سيطر عليها بالقوة أو بالتهديد باستعمالها.\n",
    "ru": "Статья 1. Угон воздушного судна\nЗахват воздушного судна, находящегося в полете, совершенный с применением "
          "насилия или угрозы его применения, наказывается лишением свободы на срок от восьми до пятнадцати лет.\n",
    "zh": "第一条 以暴力、胁迫或者其他方法劫持飞行中的航空器的，处十年以上有期徒刑或者无期徒刑。\n",
}
OTHERS = {"ar": "المادة 1\nيعاقب بالسجن كل من استولى على سفينة بالقوة.\n",
          "ru": "Статья 1. Захват морского судна, совершенный с применением насилия, наказывается лишением свободы.\n",
          "zh": "第一条 以暴力、胁迫或者其他方法劫持船舶的，处十年以上有期徒刑。\n"}


@pytest.fixture(scope="module")
def checklist(tmp_path_factory) -> Path:
    """The Hague Convention file with its principal offence written in ar, ru and zh, in a folder of its own."""
    folder = tmp_path_factory.mktemp("checklist")
    shutil.copytree(ROOT / "offences" / "drafting", folder / "drafting")
    data = yaml.safe_load((ROOT / "offences" / "hague-1970.yaml").read_text(encoding="utf-8"))
    for other in data["offences"]:  # the shipped words in ar, ru and zh taken out: only the entry below has them
        for block in [other.get("translations", {}), other["model_provision"]] + [
                part for e in other["elements"]
                for part in (e.get("label", {}), e["phrases"], e["examples"]["match"], e["examples"]["no_match"])]:
            for language in ("ar", "ru", "zh"):
                block.pop(language, None)
    entry = next(o for o in data["offences"] if o["id"] == "hague-1970:1(a)")
    for element in entry["elements"]:
        for language in ("ar", "ru", "zh"):
            element["phrases"][language] = HAGUE_1A[element["id"]][language]
            element.setdefault("label", {})[language] = element["label"]["en"] if "label" in element else element["id"]
    for language in ("ar", "ru", "zh"):
        entry["translations"][language] = {"title": "x" * 5, "summary": "y" * 12}
        entry["model_provision"][language] = "z" * 12
    (folder / "hague-1970.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def test_the_six_un_languages_are_read() -> None:
    assert set(LANGUAGES) == {"en", "fr", "es", "ar", "ru", "zh"}
    assert REQUIRED_LANGUAGES == ("en", "fr", "es")


def test_an_entry_is_available_in_a_language_only_when_all_its_words_are(checklist: Path) -> None:
    catalogue = load_catalogue(checklist)
    for language in ("ar", "ru", "zh"):
        assert [o.id for o in catalogue.available(language)] == ["hague-1970:1(a)"]
    assert len(catalogue.available("en")) == len(catalogue.offences)


@pytest.mark.parametrize("language", ["ar", "ru", "zh"])
def test_a_bill_is_judged_on_the_entries_written_in_its_language(checklist: Path, language: str) -> None:
    catalogue = load_catalogue(checklist)
    report = check_bill(make_bill(BILLS[language]), catalogue)
    assert report.bill.language == language
    assert [(r.id, r.status) for r in report.results] == [("hague-1970:1(a)", "covered")]
    notice = [w for w in report.warnings if getattr(w, "code", "") == "not_available"]
    assert len(notice) == 1 and notice[0].values["count"] == len(catalogue.offences) - 1
    assert "missing" not in {r.status for r in report.results}


@pytest.mark.parametrize("language", ["ar", "ru", "zh"])
def test_a_near_miss_is_not_the_offence(checklist: Path, language: str) -> None:
    """A ship is not an aircraft, in any script."""
    report = check_bill(make_bill(OTHERS[language]), load_catalogue(checklist), language)
    assert [r.status for r in report.results] == ["missing"]


def test_an_english_bill_is_judged_on_every_entry_without_notice(checklist: Path) -> None:
    text = "1. A person who unlawfully, by force, seizes an aircraft in flight commits an offence.\n"
    report = check_bill(make_bill(text), load_catalogue(checklist), "en")
    assert len(report.results) == len(load_catalogue(checklist).offences)
    assert not [w for w in report.warnings if getattr(w, "code", "") == "not_available"]


def _tiny_checklist(folder: Path, languages: tuple[str, ...]) -> Path:
    """A checklist of one instrument with one entry, written in ``languages`` (en, fr, es at least)."""
    words = {"en": "hijack", "fr": "détourner", "es": "secuestrar", "ar": "خطف", "ru": "угон", "zh": "劫持"}
    each = {lang: words[lang] for lang in languages}
    data = {
        "instrument": {"id": "tiny-2000", "title": "Tiny Convention", "titles": dict(each),
                       "adopted": {"date": "2000-01-01", "place": "Nowhere"},
                       "short_names": {lang: [w] for lang, w in each.items()}, "sources": "Our own, for a test."},
        "offences": [{"id": "tiny-2000:1", "article": "1", "kind": "principal", "title": "Hijacking",
                      "summary": "Hijacking an aircraft.",
                      "translations": {lang: {"title": w * 2, "summary": (w + " ") * 4} for lang, w in each.items()
                                       if lang != "en"},
                      "elements": [{"id": "act", "role": "conduct", "required": True, "label": dict(each),
                                    "phrases": {lang: [w] for lang, w in each.items()},
                                    "examples": {"match": {lang: [w] for lang, w in each.items()},
                                                 "no_match": {lang: ["x y z"] for lang in each}}}],
                      "model_provision": {lang: (w + " ") * 4 for lang, w in each.items()}}],
    }
    folder.mkdir()
    shutil.copytree(ROOT / "offences" / "drafting", folder / "drafting")
    (folder / "tiny-2000.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def test_validate_counts_the_entries_of_each_language_and_may_require_all_six(tmp_path) -> None:
    from click.testing import CliRunner

    from lawcheck.cli import cli

    runner = CliRunner()
    three = _tiny_checklist(tmp_path / "three", ("en", "fr", "es"))
    result = runner.invoke(cli, ["offences", "validate", "--allow-missing-languages", str(three)])
    assert result.exit_code == 0 and "ar: 0 of 1 entries available" in result.output
    assert "en: 1 of 1 entries available, 1 complete" in result.output
    failed = runner.invoke(cli, ["offences", "validate", str(three)])  # all six are required by default
    assert failed.exit_code == 2 and "tiny-2000:1" in failed.output and "in ar" in failed.output
    six = _tiny_checklist(tmp_path / "six", ("en", "fr", "es", "ar", "ru", "zh"))
    passed = runner.invoke(cli, ["offences", "validate", str(six)])
    assert passed.exit_code == 0 and "zh: 1 of 1 entries available, 1 complete" in passed.output
    assert "complete in all six languages" in passed.output


def test_validate_names_an_entry_written_in_part(checklist: Path) -> None:
    """The fixture writes phrases, titles and model provisions in ar, ru, zh but no examples: available (judged)
    but not complete, and said so."""
    from click.testing import CliRunner

    from lawcheck.cli import cli

    result = CliRunner().invoke(cli, ["offences", "validate", "--allow-missing-languages", str(checklist)])
    assert result.exit_code == 0
    assert "ar: 1 of" in result.output and "written in part: hague-1970:1(a)" in result.output


DUTIES = {"ar": "المادة 1\nتتخذ الدولة التدابير اللازمة لمنع الاستيلاء على الطائرات في حالة طيران بالقوة.\n",
          "ru": "Статья 1. Российская Федерация принимает меры по предупреждению захвата воздушных судов в полете "
                "с применением насилия.\n",
          "zh": "第一条 国家采取措施，防范以暴力劫持飞行中的航空器。\n"}


@pytest.mark.parametrize("language", ["ar", "ru", "zh"])
def test_a_duty_of_the_state_creates_no_offence(checklist: Path, language: str) -> None:
    """The words of the offence in a provision that sets a duty of the State and no penalty: not the offence."""
    report = check_bill(make_bill(DUTIES[language]), load_catalogue(checklist), language)
    assert [r.status for r in report.results] == ["missing"]


# ---------------------------------------------------------------------------------------- nothing judged

NOTHING_JUDGED_BILL = ("Статья 1. Угон воздушного судна\nУгон воздушного судна наказывается лишением свободы на срок "
                       "до десяти лет.\n")


@pytest.fixture(scope="module")
def nothing_judged(tmp_path_factory) -> tuple[Path, Path]:
    """A Russian bill and a checklist written in en, fr and es only: not one entry can be judged on it."""
    folder = tmp_path_factory.mktemp("nothing")
    bill = folder / "bill.txt"
    bill.write_text(NOTHING_JUDGED_BILL, encoding="utf-8")
    return bill, _tiny_checklist(folder / "checklist", ("en", "fr", "es"))


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_report_where_nothing_was_judged_says_so_not_no_gap(nothing_judged, tmp_path, language: str) -> None:
    """Terminal, Word, HTML and the annotated bill, in each report language: "nothing could be judged", never
    "no gap was found" or "every mandatory entry is covered"."""
    import docx
    from click.testing import CliRunner

    from lawcheck.cli import cli
    from lawcheck.render.i18n import Labels

    bill, checklist = nothing_judged
    say, runner = Labels(language), CliRunner()
    common = [str(bill), "--offences", str(checklist), "--report-lang", language]
    terminal = runner.invoke(cli, ["check", *common], env={"COLUMNS": "200"})
    assert terminal.exit_code == 0, terminal.output
    assert _flat(say("terminal.none_judged")) in _flat(terminal.stdout)
    assert _flat(say("terminal.checked", count=0)) not in _flat(terminal.stdout)
    misleading = [say("summary.no_gaps"), say("summary.no_recommendations")]
    for suffix in ("html", "docx"):
        written = runner.invoke(cli, ["check", *common, "-o", str(tmp_path / f"report.{suffix}")])
        assert written.exit_code == 0 and "nothing was judged" in written.stderr
    html = _flat(__import__("html").unescape((tmp_path / "report.html").read_text(encoding="utf-8")))
    word = _flat("\n".join(p.text for p in docx.Document(str(tmp_path / "report.docx")).paragraphs))
    for text in (html, word):
        assert _flat(say("summary.none_judged")) in text and _flat(say("word.scope_none")) in text
        assert _flat(say("summary.none_judged_recommendations")) in text
        assert not [m for m in misleading if _flat(m) in text]


def test_fail_on_does_not_pass_a_bill_where_nothing_was_judged(nothing_judged) -> None:
    """A drafting office's pipeline gate must not pass on a check that judged nothing."""
    from click.testing import CliRunner

    from lawcheck.cli import cli

    bill, checklist = nothing_judged
    for level in ("missing", "partial"):
        result = CliRunner().invoke(cli, ["check", str(bill), "--offences", str(checklist), "--fail-on", level])
        assert result.exit_code == 1 and "nothing could be judged" in result.stderr


def test_the_annotated_bill_says_nothing_was_judged(nothing_judged) -> None:
    from lawcheck.annotate import opening
    from lawcheck.render.i18n import Labels

    bill, checklist = nothing_judged
    report = check_bill(make_bill(NOTHING_JUDGED_BILL), load_catalogue(checklist), "ru")
    assert not report.results
    assert opening(report, Labels("fr"), {}) == [Labels("fr")("annotated.none_judged")]
