"""A workshop of thirty on one laptop (issue 14): thirty participants upload the largest sample at the same
moment to a ``lawcheck serve`` on 127.0.0.1 with its default single worker. Every check completes with the
verdicts ``lawcheck check`` gives, none fails, the server never runs more checks at once than it has workers,
each participant sees a place in the queue, and the memory of the server and its workers stays under the bound
the README states. The figures are printed (``pytest -s``) and written to ``$TMPDIR/lawcheck-serve-load.txt``.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import SAMPLE_BILLS
from serving import Running, client, csrf, started

from lawcheck.pipeline import check_file

PARTICIPANTS = 30
MEMORY_BOUND_MB = 600  # README, "Workshops and reviews", with the defaults (one worker)
TIME_BOUND = 150  # seconds for all thirty, on a slow machine shared with other work
ROW = re.compile(r'<tr class="\w+" data-status="(\w+)"[^>]*data-offence="([^"]+)"')


def participant(running: Running, number: int, bill: Path) -> dict:
    """Upload, wait (noting the places and the running checks seen), read every verdict of the report."""
    start = time.monotonic()
    seen = {"places": set(), "running": 0, "progress": False}
    with client(running) as http:
        token = csrf(http)
        answer = http.post("/check", data={"csrf": token},
                           files={"bill_file": (f"participant-{number}{bill.suffix}", bill.read_bytes(), "text/plain")})
        assert answer.status_code == 303, answer.text
        job = answer.headers["location"]
        while True:
            state = http.get(f"{job}/status").json()
            seen["places"].add(state["place"])
            seen["running"] = max(seen["running"], state["running"])
            seen["progress"] |= 0 < state["done"] < state["total"]
            if state["state"] in ("done", "failed"):
                break
            time.sleep(1.0)  # as the page's script does, a little less often
        ready = time.monotonic() - start
        page = http.get(job, params={"status": "all"})
    return {"status": page.status_code, "verdicts": {offence: status for status, offence in ROW.findall(page.text)},
            "seconds": ready, "places": seen["places"], "running": seen["running"], "progress": seen["progress"]}


@pytest.mark.slow
def test_thirty_participants_upload_the_largest_sample_at_once(tmp_path: Path, catalogue) -> None:  # noqa: ANN001
    bill = max(SAMPLE_BILLS, key=lambda p: p.stat().st_size)
    with started(tmp_path / "server") as running:
        idle = running.memory_mb()
        peak = [idle]
        done = threading.Event()

        def watch() -> None:
            while not done.is_set():
                peak.append(running.memory_mb())
                time.sleep(0.2)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        start = time.monotonic()
        with ThreadPoolExecutor(PARTICIPANTS) as pool:
            results = list(pool.map(lambda n: participant(running, n, bill), range(1, PARTICIPANTS + 1)))
        elapsed = time.monotonic() - start
        done.set()
        watcher.join()
        peak_mb, high_water = max(peak), running.peak_mb()

    expected = {r.id: r.status for r in check_file(bill, catalogue).results}  # after: the load is measured alone
    waits = sorted(r["seconds"] for r in results)
    figures = (f"{PARTICIPANTS} simultaneous uploads of {bill.name} ({bill.stat().st_size // 1024} KB, "
               f"{len(expected)} entries), 1 worker: all done in {elapsed:.1f} s; time to the result: "
               f"first {waits[0]:.1f} s, median {statistics.median(waits):.1f} s, last {waits[-1]:.1f} s; "
               f"most places in the queue seen {max(max(r['places']) for r in results)}; most checks running at once "
               f"{max(r['running'] for r in results)}; memory (server and workers, resident): idle {idle:.0f} MB, "
               f"peak sampled {peak_mb:.0f} MB, sum of the processes' high-water marks {high_water:.0f} MB "
               f"(bound {MEMORY_BOUND_MB} MB)")
    print("\n" + figures)
    (Path(tempfile.gettempdir()) / "lawcheck-serve-load.txt").write_text(figures + "\n", encoding="utf-8")
    assert all(r["status"] == 200 for r in results)
    assert all(r["verdicts"] == expected for r in results)  # every entry, the verdict of lawcheck check
    assert max(r["running"] for r in results) <= 1
    assert max(max(r["places"]) for r in results) >= PARTICIPANTS // 2  # the queue was real and shown
    assert sum(r["progress"] for r in results) >= PARTICIPANTS // 2  # so was the progress of the check running
    assert peak_mb < MEMORY_BOUND_MB and high_water < MEMORY_BOUND_MB
    assert elapsed < TIME_BOUND
