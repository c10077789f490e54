"""The reviewer's view of one instrument (``lawcheck offences review ID``): each entry beside the stored
treaty paragraph it cites, with its elements, which are required, which only narrow the treaty offence, and
their labels, so that a lawyer can check an instrument in one sitting."""

from __future__ import annotations

import textwrap
from pathlib import Path

from lawcheck.models import Catalogue, Offence
from lawcheck.treaty import passage

WIDTH = 100


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent.rstrip()]


def _entry(offence: Offence, texts: Path, language: str) -> list[str]:
    flags = [offence.kind] + (["optional"] if offence.optional else []) + ([] if offence.stored else ["not stored"])
    lines = [f"{offence.id} — {offence.title_in(language)} [{', '.join(flags)}]"]
    lines += _wrap(offence.summary_in(language), "  ")
    treaty = passage(texts, offence.instrument, offence.article, language)
    lines.append(f"  Treaty, article {offence.article}:")
    lines += _wrap(f"“{treaty}”" if treaty else "(not in the stored text)", "    ")
    if offence.extends:
        lines.append(f"  Extends: {', '.join(offence.extends)}")
    lines.append("  Elements:")
    for element in offence.elements:
        need = "narrows the treaty offence" if element.narrows else "required" if element.required else "not required"
        core = ", core" if element.core else ""
        lines.append(f"    - {element.label_in(language)} ({element.id}; {element.role}, {need}{core})")
        lines += _wrap("; ".join(element.phrases.get(language, ())), "        ")
    return lines


def render_review(catalogue: Catalogue, instrument: str, texts: Path, language: str = "en") -> str:
    found = catalogue.instruments[instrument]
    entries = [o for o in catalogue.offences if o.instrument == instrument]
    narrowing = sum(e.narrows for o in entries for e in o.elements)
    lines = [f"{found.title_in(language)} ({instrument})",
             f"{len(entries)} entries, {narrowing} narrowing elements; treaty text from {texts}", ""]
    for offence in entries:
        lines += [*_entry(offence, texts, language), ""]
    return "\n".join(lines)
