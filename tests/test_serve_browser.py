"""``lawcheck serve`` in a real browser (issue 14): Debian's Chromium driven through Selenium and chromium-driver.

In English and in French: upload a .docx made from a sample, see the table of instruments, filter to the gaps,
open one verdict's explanation (the provision with the words found marked), record an expert decision, download
the Word report, compare the two drafts of the aviation sample; in English, walk two steps of the tour. Every page is
saved as a screenshot in ``$LAWCHECK_SCREENSHOTS`` (default: a ``lawcheck-screenshots`` folder in the system's
temporary folder, never in the repository) for a person to look at. The browser must report no error (a script
or style blocked by the Content-Security-Policy would be one).

Skipped, saying why, only when Chromium or chromium-driver is not installed (``.ci/run`` installs them).
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from conftest import SAMPLES
from serving import Running, started

from lawcheck.diff import diff_files
from lawcheck.pipeline import check_file
from lawcheck.render.i18n import Labels

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ready  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver") or next((p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
                                               if Path(p).exists()), None)
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Chromium and chromium-driver are not installed "
                                "(Debian: apt-get install chromium chromium-driver; .ci/run does it)")
SHOTS = Path(os.environ.get("LAWCHECK_SCREENSHOTS") or Path(tempfile.gettempdir()) / "lawcheck-screenshots")
FLOWS = {  # language: (the bill uploaded, the two drafts compared)
    "en": ("en/counter-terrorism-bill.txt", "en/aviation-security-bill-draft1.txt", "en/aviation-security-bill-draft2.txt"),
    "fr": ("fr/projet-loi-terrorisme.txt", "fr/loi-surete-aviation-version1.txt", "fr/loi-surete-aviation-version2.txt"),
}
WAIT = 150  # seconds for a check on a slow, shared machine
SHOT_HEIGHT = 5000  # pixels of a long page kept in its screenshot


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    with started(tmp_path_factory.mktemp("browser")) as running:
        yield running


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[webdriver.Chrome]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1366,900", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()


def shoot(driver: webdriver.Chrome, name: str) -> Path:
    """The whole page (up to SHOT_HEIGHT pixels) as a PNG in SHOTS."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], SHOT_HEIGHT), "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})
    path = SHOTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def waiting(driver: webdriver.Chrome, element_id: str, timeout: float = WAIT):  # noqa: ANN201 - a WebElement
    return WebDriverWait(driver, timeout).until(ready.presence_of_element_located((By.ID, element_id)))


def docx_of(source: Path, target: Path) -> Path:
    """The sample as a Word document, one paragraph a line (python-docx)."""
    document = docx.Document()
    for line in source.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(target))
    return target


def english_only(language: str) -> set[str]:
    """The pages' English sentences that differ in ``language`` (of three words or more, no placeholder)."""
    english, other = Labels("en"), Labels(language)
    return {english(k) for k in english.keys() if k.startswith("serve.") and "{" not in english(k)
            and len(english(k).split()) >= 3 and english(k) != other(k)}


def in_language(driver: webdriver.Chrome, language: str) -> None:
    text = driver.find_element(By.TAG_NAME, "body").text
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    if language != "en":
        leaked = [words for words in english_only(language) if words in text]
        assert not leaked, leaked


def rows(driver: webdriver.Chrome) -> list:
    return driver.find_elements(By.CSS_SELECTOR, "#verdicts tbody tr")


def choose(driver: webdriver.Chrome, select_id: str, value: str) -> None:
    """Pick a filter: the page's script applies it at once (a new page loads)."""
    old = driver.find_element(By.ID, "verdicts") if driver.find_elements(By.ID, "verdicts") else None
    Select(driver.find_element(By.ID, select_id)).select_by_value(value)
    if old is not None:
        WebDriverWait(driver, WAIT).until(ready.staleness_of(old))
    waiting(driver, "shown")


@pytest.mark.slow
@pytest.mark.parametrize("language", sorted(FLOWS))
def test_a_participant_checks_explains_decides_downloads_and_compares(
        server: Running, browser: webdriver.Chrome, downloads: Path, tmp_path: Path, catalogue, language: str) -> None:  # noqa: ANN001
    t = Labels(language)
    sample, draft1, draft2 = (SAMPLES / name for name in FLOWS[language])
    bill = docx_of(sample, tmp_path / f"{sample.stem}.docx")
    truth = ThreadPoolExecutor(1)  # what the library says, worked out while the browser runs
    expected_report = truth.submit(check_file, bill, catalogue)
    expected_changes = truth.submit(diff_files, draft1, draft2, catalogue)
    truth.shutdown(wait=False)

    # Home: upload the .docx, the pages and the report in the language.
    browser.get(f"{server.url}/?lang={language}")
    in_language(browser, language)
    assert browser.find_element(By.TAG_NAME, "h1").text == t("serve.home.title")
    shoot(browser, f"{language}-1-home")
    browser.find_element(By.ID, "bill_file").send_keys(str(bill))
    assert browser.find_element(By.ID, "bill_file-name").text == bill.name  # the page's script shows the name
    browser.find_element(By.ID, "check").click()
    WebDriverWait(browser, WAIT).until(ready.url_contains("/job/"))
    waiting(browser, "bill" if browser.find_elements(By.ID, "instruments") else "progress")
    shoot(browser, f"{language}-2-waiting")

    # The report: the table of instruments first, with the counts of the check.
    table = waiting(browser, "instruments")
    in_language(browser, language)
    expected = expected_report.result()
    assert len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) == len(expected.instruments)
    counts = expected.summary()
    assert t("terminal.covered", count=counts["covered"]) in browser.find_element(By.CLASS_NAME, "counts").text
    assert t("terminal.missing_count", count=counts["missing"]) in browser.find_element(By.CLASS_NAME, "counts").text
    shoot(browser, f"{language}-3-report")

    # Filters (each applied as it is chosen): one instrument, every entry of it, its principal offences, the gaps.
    instrument = next(r.instrument for r in expected.results if r.kind == "principal" and r.status == "partial")
    entries = [r for r in expected.results if r.instrument == instrument]
    choose(browser, "f-instrument", instrument)
    choose(browser, "f-status", "all")
    assert [row.get_attribute("data-offence") for row in rows(browser)] == [r.id for r in entries]
    choose(browser, "f-kind", "principal")
    principal = [r for r in entries if r.kind == "principal"]
    assert len(rows(browser)) == len(principal)
    choose(browser, "f-status", "gaps")
    statuses = [row.get_attribute("data-status") for row in rows(browser)]
    assert statuses and set(statuses) <= {"partial", "missing"}
    assert len(statuses) == sum(r.status != "covered" for r in principal)
    report_url = browser.current_url.split("?")[0]
    shoot(browser, f"{language}-4-gaps")

    # One verdict's explanation: a partial one, whose provision has the words found marked.
    row = next(r for r in rows(browser) if r.get_attribute("data-status") == "partial")
    offence = row.get_attribute("data-offence")
    row.find_element(By.CLASS_NAME, "why").click()
    waiting(browser, "elements")
    in_language(browser, language)
    assert browser.find_element(By.ID, "status").text == t("status.partial")
    assert browser.find_elements(By.CSS_SELECTOR, "#provision mark.found")
    assert browser.find_element(By.TAG_NAME, "h1").text == catalogue.offence(offence).title_in(language)
    shoot(browser, f"{language}-5-explanation")

    # An expert decision: recorded, shown on the explanation and in the report.
    browser.find_element(By.ID, "decide-covered").click()
    note = f"Test {language}: the provision read with its definitions covers the offence."
    browser.find_element(By.ID, "note").send_keys(note)
    browser.find_element(By.ID, "by").send_keys("A. Expert")
    browser.find_element(By.ID, "record").click()
    assert waiting(browser, "saved").text == t("serve.decide.saved")
    assert note in browser.find_element(By.ID, "decision").text
    shoot(browser, f"{language}-6-decision")
    browser.get(f"{report_url}?instrument={instrument}&status=all")
    decided = browser.find_element(By.CSS_SELECTOR, f'#verdicts tr[data-offence="{offence}"]')
    assert decided.get_attribute("data-status") == "covered"
    assert t("finding.decision_short") in decided.text

    # The Word report, in the language, with the decision.
    before = set(downloads.iterdir())
    browser.find_element(By.ID, "download-report-docx").click()
    word = _downloaded(downloads, before, ".docx")
    text = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert t("summary.title") in text and note in "\n".join(
        c.text for table in docx.Document(str(word)).tables for r in table.rows for c in r.cells) + text
    assert browser.find_element(By.ID, "download-decisions-yaml")

    # Compare the two drafts: the gaps closed first, as lawcheck diff finds them.
    changes = expected_changes.result()
    browser.get(f"{server.url}/compare")
    in_language(browser, language)
    shoot(browser, f"{language}-7-compare")
    Select(browser.find_element(By.ID, "old_sample")).select_by_value(f"sample:{FLOWS[language][1]}")
    Select(browser.find_element(By.ID, "new_sample")).select_by_value(f"sample:{FLOWS[language][2]}")
    browser.find_element(By.ID, "compare").click()
    waiting(browser, "summary")
    in_language(browser, language)
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2")]
    assert headings[0].startswith(t("diff.closed")) and headings[1].startswith(t("diff.opened"))
    closed = browser.find_elements(By.CSS_SELECTOR, "#closed tbody tr")
    assert len(closed) == len(changes.closed) > 0
    shoot(browser, f"{language}-8-diff")

    if language != "en":  # the tour once: its steps run a check, four explanations and a comparison
        return _no_errors(browser)

    # The tour: step 1, then Next.
    browser.get(f"{server.url}/tour")
    count = waiting(browser, "step-count").text
    steps = int(re.findall(r"\d+", count)[-1])
    assert count == t("serve.tour.step", number=1, count=steps)
    shoot(browser, f"{language}-9-tour-1")
    browser.find_element(By.ID, "next").click()
    WebDriverWait(browser, WAIT).until(ready.text_to_be_present_in_element(
        (By.ID, "step-count"), t("serve.tour.step", number=2, count=steps)))
    in_language(browser, language)
    shoot(browser, f"{language}-10-tour-2")

    _no_errors(browser)


def _no_errors(browser: webdriver.Chrome) -> None:
    """The browser reported no error: nothing blocked by the Content-Security-Policy, no script error."""
    problems = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert not problems, problems


def _downloaded(folder: Path, before: set[Path], suffix: str) -> Path:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        new = [p for p in set(folder.iterdir()) - before if p.suffix == suffix]
        if new:
            return new[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded")
