"""The annotated bill: the user's own .docx with Word comments on each provision the checker relied on.

``annotate_bill(bill, report, source, options) -> bytes``. For a .docx bill the document is the user's own,
untouched except for the comments ("covers hague-1970:1(a): all elements present"; "partial for …:
missing …"), plus one comment at the start listing the entries found nowhere. For any other format
(.txt, .pdf, .html, Akoma Ntoso) it is a new .docx holding the bill's text, one paragraph per line, with
the same comments. Paragraphs are matched to the report's character offsets by reading the .docx the
way :mod:`lawcheck.read.docx` does.
"""

from __future__ import annotations

import datetime as _dt
import io
from collections import defaultdict
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from lawcheck.errors import InputError
from lawcheck.models import Bill, OffenceResult, Report
from lawcheck.read.common import normalise_text
from lawcheck.read.docx import Walker, _part_root, check_parts, load_styles, open_zip, walk_blocks
from lawcheck.read.numbering import load_numbering
from lawcheck.render.common import ReportOptions
from lawcheck.render.i18n import Labels

INITIALS = "LC"


@dataclass(frozen=True)
class Block:
    """A paragraph of the output document and the span of ``Bill.text`` it holds."""

    paragraph: Paragraph
    start: int
    end: int


def annotate_bill(bill: Bill, report: Report, source: bytes | None = None,
                  options: ReportOptions | None = None) -> bytes:
    """The annotated .docx as bytes; ``source`` is the bill's file content (needed for a .docx bill)."""
    options = options or ReportOptions()
    labels = Labels(options.report_language(report))
    if bill.format == "docx" and source is not None:
        document, blocks = _from_docx(source, bill)
    else:
        document, blocks = _from_text(bill.text)
    date = _dt.datetime.fromisoformat(options.report_date()).strftime("%Y-%m-%dT00:00:00Z")
    comment = _Commenter(document, labels("annotate.author"), date)
    comment.on(_first(blocks), _not_found(report, labels))
    for (start, end), results in _by_provision(report).items():
        anchored = [b for b in blocks if b.start < end and b.end > start]
        comment.on(anchored, [_sentence(r, labels) for r in results])
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


# --------------------------------------------------------------------------- the document and its blocks


def _from_text(text: str) -> tuple[Document, list[Block]]:
    document = docx.Document()
    blocks, offset = [], 0
    for line in text.split("\n"):
        paragraph = document.add_paragraph(line)
        blocks.append(Block(paragraph, offset, offset + len(line)))
        offset += len(line) + 1
    return document, blocks


def _from_docx(data: bytes, bill: Bill) -> tuple[Document, list[Block]]:
    """Open the user's .docx and locate each paragraph the reader emitted in ``bill.text``."""
    with open_zip(data, bill.path) as archive:
        check_parts(archive, bill.path)
        numbering = load_numbering(_part_root(archive, "word/numbering.xml", bill.path))
        styles = load_styles(_part_root(archive, "word/styles.xml", bill.path))
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds
        raise InputError(bill.path, "the file is damaged or not a .docx", "save it again from Word") from error
    walker = Walker(numbering, styles)
    walk_blocks(document.element.body, walker)
    blocks, cursor = [], 0
    for element, line in zip(walker.paragraphs, walker.lines, strict=True):
        wanted = normalise_text(line)
        found = bill.text.find(wanted, cursor) if wanted else -1
        if found < 0:
            continue
        blocks.append(Block(Paragraph(element, document._body), found, found + len(wanted)))
        cursor = found + len(wanted)
    return document, blocks


def _first(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if _text_runs(b.paragraph)][:1]


def _text_runs(paragraph: Paragraph) -> list[Run]:
    """The paragraph's direct runs (comments anchor on whole runs)."""
    return [Run(r, paragraph) for r in paragraph._p.findall(qn("w:r"))]


# --------------------------------------------------------------------------- what the comments say


def _by_provision(report: Report) -> dict[tuple[int, int], list[OffenceResult]]:
    """The results relying on each provision (its span), in report order."""
    groups: dict[tuple[int, int], list[OffenceResult]] = defaultdict(list)
    for result in report.results:
        for provision in result.provisions[:1]:
            groups[(provision.start, provision.end)].append(result)
    return dict(sorted(groups.items()))


def _sentence(result: OffenceResult, labels: Labels) -> str:
    sentence = _verdict_sentence(result, labels)
    if result.decision is not None:
        decision = result.decision
        sentence += f" [{labels('finding.decision')}: {labels(f'status.{decision.status}')} — {decision.note}]"
    return sentence


def _verdict_sentence(result: OffenceResult, labels: Labels) -> str:
    entry = f"{result.instrument} {result.article} ({result.title})"
    missing = ", ".join(result.missing)
    if result.by_reference:
        return labels("annotate.by_reference", entry=entry)
    if result.status == "covered":
        return labels("annotate.covers", entry=entry)
    if result.status == "partial":
        return labels("annotate.partial", entry=entry, missing=missing)
    return labels("annotate.missing_core", entry=entry, missing=missing)


def _not_found(report: Report, labels: Labels) -> list[str]:
    missing = [r for r in report.results if r.status == "missing"]
    if not missing:
        return [labels("annotate.none_missing")]
    return [labels("annotate.not_found", count=len(missing))] + [
        f"{r.instrument} {r.article} — {r.title}" for r in missing]


class _Commenter:
    def __init__(self, document: Document, author: str, date: str) -> None:
        self.document, self.author, self.date = document, author, date

    def on(self, blocks: list[Block], lines: list[str]) -> None:
        """One comment spanning the runs of ``blocks``, one comment paragraph per line."""
        runs = [run for block in blocks for run in _text_runs(block.paragraph)]
        if not runs or not lines:
            return
        comment = self.document.add_comment([runs[0], runs[-1]], text=lines[0], author=self.author,
                                            initials=INITIALS)
        comment._comment_elm.set(qn("w:date"), self.date)
        for line in lines[1:]:
            comment.add_paragraph(line)


def annotate_file(path: str, catalogue=None, language: str | None = None,  # noqa: ANN001 - a Catalogue
                  instruments: tuple[str, ...] = (), options: ReportOptions | None = None) -> tuple[bytes, Report]:
    """Read and check the bill at ``path``; return the annotated .docx's bytes and the report."""
    from pathlib import Path

    from lawcheck.pipeline import check_bill
    from lawcheck.read import read_bill

    from lawcheck.catalogue import load_catalogue
    from lawcheck.render.common import localise

    catalogue = catalogue or load_catalogue()
    bill = read_bill(path)
    report = check_bill(bill, catalogue, language, instruments)
    source = Path(path).read_bytes() if bill.format == "docx" else None
    shown = localise(report, catalogue, (options or ReportOptions()).report_language(report))
    return annotate_bill(bill, shown, source, options), report


def default_output(path: str) -> str:
    """Where ``lawcheck annotate BILL`` writes without -o: BILL-annotated.docx beside the bill."""
    from pathlib import Path

    bill = Path(path)
    return str(bill.with_name(f"{bill.stem}-annotated.docx"))
