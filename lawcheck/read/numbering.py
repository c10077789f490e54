"""Automatic list numbering of WordprocessingML (word/numbering.xml), which python-docx ignores.

Model (a documented simplification of Word's):

* A paragraph is numbered when it has ``w:numPr`` directly or through its paragraph style (and
  the style's ``basedOn`` chain). A missing ``w:ilvl`` means the level whose ``w:pStyle`` names
  the paragraph's style, else level 0. ``numId`` 0 switches numbering off.
* ``w:num`` points to a ``w:abstractNum``; its ``w:lvlOverride`` may replace a level (``w:lvl``)
  or only its start (``w:startOverride``).
* Counters are kept per ``numId`` and level. The first use of a level gives its ``start``;
  when a level advances, deeper levels restart (unless their ``w:lvlRestart`` says otherwise:
  0 = never, n = only when level n (1-based) or shallower advances).
* ``w:lvlText`` placeholders ``%1``..``%9`` are replaced by the counters of those levels in
  their own ``w:numFmt`` (decimal when ``w:isLgl``). Formats: decimal, decimalZero,
  lowerLetter, upperLetter (a..z, aa..zz), lowerRoman, upperRoman, ordinal ("1st"), none;
  bullets render as "•"; other formats fall back to decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)


def w(name: str) -> str:
    """Clark notation for a WordprocessingML name."""
    return f"{{{W}}}{name}"


def wval(element: etree._Element | None, child: str, default: str | None = None) -> str | None:
    """The ``w:val`` attribute of ``element``'s direct child ``w:<child>``, or ``default``."""
    if element is None:
        return default
    found = element.find(w(child))
    if found is None:
        return default
    return found.get(w("val"), default)


def _int(value: str | None, default: int) -> int:
    """``int(value)`` or ``default`` when absent or malformed."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart, None = default
    legal: bool = False
    style: str = ""  # w:pStyle linked to this level


def parse_level(lvl: etree._Element) -> Level:
    """Read a ``w:lvl`` element."""
    restart = wval(lvl, "lvlRestart")
    legal = lvl.find(w("isLgl"))
    return Level(
        start=_int(wval(lvl, "start"), 1),
        fmt=wval(lvl, "numFmt", "decimal") or "decimal",
        text=wval(lvl, "lvlText", "") or "",
        restart=_int(restart, 0) if restart is not None else None,
        legal=legal is not None and legal.get(w("val"), "1") not in ("0", "false"),
        style=wval(lvl, "pStyle", "") or "",
    )


@dataclass
class Numbering:
    """List definitions of one document, and the running counters."""

    lists: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> levels
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of ``num_id``/``ilvl`` and return the rendered label ("" if none)."""
        levels = self.lists.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else levels[ilvl].start
        for deeper in [d for d in counts if d > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counts[deeper]
        return render(levels, counts, ilvl)

    def level_for_style(self, num_id: str, style_id: str) -> int:
        """The level whose ``w:pStyle`` is ``style_id`` (0 when none is linked)."""
        for ilvl, level in self.lists.get(num_id, {}).items():
            if level.style == style_id:
                return ilvl
        return 0


def render(levels: dict[int, Level], counts: dict[int, int], ilvl: int) -> str:
    """Render the ``lvlText`` of ``ilvl`` with the current counters."""
    level = levels[ilvl]
    if level.fmt == "bullet":
        return "•"
    legal = level.legal

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        ref = levels.get(index, Level())
        count = counts.get(index, ref.start)
        return format_number(count, "decimal" if legal else ref.fmt)

    return _PLACEHOLDER.sub(value, level.text).strip()


def format_number(value: int, fmt: str) -> str:
    """Format ``value`` in the WordprocessingML ``numFmt`` named ``fmt``."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(value)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = to_roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        return _ordinal(value)
    if fmt == "none":
        return ""
    if fmt == "bullet":
        return "•"
    return str(value)


def _letters(value: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa.. (0 and below render as "")."""
    if value <= 0:
        return ""
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def to_roman(value: int) -> str:
    """Lower-case Roman numeral of a positive integer (decimal for 0 or negatives)."""
    if value <= 0:
        return str(value)
    out = []
    for number, numeral in _ROMAN:
        while value >= number:
            out.append(numeral)
            value -= number
    return "".join(out)


def _ordinal(value: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 4th, 11th ..."""
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def load_numbering(root: etree._Element | None) -> Numbering:
    """Build a ``Numbering`` from the root of word/numbering.xml (``None``: no lists)."""
    numbering = Numbering()
    if root is None:
        return numbering
    abstracts = {
        a.get(w("abstractNumId"), ""): {
            _int(lvl.get(w("ilvl")), 0): parse_level(lvl) for lvl in a.findall(w("lvl"))
        }
        for a in root.findall(w("abstractNum"))
    }
    for num in root.findall(w("num")):
        levels = dict(abstracts.get(wval(num, "abstractNumId", "") or "", {}))
        _apply_overrides(num, levels)
        numbering.lists[num.get(w("numId"), "")] = levels
    return numbering


def _apply_overrides(num: etree._Element, levels: dict[int, Level]) -> None:
    """Apply a ``w:num``'s ``w:lvlOverride`` elements to a copy of its abstract levels."""
    for override in num.findall(w("lvlOverride")):
        ilvl = _int(override.get(w("ilvl")), 0)
        lvl = override.find(w("lvl"))
        if lvl is not None:
            levels[ilvl] = parse_level(lvl)
        start = wval(override, "startOverride")
        if start is not None:
            base = levels.get(ilvl, Level())
            levels[ilvl] = Level(_int(start, 1), base.fmt, base.text, base.restart, base.legal, base.style)
