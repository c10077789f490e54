"""Plain-text bills (.txt, .text, .md) in any common encoding.

Detection order: a BOM (UTF-32, UTF-8, UTF-16 LE/BE); UTF-16 without BOM, recognised by its
zero-byte pattern (ASCII-range characters leave a NUL in every other byte); strict UTF-8;
cp1252 when its non-ASCII characters look like Western European text; otherwise
charset-normalizer's best guess; cp1252 with replacement as a last resort. Content with NUL
bytes or many control characters that no UTF-16 pattern explains is refused as binary.

Markdown: ATX heading markers ("## ") are removed so that headings read as printed.
"""

from __future__ import annotations

import codecs
import re

from ..errors import UnsupportedFormat
from ..models import Bill
from .common import check_text_size, make_title, normalise_text

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WESTERN = set("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœŒšŠžŽŸ")
_WESTERN |= set("‘’“”«»–—…•€§°ªº¿¡·×")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
# Unicode category Cc (C0, DEL, C1) except the five that lay out text: \t \n \v \f \r.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def read_text(data: bytes, path: str, markdown: bool = False) -> Bill:
    """Decode a text file and return its ``Bill`` (title: first heading or first line)."""
    text, encoding = decode_bytes(data, path)
    title = ""
    if markdown:
        headings = _MD_HEADING.findall(text)
        title = headings[0] if headings else ""
        text = _MD_HEADING.sub(r"\1", text)
    text = normalise_text(text)
    return Bill(path=path, text=text, format="txt", title=make_title(title, text), encoding=encoding)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``UnsupportedFormat`` when the bytes are not text.

    A text past ``MAX_TEXT_CHARS`` is refused (``TooLarge``) before anything else is done with it.
    """
    text, encoding = _decode(data, path)
    check_text_size(len(text), path)
    return text, encoding


def _decode(data: bytes, path: str) -> tuple[str, str]:
    """``decode_bytes`` without the size check."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom) :].decode(encoding, errors="replace"), path), encoding
    utf16 = sniff_utf16(data)
    if utf16:
        return _checked(data.decode(utf16, errors="replace"), path), utf16
    if b"\x00" in data:
        raise _not_text(path)
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    return _checked_pair(_decode_legacy(data), path)


def sniff_utf16(data: bytes) -> str:
    """Recognise BOM-less UTF-16 by its zero bytes: "utf-16-le", "utf-16-be" or ""."""
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return ""
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    if odd_zeros >= 0.3 * pairs and even_zeros <= 0.05 * pairs:
        return "utf-16-le"
    if even_zeros >= 0.3 * pairs and odd_zeros <= 0.05 * pairs:
        return "utf-16-be"
    return ""


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes: cp1252 if it looks Western, else charset-normalizer, else cp1252."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_western(text):
        return text, "cp1252"
    import charset_normalizer  # only for a file that is not UTF-8: most bills are

    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), str(best.encoding)
    return data.decode("cp1252", errors="replace"), "cp1252"


def _looks_western(text: str) -> bool:
    """True when most non-ASCII characters are Western European letters or typography."""
    others = [c for c in text if ord(c) > 127]
    if not others:
        return True
    return sum(c in _WESTERN for c in others) >= 0.8 * len(others)


def _checked(text: str, path: str) -> str:
    """Refuse decoded text with NUL bytes or more than 1% control characters."""
    if not text:
        return text
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise _not_text(path)
    return text


def _checked_pair(pair: tuple[str, str], path: str) -> tuple[str, str]:
    """``_checked`` for a ``(text, encoding)`` pair."""
    return _checked(pair[0], path), pair[1]


def _not_text(path: str) -> UnsupportedFormat:
    """The error for binary content in a text file."""
    return UnsupportedFormat(
        path,
        "does not look like text (binary content)",
        "save the bill as .txt, .docx, .pdf, .html or Akoma Ntoso .xml",
    )
