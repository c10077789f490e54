"""HTML bills, read with the standard library's ``html.parser`` (no network, no DTD).

Only HTML's own named and numeric character references are decoded; a DOCTYPE's entity
declarations are dropped unread (a DOCTYPE's internal subset "[...]" is removed before parsing),
so "&xxe;" stays literal text. Script, style, head, template,
noscript, iframe, object and svg content is skipped; text that merely *looks* like markup
("&lt;script&gt;") is kept as text and never interpreted.

Block elements (headings, p, li, div, td/th, dt/dd, blockquote, pre, section ...) each become a
line; ``<br>`` breaks a line. Ordered lists are numbered as printed by a browser (``type`` 1, a,
A, i, I; ``start``; ``reversed``; ``<li value>``), rendered as "1." for decimal, "(a)"/"(A)" for
letters and "(i)"/"(I)" for Roman numerals; unordered items get "•". CSS ``list-style`` is not
interpreted. Title: ``<title>``, else the first h1–h6, else the first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from ..models import Bill
from .common import collapse_spaces, make_title, normalise_text
from .numbering import format_number

BLOCKS = frozenset(
    "address article aside blockquote body caption dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul".split()
)
SKIPPED = frozenset("script style head template noscript iframe object svg math title".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


@dataclass
class ListState:
    """An open ``<ol>`` or ``<ul>``."""

    ordered: bool
    kind: str = "1"
    next_value: int = 1
    step: int = 1


def list_label(state: ListState, value: int) -> str:
    """Render an item label: "3." for decimal, "(c)" for letters, "(iii)" for Roman numerals."""
    if not state.ordered:
        return "•"
    fmt = _FORMATS.get(state.kind, "decimal")
    number = format_number(value, fmt)
    return f"{number}." if fmt == "decimal" else f"({number})"


class BillParser(HTMLParser):
    """Collect lines of text from HTML, one per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.pending_label = ""
        self.lists: list[ListState] = []
        self.skip: list[str] = []
        self.pre = 0
        self.title = ""
        self.heading = ""
        self.in_title = False
        self.in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block, a list, a list item or a skipped element."""
        if tag == "body":
            self.skip = [t for t in self.skip if t != "head"]
        if tag == "title" and not self.title:
            self.in_title = True
        if tag in SKIPPED:
            self.skip.append(tag)
            return
        if self.skip:
            return
        if tag == "br":
            self.flush()
        elif tag in ("ol", "ul"):
            self.flush()
            self.lists.append(_open_list(tag, dict(attrs)))
        elif tag == "li":
            self.flush()
            self.pending_label = self._item_label(dict(attrs))
        elif tag in BLOCKS:
            self.flush()
        self.pre += tag == "pre"
        self.in_heading = self.in_heading or (tag in HEADINGS and not self.heading)

    def handle_endtag(self, tag: str) -> None:
        """Close a block, a list or a skipped element."""
        if tag in SKIPPED:
            self._close_skipped(tag)
            return
        if self.skip:
            return
        if tag in BLOCKS:
            self.flush()
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag == "li":
            self.pending_label = ""
        self.pre -= tag == "pre" and self.pre > 0
        self.in_heading = self.in_heading and tag not in HEADINGS

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped elements; remember the title."""
        if self.in_title:
            self.title += data
        if self.skip:
            return
        self.buffer.append(data)
        if self.in_heading:
            self.heading += data

    def flush(self) -> None:
        """End the current line (with its pending list label, if any)."""
        text = "".join(self.buffer)
        self.buffer = []
        lines = text.splitlines() if self.pre else [text]
        for line in (collapse_spaces(part) for part in lines):
            if not line:
                continue
            if self.pending_label:
                line = f"{self.pending_label} {line}"
                self.pending_label = ""
            self.lines.append(line)

    def _close_skipped(self, tag: str) -> None:
        """Pop the innermost skipped element named ``tag``."""
        if tag == "title":
            self.in_title = False
        for index in range(len(self.skip) - 1, -1, -1):
            if self.skip[index] == tag:
                del self.skip[index:]
                return

    def _item_label(self, attrs: dict[str, str | None]) -> str:
        """Advance the innermost list and return the label of this item."""
        if not self.lists:
            return "•"
        state = self.lists[-1]
        value = _as_int(attrs.get("value"))
        if value is not None:
            state.next_value = value
        label = list_label(state, state.next_value)
        state.next_value += state.step
        return label


def _open_list(tag: str, attrs: dict[str, str | None]) -> ListState:
    """A new list state from an ``<ol>``/``<ul>`` tag's attributes."""
    start = _as_int(attrs.get("start"))
    step = -1 if "reversed" in attrs else 1
    return ListState(tag == "ol", (attrs.get("type") or "1").strip(), 1 if start is None else start, step)


def _as_int(value: str | None) -> int | None:
    """``int(value)`` or None."""
    try:
        return int(value.strip()) if value is not None else None
    except ValueError:
        return None


def read_html(text: str, path: str, encoding: str = "") -> Bill:
    """Read decoded HTML and return its ``Bill``."""
    parser = BillParser()
    parser.feed(_INTERNAL_SUBSET.sub("", text))
    parser.close()
    parser.flush()
    body = normalise_text("\n".join(parser.lines))
    title = collapse_spaces(parser.title) or collapse_spaces(parser.heading)
    return Bill(path=path, text=body, format="html", title=make_title(title, body), encoding=encoding)
