"""A real ``lawcheck serve`` for the tests: started as a process (as a trainer starts it), stopped with Ctrl+C.

One server per test module (a module-scoped fixture calls :func:`started`); its temporary folder is the
test's, so that the tests can see the uploads appear and disappear.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 90  # seconds: the workers load the checklist and warm up on a slow, shared machine


@dataclass
class Running:
    url: str  # http://127.0.0.1:PORT (no token, no trailing slash)
    token: str
    process: subprocess.Popen
    tmp: Path  # the server's TMPDIR
    output: list[str]

    def memory_mb(self) -> float:
        """Resident memory of the server and all its processes (workers included), in MB."""
        return sum(_rss_kb(pid) for pid in [self.process.pid, *descendants(self.process.pid)]) / 1024

    def peak_mb(self) -> float:
        """The sum of each process's peak resident memory (VmHWM), in MB: an upper bound of the peak."""
        return sum(_status_kb(pid, "VmHWM") for pid in [self.process.pid, *descendants(self.process.pid)]) / 1024


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_kb(pid: int) -> int:
    return _status_kb(pid, "VmRSS")


@contextmanager
def started(tmp: Path, *options: str) -> Iterator[Running]:
    """Start ``lawcheck serve --port 0 OPTIONS`` and wait until its first page answers; stop it with SIGINT."""
    tmp.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "lawcheck", "serve", "--port", "0", *options], cwd=tmp,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    drain = threading.Thread(target=_drain, args=(process, output), daemon=True)
    try:
        url, token = _address(process, output)
        drain.start()
        running = Running(url, token, process, tmp, output)
        _wait_ready(running)
        yield running
    finally:
        stop(process)
        if drain.is_alive():
            drain.join(timeout=10)
        assert process.stdout is not None
        process.stdout.close()


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _address(process: subprocess.Popen, output: list[str]) -> tuple[str, str]:
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise AssertionError("the server stopped: " + "".join(output))
        output.append(line)
        found = re.search(r"open http://\S+?:(\d+)/(?:\?token=(\w+))?", line)
        if found:  # on 0.0.0.0 the address printed is the network's: the tests go through 127.0.0.1
            return f"http://127.0.0.1:{found.group(1)}", found.group(2) or ""
    raise AssertionError("no address printed: " + "".join(output))


def _drain(process: subprocess.Popen, output: list[str]) -> None:
    """Keep reading what the server prints (a full pipe would stop it)."""
    assert process.stdout is not None
    for line in process.stdout:
        output.append(line)


def _wait_ready(running: Running) -> None:
    """The first page answers (with the token, when there is one)."""
    deadline = time.monotonic() + START_TIMEOUT
    cookies = {"lawcheck_token": running.token} if running.token else {}
    while time.monotonic() < deadline:
        try:
            if httpx.get(running.url + "/", cookies=cookies, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError("the server did not answer")


def client(running: Running) -> httpx.Client:
    """A participant: a client with its own cookies (the token's, when there is one)."""
    http = httpx.Client(base_url=running.url, timeout=60)
    if running.token:
        http.cookies.set("lawcheck_token", running.token)
    return http


def csrf(http: httpx.Client) -> str:
    """Open the first page (which sets the CSRF cookie) and return the token its form carries."""
    page = http.get("/")
    assert page.status_code == 200, page.text
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def submit(http: httpx.Client, files: dict | None = None, **fields: str) -> httpx.Response:
    """POST the check form (the CSRF token added) and return the answer, redirects not followed."""
    data = {"csrf": csrf(http), **fields}
    return http.post("/check", data=data, files=files or {"bill_file": ("", b"", "application/octet-stream")})


def finished(http: httpx.Client, job_url: str, timeout: float = 120) -> httpx.Response:
    """Wait until the job is done or failed, then return its page."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = http.get(f"{job_url}/status").json()["state"]
        if state in ("done", "failed"):
            return http.get(job_url)
        time.sleep(0.1)
    raise AssertionError(f"{job_url} did not finish in {timeout} s")
