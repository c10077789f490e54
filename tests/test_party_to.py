"""--party-to: the instruments the State is party to (or means to join) come first, and the reports say why
each instrument was checked."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from lxml import html as lxml_html

from lawcheck.cli import cli
from lawcheck.pipeline import check_bill
from lawcheck.rating import gaps, precedence, top_gaps
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions, short_name
from lawcheck.render.docx import render_docx
from lawcheck.render.html import render_html
from lawcheck.render.i18n import Labels

BILL = SAMPLES / "en" / "counter-terrorism-bill.txt"
PARTY = ("hague-1970", "hostages-1979")


@pytest.fixture(scope="module")
def checked(catalogue):  # noqa: ANN001, ANN201
    bill = read_bill(BILL)
    return bill, check_bill(bill, catalogue, None, ())


def test_gaps_of_the_instruments_the_state_is_party_to_come_first(checked, catalogue) -> None:  # noqa: ANN001
    _, report = checked
    ranked = gaps(report, PARTY)
    party = [g for g in ranked if g.instrument in PARTY]
    assert party and ranked[:len(party)] == tuple(party)
    assert gaps(report, None, precedence(catalogue))[0].instrument == "financing-1999"  # without --party-to: the usual order
    assert {g.instrument for g in top_gaps(report, 2, PARTY)} <= set(PARTY)
    assert sorted(gaps(report, PARTY), key=lambda g: g.id) == sorted(gaps(report), key=lambda g: g.id)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_reports_say_why_each_instrument_was_checked(checked, catalogue, language: str) -> None:  # noqa: ANN001
    bill, report = checked
    t = Labels(language)
    options = ReportOptions(language=language, date="2024-05-01", party_to=PARTY)
    names = ", ".join(short_name(catalogue, i, language) for i in report.instruments if i in PARTY)
    line = t("scope.party", count=len(PARTY), names=names)
    document = docx.Document(io.BytesIO(render_docx(report, catalogue, bill.text, options)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert line in text and t("scope.priority") in text and t("scope.why") in text
    assert t("scope.not_party", count=len(report.instruments) - len(PARTY), names="").split("(")[0] in text
    tree = lxml_html.fromstring(render_html(report, catalogue, bill.text, options))
    page = " ".join(tree.text_content().split())
    assert " ".join(line.split()) in page and t("scope.priority") in page
    first = tree.xpath("//ol[@class='gaps']/li")[0].text_content()
    assert first.startswith(tuple(short_name(catalogue, i, language) for i in PARTY))
    plain = ReportOptions(language=language, date="2024-05-01")
    assert t("scope.why") not in " ".join(p.text for p in docx.Document(io.BytesIO(
        render_docx(report, catalogue, bill.text, plain))).paragraphs)


@pytest.mark.parametrize("how", ["list", "file"])
def test_cli_party_to(tmp_path: Path, how: str) -> None:
    value = ",".join(PARTY)
    if how == "file":
        (tmp_path / "parties.txt").write_text("# ratified\nhague-1970\n\nhostages-1979  # 2003\n", encoding="utf-8")
        value = str(tmp_path / "parties.txt")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["check", str(BILL), "--instrument", "hague-1970", "--instrument",
                                      "bombings-1997", "-o", str(out), "--party-to", value])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Party to, or means to join (1): Hague Convention (1970)." in page


@pytest.mark.parametrize("value", ["hague-1970,atlantis-2030", " , "])
def test_cli_party_to_unknown_id(tmp_path: Path, value: str) -> None:
    out = tmp_path / "report.docx"
    result = CliRunner().invoke(cli, ["check", str(BILL), "-o", str(out), "--party-to", value])
    assert result.exit_code == 2 and "--party-to" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()
