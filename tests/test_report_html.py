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
from lawcheck.rating import finding_order, instrument_ratings, precedence, top_gaps, untouched
from lawcheck.render.common import innermost, short_name
from lawcheck.render.html import TOP_GAPS, render_html
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


def relied(report) -> list[int]:  # noqa: ANN001
    return [n for n, r in enumerate(report.results) if r.status in ("covered", "partial") and r.provisions]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*/*.txt"))[:3])
def test_chips_only_on_provisions_a_verdict_rests_on(catalogue, path: Path) -> None:
    bill = read_bill(path)
    report, _, tree = build(catalogue, bill)
    starts = [0] + [i + 1 for i, c in enumerate(bill.text) if c == "\n"]
    chips = tree.xpath("//a[contains(@class, 'chip')]")
    assert len(chips) == len(relied(report))
    findings = {a.get("id") for a in tree.xpath("//article[contains(@class, 'finding')]")}
    rows = {r.get("id") for r in tree.xpath("//table[contains(@class, 'concordance')]//tr[@id]")}
    for number in relied(report):
        result = report.results[number]
        provision = innermost(result.provisions)[0]
        line = max(i for i, s in enumerate(starts) if s <= provision.start)
        marks = tree.get_element_by_id(f"l{line}").xpath(".//a[contains(@class, 'chip')]")
        assert marks, result.id
        assert all(a.get("href")[1:] in findings | rows for a in marks)
    for a in tree.xpath("//a[@class='ev']"):  # highlights lie inside a provision relied on
        assert a.get("href")[1:] in findings | rows


def test_sample_bill_chip_count_and_nothing_on_definitions(catalogue) -> None:
    bill = read_bill(SAMPLES / "en" / "counter-terrorism-bill.txt")
    report, _, tree = build(catalogue, bill, instruments=())
    chips = tree.xpath("//a[contains(@class, 'chip')]")
    assert len(chips) == len(relied(report)) == 69  # about 435 before: one per phrase hit
    lines = bill.text.split("\n")
    definitions = range(lines.index("2. Interpretation"), next(i for i, l in enumerate(lines) if l.startswith("PART II")))
    for number in definitions:
        assert not tree.get_element_by_id(f"l{number}").xpath(".//a"), lines[number]


def test_findings_only_for_gaps_in_the_order_of_priority(catalogue) -> None:
    bill = read_bill(SAMPLES / "en" / "counter-terrorism-bill.txt")
    report, _, tree = build(catalogue, bill, instruments=())
    top = top_gaps(report, TOP_GAPS, None, precedence(catalogue))
    order = finding_order(report, top, None, precedence(catalogue))
    articles = tree.xpath("//article[contains(@class, 'finding')]")
    assert len(articles) == len(order) < len(report.results)
    assert all(r.status != "covered" or r.decision is not None for r in order)
    t = Labels("en")
    gaps_listed = [li.text_content() for li in tree.xpath("//ol[@class='gaps']/li")]
    financing = short_name(catalogue, "financing-1999", "en")
    assert gaps_listed[0].startswith(financing) and len(gaps_listed) == len(top)
    ratings = tree.xpath("//table[@class='matrix']/tbody/tr")
    assert [tr[4].text_content() for tr in ratings] == [t(f"rating.{r.rating}") for r in instrument_ratings(report)]
    assert len(tree.xpath("//table[@class='untouched']/tbody/tr")) == len(untouched(report))


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
    assert [h.text_content() for h in tree.iter("h2")] == [t("summary.title"), t("concordance.title"),
                                                          t("findings.title"), t("html.bill_text"), t("annex.title")]
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


def _english_words(catalogue) -> set[str]:  # noqa: ANN001
    """The report's English labels and the checklist's English titles (long enough to be telling)."""
    english, french = Labels("en"), Labels("fr")
    words = {english(k) for k in english.keys() if "{" not in english(k) and english(k) != french(k)}
    words |= {o.titles["en"] for o in catalogue.offences}
    words |= {i.titles["en"] for i in catalogue.instruments.values()}
    return {w for w in words if len(w) >= 12}


@pytest.mark.parametrize(("language", "path"), [("fr", SAMPLES / "fr" / "projet-loi-terrorisme.txt"),
                                                ("es", SAMPLES / "es" / "anteproyecto-ley-terrorismo.txt"),
                                                ("fr", SAMPLES / "en" / "counter-terrorism-bill.txt")])
def test_no_english_in_a_french_or_spanish_report(catalogue, language: str, path: Path) -> None:
    bill = read_bill(path)
    report, _, tree = build(catalogue, bill, language=language, instruments=())
    for element in tree.xpath("//section[@id='bill'] | //blockquote | //script | //style"):
        element.drop_tree()  # the bill's own words, quoted, stay as written
    text = " ".join(tree.text_content().split())
    leaked = sorted(w for w in _english_words(catalogue) if " ".join(w.split()) in text)
    assert not leaked, leaked[:5]
    assert not any(f"{i} " in text or f"{i}:" in text for i in report.instruments)  # no ids


def test_same_input_same_output(catalogue) -> None:
    bill = read_bill(SAMPLES / "en" / "counter-terrorism-bill.txt")
    assert build(catalogue, bill)[1] == build(catalogue, bill)[1]
