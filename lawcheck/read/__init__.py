"""Read a bill from .txt/.md, .docx, .pdf, .html or Akoma Ntoso .xml into a ``Bill``.

``read_bill`` checks the path, sniffs the content (magic bytes win over the extension: a
".docx" that is really a PDF is read as a PDF), dispatches to one reader per format and
fills in ``sha256``. Every reader renders numbering and headings inline, one paragraph per
line, and applies :func:`lawcheck.read.common.normalise_text`. Size limits are documented in
:mod:`lawcheck.read.common`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from ..errors import EmptyBill, EncryptedFile, InputError, TooLarge, UnsupportedFormat
from ..models import Bill
from .common import MAX_FILE_BYTES, check_text_size
from .text import decode_bytes, read_text

# The readers of .pdf, .docx, .html and Akoma Ntoso are imported when a bill of that format is read: pypdf and
# python-docx take a tenth of a second or more to import, and most bills checked are one format.

__all__ = ["read_bill", "sniff", "SUPPORTED"]

SUPPORTED = (".txt", ".md", ".text", ".docx", ".pdf", ".html", ".htm", ".xml", ".akn")
_SUPPORTED_ADVICE = "supported formats: .txt, .md, .docx, .pdf, .html, Akoma Ntoso .xml"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"BM")


def read_bill(path: str | Path) -> Bill:
    """Read the bill at ``path``; raise an ``InputError`` subclass when it cannot be read."""
    name = str(path)
    data = _read_bytes(Path(path), name)
    kind = sniff(data, Path(path).suffix.lower(), name)
    bill = _dispatch(kind, data, name)
    check_text_size(len(bill.text), name)
    if not bill.text.strip():
        raise EmptyBill(name, "contains no text to check", "check that this is the right file")
    return dataclasses.replace(bill, sha256=hashlib.sha256(data).hexdigest())


def _read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes; missing, directory, unreadable, too large and empty files are refused."""
    if not path.exists():
        raise InputError(name, "file not found", "check the path and the file name")
    if path.is_dir():
        raise InputError(name, "is a directory, not a file", "give the path of the bill's file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TooLarge(name, f"is {size // (1024 * 1024)} MB, past the limit of "
                           f"{MAX_FILE_BYTES // (1024 * 1024)} MB", "split the bill into parts")
        data = path.read_bytes()
    except PermissionError as error:
        raise InputError(name, "cannot be read (permission denied)", "check the file's permissions") from error
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error})", "check the file") from error
    if not data.strip():
        raise EmptyBill(name, "is empty", "check that this is the right file")
    return data


def sniff(data: bytes, suffix: str, name: str) -> str:
    """Decide the format from magic bytes and extension: txt, md, docx, pdf, html or akn."""
    magic = _sniff_magic(data, name, suffix)
    if magic:
        return magic
    if suffix in (".docx", ".pdf"):
        raise UnsupportedFormat(
            name, f"has the extension {suffix} but its content is not a {suffix} file",
            "open it in its program and save it again, or rename it to its real type",
        )
    kinds = {".txt": "txt", ".text": "txt", ".md": "md", ".html": "html", ".htm": "html",
             ".xml": "akn", ".akn": "akn"}
    if suffix not in kinds:
        raise UnsupportedFormat(name, f"the extension {suffix or '(none)'} is not supported", _SUPPORTED_ADVICE)
    return kinds[suffix]


def _sniff_magic(data: bytes, name: str, suffix: str) -> str:
    """Format by content: "pdf", "docx", "" (unknown); refuses OLE, RTF and images.

    A PDF header is accepted anywhere in the first KB of a .pdf (as readers do), elsewhere only
    at the very start, so that a text file quoting "%PDF-" is not taken for a PDF.
    """
    if data.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(_OLE):
        if _ENCRYPTED_PACKAGE in data:
            raise EncryptedFile(name, "is a password-protected Word document", "remove the password and save it as .docx")
        raise UnsupportedFormat(name, "is a legacy Word .doc (or another OLE2 file)", "save it as .docx")
    if data.startswith(b"{\\rtf"):
        raise UnsupportedFormat(name, "is an RTF document", "save it as .docx")
    if data.startswith(_IMAGES):
        raise UnsupportedFormat(name, "is an image", "run OCR and save the text as .txt or .docx")
    return ""


def _dispatch(kind: str, data: bytes, name: str) -> Bill:
    """Call the reader for ``kind``."""
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, name)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data, name)
    if kind == "akn":
        from .akn import read_akn

        return read_akn(data, name)
    if kind == "html":
        from .html import read_html

        text, encoding = decode_bytes(data, name)
        return read_html(text, name, encoding)
    return read_text(data, name, markdown=kind == "md")
