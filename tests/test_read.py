"""Tests of lawcheck.read: every format, the encodings, the numbering, and hostile files."""

from __future__ import annotations

import codecs
import hashlib
import io
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from lawcheck.errors import EmptyBill, EncryptedFile, InputError, NeedsOCR, TooLarge, UnsupportedFormat
from lawcheck.read import read_bill
from lawcheck.read.common import MAX_UNZIPPED_BYTES, normalise_text
from lawcheck.read.docx import Walker, _open_body, load_styles, walk_blocks
from lawcheck.read.numbering import format_number, load_numbering
from lawcheck.read.pdf import _line_in_reading_order, _reading_line, join_paragraphs, strip_running_lines
from lawcheck.read.text import decode_bytes

try:
    from tests.builders import W_NS, make_akn, make_docx, make_encrypted_pdf, make_html, make_pdf, make_scanned_pdf
except ImportError:  # tests/ on sys.path instead of the project root
    from builders import W_NS, make_akn, make_docx, make_encrypted_pdf, make_html, make_pdf, make_scanned_pdf

BILL = """COUNTER-TERRORISM BILL 2024
PART I — PRELIMINARY
1. Short title
(1) This Act may be cited as the Counter-Terrorism Act 2024.
(2) It comes into force on the day of publication.
PART II — OFFENCES
3. Hijacking
(1) A person who unlawfully, by force or threat thereof, seizes or exercises control of an aircraft in flight commits an offence.
(2) A person also commits an offence who—
(a) performs an act of violence against a person on board;
(b) destroys an aircraft in service, or
(i) places a device on it;
(ii) damages its navigation facilities;
(c) communicates false information.
4. Financing of terrorism
(1) A person who provides or collects funds commits an offence.
(2) It is not necessary that the funds were actually used.
Article 5 Jurisdiction
(1) The courts of the Republic have jurisdiction."""

FRENCH = "Projet de loi antiterroriste\nArticle 4 — « Financement du terrorisme »\n(1) L'État réprime… œuvre à 5 €.\n"
XXE_DOCTYPE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS_DOCTYPE = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def lines(text: str) -> list[str]:
    """The lines of a bill text."""
    return text.splitlines()


def long_bill(sections: int = 24) -> str:
    """A bill long enough to fill several PDF pages, with no two lines alike."""
    things = ["aircraft", "ships", "fixed platforms", "nuclear material", "funds", "explosives", "hostages"]
    parts = [BILL]
    for n in range(6, 6 + sections):
        a, b = things[n % len(things)], things[(n * 3 + 1) % len(things)]
        parts.append(
            f"{n}. Offences relating to {a} and {b}\n"
            f"(1) A person who intentionally and unlawfully endangers {a} or causes serious damage to {b} "
            f"commits an offence and is liable on conviction to imprisonment for a term not exceeding {n} years.\n"
            f"(2) Proceedings for an offence under this section relating to {b} require the consent of the "
            f"Attorney General."
        )
    return "\n".join(parts)


def rewrite_zip(source: Path, target: Path, name: str, change) -> Path:
    """Copy a zip, passing member ``name`` through ``change(bytes) -> bytes``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info.filename, change(data) if info.filename == name else data)
    return target


# --------------------------------------------------------------------------- paths and sniffing


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.docx"
    with pytest.raises(InputError, match="nope.docx: file not found; check the path"):
        read_bill(missing)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_bill(tmp_path)


def test_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bill.txt"
    path.write_text("Some text", encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputError, match="bill.txt: cannot be read \\(permission denied\\)"):
        read_bill(path)


@pytest.mark.parametrize(
    "name, content",
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\t\n \r\n"),
        ("blank16.txt", codecs.BOM_UTF16_LE + " \n \n".encode("utf-16-le")),
        ("empty.html", b"<html><head><title>T</title></head><body><script>x()</script></body></html>"),
        ("empty.docx", b""),
    ],
)
def test_empty_bills_are_refused(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(EmptyBill, match=name):
        read_bill(path)


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    path = make_docx("|  |  |", tmp_path / "blank.docx")
    with pytest.raises(EmptyBill):
        read_bill(path)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bill.rtf", b"{\\rtf1\\ansi Hello}", "RTF.*save it as .docx"),
        ("bill.odt", b"just some text", "extension .odt is not supported"),
        ("scan.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "is an image.*OCR"),
        ("bill", b"text", "extension \\(none\\)"),
        ("fake.pdf", b"This is not a PDF at all", "content is not a .pdf"),
        ("fake.docx", b"This is not a docx at all", "content is not a .docx"),
    ],
)
def test_unsupported_content_is_refused(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnsupportedFormat, match=message):
        read_bill(path)


def test_legacy_doc_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "bill.doc"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 512)
    with pytest.raises(UnsupportedFormat, match="legacy Word .doc.*save it as .docx") as error:
        read_bill(path)
    assert error.value.path == str(path)


def test_password_protected_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.docx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)
    with pytest.raises(EncryptedFile, match="password-protected.*remove the password"):
        read_bill(path)


def test_docx_that_is_really_a_pdf_is_read_as_pdf(tmp_path: Path) -> None:
    pdf = make_pdf(BILL, tmp_path / "bill.pdf")
    disguised = tmp_path / "bill.docx"
    disguised.write_bytes(pdf.read_bytes())
    bill = read_bill(disguised)
    assert bill.format == "pdf"
    assert "3. Hijacking" in lines(bill.text)


def test_sha256_and_path_are_set(tmp_path: Path) -> None:
    path = tmp_path / "bill.txt"
    path.write_bytes(b"Bill\nSection 1\n")
    bill = read_bill(path)
    assert bill.sha256 == hashlib.sha256(b"Bill\nSection 1\n").hexdigest()
    assert bill.path == str(path)
    assert bill.format == "txt"


# --------------------------------------------------------------------------- text


@pytest.mark.parametrize(
    "encode, encoding",
    [
        (lambda s: s.encode("utf-8"), "utf-8"),
        (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8-sig"),
        (lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"), "utf-16-le"),
        (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16-be"),
        (lambda s: s.encode("utf-16-le"), "utf-16-le"),
        (lambda s: s.encode("utf-16-be"), "utf-16-be"),
        (lambda s: s.encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1252"],
)
def test_text_encodings_round_trip(tmp_path: Path, encode, encoding: str) -> None:
    path = tmp_path / "projet.txt"
    path.write_bytes(encode(FRENCH))
    bill = read_bill(path)
    assert bill.text == FRENCH.strip()
    assert bill.encoding == encoding
    assert bill.title == "Projet de loi antiterroriste"


def test_latin1_text_is_read(tmp_path: Path) -> None:
    text = "Loi relative à la sûreté\nArtículo 2. - Definiciones: «terrorismo» ñ ü\n"
    path = tmp_path / "ley.txt"
    path.write_bytes(text.encode("latin-1"))
    bill = read_bill(path)
    assert bill.text == text.strip()
    assert bill.encoding in ("cp1252", "latin-1", "iso8859_1")


@pytest.mark.parametrize(
    "content",
    [bytes(range(256)) * 8, random.Random(7).randbytes(4096), b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00\xff" * 300],
    ids=["all-bytes", "random", "exe"],
)
def test_binary_garbage_is_not_text(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bill.txt"
    path.write_bytes(content)
    with pytest.raises(UnsupportedFormat, match="does not look like text"):
        read_bill(path)


def test_normalisation_common_to_all(tmp_path: Path) -> None:
    raw = "Title  \r\n\tTabbed\u00a0text   \r\n\r\n\r\n\r\nE\u0301tat\u00adique\rend\n\n"
    path = tmp_path / "bill.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert read_bill(path).text == "Title\n Tabbed text\n\nÉtatique\nend"


def test_markdown_headings_lose_their_markers(tmp_path: Path) -> None:
    path = tmp_path / "bill.md"
    path.write_text("# Terrorism Bill\n\n## Part 1 — Offences\n\n1. Hijacking\n", encoding="utf-8")
    bill = read_bill(path)
    assert lines(bill.text) == ["Terrorism Bill", "", "Part 1 — Offences", "", "1. Hijacking"]
    assert bill.title == "Terrorism Bill"


def test_title_is_trimmed(tmp_path: Path) -> None:
    path = tmp_path / "bill.txt"
    path.write_text("An Act " + "to prevent terrorism " * 30 + "\nSection 1\n", encoding="utf-8")
    title = read_bill(path).title
    assert len(title) <= 200 and len(title) > 190 and title.endswith("…")


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\r" not in once and "\t" not in once and "\n\n\n" not in once


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1))
def test_utf16_with_bom_round_trips(text: str) -> None:
    decoded, encoding = decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "x.txt")
    assert (decoded, encoding) == (text, "utf-16-le")


# --------------------------------------------------------------------------- numbering


@pytest.mark.parametrize(
    "value, fmt, expected",
    [
        (1, "decimal", "1"), (4, "lowerLetter", "d"), (27, "lowerLetter", "aa"), (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"), (14, "upperRoman", "XIV"), (1999, "lowerRoman", "mcmxcix"),
        (3, "decimalZero", "03"), (2, "ordinal", "2nd"), (11, "ordinal", "11th"), (5, "bullet", "•"),
        (5, "none", ""), (7, "japaneseCounting", "7"),
    ],
)
def test_format_number(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


def numbering(levels: str, nums: str) -> etree._Element:
    """A numbering.xml root with one abstractNum (id 1) and the given nums."""
    return etree.fromstring(
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>{nums}</w:numbering>'
    )


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    """One w:lvl."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def test_numbering_composite_levels_and_reset() -> None:
    root = numbering(lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2"), '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>')
    lists = load_numbering(root)
    labels = [lists.label("7", ilvl) for ilvl in (0, 1, 1, 0, 1)]
    assert labels == ["1.", "1.1", "1.2", "2.", "2.1"]


def test_numbering_start_override_and_lvl_restart() -> None:
    levels = lvl(0, "upperRoman", "PART %1", start=2) + lvl(1, "lowerLetter", "(%2)", extra='<w:lvlRestart w:val="0"/>')
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/>'
            "</w:lvlOverride></w:num>")
    lists = load_numbering(numbering(levels, nums))
    assert [lists.label("1", i) for i in (0, 1, 1, 0, 1)] == ["PART II", "(a)", "(b)", "PART III", "(c)"]
    assert lists.label("2", 0) == "PART V"
    assert lists.label("99", 0) == "" and lists.label("1", 5) == ""


def test_numbering_bullets_and_legal() -> None:
    levels = lvl(0, "upperRoman", "%1.") + lvl(1, "bullet", "\uf0b7") + lvl(2, "lowerLetter", "%1.%3", extra="<w:isLgl/>")
    lists = load_numbering(numbering(levels, '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>'))
    assert [lists.label("3", i) for i in (0, 0, 1, 2)] == ["I.", "II.", "•", "2.1"]


# --------------------------------------------------------------------------- docx


@pytest.mark.parametrize("auto", [True, False], ids=["auto-numbering", "literal-labels"])
def test_docx_round_trip(tmp_path: Path, auto: bool) -> None:
    path = make_docx(BILL, tmp_path / "bill.docx", auto_numbering=auto)
    bill = read_bill(path)
    assert bill.text == BILL
    assert bill.format == "docx"
    assert bill.title == "COUNTER-TERRORISM BILL 2024"


def test_docx_labels_are_not_literal_text(tmp_path: Path) -> None:
    path = make_docx(BILL, tmp_path / "bill.docx")
    import docx

    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "Hijacking" in paragraphs and "Jurisdiction" in paragraphs
    assert not any(p.startswith(("(", "3.", "Article")) for p in paragraphs)
    assert "(1) A person who provides or collects funds commits an offence." in lines(read_bill(path).text)


def test_docx_numbering_restarts_after_heading(tmp_path: Path) -> None:
    text = "Bill\n7. First\n(1) one\n(2) two\n(a) alpha\n8. Second\n(1) again\n(a) again alpha\n(b) beta\n(2) two again\n(a) reset alpha"
    bill = read_bill(make_docx(text, tmp_path / "bill.docx"))
    assert lines(bill.text) == text.splitlines()


def test_docx_numbering_honours_start_override(tmp_path: Path) -> None:
    text = "Bill\n12. Late section\n(3) third\n(4) fourth\n(d) letter d\n(iv) roman iv\n(v) roman v\n14. Gap"
    bill = read_bill(make_docx(text, tmp_path / "bill.docx"))
    assert lines(bill.text) == text.splitlines()


def test_docx_section_numbers_come_from_the_style(tmp_path: Path) -> None:
    path = make_docx(BILL, tmp_path / "bill.docx")
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
        document = archive.read("word/document.xml").decode()
    assert 'w:styleId="Heading2"' in styles and "<w:numPr><w:numId" in styles
    assert document.count("<w:numPr>") < BILL.count("\n")  # some numbering is inherited, not direct
    assert {"1. Short title", "3. Hijacking", "4. Financing of terrorism"} <= set(lines(read_bill(path).text))


def test_docx_tables_are_read_row_by_row(tmp_path: Path) -> None:
    text = "Bill\n1. Penalties\n(1) The penalties are:\n| Offence | Penalty |\n| Hijacking | Life |\n(2) After the table."
    bill = read_bill(make_docx(text, tmp_path / "bill.docx"))
    assert lines(bill.text) == ["Bill", "1. Penalties", "(1) The penalties are:", "Offence", "Penalty",
                                "Hijacking", "Life", "(2) After the table."]


def test_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x20" * (MAX_UNZIPPED_BYTES + 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(TooLarge, match="zip bomb"):
        read_bill(path)


def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    data = make_docx(BILL, tmp_path / "bill.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="damaged or not a .docx"):
        read_bill(path)


def test_corrupted_member_is_refused(tmp_path: Path) -> None:
    data = bytearray(make_docx(BILL, tmp_path / "bill.docx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    data[start : start + 40] = b"\x00" * 40
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="damaged"):
        read_bill(path)


def test_zip_that_is_not_a_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(UnsupportedFormat, match="zip archive but not a Word .docx"):
        read_bill(path)


@pytest.mark.parametrize("doctype, reference", [(XXE_DOCTYPE, "&xxe;"), (LAUGHS_DOCTYPE, "&lol3;")], ids=["xxe", "laughs"])
def test_docx_with_entities_is_refused(tmp_path: Path, doctype: str, reference: str) -> None:
    def inject(data: bytes) -> bytes:
        text = data.decode("utf-8")
        declaration_end = text.index("?>") + 2
        text = text[:declaration_end] + doctype + text[declaration_end:]
        return text.replace(">Hijacking<", f">{reference}<").encode("utf-8")

    source = make_docx(BILL, tmp_path / "bill.docx")
    path = rewrite_zip(source, tmp_path / "evil.docx", "word/document.xml", inject)
    with pytest.raises(InputError, match="DTD/entity declaration"):
        read_bill(path)
    body = _open_body(path.read_bytes(), str(path))  # second line of defence: python-docx's parser
    walker = Walker(load_numbering(None), load_styles(None))
    walk_blocks(body, walker)
    assert "root:" not in "\n".join(walker.lines)
    assert "lollol" not in "\n".join(walker.lines)


# --------------------------------------------------------------------------- pdf


def test_pdf_round_trip_without_headers_and_page_numbers(tmp_path: Path) -> None:
    text = long_bill()
    path = make_pdf(text, tmp_path / "bill.pdf")
    bill = read_bill(path)
    assert bill.format == "pdf"
    assert "Draft for consultation" not in bill.text
    assert "Page " not in bill.text
    assert bill.text == text
    assert bill.title == "COUNTER-TERRORISM BILL 2024"


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path) -> None:
    path = make_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(NeedsOCR, match="scan.pdf: has no text layer.*run OCR first"):
        read_bill(path)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = make_encrypted_pdf(BILL, tmp_path / "locked.pdf")
    with pytest.raises(EncryptedFile, match="remove the password"):
        read_bill(path)


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Terrorism Bill\n1. Offences of terrorism against the State")
    pdf.output(str(tmp_path / "owner.pdf"))
    assert "1. Offences of terrorism against the State" in read_bill(tmp_path / "owner.pdf").text


def test_damaged_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"garbage " * 100)
    with pytest.raises(InputError, match="broken.pdf"):
        read_bill(path)


@pytest.mark.parametrize("number", ["12", "Page 3 of 9", "- 4 -", "3/9", "Página 2 de 5", "page 7"])
def test_page_numbers_are_removed(number: str) -> None:
    pages = [["Bill text on page one"], ["More words on page two", number]]
    assert strip_running_lines(pages) == [["Bill text on page one"], ["More words on page two"]]


def test_running_header_and_footer_removed_digits_ignored() -> None:
    pages = [[f"Terrorism Bill 2024 — page {n}", f"Body line {w}", "Confidential draft"] for n, w in
             ((1, "alpha"), (2, "beta"), (3, "gamma"))]
    assert strip_running_lines(pages) == [["Body line alpha"], ["Body line beta"], ["Body line gamma"]]


@pytest.mark.parametrize(
    "physical, paragraphs",
    [
        (["A person who commits termin-", "ation of a flight is guilty."], ["A person who commits termination of a flight is guilty."]),
        (["(1) A person who", "seizes an aircraft", "(2) A person who", "assists"], ["(1) A person who seizes an aircraft", "(2) A person who assists"]),
        (["PART II — OFFENCES", "Hijacking of aircraft"], ["PART II — OFFENCES", "Hijacking of aircraft"]),
        (["Article 5", "Art. 6 applies", "Artículo 4", "§ 12 Terror", "1° los actos", "TITRE II"],
         ["Article 5", "Art. 6 applies", "Artículo 4", "§ 12 Terror", "1° los actos", "TITRE II"]),
        (["It ends here.", "Then a new one", "continues under", "section 3 of the Act."],
         ["It ends here.", "Then a new one continues under section 3 of the Act."]),
        (["(a) one;", "(iv) four;", "3. Three", "Section 9 Nine"], ["(a) one;", "(iv) four;", "3. Three", "Section 9 Nine"]),
    ],
    ids=["dehyphenate", "labels", "capital-heading", "keywords", "sentence", "more-labels"],
)
def test_paragraph_joining(physical: list[str], paragraphs: list[str]) -> None:
    assert join_paragraphs(physical) == paragraphs


@pytest.mark.parametrize(
    "physical, paragraphs",
    [
        # a Chinese line wraps in the middle of a sentence: joined without a space; an article label opens a line
        (["第一条　为了惩治劫持人质、恐怖主义爆炸和资助恐怖主义等犯罪，履行本国缔结或者参", "加的国际条约规定的义务，制定本法。",
          "第二条　本法下列用语的含义：", "（一）公共场所，是指任何建筑物"],
         ["第一条　为了惩治劫持人质、恐怖主义爆炸和资助恐怖主义等犯罪，履行本国缔结或者参加的国际条约规定的义务，制定本法。",
          "第二条　本法下列用语的含义：", "（一）公共场所，是指任何建筑物"]),
        # a Russian article heading that fills its line, then the article's text; items "1)" and "а)"
        (["Статья 5. Разрушение или повреждение аэронавигационных средств",
          "Умышленное и неправомерное разрушение аэронавигационного", "средства наказывается лишением свободы:",
          "1) первое;", "а) второе."],
         ["Статья 5. Разрушение или повреждение аэронавигационных средств",
          "Умышленное и неправомерное разрушение аэронавигационного средства наказывается лишением свободы:",
          "1) первое;", "а) второе."]),
        # Arabic: no capitals, labels of its own
        (["المادة (3)", "1- يعاقب بالسجن المؤبد كل من استولى على طائرة.", "2- لا تسري أحكام هذه المادة.",
          "الفصل الثاني", "أولاً: إذا ارتكبت الجريمة", "في إقليم الدولة.", "(أ) الأول"],
         ["المادة (3)", "1- يعاقب بالسجن المؤبد كل من استولى على طائرة.", "2- لا تسري أحكام هذه المادة.",
          "الفصل الثاني", "أولاً: إذا ارتكبت الجريمة في إقليم الدولة.", "(أ) الأول"]),
    ],
    ids=["zh", "ru", "ar"],
)
def test_paragraph_joining_in_arabic_russian_chinese(physical: list[str], paragraphs: list[str]) -> None:
    assert join_paragraphs(physical) == paragraphs


@pytest.mark.parametrize("number", ["Страница 2 из 5", "صفحة 2 من 5", "第 2 页，共 5 页", "- ٢ -", "стр. 4"])
def test_page_numbers_in_russian_arabic_chinese_are_removed(number: str) -> None:
    pages = [["Текст на первой странице"], ["Текст на второй странице", number]]
    assert strip_running_lines(pages) == [["Текст на первой странице"], ["Текст на второй странице"]]


def test_articles_opening_pages_are_not_running_heads() -> None:
    """Two pages opening with an article: the same words numbers aside, but different provisions."""
    pages = [["مشروع للتشاور", "المادة (4)", "نص"], ["مشروع للتشاور", "المادة (10)", "نص آخر"]]
    assert strip_running_lines(pages) == [["المادة (4)", "نص"], ["المادة (10)", "نص آخر"]]


def test_pdf_line_cleaned_of_controls_presentation_forms_and_visual_order() -> None:
    assert _reading_line("\x01ا\x01ل\x01م\x01ا\x01د\x01ة") == "المادة"
    assert _reading_line("\ufe8e\ufee0\ufee4\ufe8e\ufea9\ufe93") == "المادة"  # presentation forms: NFKC
    assert _reading_line("ةحاولا ةيروهمج") == "جمهورية الواحة"  # drawn in visual order: turned back
    assert _reading_line("2026 ةنسل (1) ةداملا") == "المادة (1) لسنة 2026"  # digits stay left to right, brackets turn
    assert _reading_line("جمهورية الواحة") == "جمهورية الواحة"


def test_arabic_line_drawn_in_pieces_is_read_right_to_left() -> None:
    """LibreOffice draws an Arabic line from left to right in pieces (baseline, left edge, text): a vowel mark on
    its own, the digits of a reference, the brackets before the letters of their run."""
    pieces = [(685.1, 90.0, " من أفعال العنف"), (686.7, 342.4, "ً "), (685.1, 344.3, " وبغير حق فعلا"),
              (687.5, 409.8, "ً"), (685.1, 411.0, "أ- كل من ارتكب عمدا")]
    assert _line_in_reading_order(pieces) == "أ- كل من ارتكب عمداً وبغير حق فعلاً  من أفعال العنف"
    pieces = [(138.2, 411.3, "2"), (138.2, 306.9, "( "), (138.2, 306.9, "- لا تسري أحكام البند"), (138.2, 299.8, "1"),
              (138.2, 104.8, "( "), (138.2, 104.8, ") على الجريمة المنصوص عليها في المادة"), (138.2, 97.7, "8"),
              (138.2, 90.0, ".)")]
    assert _line_in_reading_order(pieces) == "2- لا تسري أحكام البند (1) على الجريمة المنصوص عليها في المادة (8)."
    assert _line_in_reading_order([(10.0, 200.0, "world"), (10.0, 100.0, "Hello ")]) == "Hello world"


# --------------------------------------------------------------------------- html


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """Write a file and return its path."""
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_html_round_trip(tmp_path: Path) -> None:
    bill = read_bill(make_html(BILL, tmp_path / "bill.html"))
    assert bill.text == BILL
    assert bill.format == "html"
    assert bill.title == "COUNTER-TERRORISM BILL 2024"
    assert "not text" not in bill.text  # the builder's <script> is skipped


def test_html_ordered_lists_are_numbered(tmp_path: Path) -> None:
    html = """<html><body><h2>Section 3</h2>
    <ol><li>first</li><li>second<ol type="a"><li>alpha</li><li value="5">echo</li><li>foxtrot
    <ol type="i" start="3"><li>three</li><li><p>four</p></li></ol></li></ol></li></ol>
    <ol type="A" start="2"><li>Bravo</li></ol><ol type="I"><li>One</li></ol><ul><li>dot</li></ul>
    <ol start="4" reversed><li>four</li><li>three</li></ol></body></html>"""
    bill = read_bill(write(tmp_path, "bill.htm", html))
    assert lines(bill.text) == ["Section 3", "1. first", "2. second", "(a) alpha", "(e) echo", "(f) foxtrot",
                                "(iii) three", "(iv) four", "(B) Bravo", "(I) One", "• dot", "4. four", "3. three"]
    assert bill.title == "Section 3"


def test_html_skips_scripts_and_keeps_escaped_markup_as_text(tmp_path: Path) -> None:
    html = """<!DOCTYPE html><html><head><title>Bill</title><style>p{color:red}</style>
    <script>document.write("injected")</script></head><body>
    <p>Literal &lt;script&gt;alert(1)&lt;/script&gt; stays text &amp; is not run.</p>
    <script type="text/javascript">var evil = "<p>hidden</p>";</script><noscript>No script</noscript>
    <p>Line one<br>line two</p><div>Div <b>bold</b> text</div><table><tr><td>cell A</td><td>cell B</td></tr></table>
    </body></html>"""
    bill = read_bill(write(tmp_path, "bill.html", html))
    assert lines(bill.text) == ["Literal <script>alert(1)</script> stays text & is not run.", "Line one", "line two",
                                "Div bold text", "cell A", "cell B"]
    assert bill.title == "Bill"


def test_html_entities_from_a_dtd_are_not_expanded(tmp_path: Path) -> None:
    html = f"""<?xml version="1.0"?>{XXE_DOCTYPE}<html><body><p>Before &xxe; after &eacute;</p>{LAUGHS_DOCTYPE}
    <p>&lol3;</p></body></html>"""
    bill = read_bill(write(tmp_path, "evil.html", html))
    assert "root:" not in bill.text and "lollol" not in bill.text
    assert lines(bill.text) == ["Before &xxe; after é", "&lol3;"]


def test_html_in_cp1252(tmp_path: Path) -> None:
    html = "<html><body><p>Loi n° 3 — « sûreté » 5 €</p></body></html>"
    bill = read_bill(write(tmp_path, "loi.html", html, "cp1252"))
    assert bill.text == "Loi n° 3 — « sûreté » 5 €"
    assert bill.encoding == "cp1252"


# --------------------------------------------------------------------------- akoma ntoso


def test_akn_structure_from_builder(tmp_path: Path) -> None:
    bill = read_bill(make_akn(BILL, tmp_path / "bill.xml"))
    assert bill.format == "akn"
    assert bill.title == "COUNTER-TERRORISM BILL 2024"
    assert lines(bill.text) == [
        "COUNTER-TERRORISM BILL 2024", "PART I — PRELIMINARY", "Section 1. Short title", "(1) This Act may be cited as the Counter-Terrorism Act 2024.",
        "(2) It comes into force on the day of publication.", "PART II — OFFENCES", "Section 3. Hijacking",
        *BILL.splitlines()[7:14], "Section 4. Financing of terrorism", *BILL.splitlines()[15:17],
        "Article 5", "Jurisdiction", "(1) The courts of the Republic have jurisdiction.",
    ]


AKN_DOC = """<?xml version="1.0" encoding="UTF-8"?>
<an:akomaNtoso xmlns:an="http://www.akomantoso.org/2.0"><an:bill name="ct">
<an:meta><an:identification source="#x"><an:FRBRWork><an:FRBRthis value="/x"/></an:FRBRWork></an:identification></an:meta>
<an:preface><an:longTitle><an:p>An Act to <an:docTitle>Combat Terrorism</an:docTitle> and related matters</an:p></an:longTitle></an:preface>
<an:preamble><an:formula name="enactingText"><an:p>BE IT ENACTED by Parliament:</an:p></an:formula></an:preamble>
<an:body>
 <an:chapter><an:num>CHAPTER 2</an:num><an:heading>Offences</an:heading>
  <an:article><an:num>Article 7</an:num><an:heading>Terrorist financing</an:heading>
   <an:paragraph><an:num>1.</an:num>
    <an:intro><an:p>A person commits an offence who<an:authorialNote><an:p>See FATF.</an:p></an:authorialNote>—</an:p></an:intro>
    <an:point><an:num>(a)</an:num><an:content><an:p>provides <an:term refersTo="#funds">funds</an:term>; or</an:p></an:content></an:point>
    <an:point><an:num>(b)</an:num><an:content><an:p>collects them.</an:p></an:content></an:point>
    <an:wrapUp><an:p>whether or not they are used.</an:p></an:wrapUp>
   </an:paragraph>
  </an:article>
 </an:chapter>
 <an:part><an:num>III</an:num><an:heading>Final</an:heading><an:section><an:num>9</an:num><an:heading>Repeal</an:heading>
  <an:subsection><an:num>(1)</an:num><an:content><an:p>The 1990 Act is repealed.</an:p></an:content></an:subsection></an:section></an:part>
</an:body></an:bill></an:akomaNtoso>"""


def test_akn_hand_written_document(tmp_path: Path) -> None:
    bill = read_bill(write(tmp_path, "bill.akn", AKN_DOC))
    assert bill.title == "Combat Terrorism"
    assert lines(bill.text) == [
        "An Act to Combat Terrorism and related matters", "BE IT ENACTED by Parliament:",
        "CHAPTER 2 — Offences", "Article 7", "Terrorist financing", "1. A person commits an offence who—",
        "(a) provides funds; or", "(b) collects them.", "whether or not they are used.",
        "PART III — Final", "Section 9. Repeal", "(1) The 1990 Act is repealed.",
    ]


@pytest.mark.parametrize("doctype, reference", [(XXE_DOCTYPE, "&xxe;"), (LAUGHS_DOCTYPE, "&lol3;")], ids=["xxe", "laughs"])
def test_akn_with_entities_is_refused(tmp_path: Path, doctype: str, reference: str) -> None:
    xml = AKN_DOC.replace('<?xml version="1.0" encoding="UTF-8"?>', f'<?xml version="1.0" encoding="UTF-8"?>{doctype}')
    xml = xml.replace("collects them.", reference)
    with pytest.raises(InputError, match="declares XML entities"):
        read_bill(write(tmp_path, "evil.xml", xml))


def test_xml_that_is_not_akoma_ntoso_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormat, match="not Akoma Ntoso \\(root element <html>\\)"):
        read_bill(write(tmp_path, "page.xml", "<html><body><p>Hi</p></body></html>"))


def test_malformed_xml_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not well-formed XML"):
        read_bill(write(tmp_path, "bill.xml", "<akomaNtoso><act><body><p>unclosed</body></akomaNtoso>"))


def test_docx_run_content_deletions_hidden_text_and_nested_tables(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Kept ")
    paragraph._p.append(parse_xml(
        f'<w:ins xmlns:w="{W_NS}" w:id="1" w:author="a"><w:r><w:t>inserted</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(
        f'<w:del xmlns:w="{W_NS}" w:id="2" w:author="a"><w:r><w:delText>deleted</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>'))
    paragraph._p.append(parse_xml(
        f'<w:r xmlns:w="{W_NS}"><w:tab/><w:t>after</w:t><w:br/><w:t>tab-</w:t><w:noBreakHyphen/><w:t>x</w:t></w:r>'))
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "outer cell"
    outer.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "inner cell"
    document.add_paragraph("End")
    document.save(str(tmp_path / "runs.docx"))
    assert lines(read_bill(tmp_path / "runs.docx").text) == [
        "Kept inserted after tab--x", "outer cell", "inner cell", "End"]


def test_docx_empty_numbered_paragraph_prints_its_label(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    path = make_docx("Bill\n1. Section\n(1) first\n(2) second", tmp_path / "bill.docx")
    document = docx.Document(str(path))
    last = document.paragraphs[-1]
    empty = document.add_paragraph("")
    empty._p.get_or_add_pPr().append(parse_xml(last._p.pPr.numPr.xml))
    document.add_paragraph("after")
    document.save(str(path))
    assert lines(read_bill(path).text)[-2:] == ["(3)", "after"]


def test_text_quoting_pdf_magic_is_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("A file may begin with %PDF-1.7 as its header.\n", encoding="utf-8")
    assert read_bill(path).format == "txt"
