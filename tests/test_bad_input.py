"""Hostile and broken input at the command line (issue 6): a clear answer, never a traceback.

The corpus is generated here, file by file (no binary fixtures). Every bad case must give exit code 2,
exactly one line on stderr that names the file and says what to do, no "Traceback", nothing on stdout,
and leave the report folder as it was: no new file, and an existing report at ``-o`` untouched.
What the readers themselves return is asserted in test_read.py; this file checks what the user sees.
"""

from __future__ import annotations

import codecs
import json
import random
import re
import socket
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT, SAMPLE_BILLS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawcheck.catalogue
import lawcheck.yamlfile
from lawcheck.yamlfile import load_yaml
from lawcheck.cli import cli
from lawcheck.errors import CatalogueError, LawcheckError
from lawcheck.read import read_bill
from lawcheck.read.akn import read_akn
from lawcheck.read.common import MAX_TEXT_CHARS, MAX_UNZIPPED_BYTES
from lawcheck.read.docx import read_docx
from lawcheck.read.html import read_html
from lawcheck.read.pdf import read_pdf
from lawcheck.read.text import decode_bytes, read_text
from lawcheck.split import split

try:
    from tests.builders import make_akn, make_docx, make_encrypted_pdf, make_html, make_pdf, make_scanned_pdf
except ImportError:  # tests/ on sys.path instead of the project root
    from builders import make_akn, make_docx, make_encrypted_pdf, make_html, make_pdf, make_scanned_pdf

EN_BILL = next(p for p in SAMPLE_BILLS if p.parent.name == "en")
FR_BILL = next(p for p in SAMPLE_BILLS if p.parent.name == "fr")
BILL = """COUNTER-TERRORISM BILL 2024
PART II — OFFENCES
3. Hijacking
(1) A person who unlawfully, by force or threat thereof, seizes or exercises control of an aircraft in flight commits an offence.
4. Hostage-taking
(1) A person who seizes or detains another person and threatens to kill him in order to compel a State to do any act commits an offence."""
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SECRET = "SENTINEL-SECRET-4711"
LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
REPORT = "previous report\n"


def xxe(folder: Path) -> str:
    """A DOCTYPE whose external entity points at a file holding ``SECRET``."""
    secret = folder / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    return f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(autouse=True)
def _default_checklist_once(monkeypatch: pytest.MonkeyPatch, catalogue) -> None:  # noqa: ANN001
    """The built-in checklist is loaded once per session (custom folders are still loaded for real)."""
    real = lawcheck.catalogue.load_catalogue
    monkeypatch.setattr(lawcheck.catalogue, "load_catalogue", lambda folder=None: catalogue if folder is None else real(folder))


# --------------------------------------------------------------------------- the corpus

Case = Callable[[Path], tuple[list[object], str]]  # tmp folder -> (arguments after "check", name in the message)


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _bill(path: Path) -> tuple[list[object], str]:
    return [path], str(path)


def _rezip(source: Path, target: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info.filename, change(data) if info.filename == name else data)
    return target


def _docx_with_doctype(tmp: Path, doctype: str, reference: str) -> Path:
    def inject(data: bytes) -> bytes:
        text = data.decode("utf-8")
        end = text.index("?>") + 2
        return (text[:end] + doctype + text[end:]).replace(">Hijacking<", f">{reference}<").encode("utf-8")

    return _rezip(make_docx(BILL, tmp / "source.docx"), tmp / "evil.docx", "word/document.xml", inject)


def _akn_with_doctype(tmp: Path, doctype: str, reference: str) -> Path:
    xml = make_akn(BILL, tmp / "source.xml").read_text(encoding="utf-8")
    xml = xml.replace("?>", "?>" + doctype, 1).replace("Hijacking", reference, 1)
    return _write(tmp / "evil.xml", xml)


def _zip_bomb(tmp: Path) -> Path:
    path = tmp / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (MAX_UNZIPPED_BYTES + 1))
    return path


def _truncated_docx(tmp: Path) -> Path:
    data = make_docx(BILL, tmp / "whole.docx").read_bytes()
    return _write(tmp / "truncated.docx", data[: len(data) // 2])


def _checklist(tmp: Path, change: Callable[[str], str]) -> tuple[list[object], str]:
    """A checklist folder with one instrument file, passed through ``change``."""
    folder = tmp / "checklist"
    folder.mkdir()
    source = (ROOT / "offences" / "hague-1970.yaml").read_text(encoding="utf-8")
    target = _write(folder / "hague-1970.yaml", change(source))
    return [EN_BILL, "--offences", folder], str(target)


def _unwritable_output(tmp: Path, kind: str) -> tuple[list[object], str]:
    places = {
        "missing-folder": tmp / "no" / "such" / "report.json",
        "folder-is-a-file": _write(tmp / "plain.txt", "x") / "report.json",
        "target-is-a-folder": tmp / "out",  # the folder that already holds report.json
        "proc": Path("/proc/lawcheck-report.json"),
    }
    return [EN_BILL, "--format", "json", "-o", places[kind]], str(places[kind])


CASES: dict[str, tuple[Case, str]] = {
    # name: (builder, what the line must advise, as a regular expression)
    "missing-file": (lambda t: _bill(t / "nope.txt"), "file not found; check the path"),
    "directory": (lambda t: _bill(_mkdir(t / "folder.txt")), "is a directory.*give the path"),
    "empty": (lambda t: _bill(_write(t / "empty.txt", b"")), "is empty; check"),
    "whitespace": (lambda t: _bill(_write(t / "blank.txt", " \n\t\r\n  \n")), "is empty; check"),
    "binary-garbage": (lambda t: _bill(_write(t / "bill.txt", random.Random(6).randbytes(8192))),
                       "does not look like text.*save the bill as"),
    "docx-that-is-a-zip": (lambda t: _bill(_zip_of(t / "bill.docx")), "not a Word .docx.*save it again"),
    "truncated-docx": (lambda t: _bill(_truncated_docx(t)), "damaged or not a .docx.*save it again"),
    "legacy-doc": (lambda t: _bill(_write(t / "bill.doc", OLE_MAGIC + b"\x00" * 1024)), "legacy Word .doc.*save it as .docx"),
    "legacy-doc-named-docx": (lambda t: _bill(_write(t / "bill.docx", OLE_MAGIC + b"\x00" * 1024)), "save it as .docx"),
    "password-docx": (lambda t: _bill(_write(t / "secret.docx", OLE_MAGIC + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le"))),
                      "password-protected.*remove the password"),
    "zip-bomb": (lambda t: _bill(_zip_bomb(t)), "zip bomb.*split the bill"),
    "docx-xxe": (lambda t: _bill(_docx_with_doctype(t, xxe(t), "&xxe;")), "entity declaration.*save it again"),
    "docx-laughs": (lambda t: _bill(_docx_with_doctype(t, LAUGHS, "&lol3;")), "entity declaration.*save it again"),
    "akn-xxe": (lambda t: _bill(_akn_with_doctype(t, xxe(t), "&xxe;")), "entities"),
    "akn-laughs": (lambda t: _bill(_akn_with_doctype(t, LAUGHS, "&lol3;")), "entities"),
    "pdf-named-docx-garbage": (lambda t: _bill(_write(t / "bill.pdf", b"PK\x03\x04" + b"\x00" * 200)), "damaged or not a .docx"),
    "fake-pdf": (lambda t: _bill(_write(t / "bill.pdf", "Just some words, not a PDF")), "not a .pdf file.*save it again"),
    "damaged-pdf": (lambda t: _bill(_write(t / "bill.pdf", b"%PDF-1.7\n" + random.Random(3).randbytes(2048))),
                    "PDF.*export it again"),
    "scanned-pdf": (lambda t: _bill(make_scanned_pdf(t / "scan.pdf")), "no text layer.*run OCR"),
    "encrypted-pdf": (lambda t: _bill(make_encrypted_pdf(BILL, t / "locked.pdf")), "encrypted.*remove the password"),
    "image": (lambda t: _bill(_write(t / "scan.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)), "image.*OCR"),
    "unsupported-extension": (lambda t: _bill(_write(t / "bill.odt", "text")), "not supported.*supported formats"),
    "one-line-20-mb": (lambda t: _bill(_write(t / "huge.txt", "A person who seizes an aircraft commits an offence. " * 400_000)),
                       "past the limit.*split the bill"),
    "unsupported-language": (lambda t: _bill(_write(t / "gesetz.txt", "§ 1 Wer ein Luftfahrzeug entführt, wird mit "
                                                    "Freiheitsstrafe nicht unter fünf Jahren bestraft und der Versuch ist strafbar.")),
                             "not one lawcheck supports.*--lang"),
    "checklist-yaml-syntax": (lambda t: _checklist(t, lambda s: s.replace("offences:", "offences: [", 1)), "line|column|expected"),
    "checklist-duplicate-key": (lambda t: _checklist(t, lambda s: s.replace("instrument:", "instrument:\n  id: x\ninstrument:", 1)),
                                "duplicate key 'instrument'"),
    "checklist-unknown-key": (lambda t: _checklist(t, lambda s: s.replace("instrument:", "instrument:\n  colour: red", 1)),
                              "instrument.colour: unknown key"),
    "checklist-python-tag": (lambda t: _checklist(t, lambda s: s.replace("instrument:", "evil: !!python/object/apply:os.getcwd []\ninstrument:", 1)),
                             "could not determine a constructor|python/object"),
    "output-missing-folder": (lambda t: _unwritable_output(t, "missing-folder"), "does not exist; create it"),
    "output-folder-is-a-file": (lambda t: _unwritable_output(t, "folder-is-a-file"), "does not exist; create it|choose another"),
    "output-is-a-folder": (lambda t: _unwritable_output(t, "target-is-a-folder"), "choose another path"),
    "output-in-proc": (lambda t: _unwritable_output(t, "proc"), "choose another path"),
}


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _zip_of(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    build, advice = CASES[name]
    if name == "output-in-proc" and not Path("/proc/self").exists():
        pytest.skip("needs Linux /proc")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text(REPORT, encoding="utf-8")
    args, named = build(tmp_path)
    if "-o" not in args:
        args = [*args, "-o", out / "report.json"]
    before = _snapshot(out)
    result = run("check", *args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lawcheck: ") and named in lines[0], lines[0]
    assert re.search(advice, lines[0]), lines[0]
    assert "Traceback" not in result.output and result.stdout == ""
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert _snapshot(out) == before  # nothing written, nothing left behind, the old report intact
    assert SECRET not in result.output


@pytest.mark.parametrize("name", ["unreadable"])
def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Permissions cannot be relied on (tests may run as root): the read itself is made to fail."""
    path = _write(tmp_path / "bill.txt", BILL)

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    result = run("check", path)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"lawcheck: {path}: cannot be read (permission denied); check the file's permissions"]


@pytest.mark.parametrize("name", ["missing-file", "binary-garbage", "damaged-pdf", "zip-bomb", "checklist-duplicate-key"])
def test_no_traceback_reaches_stderr_in_a_real_process(tmp_path: Path, name: str) -> None:
    """Outside pytest nothing captures warnings or library logs: they would be extra lines on stderr."""
    args, named = CASES[name][0](tmp_path)
    done = subprocess.run([sys.executable, "-m", "lawcheck", "check", *map(str, args)], capture_output=True,
                          text=True, check=False, cwd=tmp_path, timeout=300)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and named in lines[0] and "Traceback" not in done.stderr, done.stderr


# --------------------------------------------------------------------------- read correctly, not refused


def _json_check(path: Path, *extra: object) -> dict:
    result = run("check", path, "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("source", "encode"),
    [
        (EN_BILL, lambda text: text.encode("utf-16-le")),
        (EN_BILL, lambda text: text.encode("utf-16-be")),
        (FR_BILL, lambda text: text.encode("cp1252")),
    ],
    ids=["utf16le-no-bom", "utf16be-no-bom", "cp1252"],
)
def test_legacy_encodings_give_the_same_report(tmp_path: Path, source: Path, encode) -> None:  # noqa: ANN001
    text = source.read_text(encoding="utf-8")
    path = _write(tmp_path / source.name, encode(text))
    assert not path.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    expected = _json_check(source)
    report = _json_check(path)
    assert report["bill"]["title"] == expected["bill"]["title"]
    assert report["bill"]["words"] == expected["bill"]["words"]
    assert report["results"] == expected["results"]


@pytest.mark.parametrize(
    ("name", "make", "expected_format"),
    [("bill.docx", make_pdf, "pdf"), ("bill.pdf", make_docx, "docx")],
    ids=["docx-that-is-a-pdf", "pdf-that-is-a-docx"],
)
def test_misnamed_files_are_read_by_their_content(tmp_path: Path, name: str, make, expected_format: str) -> None:  # noqa: ANN001
    made = make(BILL, tmp_path / ("real." + expected_format))
    path = _write(tmp_path / name, made.read_bytes())
    report = _json_check(path, "--instrument", "hague-1970")
    assert report["bill"]["format"] == expected_format
    assert report["results"][0]["status"] != "missing"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_no_recognisable_provisions_says_so(tmp_path: Path, fmt: str) -> None:
    path = _write(tmp_path / "letter.txt", "Dear Minister, the committee met on Tuesday and discussed the budget "
                  "of the ministry for the coming year. It will meet again in the spring, when the report is ready.")
    result = run("check", path, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        warnings = json.loads(result.stdout)["warnings"]
    else:
        warnings = [line for line in result.stdout.splitlines() if line.startswith("warning: ")]
    assert any("no numbered provisions were recognised" in w for w in warnings), result.stdout


def test_warnings_reach_stderr_when_the_report_goes_to_a_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "letter.txt", "Dear Minister, the committee met on Tuesday and discussed the budget "
                  "of the ministry for the coming year. It will meet again in the spring, when the report is ready.")
    result = run("check", path, "-o", tmp_path / "report.json")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"lawcheck: warning: {path.name}: no numbered provisions"), result.stderr
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["warnings"]


@pytest.mark.parametrize(
    ("name", "make_doc"),
    [
        ("xxe.html", lambda t: f'<!DOCTYPE html {xxe(t)[len("<!DOCTYPE x "):-1]}><html><head><title>&xxe;</title></head>'
                               f"<body><h1>&xxe;</h1><p>{BILL.replace(chr(10), '</p><p>')}</p></body></html>"),
        ("laughs.html", lambda t: f"{LAUGHS}<html><head><title>&lol3;</title></head>"
                                  f"<body><p>{BILL.replace(chr(10), '</p><p>')}</p></body></html>"),
    ],
    ids=["xxe", "laughs"],
)
def test_html_entities_are_neither_resolved_nor_expanded(tmp_path: Path, name: str, make_doc) -> None:  # noqa: ANN001
    path = _write(tmp_path / name, make_doc(tmp_path))
    report = _json_check(path, "--instrument", "hague-1970")
    assert report["bill"]["title"] in ("&xxe;", "&lol3;")
    assert SECRET not in json.dumps(report) and "lollol" not in json.dumps(report)


def test_report_keeps_the_permissions_of_an_ordinary_file(tmp_path: Path) -> None:
    import os

    target = tmp_path / "report.json"
    assert run("check", EN_BILL, "--instrument", "hague-1970", "-o", target).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


HOSTILE = """<script>alert("title")</script> COUNTER-TERRORISM BILL 2024
3. Hijacking <img src=x onerror=alert(1)>
(1) A person who unlawfully, by force or threat thereof, seizes or exercises control of an aircraft in flight commits an offence. </p></td><script>alert(2)</script>
(2) A person who attempts to commit an offence under this section, or is an accomplice, commits an offence. <a href="javascript:alert(3)">x</a>"""


@pytest.mark.parametrize("name", ["report.html"])
def test_html_report_escapes_the_bill(tmp_path: Path, name: str) -> None:
    pytest.importorskip("lawcheck.render.html")
    bill = _write(tmp_path / "evil.txt", HOSTILE)
    result = run("check", bill, "--instrument", "hague-1970", "-o", tmp_path / name)
    assert result.exit_code == 0, result.output
    html = (tmp_path / name).read_text(encoding="utf-8")
    for raw in ("<script>alert", "<img src=x", '<a href="javascript:', "</td><script>"):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html or "&lt;script&gt;alert(2)" in html


# --------------------------------------------------------------------------- no network, safe YAML


def test_a_check_opens_no_network_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted during a check")

    for target, name in [(socket.socket, "connect"), (socket.socket, "connect_ex"), (socket, "create_connection"),
                         (socket, "getaddrinfo")]:
        monkeypatch.setattr(target, name, refuse)
    remote = '<!DOCTYPE x [<!ENTITY net SYSTEM "http://127.0.0.1:9/evil.dtd">]>'
    bills = [
        make_docx(BILL, tmp_path / "bill.docx"),
        make_pdf(BILL, tmp_path / "bill.pdf"),
        _write(tmp_path / "bill.html", f"{remote}<html><body><p>&net;</p>"
                                       f"<p>{BILL.replace(chr(10), '</p><p>')}</p></body></html>"),
        make_akn(BILL, tmp_path / "bill.xml"),
        _akn_with_doctype(tmp_path, remote, "&net;"),
    ]
    codes = [run("check", bill, "--instrument", "hague-1970").exit_code for bill in bills]
    assert codes == [0, 0, 0, 0, 2]
    assert attempts == []


def test_yaml_is_always_loaded_safely(tmp_path: Path) -> None:
    loader = lawcheck.yamlfile._UniqueKeyLoader
    safe = tuple(c for c in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", None)) if c)
    assert issubclass(loader, safe)
    marker = tmp_path / "pwned"
    path = _write(tmp_path / "evil.yaml", f"x: !!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path ['{marker}']]\n")
    with pytest.raises(CatalogueError, match="evil.yaml"):
        load_yaml(path)
    assert not marker.exists()
    unsafe = ("yaml.load(", "yaml.unsafe_load", "yaml.full_load", "FullLoader", "UnsafeLoader", "yaml.Loader")
    for source in sorted((ROOT / "lawcheck").rglob("*.py")):
        code = source.read_text(encoding="utf-8")
        for word in unsafe:
            hits = [line for line in code.splitlines() if word in line and "Loader=_UniqueKeyLoader" not in line]
            assert not hits, f"{source}: {hits}"


# --------------------------------------------------------------------------- Hypothesis: nothing but our errors escapes

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_our_errors(function: Callable[[], object]) -> None:
    try:
        function()
    except LawcheckError:
        pass


def _docx_bytes(document: bytes) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


@FUZZ
@given(st.binary(max_size=2048))
def test_readers_survive_arbitrary_bytes(data: bytes) -> None:
    for prefix in (b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<?xml version='1.0'?><akomaNtoso>", OLE_MAGIC):
        blob = prefix + data
        _only_our_errors(lambda: read_text(blob, "x.txt"))
        _only_our_errors(lambda: read_text(blob, "x.md", markdown=True))
        _only_our_errors(lambda: decode_bytes(blob, "x.html"))
        _only_our_errors(lambda: read_pdf(blob, "x.pdf"))
        _only_our_errors(lambda: read_docx(blob, "x.docx"))
        _only_our_errors(lambda: read_akn(blob, "x.xml"))


@FUZZ
@given(st.binary(max_size=1024), st.sampled_from([".txt", ".md", ".docx", ".pdf", ".html", ".xml", ".doc", ""]))
def test_read_bill_survives_arbitrary_files(data: bytes, suffix: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder) / f"bill{suffix}", data)
        _only_our_errors(lambda: read_bill(path))


def _soup(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Strings made of the given pieces (characters or whole tags), in any order."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


XML_TEXT = _soup(list("<>/=\"' &;#x!-[]?abcpwrtW:01\n") + ["<w:p>", "</w:p>", "<w:t>", "</w:t>", "<w:r>", "<w:numPr>",
                                                            "<p>", "</p>", "<ol>", "<li>", "<!DOCTYPE", "<section>"], 120)


@FUZZ
@given(XML_TEXT)
def test_markup_readers_survive_arbitrary_markup(markup: str) -> None:
    _only_our_errors(lambda: read_html(markup, "x.html"))
    _only_our_errors(lambda: read_akn(f"<akomaNtoso><act><body>{markup}</body></act></akomaNtoso>".encode(), "x.xml"))
    document = f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{markup}</w:body></w:document>'
    _only_our_errors(lambda: read_docx(_docx_bytes(document.encode()), "x.docx"))


@FUZZ
@given(st.text(max_size=600), st.sampled_from(["en", "fr", "es", "ar", "ru", "zh"]))
def test_splitter_survives_arbitrary_text(text: str, language: str) -> None:
    _only_our_errors(lambda: split(text, language))


@FUZZ
@given(_soup(["المادة ", "(١٢)", " مكرر", "الباب الأول: ", "أولاً: ", "أ- ", "يقصد بالطائرة: ", "المادتين ١ و٢", "Статья 205.1. ",
              "Глава 24. ", "а) ", "1. ", "статьями 205 и 206", " — ", "第一百二十条之一", "第二章　", "（一）", "一、",
              "本法所称", "是指", "第二条至第三条", "《", "》", "\n", " ", "。"], 150),
       st.sampled_from(["ar", "ru", "zh"]))
def test_splitter_survives_label_soup_of_the_other_traditions(text: str, language: str) -> None:
    _only_our_errors(lambda: split(text, language))


@FUZZ
@given(_soup(list("Section Article(1)(a)(iv)§ 12. —-\n PART II Artículo bis") +
             ["Section 3", "(1) ", "(a) ", "Article 5 ", "PART I\n", "\n", "means ", "“", "”", " under section 4"], 150),
       st.sampled_from(["en", "fr", "es"]))
def test_splitter_survives_label_soup(text: str, language: str) -> None:
    _only_our_errors(lambda: split(text, language))


def test_text_past_the_limit_is_refused_quickly(tmp_path: Path) -> None:
    """The limit is documented in lawcheck.read.common; a bill just under it is read."""
    line = "A person who seizes an aircraft commits an offence. "
    under = _write(tmp_path / "under.txt", line * ((MAX_TEXT_CHARS - 10) // len(line)))
    assert len(read_bill(under).text) < MAX_TEXT_CHARS
    over = _write(tmp_path / "over.txt", line * (MAX_TEXT_CHARS // len(line) + 2))
    with pytest.raises(LawcheckError, match="past the limit"):
        read_bill(over)
