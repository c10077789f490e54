"""The HTML report: self-contained, every evidence span linked to its finding, bill text escaped, languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, make_bill
from lxml import html as lxml_html

from lawcheck.cli import cli
from lawcheck.pipeline import check_bill
from lawcheck.read import read_bill
from lawcheck.render.common import ReportOptions
from lawcheck.render.html import render_html
from lawcheck.render.i18n import Labels

INSTRUMENTS = ("hague-1970", "hostages-1979", "bombings-1997")
HOSTILE = ("<script>alert('bill')</script> COUNTER-TERRORISM BILL\n"
           "3. Hijacking <img src=x onerror=alert(1)>\n"
           "A person who unlawfully, by force, seizes an aircraft in flight, on board, commits an offence & is "
           "liable to <b>imprisonment</b>.\n")


def build(catalogue, bill, language: str = "", instruments=INSTRUMENTS):  # noqa: ANN001, ANN201
    report = check_bill(bill, catalogue, None, instruments)
    page = render_html(report, catalogue, bill.text, ReportOptions(language=language, date="2024-05-01"))
    return report, page, lxml_html.fromstring(page)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*/*.txt"))[:3])
def test_every_evidence_span_is_linked_to_its_finding(catalogue, path: Path) -> None:
    bill = read_bill(path)
    report, _, tree = build(catalogue, bill)
    starts = [0] + [i + 1 for i, c in enumerate(bill.text) if c == "\n"]
    for number, result in enumerate(report.results):
        assert tree.get_element_by_id(f"f{number}").get("data-id") == result.id
        for match in result.elements:
            if not match.found or match.start < 0:
                continue
            line = max(i for i, s in enumerate(starts) if s <= match.start)
            paragraph = tree.get_element_by_id(f"l{line}")
            marks = [a for a in paragraph.iter("a") if f"f{number}" in (a.get("data-f") or "").split()]
            assert any(a.get("class") == "ev" for a in marks), (result.id, match.element)
            assert any(a.get("href") == f"#f{number}" for a in marks)  # the chip, at least
            covered = "".join(a.text_content() for a in marks if a.get("class") == "ev")
            assert bill.text[match.start:match.end].split()[0] in covered


@pytest.mark.parametrize("text", [HOSTILE])
def test_markup_in_the_bill_is_escaped(catalogue, text: str) -> None:
    bill = make_bill(text)
    _, page, tree = build(catalogue, bill, instruments=("hague-1970",))
    assert len(tree.findall(".//script")) == 1  # ours: the filters
    assert not tree.findall(".//img") and not tree.xpath("//*[@onerror]")
    assert "&lt;script&gt;alert(&#39;bill&#39;)&lt;/script&gt;" in page
    assert "<script>alert(" not in page
    assert "<script>alert('bill')</script>" in tree.get_element_by_id("l0").text_content()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_report_language_switches_every_heading(catalogue, language: str) -> None:
    bill = read_bill(SAMPLES / "en" / "counter-terrorism-bill.txt")
    _, _, tree = build(catalogue, bill, language=language, instruments=("hague-1970",))
    t = Labels(language)
    assert tree.get("lang") == language
    assert [h.text_content() for h in tree.iter("h2")] == [t("summary.title"), t("report.bill_text"),
                                                          t("findings.title"), t("annex.title")]
    assert "REPUBLIC OF MERIDIA" in tree.get_element_by_id("l0").text_content()  # quotes stay as they are


@pytest.mark.parametrize("name", ["report.html", "report.htm"])
def test_cli_writes_a_self_contained_html_report(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["check", str(SAMPLES / "fr" / "projet-loi-terrorisme.txt"),
                                      "--instrument", "hague-1970", "-o", str(out)])
    assert result.exit_code == 0, result.output
    tree = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    assert tree.find(".//style") is not None
    assert not tree.xpath("//link[@rel='stylesheet'] | //script[@src] | //img[@src]")  # nothing fetched
    assert tree.get("lang") == "fr"
    assert tree.get_element_by_id("filter-instrument") is not None and tree.get_element_by_id("filter-status") is not None
