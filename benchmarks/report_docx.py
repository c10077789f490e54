"""Time the Word gap report (all instruments of the checklist) on the largest sample bill and on a bill
made of the samples repeated to about 50,000 words. Prints the figures; asserts nothing.

    make bench-report        (or: .venv/bin/python benchmarks/report_docx.py)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lawcheck.catalogue import load_catalogue  # noqa: E402
from lawcheck.models import Bill  # noqa: E402
from lawcheck.pipeline import check_bill  # noqa: E402
from lawcheck.read import read_bill  # noqa: E402
from lawcheck.render.common import ReportOptions  # noqa: E402
from lawcheck.render.docx import render_docx  # noqa: E402
from lawcheck.render.html import render_html  # noqa: E402

TARGET_WORDS = 50_000


def largest_sample() -> Path:
    samples = sorted((ROOT / "samples").glob("*/*.txt"), key=lambda p: p.stat().st_size, reverse=True)
    return samples[0]


def repeated_bill(sample: Path) -> Bill:
    text = sample.read_text(encoding="utf-8")
    copies = max(1, TARGET_WORDS // len(text.split()) + 1)
    return Bill(path=f"{sample.name} x{copies}", text="\n".join([text] * copies), format="txt")


def best_of(runs: int, function, *args) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def measure(label: str, bill: Bill, catalogue, runs: int) -> None:  # noqa: ANN001
    start = time.perf_counter()
    report = check_bill(bill, catalogue)
    checked = time.perf_counter() - start
    options = ReportOptions(date="2024-01-01")
    docx_time = best_of(runs, render_docx, report, catalogue, bill.text, options)
    html_time = best_of(runs, render_html, report, catalogue, bill.text, options)
    size = len(render_docx(report, catalogue, bill.text, options))
    print(f"{label}: {report.bill.words} words, {len(report.instruments)} instruments, {len(report.results)} entries; "
          f"check {checked:.2f} s; Word report {docx_time:.2f} s ({size // 1024} KiB); HTML report {html_time:.2f} s "
          f"(best of {runs})")


def main() -> None:
    catalogue = load_catalogue()
    sample = largest_sample()
    measure(f"largest sample ({sample.relative_to(ROOT)})", read_bill(sample), catalogue, runs=3)
    measure("samples repeated to ~50k words", repeated_bill(sample), catalogue, runs=1)


if __name__ == "__main__":
    main()
