"""Sanity warnings: an implausible reading is said, in the report's language; a plausible one is not."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from conftest import CORPORA, make_bill

from lawcheck.context import UnitBuilder
from lawcheck.pipeline import analyse, check_bill, strip_comment_lines
from lawcheck.render.i18n import Labels, report_languages
from lawcheck.sanity import Notice, in_language
from lawcheck.split import Locator

OFFENCE = "{n}. Hijacking\n(1) A person who unlawfully seizes an aircraft in flight commits an offence.\n"
FILLER = "The Minister may make regulations about the register of aircraft and the fees payable.\n"


def _codes(text: str, catalogue, language: str | None = None) -> list[str]:
    report = check_bill(make_bill(text), catalogue, language, ("hague-1970",))
    return [w.code for w in report.warnings]


def test_a_plausible_bill_has_no_warning(catalogue) -> None:
    text = "".join(OFFENCE.format(n=n) for n in range(1, 6))
    assert _codes(text, catalogue) == []


def test_a_schedule_named_early_that_swallows_the_text_is_said(catalogue) -> None:
    text = "1. Short title\nThis Act is the Aviation Act.\n" + "".join(OFFENCE.format(n=n) for n in range(2, 30))
    text += "SCHEDULE\n" + "".join(f"{n}. Item\nThe Convention says that an aircraft is registered.\n" for n in range(1, 10))
    assert "schedule_early" not in _codes(text, catalogue)
    early = "1. Short title\nSCHEDULE\n" + "".join(OFFENCE.format(n=n) for n in range(2, 40))
    assert "schedule_early" in _codes(early, catalogue)


def test_a_long_text_with_no_offence_is_said(catalogue) -> None:
    text = "".join(f"{n}. Registers\n{FILLER * 4}" for n in range(1, 60))
    assert "few_offences" in _codes(text, catalogue)


def test_a_text_without_sections_is_said(catalogue) -> None:
    assert "no_provisions" in _codes("A person who unlawfully seizes an aircraft commits an offence.", catalogue)


def test_a_close_language_guess_is_said_and_a_given_language_is_not(catalogue) -> None:
    text = ("1. Hijacking\nA person who seizes an aircraft commits an offence. "
            "Le fait de détourner un aéronef est puni de la réclusion.\n")
    assert "language_margin" in _codes(text, catalogue)
    assert "language_margin" not in _codes(text, catalogue, "en")


@pytest.mark.parametrize("language", report_languages())
def test_every_warning_is_said_in_every_report_language(language: str) -> None:
    english = Labels("en")
    codes = {k.split(".", 1)[1] for k in english.keys() if k.startswith("warning.")}
    assert codes >= {"no_provisions", "schedule_early", "unlabelled", "few_offences", "language_margin", "not_available"}
    values = {"label": "Schedule", "percent": 10, "words": 5000, "sections": 0, "language": "en", "other": "fr",
              "count": 3, "total": 441, "instruments": 2,
              "warning": Notice("no_provisions")}  # a comparison's warning about one draft holds that draft's
    for code in codes:
        notice = Notice(code, **{k: v for k, v in values.items() if "{" + k + "}" in english(f"warning.{code}")})
        said = in_language(notice, Labels(language))
        assert said and "{" not in said
        if language != "en":
            assert said != str(notice)


def _cases() -> list[tuple[Path, str]]:
    return [(folder, case) for folder in CORPORA
            for case in sorted(yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))["cases"])]


@pytest.mark.slow
@pytest.mark.parametrize(("folder", "case"), _cases(), ids=[case for _, case in _cases()])
def test_offence_words_lie_in_numbered_provisions_or_the_report_warns(folder: Path, case: str, catalogue) -> None:
    """The invariant of a reading: the sentences that create offences stand in numbered provisions (not in
    a preamble, a block of unnumbered text or a schedule opened by mistake), or the report says it could not
    read the structure."""
    from lawcheck.read import read_bill

    path = next(p for p in (folder / "texts").glob(f"{case}.*"))
    bill = read_bill(path)
    bill = dataclasses.replace(bill, text=strip_comment_lines(bill.text), path=path.name)
    selected = catalogue.select(("hague-1970",))
    report = check_bill(bill, selected)
    if report.warnings:
        return
    analysis = analyse(bill, selected)
    builder = UnitBuilder(bill.text, analysis.structure, analysis.index, catalogue.drafting[analysis.language])
    locator = Locator(analysis.structure.provisions)
    holders = [locator.innermost(hit.start, preamble=True) for hit in builder.penal_hits]
    provisions = analysis.structure.provisions
    outside = [bill.text[h.start:h.end] for h, i in zip(builder.penal_hits, holders)
               if i is None or provisions[i].level in ("preamble", "text")]
    assert not outside, f"{case}: offence-creating words outside any numbered provision: {outside[:3]}"
