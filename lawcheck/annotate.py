"""The annotated bill: the user's own .docx with Word comments on the provisions the verdicts rely on.

``annotate_bill(bill, report, source, options, catalogue) -> bytes``. For a .docx bill the document is the
user's own, untouched except for the comments, all in the report's language and naming instruments, never
ids: one short comment at the start (the counts, the gaps that matter most, where the full report is), then
one comment on each provision that a covered or partial verdict rests on (the offence-creating or
obligation-carrying provision, innermost: "Section 8(1)(a)", not "Section 8(1)"), listing the entries it
covers. Provisions no verdict rests on (definitions, regulation-making powers, near misses of missing
entries) get no comment. For any other format
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
from lawcheck import rating as rating_rules
from lawcheck.render.common import ReportOptions, counted, innermost, localise, short_name
from lawcheck.render.i18n import Labels
from lawcheck.render.wordscript import comment_roots, mark_right_to_left, right_to_left, set_language

INITIALS = "LC"
OPENING_GAPS = 3  # gaps named in the opening comment


@dataclass(frozen=True)
class Block:
    """A paragraph of the output document and the span of ``Bill.text`` it holds."""

    paragraph: Paragraph
    start: int
    end: int


def annotate_bill(bill: Bill, report: Report, source: bytes | None = None,
                  options: ReportOptions | None = None, catalogue=None) -> bytes:  # noqa: ANN001 - a Catalogue
    """The annotated .docx as bytes; ``source`` is the bill's file content (needed for a .docx bill).

    With ``catalogue`` the report is localised (titles, element labels) and instruments are named by their
    short names in the report's language; without it, by the report's instrument field."""
    options = options or ReportOptions()
    language = options.report_language(report)
    labels = Labels(language)
    if catalogue is not None:
        report = localise(report, catalogue, language)
    names = {i: short_name(catalogue, i, language) if catalogue is not None else i for i in report.instruments}
    if bill.format == "docx" and source is not None:
        document, blocks = _from_docx(source, bill)
    else:
        document, blocks = _from_text(bill.text)
        set_language(document, report.bill.language or language, also=(language,))
        if right_to_left(report.bill.language):
            mark_right_to_left(document.element.body)
    date = _dt.datetime.fromisoformat(options.report_date()).strftime("%Y-%m-%dT00:00:00Z")
    comment = _Commenter(document, labels("annotate.author"), date)
    first = rating_rules.precedence(catalogue) if catalogue is not None else {}
    comment.on(_first(blocks), opening(report, labels, names, bill.path, first))
    for (start, end), results in _by_provision(report).items():
        anchored = [b for b in blocks if b.start < end and b.end > start]
        comment.on(anchored, [_sentence(r, labels, names) for r in results])
    if right_to_left(language):  # the comments read right to left; the user's own text is left as it is
        for root in comment_roots(document):
            mark_right_to_left(root)
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


def relied_on(result: OffenceResult) -> bool:
    """Whether a verdict rests on the result's provisions: it is covered or partial (an expert's decision
    included); a missing entry rests on nothing, whatever came close."""
    return result.status in ("covered", "partial") and bool(result.provisions)


def _by_provision(report: Report) -> dict[tuple[int, int], list[OffenceResult]]:
    """The results resting on each provision (the innermost first one, its span), in report order."""
    groups: dict[tuple[int, int], list[OffenceResult]] = defaultdict(list)
    for result in report.results:
        if relied_on(result):
            provision = innermost(result.provisions)[0]
            groups[(provision.start, provision.end)].append(result)
    return dict(sorted(groups.items()))


def _entry(result: OffenceResult, labels: Labels, names: dict[str, str]) -> str:
    return labels("annotated.entry", instrument=names.get(result.instrument, result.instrument),
                  article=result.article, title=result.title)


def _sentence(result: OffenceResult, labels: Labels, names: dict[str, str]) -> str:
    sentence = _verdict_sentence(result, labels, names)
    if result.decision is not None:
        sentence += " " + labels("annotated.decision", status=labels(f"status.{result.decision.status}"),
                                  note=result.decision.note)
    return sentence


def _verdict_sentence(result: OffenceResult, labels: Labels, names: dict[str, str]) -> str:
    entry = _entry(result, labels, names)
    if result.by_reference:
        return labels("annotate.by_reference", entry=entry)
    if result.status == "covered":
        return labels("annotate.covers", entry=entry)
    if result.missing:
        return labels("annotate.partial", entry=entry, missing=labels.join(result.missing))
    return labels("annotated.partial_only", entry=entry)


def opening(report: Report, labels: Labels, names: dict[str, str], path: str = "",
            first: dict[str, int] | None = None) -> list[str]:
    """The opening comment: the counts, the gaps that matter most, where the rest is (a few lines); when
    nothing could be judged, that alone (not "no gap")."""
    if not report.results:
        return [labels("annotated.none_judged")]
    counts = report.summary()
    lines = [labels("annotated.counts", **counted(labels, entries=len(report.results),
                                                  instruments=len(report.instruments), covered=counts["covered"],
                                                  partial=counts["partial"], missing=counts["missing"]))]
    ranked = rating_rules.gaps(report, None, first)
    if ranked:
        top = rating_rules.top_gaps(report, OPENING_GAPS, None, first)
        lines.append(labels("annotated.gaps", count=len(ranked),
                            top=labels.join((_entry(r, labels, names) for r in top), "punct.series")))
    else:
        lines.append(labels("annotated.no_gaps"))
    lines.append(labels("annotated.comments"))
    name = path.replace(chr(92), "/").rsplit("/", 1)[-1] or "bill"
    lines.append(labels("annotated.rest", command=f"lawcheck check {name} -o {labels('annotated.report_file')}"))
    return lines


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

    catalogue = catalogue or load_catalogue()
    bill = read_bill(path)
    report = check_bill(bill, catalogue, language, instruments)
    source = Path(path).read_bytes() if bill.format == "docx" else None
    return annotate_bill(bill, report, source, options, catalogue), report


def default_output(path: str) -> str:
    """Where ``lawcheck annotate BILL`` writes without -o: BILL-annotated.docx beside the bill."""
    from pathlib import Path

    bill = Path(path)
    return str(bill.with_name(f"{bill.stem}-annotated.docx"))
