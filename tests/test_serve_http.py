"""``lawcheck serve`` through HTTP, without a browser (issue 14).

Safe by default: the token off 127.0.0.1, hostile uploads answered with the readers' one line while the server
keeps serving, no path from a request reaching the disk, CSRF tokens on every POST, the upload limit, the
security headers, the uploads removed when the server stops. And the pages in every language of the labels,
the decisions file a participant downloads, the decisions kept beside a bill named on the command line.

Two real servers (processes) for the whole module: one on 0.0.0.0 (token), one on 127.0.0.1 with a 1 MB limit
and a bill of its own.
"""

from __future__ import annotations

import html
import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml
from conftest import SAMPLES
from serving import Running, client, csrf, finished, started, submit, stop
from test_bad_input import BILL, CASES, SECRET

from lawcheck.render.i18n import Labels
from lawcheck.serve.app import languages

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

# The bad-input corpus of the command line, uploaded instead: the cases that are one file given to check
# (not a missing path, a folder, a checklist or an output, which a page cannot send).
UPLOADS = ("binary-garbage", "docx-that-is-a-zip", "truncated-docx", "legacy-doc", "legacy-doc-named-docx",
           "password-docx", "zip-bomb", "docx-xxe", "docx-laughs", "akn-xxe", "akn-laughs", "fake-pdf", "damaged-pdf",
           "scanned-pdf", "encrypted-pdf", "image", "unsupported-extension", "empty", "whitespace",
           "unsupported-language")
PAGES = ("/", "/compare", "/tour", "/job/abc", "/job/abc/status", "/static/serve.css", "/static/serve.js",
         "/no/such/page")
FORBIDDEN = Labels("en")("serve.error.forbidden")


@pytest.fixture(scope="module")
def open_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    with started(tmp_path_factory.mktemp("open"), "--host", "0.0.0.0") as running:
        yield running


@pytest.fixture(scope="module")
def local_bill(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bill on the trainer's computer, named on the command line."""
    folder = tmp_path_factory.mktemp("review")
    return Path(shutil.copy(SAMPLES / "en" / "aviation-security-bill-draft1.txt", folder / "our-bill.txt"))


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory, local_bill: Path) -> Iterator[Running]:
    with started(tmp_path_factory.mktemp("local"), "--max-upload", "1", str(local_bill)) as running:
        yield running


# --------------------------------------------------------------------------- the token


def test_a_non_local_host_prints_a_token(open_server: Running) -> None:
    assert re.fullmatch(r"[a-z2-9]{12}", open_server.token)
    assert any("access token" in line and open_server.token in line for line in open_server.output)


@pytest.mark.parametrize("token", ["", "wrong-token", "TOKEN-PREFIX"])
@pytest.mark.parametrize("path", PAGES)
def test_without_the_token_every_page_answers_403(open_server: Running, path: str, token: str) -> None:
    given = {"": "", "wrong-token": "abcdefghjkmn", "TOKEN-PREFIX": open_server.token[:-1]}[token]
    answer = httpx.get(open_server.url + path, params={"token": given} if given else None, timeout=30)
    assert answer.status_code == 403
    assert FORBIDDEN in answer.text and 'name="token"' in answer.text  # a form to type the code in
    assert "lawcheck_token" not in answer.headers.get("set-cookie", "")


@pytest.mark.parametrize("path", ["/check", "/compare", "/job/abc/decide"])
def test_without_the_token_a_post_answers_403(open_server: Running, path: str) -> None:
    answer = httpx.post(open_server.url + path, data={"csrf": "x"}, files={"bill_file": ("b.txt", BILL.encode())},
                        timeout=30)
    assert answer.status_code == 403


@pytest.mark.parametrize("path", ["/", "/tour"])
def test_the_token_opens_the_pages_and_stays_in_a_cookie(open_server: Running, path: str) -> None:
    with httpx.Client(base_url=open_server.url, timeout=60) as http:
        first = http.get(path, params={"token": open_server.token, "lang": "fr"})
        assert first.status_code == 303
        assert first.headers["location"] == f"{path}?lang=fr"  # the token leaves the address bar
        assert "httponly" in first.headers["set-cookie"].lower()
        assert http.get("/compare").status_code == 200  # the cookie carries it from now on


# --------------------------------------------------------------------------- hostile uploads


@pytest.mark.parametrize("name", UPLOADS)
def test_a_hostile_upload_gives_the_one_line_error_and_the_server_keeps_serving(
        local_server: Running, tmp_path: Path, name: str) -> None:
    build, advice = CASES[name]
    args, _ = build(tmp_path)
    path = Path(args[0])
    with client(local_server) as http:
        answer = submit(http, files={"bill_file": (path.name, path.read_bytes(), "application/octet-stream")})
        assert answer.status_code == 303, answer.text
        page = finished(http, answer.headers["location"])
        assert page.status_code == 422
        line = re.search(r'<p class="error" role="alert" id="error-line">(.*?)</p>', page.text, re.S).group(1)
        assert "\n" not in line.strip() and line.startswith(path.name), line  # one line, naming the file
        assert re.search(advice, line.replace("&#39;", "'")), line
        assert str(local_server.tmp) not in page.text and "Traceback" not in page.text and SECRET not in page.text
        assert http.get("/").status_code == 200
    assert "Traceback" not in "".join(local_server.output)


def test_an_upload_past_the_limit_is_refused_with_a_page(local_server: Running) -> None:
    with client(local_server) as http:
        answer = submit(http, files={"bill_file": ("big.txt", b"x" * (3 * 1024 * 1024), "text/plain")})
        assert answer.status_code == 413
        assert Labels("en")("serve.error.too_large", limit=1) in answer.text
    with client(local_server) as http:
        answer = submit(http, files={"bill_file": ("big.txt", b"x" * (1024 * 1024 + 10), "text/plain")})
        assert answer.status_code == 413  # one file past the limit, the request within twice it
        assert http.get("/").status_code == 200


# --------------------------------------------------------------------------- paths


def _raw_get(running: Running, target: str) -> tuple[int, bytes]:
    """A GET of ``target`` exactly as written (an HTTP client would tidy the dots away)."""
    host, port = running.url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data


@pytest.mark.parametrize("target", [
    "/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e%2f%2e%2e%2fserve%2fapp.py", "/../../../etc/passwd",
    "/static/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/job/..%2F..%2Fetc%2Fpasswd", "/job/x/download/..%2F..%2Fetc%2Fpasswd",
    "/job/x/download/%2fetc%2fpasswd", "/static//etc/passwd", "/static/serve.css/../../pyproject.toml",
    "/tour?lang=../../etc/passwd", "/?lang=..%2f..%2fetc%2fpasswd", "/tour?step=" + "9" * 5000,
])
def test_a_path_in_the_request_gets_nothing_from_the_disk(local_server: Running, target: str) -> None:
    status, data = _raw_get(local_server, target)
    assert status in (200, 400, 404), data[:300]
    for secret in (b"root:", b"[build-system]", b"import ", b"lawcheck.serve", SECRET.encode()):
        assert secret not in data, (target, data[:300])


def test_an_uploaded_file_name_never_becomes_a_path(local_server: Running, tmp_path: Path) -> None:
    text = (SAMPLES / "en" / "aviation-security-bill-draft1.txt").read_bytes()
    with client(local_server) as http:
        answer = submit(http, files={"bill_file": ("../../../escaped-bill.txt", text, "text/plain")})
        page = finished(http, answer.headers["location"])
        assert page.status_code == 200 and "escaped-bill.txt" in page.text
        assert "../" not in re.search(r'<p class="bill-name" id="bill">(.*?)</p>', page.text, re.S).group(1)
    assert not list(local_server.tmp.parent.rglob("escaped-bill.txt"))
    assert not Path("/escaped-bill.txt").exists()


def test_the_host_must_be_local_on_127_0_0_1(local_server: Running) -> None:
    """A page elsewhere cannot reach the server through a name it controls (DNS rebinding)."""
    assert httpx.get(local_server.url + "/", headers={"host": "attacker.example"}, timeout=30).status_code == 403
    assert httpx.get(local_server.url + "/", headers={"host": "localhost:1234"}, timeout=30).status_code == 200


# --------------------------------------------------------------------------- CSRF, headers


@pytest.mark.parametrize("how", ["no-field", "wrong-field", "no-cookie"])
@pytest.mark.parametrize("path", ["/check", "/compare"])
def test_a_post_without_the_csrf_token_is_refused(local_server: Running, path: str, how: str) -> None:
    with client(local_server) as http:
        token = csrf(http)
        data = {"no-field": {}, "wrong-field": {"csrf": token[:-2] + "xx"}, "no-cookie": {"csrf": token}}[how]
        if how == "no-cookie":
            http.cookies.clear()
        data |= {"bill_sample": "sample:en/counter-terrorism-bill.txt", "old_sample": "sample:en/aviation-security-bill-draft1.txt",
                 "new_sample": "sample:en/aviation-security-bill-draft2.txt"}
        answer = http.post(path, data=data, files={"bill_file": ("", b"")})
        assert answer.status_code == 403
        assert Labels("en")("serve.error.csrf") in answer.text or how == "no-cookie"


def test_the_decision_form_needs_the_csrf_token_too(local_server: Running) -> None:
    with client(local_server) as http:
        answer = submit(http, bill_sample="sample:en/aviation-security-bill-draft1.txt", instrument="hague-1970")
        job = answer.headers["location"]
        finished(http, job)
        refused = http.post(f"{job}/decide", data={"offence": "hague-1970:1(a)", "status": "covered", "note": "x"})
        assert refused.status_code == 403
        accepted = http.post(f"{job}/decide", data={"offence": "hague-1970:1(a)", "status": "covered", "note": "x",
                                                    "csrf": http.cookies["lawcheck_csrf"]})
        assert accepted.status_code == 303


@pytest.mark.parametrize("path", ["/", "/compare", "/tour", "/static/serve.css", "/no/such/page"])
def test_every_answer_carries_a_policy_without_inline_scripts(local_server: Running, path: str) -> None:
    answer = httpx.get(local_server.url + path, timeout=120)
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "default-src 'none'" in policy
    assert answer.headers["x-frame-options"] == "DENY" and answer.headers["referrer-policy"] == "no-referrer"
    if answer.headers["content-type"].startswith("text/html"):
        assert not re.search(r"<script(?![^>]*\bsrc=)", answer.text)  # no inline script
        assert not re.search(r"\s(on[a-z]+|style)=", answer.text)  # no inline handler or style


# --------------------------------------------------------------------------- pages, languages, decisions


def _checked(http: httpx.Client, **fields: str) -> str:
    answer = submit(http, **fields)
    assert answer.status_code == 303, answer.text
    page = finished(http, answer.headers["location"])
    assert page.status_code == 200, page.text
    return answer.headers["location"]


def test_the_pages_speak_every_language_of_the_labels(local_server: Running) -> None:
    assert {"en", "fr", "es"} <= set(languages())
    with client(local_server) as http:
        job = _checked(http, bill_sample="sample:es/ley-seguridad-aerea-borrador1.txt", instrument="hague-1970")
        for language in languages():
            t = Labels(language)
            pages = {"/": t("serve.home.title"), "/compare": t("serve.compare.title"),
                     job: t("serve.report.title"), f"{job}/explain": t("serve.explain.elements")}
            for path, words in pages.items():
                answer = http.get(path, params={"lang": language, "offence": "hague-1970:1(a)"})
                assert answer.status_code == 200 and words in answer.text, (language, path)
                assert f'<html lang="{language}"' in answer.text


def test_a_decision_is_in_the_decisions_file_the_participant_downloads(local_server: Running) -> None:
    with client(local_server) as http:
        job = _checked(http, bill_sample="sample:en/aviation-security-bill-draft1.txt", instrument="hague-1970")
        assert http.get(f"{job}/download/decisions.yaml").text.strip() == "[]"
        answer = http.post(f"{job}/decide", data={"offence": "hague-1970:1(a)", "status": "partial", "by": "A. Expert",
                                                  "note": "Section 3 lacks 'in flight'.", "csrf": http.cookies["lawcheck_csrf"]})
        assert answer.status_code == 303
        decisions = yaml.safe_load(http.get(f"{job}/download/decisions.yaml").text)
        assert [(d["offence"], d["status"], d["by"]) for d in decisions] == [("hague-1970:1(a)", "partial", "A. Expert")]
        assert re.fullmatch(r"[0-9a-f]{64}", decisions[0]["fingerprint"])
        report = http.get(job, params={"status": "all"}).text
        assert re.search(r'data-status="partial"[^>]*data-offence="hague-1970:1\(a\)"', report)


def test_decisions_on_a_bill_named_on_the_command_line_are_kept_beside_it(local_server: Running, local_bill: Path) -> None:
    beside = local_bill.parent / "lawcheck-decisions.yaml"
    with client(local_server) as http:
        assert "our-bill.txt" in http.get("/").text
        job = _checked(http, bill_sample="local:0", instrument="hague-1970")
        answer = http.post(f"{job}/decide", data={"offence": "hague-1970:1(a)", "status": "covered", "note": "Read with s 2.",
                                                  "csrf": http.cookies["lawcheck_csrf"]})
        assert answer.status_code == 303
        assert yaml.safe_load(beside.read_text(encoding="utf-8"))[0]["offence"] == "hague-1970:1(a)"
        again = _checked(http, bill_sample="local:0", instrument="hague-1970")  # a later check applies it
        assert re.search(r'data-status="covered"[^>]*data-offence="hague-1970:1\(a\)"',
                         http.get(again, params={"status": "all"}).text)


@pytest.fixture(scope="module")
def checked_job(local_server: Running) -> tuple[httpx.Client, str]:
    http = client(local_server)
    yield http, _checked(http, bill_sample="sample:fr/loi-surete-aviation-version1.txt", instrument="hague-1970",
                         lang="fr")
    http.close()


@pytest.mark.parametrize("name", ["report.docx", "report.html", "annotated.docx", "concordance.csv", "concordance.xlsx"])
def test_every_download_is_the_library_s_document_in_the_page_language(checked_job, name: str) -> None:  # noqa: ANN001
    http, job = checked_job
    t = Labels("fr")
    answer = http.get(f"{job}/download/{name}")
    assert answer.status_code == 200
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith("attachment;") and f"loi-surete-aviation-version1-{name}" in disposition
    if name.endswith(".docx"):
        import io

        import docx

        text = "\n".join(p.text for p in docx.Document(io.BytesIO(answer.content)).paragraphs)
        assert (t("summary.title") if name == "report.docx" else "Article") in text
    elif name == "report.html":
        assert t("report.title") in html.unescape(answer.text) and answer.headers["content-type"].startswith("text/html")
    elif name == "concordance.csv":
        assert answer.text.lstrip("\ufeff").startswith(t("sheet.instrument"))
    else:
        assert answer.content.startswith(b"PK")


def test_the_comparison_downloads_as_word(local_server: Running) -> None:
    with client(local_server) as http:
        answer = http.post("/compare", data={"csrf": csrf(http), "old_sample": "sample:en/aviation-security-bill-draft1.txt",
                                             "new_sample": "sample:en/aviation-security-bill-draft2.txt",
                                             "instrument": "hague-1970", "lang": "es"},
                           files={"old_file": ("", b""), "new_file": ("", b"")})
        assert answer.status_code == 303
        page = finished(http, answer.headers["location"])
        assert Labels("es")("diff.closed") in page.text
        word = http.get(answer.headers["location"] + "/download/changes.docx")
        assert word.status_code == 200 and word.content.startswith(b"PK")


def test_the_comparison_page_gives_its_warnings_in_the_page_language(local_server: Running) -> None:
    """Drafts in two languages: the warning that their provisions cannot be matched, in Arabic."""
    with client(local_server) as http:
        answer = http.post("/compare", data={"csrf": csrf(http), "old_sample": "sample:en/aviation-security-bill-draft1.txt",
                                             "new_sample": "sample:ru/zakon-aviabezopasnost-redaktsiya1.txt",
                                             "instrument": "hague-1970", "lang": "ar"},
                           files={"old_file": ("", b""), "new_file": ("", b"")})
        assert answer.status_code == 303
        page = html.unescape(finished(http, answer.headers["location"]).text)
        say = Labels("ar")
        assert say("warning.languages_differ", language=say("language.en"), other=say("language.ru")) in page
        assert "different languages" not in page


@pytest.mark.parametrize("query, expected", [
    ({}, ("", "gaps", "")),
    ({"instrument": "hague-1970", "status": "covered", "kind": "principal"}, ("hague-1970", "covered", "principal")),
    ({"instrument": "../etc", "status": "everything", "kind": "<script>"}, ("", "gaps", "")),
])
def test_unknown_filters_fall_back_to_the_defaults(catalogue, query: dict, expected: tuple) -> None:  # noqa: ANN001
    from lawcheck.models import Bill
    from lawcheck.pipeline import check_bill
    from lawcheck.serve.pages import Filters

    report = check_bill(Bill("bill.txt", BILL, "txt"), catalogue, "en", ("hague-1970",))
    filters = Filters.read(query, report)
    assert (filters.instrument, filters.status, filters.kind) == expected


def test_the_oldest_finished_report_makes_room_with_its_uploads(tmp_path: Path) -> None:
    """The server keeps a bounded number of reports: a new check drops the oldest finished one and its upload;
    when none has finished, the participant is asked to try again."""
    import asyncio

    from lawcheck.serve.app import Job, Refused, Server, Settings
    from lawcheck.serve.pool import Task

    async def scenario() -> None:
        server = Server(Settings(jobs_kept=2))
        folders = [tmp_path / name for name in ("old", "newer")]
        for number, folder in enumerate(folders):
            folder.mkdir()
            server.jobs[folder.name] = Job(folder.name, "check", (), None, (), Task("check", (), 1, number), folder)
        server.jobs["old"].task.state = "done"
        server._make_room()
        assert list(server.jobs) == ["newer"] and not folders[0].exists() and folders[1].exists()
        server.jobs["third"] = Job("third", "check", (), None, (), Task("check", (), 1, 3))
        with pytest.raises(Refused) as refused:
            server._make_room()  # both still waiting: nothing can go
        assert refused.value.status == 503 and refused.value.key == "serve.error.busy"

    asyncio.run(scenario())


# --------------------------------------------------------------------------- the temporary folder (last: it stops the server)


def test_uploads_live_in_a_temporary_folder_removed_when_the_server_stops(local_server: Running) -> None:
    with client(local_server) as http:
        answer = submit(http, files={"bill_file": ("bill.txt", BILL.encode(), "text/plain")}, instrument="hague-1970")
        finished(http, answer.headers["location"])
    kept = list(local_server.tmp.glob("lawcheck-serve-*/*/*.txt"))
    assert kept and all(path.name != "bill.txt" for path in kept)  # random names
    stop(local_server.process)  # Ctrl+C, as a trainer stops it
    assert local_server.process.returncode == 0
    assert not list(local_server.tmp.glob("lawcheck-serve-*"))
    assert "Traceback" not in "".join(local_server.output)
